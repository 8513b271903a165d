package org.trialgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.trialgraph.TrialGraphTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The in-process Neo4j answers over Bolt on loopback, from many threads at once (mixed Netty versions once
 * made concurrent sessions hang), and the application reports ready with Neo4j healthy.
 */
@TrialGraphTest
class EmbeddedNeo4jTest {

    @Autowired
    Driver driver;

    @Autowired
    MockMvc mvc;

    @Test
    void answersBoltQueriesFromManyThreadsAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Long>> answers = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    answers.add(pool.submit(() -> driver.executableQuery("RETURN $n AS n")
                            .withParameters(Map.of("n", n)).execute().records().get(0).get("n").asLong()));
                }
                for (int i = 0; i < answers.size(); i++) {
                    assertThat(answers.get(i).get()).isEqualTo(i);
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }

    @Test
    void listensOnLoopbackOnly() {
        String address = driver.executableQuery("CALL dbms.listConfig('server.bolt.listen_address') YIELD value")
                .execute().records().get(0).get("value").asString();
        assertThat(address).startsWith("127.0.0.1:");
    }

    @Test
    void isReadyWithNeo4jUpAfterMigrationsAndSeeds() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.neo4j.status").value("UP"));
        long migrations = driver.executableQuery("MATCH (m:SchemaMigration) RETURN count(m) AS n").execute()
                .records().get(0).get("n").asLong();
        long seedTrial = driver.executableQuery("MATCH (t:Trial {nctId: 'NCT07476027'}) RETURN count(t) AS n")
                .execute().records().get(0).get("n").asLong();
        assertThat(migrations).isGreaterThanOrEqualTo(3);
        assertThat(seedTrial).isEqualTo(1);
    }

    @Test
    void keepsNoCopyOfRecentQueriesOnTheHeap() {
        for (int i = 0; i < 3; i++) {
            driver.executableQuery("RETURN 'recent-query-probe' AS probe").execute();
        }
        List<String> recent = driver.executableQuery("CALL db.stats.retrieve('QUERIES') YIELD data RETURN data")
                .execute().records().stream().map(r -> r.get("data").toString()).toList();
        assertThat(recent).noneMatch(data -> data.contains("recent-query-probe"));
    }

    @Test
    void createsTheIndexesTheQueriesRelyOn() {
        List<String> indexes = driver.executableQuery("SHOW INDEXES YIELD name RETURN name").execute().records()
                .stream().map(r -> r.get("name").asString()).toList();
        assertThat(indexes).contains("trial_nct_id", "trial_overall_status", "trial_text", "site_location");
    }
}
