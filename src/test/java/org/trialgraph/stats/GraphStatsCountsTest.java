package org.trialgraph.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import org.trialgraph.QueryPlans;
import org.trialgraph.TrialGraphTest;

/**
 * graphStats reads Neo4j's count store, whatever the graph's size: its statements plan as count-store reads, never
 * as scans, and their counts are those of a scan of the (small) test graph.
 */
@TrialGraphTest
class GraphStatsCountsTest {

    @Autowired
    Driver driver;

    @Autowired
    GraphStatsRepository repository;

    @Test
    void countsEveryLabelAndTypeAsAScanWould() {
        Map<String, Long> labels = new HashMap<>();
        driver.executableQuery("MATCH (n) UNWIND labels(n) AS label WITH label WHERE label <> 'SchemaMigration' "
                + "RETURN label, count(*) AS count").execute().records()
                .forEach(r -> labels.put(r.get("label").asString(), r.get("count").asLong()));
        Map<String, Long> types = new HashMap<>();
        driver.executableQuery("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count").execute().records()
                .forEach(r -> types.put(r.get("type").asString(), r.get("count").asLong()));

        GraphStats stats = repository.graphStats();

        assertThat(labels).isNotEmpty();
        assertThat(stats.nodes()).extracting(GraphStats.LabelCount::label, GraphStats.LabelCount::count)
                .containsExactlyInAnyOrderElementsOf(labels.entrySet().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue())).toList());
        assertThat(stats.relationships()).extracting(GraphStats.TypeCount::type, GraphStats.TypeCount::count)
                .containsExactlyInAnyOrderElementsOf(types.entrySet().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue())).toList());
        assertThat(stats.nodes()).isSortedAccordingTo((a, b) -> Long.compare(b.count(), a.count()));
    }

    @Test
    void readsOnlyTheCountStore() {
        List<String> labels = driver.executableQuery("CALL db.labels() YIELD label RETURN label").execute().records()
                .stream().map(r -> r.get("label").asString()).toList();
        List<String> types = driver.executableQuery("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t")
                .execute().records().stream().map(r -> r.get("t").asString()).toList();

        assertCountStoreOnly(GraphStatsRepository.labelCounts(labels), "NodeCountFromCountStore");
        assertCountStoreOnly(GraphStatsRepository.typeCounts(types), "RelationshipCountFromCountStore");
    }

    @Test
    void aNameWithABacktickIsQuoted() {
        assertCountStoreOnly(GraphStatsRepository.labelCounts(List.of("We`ird Label")), "NodeCountFromCountStore");
        assertCountStoreOnly(GraphStatsRepository.typeCounts(List.of("HAS `ODD`")), "RelationshipCountFromCountStore");
    }

    private void assertCountStoreOnly(String cypher, String countOperator) {
        List<String> operators = QueryPlans.operators(driver, cypher, Map.of());
        assertThat(operators).as("plan of %s", cypher)
                .anySatisfy(op -> assertThat(op).startsWith(countOperator))
                .noneSatisfy(op -> assertThat(op).containsAnyOf("Scan", "Expand", "Filter"));
    }
}
