package org.trialgraph.graphiql;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trialgraph.TrialGraphTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The page and its assets are served to anonymous users; the endpoint's own security is not touched. */
@TrialGraphTest
class GraphiQlPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void redirectsToTheSlashedPathKeepingTheQueryString() throws Exception {
        mvc.perform(get("/graphiql").queryParam("query", "{ ping }"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "graphiql/?query=%7B%20ping%20%7D"));
    }

    @Test
    void servesThePageAndItsAssetsAnonymously() throws Exception {
        mvc.perform(get("/graphiql/"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("src=\"graphiql.js\"")));
        mvc.perform(get("/graphiql/graphiql.js")).andExpect(status().isOk());
        mvc.perform(get("/graphiql/workers/graphql.worker.js")).andExpect(status().isOk());
    }
}
