package org.trialgraph.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.criteria.EligibilityEngine;
import org.trialgraph.criteria.EligibilitySection;
import org.trialgraph.criteria.ParsedCriterion;
import org.trialgraph.ingest.StudyImporter;

/**
 * compareEligibility against the raw records: every shared, unique and differing item is recomputed from the
 * records' eligibility text through the criteria engine, and every criterion text it quotes is in the record.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class CompareEligibilityTest {

    static final String SEED = "NCT07476027";

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    StudyImporter importer;

    final EligibilityEngine engine = new EligibilityEngine();

    /** Raw eligibility text by NCT id: every API v2 record and the seed trial's record. */
    final Map<String, String> rawText = new HashMap<>();

    @BeforeAll
    void importApiV2Records() throws IOException {
        SharedData.importApiV2(importer).forEach((id, study) -> rawText.put(id, eligibilityText(study)));
        rawText.put(SEED, eligibilityText(SharedData.parse(Files.readString(Path.of("seeds", SEED + ".json")))));
    }

    @Test
    void theSeedTrialAndALeukemiaTrialDifferInThresholdsOfTheSameConcept() {
        List<String> leukemia = leukemiaTrials();
        assertThat(leukemia).as("leukemia trials in the data").isNotEmpty();
        boolean thresholdDifference = false;
        for (String other : leukemia) {
            Map<String, Object> comparison = compare(List.of(SEED, other));
            List<Map<String, Object>> differences = (List<Map<String, Object>>) comparison.get("conceptDifferences");
            assertThat(differences.stream().map(d -> (String) d.get("concept")).toList())
                    .as("concepts %s and %s constrain differently", SEED, other)
                    .containsExactlyInAnyOrderElementsOf(expectedConceptDifferences(List.of(SEED, other)));
            for (Map<String, Object> difference : differences) {
                difference((String) difference.get("concept"), difference, List.of(SEED, other));
                Set<Double> seedValues = valuesOf(difference, SEED);
                Set<Double> otherValues = valuesOf(difference, other);
                thresholdDifference |= !seedValues.isEmpty() && !otherValues.isEmpty() && !seedValues.equals(otherValues);
            }
        }
        assertThat(thresholdDifference).as("some leukemia trial sets another threshold on a concept the seed trial constrains")
                .isTrue();
    }

    @Test
    void sharedItemsAreInEveryTrialListedAndUniqueItemsInOnlyTheirTrial() {
        List<String> group = new ArrayList<>(List.of(SEED));
        leukemiaTrials().stream().limit(9).forEach(group::add);
        check(group);
        List<String> sharingTheTopCriterion = trialsOfTheMostStatedCriterion();
        Map<String, Object> comparison = check(sharingTheTopCriterion);
        assertThat(sharedCriteria(comparison)).as("criteria all of %s share", sharingTheTopCriterion)
                .anySatisfy(s -> assertThat(s.get("sharedByAll")).isEqualTo(true));
    }

    @Test
    void fewerThanTwoOrMoreThanTenOrUnknownTrialsAreABadRequestNamingNctIds() {
        List<String> eleven = new ArrayList<>(rawText.keySet().stream().sorted().limit(11).toList());
        for (List<String> ids : List.of(List.of(SEED), eleven, List.of(SEED, "NCT99999999"), List.of(SEED, SEED))) {
            graphQl.documentName("compareEligibility").variable("nctIds", ids).execute().errors()
                    .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(e.getMessage()).contains("nctIds");
                    }));
        }
        graphQl.documentName("compareEligibility").variable("nctIds", List.of(SEED, "NCT99999999")).execute().errors()
                .satisfy(errors -> assertThat(errors.get(0).getMessage()).contains("NCT99999999"));
    }

    /** Compares the trials and checks every part of the answer against their raw records. */
    private Map<String, Object> check(List<String> ids) {
        Map<String, Object> comparison = compare(ids);
        assertThat(((List<Map<String, Object>>) comparison.get("trials")).stream().map(t -> t.get("nctId")).toList())
                .isEqualTo(ids);
        Map<String, Set<String>> criteria = new LinkedHashMap<>();
        Map<String, Set<String>> constraints = new LinkedHashMap<>();
        ids.forEach(id -> parse(id).forEach(c -> {
            criteria.computeIfAbsent(c.key(), k -> new TreeSet<>()).add(id);
            c.constraints().forEach(k -> constraints.computeIfAbsent(k.key(), x -> new TreeSet<>()).add(id));
        }));

        Map<String, Object> shared = (Map<String, Object>) comparison.get("shared");
        Map<String, Set<String>> sharedCriteria = statedBy(sharedCriteria(comparison), "criterion");
        assertThat(sharedCriteria).isEqualTo(filter(criteria, n -> n >= 2));
        Map<String, Set<String>> sharedConstraints = statedBy((List<Map<String, Object>>) shared.get("constraints"), "constraint");
        assertThat(sharedConstraints).isEqualTo(filter(constraints, n -> n >= 2));
        for (Map<String, Object> s : sharedCriteria(comparison)) {
            String key = (String) ((Map<String, Object>) s.get("criterion")).get("key");
            assertThat(s.get("sharedByAll")).isEqualTo(criteria.get(key).size() == ids.size());
            for (Map<String, Object> statement : (List<Map<String, Object>>) s.get("statedBy")) {
                assertInRawText(nctId(statement), (String) statement.get("text"));
            }
        }

        for (Map<String, Object> unique : (List<Map<String, Object>>) comparison.get("unique")) {
            String id = nctId(unique);
            Set<String> uniqueCriteria = ((List<Map<String, Object>>) unique.get("criteria")).stream()
                    .map(c -> (String) ((Map<String, Object>) c.get("criterion")).get("key")).collect(Collectors.toSet());
            assertThat(uniqueCriteria).as("criteria only %s states", id)
                    .isEqualTo(filter(criteria, n -> n == 1).entrySet().stream().filter(e -> e.getValue().contains(id))
                            .map(Map.Entry::getKey).collect(Collectors.toSet()));
            Set<String> uniqueConstraints = ((List<Map<String, Object>>) unique.get("constraints")).stream()
                    .map(c -> (String) ((Map<String, Object>) c.get("constraint")).get("key")).collect(Collectors.toSet());
            assertThat(uniqueConstraints).as("constraints only %s states", id)
                    .isEqualTo(filter(constraints, n -> n == 1).entrySet().stream().filter(e -> e.getValue().contains(id))
                            .map(Map.Entry::getKey).collect(Collectors.toSet()));
            ((List<Map<String, Object>>) unique.get("criteria")).forEach(c -> assertInRawText(id, (String) c.get("text")));
        }

        List<Map<String, Object>> differences = (List<Map<String, Object>>) comparison.get("conceptDifferences");
        assertThat(differences.stream().map(d -> (String) d.get("concept")).toList())
                .containsExactlyInAnyOrderElementsOf(expectedConceptDifferences(ids));
        differences.forEach(d -> difference((String) d.get("concept"), d, ids));
        return comparison;
    }

    /**
     * Each value is a constraint the engine reads from the quoted criterion of the raw record, in a section of the
     * kind given; together they are exactly the trial's constraints on the concept; the trials listed as not
     * constraining it state none.
     */
    private void difference(String concept, Map<String, Object> difference, List<String> ids) {
        Map<String, Set<String>> reported = new TreeMap<>();
        for (Map<String, Object> value : (List<Map<String, Object>>) difference.get("values")) {
            String id = nctId(value);
            Map<String, Object> constraint = (Map<String, Object>) value.get("constraint");
            assertThat(constraint.get("concept")).isEqualTo(concept);
            assertInRawText(id, (String) value.get("criterionText"));
            String kind = (String) value.get("kind");
            assertThat(sectionsOf(id)).as("%s states %s in a %s section", id, value.get("criterionKey"), kind)
                    .anySatisfy(section -> {
                        assertThat(section.kind().name()).isEqualTo(kind);
                        assertThat(section.criteria()).anySatisfy(c -> {
                            assertThat(c.key()).isEqualTo(value.get("criterionKey"));
                            assertThat(c.constraints()).anySatisfy(k -> assertThat(k.key()).isEqualTo(constraint.get("key")));
                        });
                    });
            reported.computeIfAbsent(id, x -> new TreeSet<>()).add(constraint.get("key") + "#" + kind);
        }
        assertThat(reported).isEqualTo(statementsOn(concept, ids));
        List<String> unconstrained = ((List<Map<String, Object>>) difference.get("notConstrainedBy")).stream()
                .map(t -> (String) t.get("nctId")).toList();
        assertThat(unconstrained).containsExactlyInAnyOrderElementsOf(
                ids.stream().filter(id -> !statementsOn(concept, ids).containsKey(id)).toList());
    }

    /** Concepts two or more of the trials constrain, not all with the same constraints in the same kind of section. */
    private Set<String> expectedConceptDifferences(List<String> ids) {
        Set<String> concepts = new TreeSet<>();
        ids.forEach(id -> sectionsOf(id).forEach(s -> s.criteria().forEach(c -> c.constraints()
                .forEach(k -> concepts.add(k.concept().name())))));
        return concepts.stream().filter(concept -> {
            Map<String, Set<String>> stated = statementsOn(concept, ids);
            return stated.size() >= 2 && new HashSet<>(stated.values()).size() > 1;
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Per trial stating it, the constraints on the concept with the kind of their section, from the raw text. */
    private Map<String, Set<String>> statementsOn(String concept, List<String> ids) {
        Map<String, Set<String>> stated = new TreeMap<>();
        ids.forEach(id -> sectionsOf(id).forEach(s -> s.criteria().forEach(c -> c.constraints().stream()
                .filter(k -> k.concept().name().equals(concept))
                .forEach(k -> stated.computeIfAbsent(id, x -> new TreeSet<>()).add(k.key() + "#" + s.kind().name())))));
        return stated;
    }

    private Set<Double> valuesOf(Map<String, Object> difference, String nctId) {
        return ((List<Map<String, Object>>) difference.get("values")).stream().filter(v -> nctId.equals(nctId(v)))
                .map(v -> (Number) ((Map<String, Object>) v.get("constraint")).get("value"))
                .filter(java.util.Objects::nonNull).map(Number::doubleValue).collect(Collectors.toSet());
    }

    /** The criterion's every line (bullet marks aside) is in the record's text, Markdown escapes and spacing aside. */
    private void assertInRawText(String nctId, String criterionText) {
        String raw = normalise(rawText.get(nctId));
        for (String line : criterionText.split("\n")) {
            String text = normalise(line.strip().replaceFirst("^([*+•·-]|o(?=\\s)|\\(?\\d+[.)]|[a-z][.)])\\s*", ""));
            assertThat(raw).as("%s's eligibility text", nctId).contains(text);
        }
    }

    private static String normalise(String text) {
        return text.replaceAll("\\\\([^\\s])", "$1").replaceAll("\\s+", " ").strip();
    }

    private List<ParsedCriterion> parse(String nctId) {
        return sectionsOf(nctId).stream().flatMap(s -> s.criteria().stream()).toList();
    }

    private List<EligibilitySection> sectionsOf(String nctId) {
        return engine.parse(rawText.get(nctId)).sections();
    }

    /** Leukemia trials of the data other than the seed trial, found by querying their MeSH subtree. */
    private List<String> leukemiaTrials() {
        return graphQl.documentName("trialPage").variable("where", Map.of("conditionFilter", Map.of("meshTerm", "Leukemia")))
                .variable("first", 100).execute().path("trials.edges[*].node.nctId").entityList(String.class).get()
                .stream().filter(id -> !id.equals(SEED) && rawText.containsKey(id)).toList();
    }

    /** Three trials of the data that state the criterion the most trials state. */
    private List<String> trialsOfTheMostStatedCriterion() {
        String key = graphQl.documentName("criteria").variable("first", 1).execute()
                .path("criteria.edges[0].node.key").entity(String.class).get();
        return graphQl.documentName("criterionTrials").variable("key", key).execute()
                .path("criterion.trials.edges[*].node.nctId").entityList(String.class).get().stream()
                .filter(rawText::containsKey).limit(3).toList();
    }

    private Map<String, Object> compare(List<String> ids) {
        return graphQl.documentName("compareEligibility").variable("nctIds", ids).execute()
                .path("compareEligibility").entity(Map.class).get();
    }

    private static List<Map<String, Object>> sharedCriteria(Map<String, Object> comparison) {
        return (List<Map<String, Object>>) ((Map<String, Object>) comparison.get("shared")).get("criteria");
    }

    private static Map<String, Set<String>> statedBy(List<Map<String, Object>> shared, String item) {
        Map<String, Set<String>> byKey = new LinkedHashMap<>();
        shared.forEach(s -> byKey.put((String) ((Map<String, Object>) s.get(item)).get("key"),
                ((List<Map<String, Object>>) s.get("statedBy")).stream().map(CompareEligibilityTest::nctId)
                        .collect(Collectors.toCollection(TreeSet::new))));
        return byKey;
    }

    private static Map<String, Set<String>> filter(Map<String, Set<String>> byKey, java.util.function.IntPredicate size) {
        Map<String, Set<String>> kept = new LinkedHashMap<>();
        byKey.forEach((k, v) -> {
            if (size.test(v.size())) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    private static String nctId(Map<String, Object> withTrial) {
        return (String) ((Map<String, Object>) withTrial.get("trial")).get("nctId");
    }

    private static String eligibilityText(JsonNode study) {
        return study.path("protocolSection").path("eligibilityModule").path("eligibilityCriteria").asString("");
    }
}
