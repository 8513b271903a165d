package org.trialgraph.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.criteria.Concept;
import org.trialgraph.ingest.StudyImporter;

/**
 * Constraints' trial counts from the facet index against the graph's count, on the 2,519 real records: every
 * constraint's count, every concept's ranking, and again after an import and a delete reach the index.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConstraintCountsIndexTest {

    private static final String ALL_COUNTED_BY_THE_GRAPH = """
            MATCH (n:Constraint)
            RETURN id(n) AS node, n.key AS key,
                   COUNT { MATCH (t:Trial)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(n) RETURN DISTINCT t } AS trials
            """;
    private static final String COPY = "NCT99999983";

    @Autowired
    StudyImporter importer;

    @Autowired
    ConstraintTrialCounts index;

    @Autowired
    ConstraintRepository repository;

    @Autowired
    Driver driver;

    Map<String, JsonNode> raw;

    @BeforeAll
    void importApiV2Records() throws InterruptedException {
        raw = SharedData.importApiV2(importer);
        awaitIndex();
    }

    @Test
    void theIndexCountsEveryConstraintAsTheGraphDoes() {
        assertThat(compareAllCounts()).as("constraints compared").isGreaterThan(1_000);
    }

    @Test
    void eachConceptIsRankedAsTheGraphRanksIt() {
        int ranked = 0;
        for (Concept concept : Concept.values()) {
            for (int limit : List.of(3, 1_000)) {
                List<String> byIndex = repository.ofConcept(concept.name(), limit).stream().map(c -> c.key()).toList();
                List<String> byGraph = repository.ofConceptByCypher(concept.name(), limit).stream()
                        .map(c -> c.constraint().key()).toList();
                assertThat(byIndex).as("%s, first %d", concept, limit).isEqualTo(byGraph);
                ranked += byIndex.size();
            }
        }
        assertThat(ranked).as("constraints ranked").isGreaterThan(500);
        Map<String, Long> kept = repository.trialCounts(List.of("AGE|GE|18|years", "ECOG|LE|1|"));
        assertThat(kept).containsEntry("AGE|GE|18|years", graphCounts().get("AGE|GE|18|years"))
                .containsEntry("ECOG|LE|1|", graphCounts().get("ECOG|LE|1|"));
    }

    @Test
    void anImportAndADeleteReachTheIndexCounts() throws InterruptedException {
        String source = raw.keySet().stream().filter(id -> raw.get(id).toString().contains("18 years")).findFirst()
                .orElseThrow();
        importer.importText("copy", raw.get(source).toString().replace(source, COPY));
        awaitIndex();
        compareAllCounts();
        importer.deleteTrials(List.of(COPY));
        awaitIndex();
        compareAllCounts();
    }

    private int compareAllCounts() {
        List<Record> rows = driver.executableQuery(ALL_COUNTED_BY_THE_GRAPH).execute().records();
        int[] byIndex = index.trialsStating(rows.stream().mapToLong(r -> r.get("node").asLong()).toArray());
        assertThat(byIndex).as("the index answers").isNotNull();
        for (int i = 0; i < rows.size(); i++) {
            assertThat((long) byIndex[i]).as(rows.get(i).get("key").asString()).isEqualTo(rows.get(i).get("trials").asLong());
        }
        return rows.size();
    }

    private Map<String, Long> graphCounts() {
        Map<String, Long> counts = new HashMap<>();
        driver.executableQuery(ALL_COUNTED_BY_THE_GRAPH).execute().records()
                .forEach(r -> counts.put(r.get("key").asString(), r.get("trials").asLong()));
        return counts;
    }

    private void awaitIndex() throws InterruptedException {
        for (int i = 0; i < 1200 && index.trialsStating(new long[0]) == null; i++) {
            Thread.sleep(50);
        }
        assertThat(index.trialsStating(new long[0])).as("the index is built and up to date").isNotNull();
    }
}
