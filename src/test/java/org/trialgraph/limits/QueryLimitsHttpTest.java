package org.trialgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.TrialGraphTest;

/** The limits over real HTTP with the default configuration: refusals are GraphQL errors, big bodies 413. */
@TrialGraphTest
class QueryLimitsHttpTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @Autowired
    HttpGraphQlTester graphQl;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTooDeepQueryIsABadRequestWithoutData() {
        graphQl.document("""
                { criteria(first: 1) { edges { node { trials(first: 1) { edges { node { eligibility { sections {
                  criteria { criterion { trials(first: 1) { edges { node { nctId } } } } } } } } } } } } } }""")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getMessage()).isEqualTo("query depth 14 exceeds the maximum 12");
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getExtensions()).containsEntry("limit", "max-depth").containsEntry("maximum", 12);
                }))
                .path("criteria").pathDoesNotExist();
    }

    @Test
    void aTooComplexQueryIsABadRequest() {
        graphQl.document("""
                { criteria(first: 100) { edges { node { key trials(first: 100) { edges { node {
                  nctId briefTitle conditions { name } } } } } } } }""")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getMessage()).matches("query complexity \\d+ exceeds the maximum 25000 .*");
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                }))
                .path("criteria").pathDoesNotExist();
    }

    @Test
    void aPageOf101IsABadRequest() {
        graphQl.documentName("criteria").variable("first", 101).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getMessage()).isEqualTo("first must be between 0 and 100, was 101 (on criteria)");
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                }));
    }

    @Test
    void aFullPageIsAnswered() {
        graphQl.documentName("criteria").variable("first", 100).execute()
                .path("criteria.edges").entityList(Object.class).hasSizeGreaterThan(1);
    }

    @Test
    void anAliasBombIsRefusedQuickly() {
        StringBuilder bomb = new StringBuilder("{");
        for (int i = 0; i < 2000; i++) {
            bomb.append(" a").append(i).append(": graphStats { nodeCount }");
        }
        assertTimeoutPreemptively(HANG_GUARD, () -> graphQl.document(bomb.append(" }").toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getMessage()).startsWith("query selects more than 1000 fields");
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                })));
    }

    @Test
    void aFragmentBombIsRefusedQuickly() {
        StringBuilder bomb = new StringBuilder("{ ...F0 }\n");
        for (int level = 0; level < 12; level++) {
            bomb.append("fragment F").append(level).append(" on Query {");
            for (int i = 0; i < 10; i++) {
                bomb.append(level == 11 ? " graphStats { nodeCount }" : " ...F" + (level + 1));
            }
            bomb.append(" }\n");
        }
        assertTimeoutPreemptively(HANG_GUARD, () -> graphQl.document(bomb.toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).startsWith("query selects more than 1000 fields"))));
    }

    @Test
    void aMalformedDocumentIsASyntaxError() {
        graphQl.document("{ trial(nctId: ").execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("InvalidSyntax")));
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String body = bodyOfAbout(300 * 1024);
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(body));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("max-request-bytes");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        byte[] body = bodyOfAbout(300 * 1024).getBytes(StandardCharsets.UTF_8);
        // ofInputStream has no known length: the client sends the body chunked, without Content-Length.
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyUnderTheLimitIsAnswered() throws Exception {
        byte[] body = "{\"query\":\"{ graphStats { nodeCount } }\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"nodeCount\"");
    }

    @Test
    void deeplyNestedVariablesAreRefusedQuickly() {
        // 200 KB of nesting, under the body limit: Jackson's nesting limit refuses it while reading.
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        HttpResponse<String> response = assertTimeoutPreemptively(HANG_GUARD, () -> post(HttpRequest.BodyPublishers.ofString(
                "{\"query\":\"query($v: String) { graphStats { nodeCount } }\",\"variables\":{\"v\":" + nested + "}}")));
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void aRefusalIsAnsweredWith200AndAGraphQlErrorForJsonClients() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(
                "{\"query\":\"{ criteria(first: 101) { totalCount } }\"}"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"classification\":\"BAD_REQUEST\"").doesNotContain("\"data\":{");
    }

    @Test
    void aRefusalIsA400ForGraphQlResponseClients() throws Exception {
        // GraphQL over HTTP: with application/graphql-response+json, a response without data is a 4xx.
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ criteria(first: 101) { totalCount } }\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("graphql-response+json refusal: " + response.statusCode() + " " + response.body());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"classification\":\"BAD_REQUEST\"");
    }

    /** A valid GraphQL request padded with a big variable. */
    private static String bodyOfAbout(int bytes) {
        return "{\"query\":\"query($pad: String) { graphStats { nodeCount } }\",\"variables\":{\"pad\":\""
                + "x".repeat(bytes) + "\"}}";
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
