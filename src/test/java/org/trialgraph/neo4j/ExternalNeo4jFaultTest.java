package org.trialgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import org.trialgraph.TrialGraphTest;

/**
 * The service on an external Neo4j that goes away and comes back: a second Neo4j started here (its own folder,
 * Bolt on a free loopback port) stands in for the server. While it is stopped a query answers
 * SERVICE_UNAVAILABLE and health is DOWN; once it runs again on the same port and folder the service recovers
 * without a restart.
 */
@TrialGraphTest
class ExternalNeo4jFaultTest {

    private static final Logger log = LoggerFactory.getLogger(ExternalNeo4jFaultTest.class);

    private static final Path HOME = Path.of("target/neo4j-test/external-" + UUID.randomUUID()).toAbsolutePath();
    private static final int PORT = freePort();
    private static DatabaseManagementService server = startServer();

    @DynamicPropertySource
    static void externalNeo4j(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", () -> "bolt://127.0.0.1:" + PORT);
        registry.add("trialgraph.seed.enabled", () -> "false");
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    WebTestClient http;

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.shutdown();
        }
        FileSystemUtils.deleteRecursively(HOME);
    }

    @Test
    void aStoppedServerGivesAClearErrorAndHealthDownAndTheServiceRecoversWhenItReturns() {
        assertThat(context.getBeanNamesForType(DatabaseManagementService.class)).isEmpty();
        assertThat(trialCount().at("/data/trials/totalCount").isNumber()).isTrue();
        assertThat(healthStatus()).isEqualTo("UP");

        server.shutdown();
        server = null;
        long started = System.nanoTime();
        JsonNode failed = trialCount();
        log.info("Query with Neo4j stopped answered in {} ms", (System.nanoTime() - started) / 1_000_000);
        assertThat(failed.at("/errors/0/extensions/classification").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(failed.at("/errors/0/message").asString()).isEqualTo("The database is unavailable; try again shortly.");
        started = System.nanoTime();
        assertThat(healthStatus()).isEqualTo("DOWN");
        log.info("Health with Neo4j stopped answered in {} ms", (System.nanoTime() - started) / 1_000_000);

        server = startServer();
        started = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> trialCount().at("/data/trials/totalCount").isNumber());
        log.info("Query succeeded again {} ms after Neo4j was back", (System.nanoTime() - started) / 1_000_000);
        assertThat(healthStatus()).isEqualTo("UP");
    }

    private JsonNode trialCount() {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ trials(first: 1) { totalCount } }"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String healthStatus() {
        JsonNode health = http.get().uri("/actuator/health").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return health.at("/status").asString();
    }

    private static DatabaseManagementService startServer() {
        return new DatabaseManagementServiceBuilder(HOME)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", PORT))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
