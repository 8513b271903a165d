package org.trialgraph.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import org.trialgraph.TrialGraphTest;

/** Browsers may call /graphql from the configured origins only (spring.graphql.cors.*; the tests allow one). */
@TrialGraphTest
class CorsTest {

    private static final String ALLOWED = "https://dashboard.example.org";

    @Autowired
    MockMvc mvc;

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() throws Exception {
        mvc.perform(options("/graphql").header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", ALLOWED));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() throws Exception {
        mvc.perform(options("/graphql").header("Origin", "https://elsewhere.example.com")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }

    @Test
    void aQueryFromAnAllowedOriginCarriesTheAllowHeader() throws Exception {
        mvc.perform(post("/graphql").header("Origin", ALLOWED).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"query\":\"{ graphStats { nodeCount } }\"}"))
                .andExpect(header().string("Access-Control-Allow-Origin", ALLOWED));
    }
}
