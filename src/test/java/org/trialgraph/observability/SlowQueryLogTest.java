package org.trialgraph.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.trialgraph.TrialGraphTest;

/** With threshold 0 every query behind a request is logged: Cypher, duration, rows and request id, no parameters. */
@TrialGraphTest
@TestPropertySource(properties = {"trialgraph.slow-query.threshold=0", "trialgraph.seed.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class SlowQueryLogTest {

    @Autowired
    WebTestClient http;

    @Test
    void theCypherOfARequestIsLoggedWithItsRequestIdButNotItsParameters(CapturedOutput output) {
        String secret = "Quuxzyxvut4711";
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", "slow-rid-1")
                .bodyValue(Map.of("query", "query($text: String!) { search(text: $text, first: 3) { totalCount } }",
                        "variables", Map.of("text", secret)))
                .exchange().expectStatus().isOk();

        assertThat(output.getOut().lines().filter(line -> line.contains("[slow-rid-1]"))).anyMatch(line -> line.contains("[slow-rid-1]")
                && line.matches(".*cypher \\d+ ms, \\d+ rows: .*db\\.index\\.fulltext\\.queryNodes\\('trial_text', \\$query[,)].*"));
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void aWriteTransactionIsLoggedWithTheStatementsItRan(CapturedOutput output) {
        String secretId = "NCT31415926";
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", "slow-rid-2")
                .header("Authorization", "Bearer test-operator-token")
                .bodyValue(Map.of("query", "mutation($ids: [ID!]!) { deleteTrials(nctIds: $ids) }",
                        "variables", Map.of("ids", List.of(secretId))))
                .exchange().expectStatus().isOk();

        assertThat(output.getOut().lines().filter(line -> line.contains("[slow-rid-2]")))
                .anyMatch(line -> line.matches(".*transaction \\d+ ms, [1-9]\\d* statements: .*MATCH.*"));
        assertThat(output.getAll()).doesNotContain(secretId);
    }
}
