package org.trialgraph.graphiql;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** With the switch off, neither the page nor the static bundle is reachable, even for a signed-in user. */
@SpringBootTest(properties = {"trialgraph.graphiql.enabled=false", "trialgraph.seed.enabled=false"})
@AutoConfigureMockMvc
@WithMockUser
class GraphiQlDisabledTest {

    @Autowired
    MockMvc mvc;

    @Test
    void pageAndAssetsAreGone() throws Exception {
        for (String path : new String[] {"/graphiql", "/graphiql/", "/graphiql/index.html", "/graphiql/graphiql.js"}) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
    }
}
