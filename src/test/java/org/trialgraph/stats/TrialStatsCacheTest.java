package org.trialgraph.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.QueryCounting;
import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.StudyImporter;

/** trialStats answers are kept between requests, and an import or a delete drops them. */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class TrialStatsCacheTest {

    private static final String SOURCE = "NCT04907045";
    private static final String COPY = "NCT99999981";

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    StudyImporter importer;

    @Autowired
    QueryCounting.Counter counter;

    Map<String, JsonNode> raw;

    @BeforeAll
    void importApiV2Records() {
        raw = SharedData.importApiV2(importer);
    }

    @Test
    void theSameStatsAgainAreAnsweredWithoutTheDatabase() {
        List<Map<String, Object>> first = stats(List.of(SOURCE));
        counter.reset();
        List<Map<String, Object>> again = stats(List.of(SOURCE));
        assertThat(counter.queries()).isZero();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void anImportAndADeleteDropTheKeptStats() {
        String status = raw.get(SOURCE).path("protocolSection").path("statusModule").path("overallStatus").asString();
        List<String> ids = List.of(SOURCE, COPY);
        assertThat(trials(stats(ids), status)).isEqualTo(1);

        importer.importText("copy", raw.get(SOURCE).toString().replace(SOURCE, COPY));
        assertThat(trials(stats(ids), status)).as("after importing %s", COPY).isEqualTo(2);

        importer.deleteTrials(List.of(COPY));
        assertThat(trials(stats(ids), status)).as("after deleting %s", COPY).isEqualTo(1);
    }

    private List<Map<String, Object>> stats(List<String> nctIds) {
        return new ArrayList<>(graphQl.documentName("trialStats").variable("where", Map.of("nctIds", nctIds))
                .variable("groupBy", List.of("STATUS")).variable("top", 1000).execute().path("trialStats")
                .entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList());
    }

    private static long trials(List<Map<String, Object>> buckets, String status) {
        return buckets.stream().filter(b -> ((List<String>) b.get("keys")).get(0).equals(status))
                .mapToLong(b -> ((Number) b.get("trials")).longValue()).sum();
    }
}
