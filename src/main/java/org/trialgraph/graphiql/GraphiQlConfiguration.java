package org.trialgraph.graphiql;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Switching off the self-hosted GraphiQL ({@code /graphiql} and its static assets under {@code /graphiql/**}).
 * The page itself is public like every read (see the security package); operators put their token into
 * GraphiQL's headers editor for mutations.
 */
@Configuration(proxyBeanMethods = false)
class GraphiQlConfiguration {

    static final String ENABLED = "trialgraph.graphiql.enabled";

    /** Static resources are served regardless of the controller, so switching GraphiQL off must hide them too. */
    @Bean
    @ConditionalOnProperty(name = ENABLED, havingValue = "false")
    FilterRegistrationBean<?> graphiQlIsHidden() {
        var registration = new FilterRegistrationBean<>((request, response, chain) ->
                ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND));
        registration.addUrlPatterns("/graphiql", "/graphiql/*");
        return registration;
    }
}
