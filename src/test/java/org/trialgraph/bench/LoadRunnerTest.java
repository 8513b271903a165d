package org.trialgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The load runner posts each query with its placeholders filled and counts as failed every answer that is not an
 * HTTP 200 without top-level errors. The server here is the JDK's HTTP server, answering by a script.
 */
class LoadRunnerTest {

    private HttpServer server;
    private final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answered = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/graphql", this::answer);
        server.createContext("/empty", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** Every third request fails: an HTTP 500, then a GraphQL error, then a success, and so on. */
    private void answer(HttpExchange exchange) throws IOException {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        int n = answered.getAndIncrement();
        int status = n % 3 == 0 ? 500 : 200;
        String body = switch (n % 3) {
            case 0 -> "boom";
            case 1 -> "{\"errors\":[{\"message\":\"no such trial\"}],\"data\":null}";
            default -> "{\"data\":{\"trial\":{\"nctId\":\"NCT1\",\"note\":\"\\\"errors\\\":[\"}}}";
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void countsHttpFailuresAndGraphQlErrorsButNotSuccesses() throws Exception {
        BenchQuery query = BenchQuery.parse("""
                ### detail
                # variables: {"nctId": "{{nctId}}"}
                query q($nctId: ID!) { trial(nctId: $nctId) { nctId } }
                """).get(0);
        URI graphql = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");

        LoadRunner.Measurement m;
        try (LoadRunner runner = new LoadRunner(graphql, Map.of("nctId", List.of("NCT00000102")), 2)) {
            m = runner.run(query, 2, new LoadRunner.Limits(Duration.ofSeconds(30), 30), 7);
        }

        assertThat(m.requests()).isEqualTo(30);
        assertThat(m.errors()).isEqualTo(20);
        assertThat(m.firstError()).satisfiesAnyOf(
                e -> assertThat(e).isEqualTo("HTTP 500: boom"),
                e -> assertThat(e).contains("no such trial"));
        assertThat(bodies).hasSize(30).allSatisfy(body -> assertThat(body)
                .contains("\"variables\":{\"nctId\": \"NCT00000102\"}")
                .startsWith("{\"query\":\"query q($nctId: ID!) {"));
    }

    @Test
    void countsAnAnswerWithoutBodyAsFailed() throws Exception {
        BenchQuery query = BenchQuery.parse("""
                ### empty
                { trials(first: 1) { totalCount } }
                """).get(0);
        URI empty = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/empty");

        LoadRunner.Measurement m;
        try (LoadRunner runner = new LoadRunner(empty, Map.of(), 1)) {
            m = runner.run(query, 1, new LoadRunner.Limits(Duration.ofSeconds(30), 3), 1);
        }

        assertThat(m.requests()).isEqualTo(3);
        assertThat(m.errors()).isEqualTo(3);
        assertThat(m.firstError()).isEqualTo("HTTP 204: ");
    }
}
