package org.trialgraph.graphiql;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the self-hosted GraphiQL page (assets in {@code static/graphiql/}, built from {@code graphiql-ui/}).
 */
@Controller
@ConditionalOnProperty(name = GraphiQlConfiguration.ENABLED, havingValue = "true", matchIfMissing = true)
class GraphiQlPageController {

    private static final Resource PAGE = new ClassPathResource("static/graphiql/index.html");

    /**
     * The page references its assets and the endpoint relative to {@code /graphiql/}, so the slash-less path
     * redirects there. The Location is relative, which keeps any context path or proxy prefix intact.
     */
    @GetMapping("/graphiql")
    ResponseEntity<Void> redirectToPage(HttpServletRequest request) {
        String query = request.getQueryString();
        String location = "graphiql/" + (query == null ? "" : "?" + query);
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location).build();
    }

    @GetMapping("/graphiql/")
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .body(PAGE);
    }
}
