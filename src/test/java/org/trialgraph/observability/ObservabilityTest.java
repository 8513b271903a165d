package org.trialgraph.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.trialgraph.QueryCounting;
import org.trialgraph.TrialGraphTest;

/** Request ids in responses and logs; GraphQL timers per operation and data fetcher at /actuator/prometheus. */
@TrialGraphTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

    @Autowired
    WebTestClient http;

    @Autowired
    QueryCounting.Counter counter;

    @Test
    void theCallersRequestIdIsEchoedAndOnTheLogLinesOfTheRequest(CapturedOutput output) {
        query("rid-test-4711", "query trialCountForIds { trials(first: 1) { totalCount edges { node { nctId } } } }")
                .expectHeader().valueEquals("X-Request-Id", "rid-test-4711");

        assertThat(output.getOut().lines().filter(line -> line.contains("[rid-test-4711]")))
                .anyMatch(line -> line.contains("POST /graphql 200"));
    }

    @Test
    void aMissingOrUnsafeRequestIdIsReplacedByAGeneratedOne() {
        String generated = query("<script>alert(1)</script> " + "x".repeat(100), "{ graphStats { nodeCount } }")
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
    }

    @Test
    void prometheusShowsGraphQlTimersPerOperationAndDataFetcher() {
        query("metrics-1", "query observedTrials { trials(first: 2) { edges { node { nctId conditions { name } } } } }")
                .expectStatus().isOk();

        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation_type=\"query\",graphql_outcome=\"SUCCESS\"");
        assertThat(metrics).containsPattern("graphql_datafetcher_seconds_count\\{[^}]*graphql_field_name=\"trials\"");
    }

    @Test
    void nestedFieldsAreNotTimedOneByOne() {
        query("metrics-3", "query observedParts { trials(first: 3) { edges { node { nctId conditions { name } leadSponsor { name } } } } }")
                .expectStatus().isOk();

        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("graphql_datafetcher_seconds_count\\{[^}]*graphql_field_name=\"trials\"");
        assertThat(metrics).doesNotContainPattern("graphql_datafetcher_seconds_count\\{[^}]*graphql_field_name=\"(conditions|leadSponsor)\"");
    }

    @Test
    void requestsAreTimedAsAWholeNotOncePerSecurityFilter() {
        query("metrics-4", "query timedOnce { graphStats { nodeCount } }").expectStatus().isOk();

        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/graphql\"");
        assertThat(metrics).doesNotContain("spring_security_");
    }

    @Test
    void prometheusCountsEveryDatabaseQuerySent() {
        double before = queriesSent();
        counter.reset();
        query("metrics-2", "query countedTrials { trials(first: 3) { totalCount edges { node { nctId conditions { name } } } } }")
                .expectStatus().isOk();

        assertThat(counter.queries()).isPositive();
        assertThat(queriesSent() - before).isEqualTo(counter.queries());
    }

    private double queriesSent() {
        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Matcher total = Pattern.compile("(?m)^trialgraph_db_queries_total(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        assertThat(total.find()).as("trialgraph_db_queries_total in %s", metrics).isTrue();
        return Double.parseDouble(total.group(1));
    }

    private WebTestClient.ResponseSpec query(String requestId, String document) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", requestId)
                .bodyValue(Map.of("query", document)).exchange();
    }
}
