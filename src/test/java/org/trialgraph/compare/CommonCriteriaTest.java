package org.trialgraph.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.StudyImporter;

/**
 * commonCriteria's counts against counts made another way: the trials(where: {condition: ...}) pages of the same
 * condition or MeSH subtree, and each trial's stored eligibility criteria, counted here.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class CommonCriteriaTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    StudyImporter importer;

    @BeforeAll
    void importApiV2Records() {
        SharedData.importApiV2(importer);
    }

    @Test
    void countsOfAMeshSubtreeEqualCountsOverItsTrialsEligibility() {
        // Lung Neoplasms: its own trials and those of narrower terms (NSCLC, ...), written in the short id form.
        assertCountsMatch(Map.of("meshId", "D008175"), Map.of("meshId", "D008175"), null, 20);
    }

    @Test
    void countsOfAConditionForOneKindEqualCountsOverItsTrialsEligibility() {
        assertCountsMatch(Map.of("condition", "nsclc"), Map.of("name", "NSCLC"), "EXCLUSION", 30);
        assertCountsMatch(Map.of("condition", "Cluster Headache"), Map.of("name", "Cluster Headache"), "INCLUSION", 10);
    }

    @Test
    void aConditionNoTrialNamesHasNoTrialsAndNothingInCommon() {
        Map<String, Object> common = common(Map.of("condition", "no such condition anywhere"), null, 20);
        assertThat(common.get("trialCount")).isEqualTo(0);
        assertThat((List<Object>) common.get("criteria")).isEmpty();
        assertThat((List<Object>) common.get("constraints")).isEmpty();
    }

    @Test
    void exactlyOneOfConditionAndMeshIdIsRequired() {
        for (Map<String, Object> args : List.of(Map.<String, Object>of(), Map.<String, Object>of("condition", "Asthma",
                "meshId", "D001249"))) {
            request(args).execute().errors()
                    .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(e.getMessage()).contains("condition").contains("meshId");
                    }));
        }
    }

    private void assertCountsMatch(Map<String, Object> args, Map<String, Object> conditionFilter, String kind, int first) {
        Map<String, Set<String>> criteria = new HashMap<>();
        Map<String, Set<String>> constraints = new HashMap<>();
        int trials = countIndependently(conditionFilter, kind, criteria, constraints);
        assertThat(trials).as("trials of %s", conditionFilter).isGreaterThan(first / 2);

        Map<String, Object> common = common(args, kind, first);
        assertThat(common.get("trialCount")).isEqualTo(trials);
        assertTop(common, "criteria", "criterion", criteria, trials, first);
        assertTop(common, "constraints", "constraint", constraints, trials, first);
    }

    /** The list is exactly the most stated items (ties by key), with their counts and shares. */
    private static void assertTop(Map<String, Object> common, String list, String item, Map<String, Set<String>> counted,
            int trials, int first) {
        List<Map.Entry<String, Integer>> expected = new ArrayList<>();
        counted.forEach((key, ids) -> expected.add(Map.entry(key, ids.size())));
        expected.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        List<Map<String, Object>> usages = (List<Map<String, Object>>) common.get(list);
        assertThat(usages.stream().map(u -> Map.entry((String) ((Map<String, Object>) u.get(item)).get("key"),
                (Integer) u.get("trialCount"))).toList()).as(list)
                .isEqualTo(expected.subList(0, Math.min(first, expected.size())));
        assertThat(usages).isNotEmpty().allSatisfy(u -> assertThat(((Number) u.get("share")).doubleValue())
                .isCloseTo(((Integer) u.get("trialCount")) / (double) trials, within(1e-9)));
    }

    /** Walks every page of the condition's trials and counts, per criterion and constraint, the trials stating it. */
    private int countIndependently(Map<String, Object> conditionFilter, String kind, Map<String, Set<String>> criteria,
            Map<String, Set<String>> constraints) {
        Set<String> trials = new HashSet<>();
        String after = null;
        do {
            Map<String, Object> page = graphQl.documentName("trialEligibilityKeys")
                    .variable("where", Map.of("conditionFilter", conditionFilter)).variable("after", after).execute()
                    .path("trials").entity(Map.class).get();
            for (Map<String, Object> edge : (List<Map<String, Object>>) page.get("edges")) {
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                String id = (String) node.get("nctId");
                trials.add(id);
                for (Map<String, Object> section : (List<Map<String, Object>>) ((Map<String, Object>) node.get("eligibility")).get("sections")) {
                    if (kind != null && !kind.equals(section.get("kind"))) {
                        continue;
                    }
                    for (Map<String, Object> item : (List<Map<String, Object>>) section.get("criteria")) {
                        Map<String, Object> criterion = (Map<String, Object>) item.get("criterion");
                        criteria.computeIfAbsent((String) criterion.get("key"), k -> new HashSet<>()).add(id);
                        ((List<Map<String, Object>>) criterion.get("constraints")).forEach(c ->
                                constraints.computeIfAbsent((String) c.get("key"), k -> new HashSet<>()).add(id));
                    }
                }
            }
            Map<String, Object> pageInfo = (Map<String, Object>) page.get("pageInfo");
            after = Boolean.TRUE.equals(pageInfo.get("hasNextPage")) ? (String) pageInfo.get("endCursor") : null;
        } while (after != null);
        return trials.size();
    }

    private Map<String, Object> common(Map<String, Object> args, String kind, int first) {
        return request(args).variable("kind", kind).variable("first", first).execute()
                .path("commonCriteria").entity(Map.class).get();
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Request<?> request(Map<String, Object> args) {
        org.springframework.graphql.test.tester.GraphQlTester.Request<?> request = graphQl.documentName("commonCriteria");
        for (Map.Entry<String, Object> arg : args.entrySet()) {
            request = request.variable(arg.getKey(), arg.getValue());
        }
        return request;
    }
}
