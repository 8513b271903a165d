package org.trialgraph.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.TrialGraphTest;

/** Eligibility criteria in the graph: sections, shared criteria with their trials, constraints; over HTTP. */
@TrialGraphTest
@SuppressWarnings("unchecked")
class EligibilityGraphTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    void theSeedTrialHasItsThreeSectionsAndTheirConstraints() {
        List<Map<String, Object>> sections = graphQl.documentName("seedEligibility").execute()
                .path("trial.eligibility.sections").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();

        assertThat(sections).extracting(s -> s.get("heading") + "/" + s.get("kind") + "/" + ((List<?>) s.get("criteria")).size())
                .containsExactly("Inclusion Criteria/INCLUSION/6", "Infusion Criteria/OTHER/5", "Exclusion Criteria/EXCLUSION/5");
        List<String> labels = new ArrayList<>();
        sections.forEach(s -> ((List<Map<String, Object>>) s.get("criteria")).forEach(c ->
                ((List<Map<String, Object>>) ((Map<String, Object>) c.get("criterion")).get("constraints"))
                        .forEach(k -> labels.add((String) k.get("label")))));
        assertThat(labels).contains("LVEF >= 45 %", "ECOG performance status <= 1", "creatinine <= 1.5 xULN",
                "bilirubin <= 3 xULN", "ALT <= 3 xULN", "AST <= 3 xULN");
        assertThat(labels).anyMatch(l -> l.startsWith("age <= 18"))
                .anyMatch(l -> l.startsWith("MRD < 0.01"))
                .anyMatch(l -> l.startsWith("ALC >= 0.5"));
    }

    @Test
    void aSharedCriterionListsExactlyTheTrialsWhoseRecordsStateIt() {
        Map<String, Object> top = graphQl.documentName("criteria").variable("first", 3).execute()
                .path("criteria.edges[0].node").entity(Map.class).get();
        long trialCount = ((Number) top.get("trialCount")).longValue();
        assertThat(trialCount).isGreaterThan(1);

        Set<String> trials = new HashSet<>();
        String after = null;
        String words = normalised((String) top.get("text")).replaceAll("[^a-z0-9 ]", " ").replaceAll(" +", " ").strip();
        do {
            Map<String, Object> page = graphQl.documentName("criterionTrials").variable("key", top.get("key"))
                    .variable("after", after).execute().path("criterion.trials").entity(Map.class).get();
            for (Map<String, Object> edge : (List<Map<String, Object>>) page.get("edges")) {
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                assertThat(trials.add((String) node.get("nctId"))).isTrue();
                assertThat(normalised((String) node.get("eligibilityCriteria")).replaceAll("[^a-z0-9 ]", " ")
                        .replaceAll(" +", " ")).as("%s states %s", node.get("nctId"), words).contains(words);
            }
            after = nextCursor(page);
        } while (after != null);
        assertThat(trials).hasSize((int) trialCount);
    }

    @Test
    void walkingCriteriaPagesReturnsEachOnceAndMatchesTheTotal() {
        Set<String> keys = new HashSet<>();
        String after = null;
        long total = -1;
        long previousCount = Long.MAX_VALUE;
        do {
            Map<String, Object> page = graphQl.documentName("criteria").variable("search", "pregnan")
                    .variable("first", 25).variable("after", after).execute().path("criteria").entity(Map.class).get();
            total = ((Number) page.get("totalCount")).longValue();
            for (Map<String, Object> edge : (List<Map<String, Object>>) page.get("edges")) {
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                assertThat(keys.add((String) node.get("key"))).isTrue();
                assertThat((String) node.get("key")).contains("pregnan");
                long count = ((Number) node.get("trialCount")).longValue();
                assertThat(count).isLessThanOrEqualTo(previousCount);
                previousCount = count;
            }
            after = nextCursor(page);
        } while (after != null);
        assertThat(total).isGreaterThan(25);
        assertThat(keys).hasSize((int) total);
    }

    @Test
    void aConstraintLeadsToEveryTrialThatStatesItInAnyWording() {
        var response = graphQl.documentName("constraint").variable("key", "LVEF|GE|45|%").execute();
        Map<String, Object> constraint = response.path("constraint").entity(Map.class).get();
        assertThat(constraint.get("label")).isEqualTo("LVEF >= 45 %");
        Map<String, Object> trials = (Map<String, Object>) constraint.get("trials");
        List<Map<String, Object>> edges = (List<Map<String, Object>>) trials.get("edges");
        assertThat(edges).extracting(e -> ((Map<String, Object>) e.get("node")).get("nctId")).contains("NCT07476027");
        assertThat(((Number) trials.get("totalCount")).longValue()).isEqualTo(((Number) constraint.get("trialCount")).longValue())
                .isEqualTo(edges.size());
        for (Map<String, Object> edge : edges) {
            Object nctId = ((Map<?, ?>) edge.get("node")).get("nctId");
            graphQl.documentName("trialConstraints").variable("nctId", nctId).execute()
                    .path("trial.eligibility.sections[*].criteria[*].criterion.constraints[*].key")
                    .entityList(String.class).contains("LVEF|GE|45|%");
        }
        response.path("constraints[*].key").entityList(String.class).satisfies(keys -> assertThat(keys)
                .allMatch(k -> k.startsWith("LVEF|")));
    }

    @Test
    void everyCriterionAnswersItsPlainTextRenderedWhenReadNotStored() {
        List<Map<String, Object>> sections = graphQl.documentName("eligibilityFull").variable("nctId", "NCT07476027")
                .execute().path("trial.eligibility.sections").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        List<Map<String, Object>> criteria = new ArrayList<>();
        sections.forEach(s -> ((List<Map<String, Object>>) s.get("criteria"))
                .forEach(c -> criteria.add((Map<String, Object>) c.get("criterion"))));

        assertThat(criteria).allSatisfy(c -> assertThat((String) c.get("plainText")).isNotBlank());
        assertThat(criteria).as("criteria that read the same in plain language")
                .anyMatch(c -> c.get("plainText").equals(c.get("text")))
                .anyMatch(c -> !c.get("plainText").equals(c.get("text")));
        assertThat(criteria).filteredOn(c -> c.get("text").toString().contains("≥")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(c -> assertThat((String) c.get("plainText")).contains("at least").doesNotContain("≥"));
        long stored = driver.executableQuery("MATCH (c:Criterion) WHERE c.plainText IS NOT NULL RETURN count(c) AS n")
                .execute().records().get(0).get("n").asLong();
        assertThat(stored).as("criteria storing a plain text beside their text").isZero();
    }

    @Test
    void parseEligibilityReadsAnyTextWithoutStoringIt() {
        String text = "Inclusion Criteria:\n\n* Age 18 years or older\n* LVEF \\>= 50%\n\nExclusion Criteria:\n\n"
                + "* Pregnant or breastfeeding women";
        var response = graphQl.documentName("parseEligibility").variable("text", text).execute();
        response.path("parseEligibility.sections[*].kind").entityList(String.class).containsExactly("INCLUSION", "EXCLUSION");
        response.path("parseEligibility.sections[0].criteria[1].criterion.constraints[*].label").entityList(String.class)
                .containsExactly("LVEF >= 50 %");
        response.path("parseEligibility.sections[1].criteria[0].criterion.constraints[*].key").entityList(String.class)
                .contains("PREGNANCY|PRESENT||", "BREASTFEEDING|PRESENT||");
    }

    @Test
    void binaryJunkIsABadRequestNotACrash() {
        String junk = "\u0000\u0001\u0002binary";
        graphQl.documentName("parseEligibility").variable("text", junk).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }

    private static String nextCursor(Map<String, Object> page) {
        Map<String, Object> pageInfo = (Map<String, Object>) page.get("pageInfo");
        return Boolean.TRUE.equals(pageInfo.get("hasNextPage")) ? (String) pageInfo.get("endCursor") : null;
    }

    private static String normalised(String text) {
        return text.replace("\\", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
