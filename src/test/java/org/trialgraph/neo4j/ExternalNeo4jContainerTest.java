package org.trialgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.trialgraph.TrialGraphTest;

/**
 * The whole application against an external Neo4j 5.26 Community server in a container, as in
 * docker-compose.yml: setting {@code spring.neo4j.uri} switches the embedded database off, and the service
 * migrates, seeds and answers over HTTP exactly as it does embedded.
 *
 * <p>Needs a Docker engine. Without one, {@code disabledWithoutDocker} reports the whole class as skipped
 * ("disabledWithoutDocker is true and Docker is not available") and no Spring context is started.
 * The dynamic properties give this class its own application context, separate from the embedded one.
 */
@Testcontainers(disabledWithoutDocker = true)
@TrialGraphTest
class ExternalNeo4jContainerTest {

    static final String SEED_TRIAL_TITLE = "Efficacy and Safety of CD7 CAR-T in Newly Diagnosed High-Risk T-LBL/ALL";

    // Neo4j 5 refuses passwords shorter than 8 characters.
    static final String PASSWORD = "trialgraph-test-password";

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:5.26-community").withAdminPassword(PASSWORD);

    @DynamicPropertySource
    static void externalNeo4j(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", NEO4J::getBoltUrl);
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", () -> PASSWORD);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    MockMvc mvc;

    @Test
    void startsWithoutAnEmbeddedDatabase() {
        assertThat(context.getBeanNamesForType(DatabaseManagementService.class)).isEmpty();
    }

    @Test
    void servesTheSeedTrialOverHttp() {
        graphQl.documentName("seedTrial").execute()
                .path("trial.briefTitle").entity(String.class).isEqualTo(SEED_TRIAL_TITLE);
    }

    @Test
    void graphStatsCountsEverySeedTrial() {
        List<Map<String, Object>> nodes = graphQl.documentName("graphStats").execute()
                .path("graphStats.nodes").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        long trials = nodes.stream().filter(n -> "Trial".equals(n.get("label")))
                .mapToLong(n -> ((Number) n.get("count")).longValue()).sum();
        assertThat(trials).isEqualTo(seedNctIds().size());
    }

    @Test
    void theSeedsAreInTheContainerNotSomewhereElse() {
        // A driver of our own, straight to the container: the application wrote the seeds there.
        try (Driver direct = GraphDatabase.driver(NEO4J.getBoltUrl(), AuthTokens.basic("neo4j", PASSWORD))) {
            String title = direct.executableQuery("MATCH (t:Trial {nctId: 'NCT07476027'}) RETURN t.briefTitle AS title")
                    .execute().records().get(0).get("title").asString();
            long trials = direct.executableQuery("MATCH (t:Trial) RETURN count(t) AS n")
                    .execute().records().get(0).get("n").asLong();
            assertThat(title).isEqualTo(SEED_TRIAL_TITLE);
            assertThat(trials).isEqualTo(seedNctIds().size());
        }
    }

    @Test
    void migratesTheSchemaInTheContainer() throws IOException {
        int scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:neo4j/migrations/V*__*.cypher").length;
        try (Driver direct = GraphDatabase.driver(NEO4J.getBoltUrl(), AuthTokens.basic("neo4j", PASSWORD))) {
            long migrations = direct.executableQuery("MATCH (m:SchemaMigration) RETURN count(m) AS n")
                    .execute().records().get(0).get("n").asLong();
            List<String> indexes = direct.executableQuery("SHOW INDEXES YIELD name RETURN name").execute().records()
                    .stream().map(r -> r.get("name").asString()).toList();
            assertThat(scripts).isGreaterThanOrEqualTo(3);
            assertThat(migrations).isEqualTo(scripts);
            assertThat(indexes).contains("trial_nct_id", "trial_overall_status", "trial_text", "site_location");
        }
    }

    @Test
    void reportsReadyWithNeo4jUp() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.neo4j.status").value("UP"));
    }

    /** The distinct NCT ids of the seed files packaged with the application, read with Jackson. */
    static Set<String> seedNctIds() {
        JsonMapper json = JsonMapper.builder().build();
        Set<String> ids = new TreeSet<>();
        try {
            for (Resource seed : new PathMatchingResourcePatternResolver().getResources("classpath*:seeds/*")) {
                String name = seed.getFilename();
                if (name == null) {
                    continue;
                }
                try (InputStream in = seed.getInputStream()) {
                    if (name.endsWith(".json")) {
                        ids.add(nctId(json.readTree(in)));
                    } else if (name.endsWith(".jsonl")) {
                        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (!line.isBlank()) {
                                ids.add(nctId(json.readTree(line)));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the seeds", e);
        }
        assertThat(ids).contains("NCT07476027").hasSizeGreaterThan(1);
        return ids;
    }

    private static String nctId(JsonNode study) {
        return study.path("protocolSection").path("identificationModule").path("nctId").asString();
    }
}
