package org.trialgraph.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.StudyImporter;

/** trialStats groups equal the raw records' counts, and single-valued groups sum to the filtered total. */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class TrialStatsTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    StudyImporter importer;

    Map<String, JsonNode> raw;

    @BeforeAll
    void importApiV2Records() {
        raw = SharedData.importApiV2(importer);
    }

    @Test
    void countsByStatusEqualTheRawRecordsAndSumToTheTotal() {
        Map<String, Object> stats = stats(List.of("STATUS"), 1000);
        Map<String, Long> expected = raw.values().stream().collect(Collectors.groupingBy(
                s -> s.path("protocolSection").path("statusModule").path("overallStatus").asString(), Collectors.counting()));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) stats.get("groups");
        Map<String, Long> actual = groups.stream().collect(Collectors.toMap(g -> ((List<String>) g.get("keys")).get(0),
                g -> ((Number) g.get("count")).longValue()));
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(((Number) stats.get("total")).longValue());
    }

    @Test
    void phaseByStudyTypeCountsEachPhaseOfATrial() {
        Map<String, Object> stats = stats(List.of("PHASE", "STUDY_TYPE"), 1000);
        Map<String, Long> expected = new HashMap<>();
        raw.values().forEach(s -> {
            JsonNode design = s.path("protocolSection").path("designModule");
            List<String> phases = design.path("phases").valueStream().map(JsonNode::asString).distinct().toList();
            for (String phase : phases.isEmpty() ? List.of("(none)") : phases) {
                expected.merge(phase + "/" + design.path("studyType").asString("(none)"), 1L, Long::sum);
            }
        });
        Map<String, Long> actual = ((List<Map<String, Object>>) stats.get("groups")).stream().collect(Collectors.toMap(
                g -> String.join("/", (List<String>) g.get("keys")), g -> ((Number) g.get("count")).longValue()));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void beyondTopTheRestIsOneOtherGroup() {
        Map<String, Object> stats = stats(List.of("START_YEAR"), 5);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) stats.get("groups");
        assertThat(groups).hasSize(6);
        assertThat(groups.get(5).get("keys")).isEqualTo(List.of("(other)"));
        assertThat(groups.get(5).get("distinctSponsors")).isNull();
        assertThat(groups.stream().mapToLong(g -> ((Number) g.get("count")).longValue()).sum())
                .isEqualTo(((Number) stats.get("total")).longValue());
    }

    private Map<String, Object> stats(List<String> groupBy, int top) {
        Map<String, Object> where = Map.of("nctIds", List.copyOf(raw.keySet()));
        return graphQl.documentName("trialStats").variable("where", where).variable("groupBy", groupBy)
                .variable("top", top).execute().path("trialStats").entity(Map.class).get();
    }
}
