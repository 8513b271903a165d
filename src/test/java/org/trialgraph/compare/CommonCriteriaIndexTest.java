package org.trialgraph.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.Keys;
import org.trialgraph.ingest.MeshIds;
import org.trialgraph.ingest.StudyImporter;

/**
 * commonCriteria from the forward index (package facets) against the Cypher count, on the 2,519 real records: the
 * same trials, criteria, constraints, counts, shares and order for broad and narrow conditions and MeSH subtrees,
 * every kind and page sizes; and writes and deletes through the API reach the index.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommonCriteriaIndexTest {

    private static final List<String> KINDS = Arrays.asList(null, "INCLUSION", "EXCLUSION", "OTHER");
    private static final List<Integer> FIRSTS = List.of(1, 10, 50);

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    StudyImporter importer;

    @Autowired
    CommonCriteriaRepository repository;

    @Autowired
    CriteriaCountIndex index;

    Map<String, JsonNode> raw;

    @BeforeAll
    void importApiV2Records() throws InterruptedException {
        raw = SharedData.importApiV2(importer);
        awaitIndex();
    }

    @Test
    void theIndexCountsConditionsAsTheCypherQueryDoes() {
        List<String> conditions = spreadByFrequency(raw.values().stream()
                .flatMap(s -> strings(s.at("/protocolSection/conditionsModule/conditions")).stream()).toList(), Keys::of);
        int compared = 0;
        for (String condition : conditions) {
            for (String kind : KINDS) {
                for (int first : FIRSTS) {
                    compared += compare("condition " + condition, kind, first,
                            () -> index.ofCondition(Keys.of(condition), kind, first),
                            () -> repository.ofCondition(condition, kind, first),
                            () -> repository.countByCypher(CommonCriteriaRepository.BY_CONDITION, Keys.of(condition),
                                    kind, first));
                }
            }
        }
        assertThat(compared).as("criteria and constraints compared").isGreaterThan(2_000);
    }

    @Test
    void theIndexCountsMeshSubtreesAsTheCypherQueryDoes() {
        // Direct terms and ancestors: broad roots (Neoplasms ...) with hundreds of trials down to terms of one trial.
        List<String> terms = spreadByFrequency(raw.values().stream().flatMap(s -> {
            List<String> ids = new ArrayList<>(ids(s.at("/derivedSection/conditionBrowseModule/meshes")));
            ids.addAll(ids(s.at("/derivedSection/conditionBrowseModule/ancestors")));
            return ids.stream().distinct();
        }).toList(), MeshIds::canonical);
        int compared = 0;
        for (String term : terms) {
            for (String kind : KINDS) {
                for (int first : FIRSTS) {
                    compared += compare("MeSH " + term, kind, first,
                            () -> index.ofMeshTerm(MeshIds.canonical(term), kind, first),
                            () -> repository.ofMeshTerm(term, kind, first),
                            () -> repository.countByCypher(CommonCriteriaRepository.BY_MESH, MeshIds.canonical(term),
                                    kind, first));
                }
            }
        }
        assertThat(compared).as("criteria and constraints compared").isGreaterThan(2_000);
    }

    @Test
    void importsAndDeletesThroughTheApiReachTheIndex() throws InterruptedException {
        String source = "NCT04907045";
        JsonNode study = raw.get(source);
        String condition = "Index Test Condition " + source;
        List<String> meshTerms = ids(study.at("/derivedSection/conditionBrowseModule/meshes"));
        assertThat(meshTerms).as("the source's MeSH terms").isNotEmpty();

        importCopy(study, source, "NCT99999981", condition);
        awaitIndex();
        assertSameAnswers(condition, meshTerms, 1);

        importCopy(study, source, "NCT99999982", condition);
        awaitIndex();
        assertSameAnswers(condition, meshTerms, 2);

        operator().documentName("deleteTrials").variable("nctIds", List.of("NCT99999981")).execute()
                .path("deleteTrials").entityList(String.class).contains("NCT99999981");
        awaitIndex();
        assertSameAnswers(condition, meshTerms, 1);

        operator().documentName("deleteTrials").variable("nctIds", List.of("NCT99999982")).execute()
                .path("deleteTrials").entityList(String.class).contains("NCT99999982");
        awaitIndex();
        assertSameAnswers(condition, meshTerms, 0);
    }

    private void assertSameAnswers(String condition, List<String> meshTerms, int copies) {
        for (String kind : KINDS) {
            CommonCriteria indexed = repository.ofCondition(condition, kind, 50);
            assertThat(indexed.trialCount()).as("trials of the copies' own condition").isEqualTo(copies);
            compare("condition " + condition, kind, 50, () -> index.ofCondition(Keys.of(condition), kind, 50),
                    () -> indexed, () -> repository.countByCypher(CommonCriteriaRepository.BY_CONDITION,
                            Keys.of(condition), kind, 50));
            if (copies > 0 && kind == null) {
                assertThat(indexed.criteria()).as("the copies' criteria").isNotEmpty()
                        .allSatisfy(c -> assertThat(c.trialCount()).isEqualTo(copies))
                        .anySatisfy(c -> assertThat(c.criterion().text()).contains("Stated only by the copies"));
            }
            for (String term : meshTerms) {
                compare("MeSH " + term, kind, 50, () -> index.ofMeshTerm(MeshIds.canonical(term), kind, 50),
                        () -> repository.ofMeshTerm(term, kind, 50),
                        () -> repository.countByCypher(CommonCriteriaRepository.BY_MESH, MeshIds.canonical(term), kind, 50));
            }
        }
    }

    /** Asserts the index answers, and the answer through it equals Cypher's; returns the items compared. */
    private static int compare(String what, String kind, int first, java.util.function.Supplier<CriteriaCountIndex.Counts> counts,
            java.util.function.Supplier<CommonCriteria> indexed, java.util.function.Supplier<CommonCriteria> cypher) {
        String description = "%s kind %s first %d".formatted(what, kind, first);
        assertThat(counts.get()).as("the index answers %s", description).isNotNull();
        CommonCriteria expected = cypher.get();
        assertThat(indexed.get()).as(description).isEqualTo(expected);
        return expected.criteria().size() + expected.constraints().size();
    }

    private void importCopy(JsonNode study, String source, String copy, String condition) {
        ObjectNode json = (ObjectNode) SharedData.parse(study.toString().replace(source, copy));
        ((ArrayNode) json.at("/protocolSection/conditionsModule/conditions")).add(condition);
        // A criterion no record states: a node the full load did not see.
        ObjectNode eligibility = (ObjectNode) json.at("/protocolSection/eligibilityModule");
        eligibility.put("eligibilityCriteria", eligibility.path("eligibilityCriteria").asString()
                + "\n* Stated only by the copies of " + source);
        operator().documentName("importStudies").variable("json", json.toString()).execute()
                .path("importStudies.imported").entity(Integer.class).isEqualTo(1);
    }

    /** About 24 values from the most to the least frequent (by key), so broad and narrow ones are compared. */
    private static List<String> spreadByFrequency(List<String> values, Function<String, String> key) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> firstSpelling = new HashMap<>();
        for (String value : values) {
            counts.merge(key.apply(value), 1, Integer::sum);
            firstSpelling.putIfAbsent(key.apply(value), value);
        }
        List<String> byFrequency = counts.keySet().stream().sorted(Comparator.comparing((String k) -> -counts.get(k))
                .thenComparing(k -> k)).toList();
        List<String> picked = new ArrayList<>(byFrequency.subList(0, Math.min(8, byFrequency.size())));
        int step = Math.max(1, byFrequency.size() / 16);
        for (int i = 8; i < byFrequency.size(); i += step) {
            picked.add(byFrequency.get(i));
        }
        assertThat(counts.get(picked.get(0))).as("the most frequent").isGreaterThan(counts.get(picked.get(picked.size() - 1)));
        return picked.stream().map(firstSpelling::get).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<String> ids(JsonNode meshes) {
        List<String> ids = new ArrayList<>();
        meshes.forEach(m -> ids.add(m.path("id").asString()));
        return ids;
    }

    private void awaitIndex() throws InterruptedException {
        for (int i = 0; i < 1200 && index.ofCondition("asthma", null, 1) == null; i++) {
            Thread.sleep(50);
        }
        assertThat(index.ofCondition("asthma", null, 1)).as("the index is built and up to date").isNotNull();
    }

    private HttpGraphQlTester operator() {
        return graphQl.mutate().header("Authorization", "Bearer test-operator-token").build();
    }
}
