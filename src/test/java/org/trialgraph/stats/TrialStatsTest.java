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
import org.trialgraph.ingest.Keys;
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
    void countsAndEnrollmentByStatusEqualTheRawRecordsAndSumToTheTotal() {
        List<Map<String, Object>> buckets = stats(List.of("STATUS"), 1000);
        Map<String, List<JsonNode>> expected = raw.values().stream().collect(Collectors.groupingBy(
                s -> s.path("protocolSection").path("statusModule").path("overallStatus").asString()));
        Map<String, Long> actualCounts = buckets.stream().collect(Collectors.toMap(b -> key(b), b -> number(b, "trials")));
        assertThat(actualCounts).isEqualTo(expected.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size())));
        Map<String, Long> actualEnrollment = buckets.stream().collect(Collectors.toMap(b -> key(b), b -> number(b, "enrollment")));
        assertThat(actualEnrollment).isEqualTo(expected.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().mapToLong(s -> s.path("protocolSection").path("designModule")
                        .path("enrollmentInfo").path("count").asLong(0)).sum())));
        assertThat(actualCounts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total());
    }

    @Test
    void sponsorsCountsTheDistinctLeadSponsorsOfAGroup() {
        Map<String, Long> expected = raw.values().stream().collect(Collectors.groupingBy(
                s -> s.path("protocolSection").path("designModule").path("studyType").asString("(none)"),
                Collectors.mapping(s -> s.path("protocolSection").path("sponsorCollaboratorsModule").path("leadSponsor")
                        .path("name").asString().transform(Keys::of),
                        Collectors.collectingAndThen(Collectors.toSet(), set -> (long) set.size()))));
        Map<String, Long> actual = stats(List.of("STUDY_TYPE"), 1000).stream()
                .collect(Collectors.toMap(b -> key(b), b -> number(b, "sponsors")));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void phaseByStudyTypeCountsEachPhaseOfATrial() {
        Map<String, Long> expected = new HashMap<>();
        raw.values().forEach(s -> {
            JsonNode design = s.path("protocolSection").path("designModule");
            List<String> phases = design.path("phases").valueStream().map(JsonNode::asString).distinct().toList();
            for (String phase : phases.isEmpty() ? List.of("(none)") : phases) {
                expected.merge(phase + "/" + design.path("studyType").asString("(none)"), 1L, Long::sum);
            }
        });
        Map<String, Long> actual = stats(List.of("PHASE", "STUDY_TYPE"), 1000).stream().collect(Collectors.toMap(
                b -> String.join("/", (List<String>) b.get("keys")), b -> number(b, "trials")));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void beyondTopTheRestIsOneOtherGroup() {
        List<Map<String, Object>> buckets = stats(List.of("START_YEAR"), 5);
        assertThat(buckets).hasSize(6);
        assertThat(buckets.get(5).get("keys")).isEqualTo(List.of("(other)"));
        assertThat(buckets.get(5).get("sponsors")).isNull();
        assertThat(buckets.stream().mapToLong(b -> number(b, "trials")).sum()).isEqualTo(total());
    }

    /** A top-level condition finds its trials from the term's side (TrialFilterCypher.match); nested, trial by trial. */
    @Test
    void aConditionAtTheTopLevelGroupsTheSameTrialsAsTheSameFilterNested() {
        Map<String, Object> filter = Map.of("condition", "Neoplasms", "overallStatus", List.of("COMPLETED", "RECRUITING"));
        List<Map<String, Object>> fromTheTerm = stats(filter, List.of("PHASE", "STATUS"));
        assertThat(fromTheTerm).isNotEmpty().isEqualTo(stats(Map.of("AND", List.of(filter)), List.of("PHASE", "STATUS")));
        assertThat(fromTheTerm).allSatisfy(b -> assertThat(number(b, "sponsors")).isPositive());
    }

    private List<Map<String, Object>> stats(Map<String, Object> where, List<String> groupBy) {
        return graphQl.documentName("trialStats").variable("where", where).variable("groupBy", groupBy)
                .variable("top", 1000).execute().path("trialStats").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }

    private List<Map<String, Object>> stats(List<String> groupBy, int top) {
        return graphQl.documentName("trialStats").variable("where", where()).variable("groupBy", groupBy)
                .variable("top", top).execute().path("trialStats").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }

    private long total() {
        return graphQl.documentName("trialCount").variable("where", where()).execute()
                .path("trials.totalCount").entity(Long.class).get();
    }

    private Map<String, Object> where() {
        return Map.of("nctIds", List.copyOf(raw.keySet()));
    }

    private static String key(Map<String, Object> bucket) {
        return ((List<String>) bucket.get("keys")).get(0);
    }

    private static long number(Map<String, Object> bucket, String field) {
        return ((Number) bucket.get(field)).longValue();
    }
}
