package org.trialgraph.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.RandomWhere;
import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.StudyImporter;
import org.trialgraph.trial.TrialWhere;

/**
 * trialStats from the facet index (package facets) and from Cypher give identical buckets on the real records (keys,
 * order, trials, enrollment, distinct lead sponsors, "(other)"): every dimension and every pair of dimensions, under
 * seeded random filters and several {@code top}. And an import or a delete is in the very next answer, while the index
 * catches up and after.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrialStatsFacetEquivalenceTest {

    private static final int[] TOPS = {1, 3, 10, 50, 1000};

    @Autowired
    TrialStatsRepository repository;

    @Autowired
    StatsIndex index;

    @Autowired
    StudyImporter importer;

    @Autowired
    HttpGraphQlTester graphQl;

    Map<String, JsonNode> raw;
    RandomWhere filters;

    @BeforeAll
    void importRecordsAndWaitForTheIndex() throws InterruptedException {
        raw = SharedData.importApiV2(importer);
        filters = new RandomWhere(raw);
        awaitIndex();
    }

    @Test
    void everyDimensionAndPairUnderRandomFiltersGivesTheSameBucketsFromTheIndexAsFromCypher() {
        Random random = new Random(20261126L);
        List<List<StatsDimension>> groupings = new ArrayList<>();
        for (StatsDimension a : StatsDimension.values()) {
            groupings.add(List.of(a));
            for (StatsDimension b : StatsDimension.values()) {
                groupings.add(List.of(a, b));
            }
        }
        int nonEmpty = 0;
        for (List<StatsDimension> groupBy : groupings) {
            // Each grouping under a random filter, and each single dimension over all trials too.
            List<Map<String, Object>> some = groupBy.size() == 1 ? List.of(Map.of(), filters.filter(random))
                    : List.of(filters.filter(random));
            for (Map<String, Object> filter : some) {
                TrialWhere where = filter.isEmpty() ? null : RandomWhere.where(filter);
                int top = TOPS[random.nextInt(TOPS.length)];
                boolean withSponsors = random.nextInt(3) > 0;
                String what = groupBy + " " + filter + " top " + top + (withSponsors ? " with sponsors" : "");
                assertThat(index.groups(where, groupBy, withSponsors ? top : 0)).as("index answers %s", what).isNotNull();
                List<StatsBucket> fromIndex = repository.stats(where, groupBy, top, withSponsors);
                List<StatsBucket> fromGraph = repository.statsFromGraph(where, groupBy, top, withSponsors);
                assertThat(fromIndex).as(what).isEqualTo(fromGraph);
                nonEmpty += fromGraph.isEmpty() ? 0 : 1;
            }
        }
        assertThat(nonEmpty).as("answers with buckets").isGreaterThan(groupings.size() / 2);
    }

    @Test
    void aConditionNamedByManyTrialsGroupsTheSameByEveryDimension() {
        TrialWhere where = RandomWhere.where(Map.of("condition", "Neoplasms", "OR",
                List.of(Map.of("country", "United States"), Map.of("NOT", List.of(Map.of("sex", List.of("FEMALE")))))));
        for (StatsDimension dimension : StatsDimension.values()) {
            List<StatsBucket> fromGraph = repository.statsFromGraph(where, List.of(dimension), 20, true);
            assertThat(fromGraph).as("%s has groups", dimension).isNotEmpty();
            assertThat(repository.stats(where, List.of(dimension), 20, true)).as(dimension.name()).isEqualTo(fromGraph);
        }
    }

    @Test
    void anImportAndADeleteAreInTheNextAnswerWhileTheIndexCatchesUpAndAfter() throws InterruptedException {
        String nctId = "NCT90000312";
        JsonNode source = raw.values().stream()
                .filter(s -> s.path("protocolSection").path("contactsLocationsModule").path("locations").size() > 1)
                .filter(s -> s.path("protocolSection").path("conditionsModule").path("conditions").size() > 1)
                .findFirst().orElseThrow();
        ObjectNode study = (ObjectNode) source.deepCopy();
        ObjectNode protocol = (ObjectNode) study.path("protocolSection");
        ((ObjectNode) protocol.path("identificationModule")).put("nctId", nctId);
        // A lead sponsor and a condition no other trial has, so the new trial's own groups show.
        ((ObjectNode) protocol.path("sponsorCollaboratorsModule").path("leadSponsor")).put("name", "Stats Index Test Sponsor");
        ((ArrayNode) protocol.path("conditionsModule").path("conditions")).add("Stats index test condition");
        List<StatsDimension> bySponsorAndCondition = List.of(StatsDimension.LEAD_SPONSOR, StatsDimension.CONDITION);
        Map<String, Object> both = Map.of("nctIds", List.of(nctId,
                source.path("protocolSection").path("identificationModule").path("nctId").asString()));
        TrialWhere where = RandomWhere.where(both);
        List<StatsBucket> before = stats(both, bySponsorAndCondition);

        operator().documentName("importStudies").variable("json", study.toString()).execute()
                .path("importStudies.imported").entity(Integer.class).isEqualTo(1);
        List<StatsBucket> afterImport = stats(both, bySponsorAndCondition);
        assertThat(afterImport).isNotEqualTo(before).contains(new StatsBucket(
                List.of("Stats Index Test Sponsor", "Stats index test condition"), 1, enrollment(source), 1L));
        awaitIndex();
        assertThat(index.groups(where, bySponsorAndCondition, 1000)).isEqualTo(afterImport)
                .isEqualTo(repository.statsFromGraph(where, bySponsorAndCondition, 1000, true));

        operator().documentName("deleteTrials").variable("nctIds", List.of(nctId)).execute()
                .path("deleteTrials").entityList(String.class).containsExactly(nctId);
        assertThat(stats(both, bySponsorAndCondition)).isEqualTo(before);
        awaitIndex();
        assertThat(index.groups(where, bySponsorAndCondition, 1000)).isEqualTo(before);
    }

    /** The answer the API gives now (through the cache, the index or Cypher, whichever answers). */
    private List<StatsBucket> stats(Map<String, Object> where, List<StatsDimension> groupBy) {
        return graphQl.documentName("trialStats").variable("where", where).variable("groupBy", groupBy)
                .variable("top", 1000).execute()
                .path("trialStats").entityList(Map.class).get().stream().map(TrialStatsFacetEquivalenceTest::bucket)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static StatsBucket bucket(Map<?, ?> b) {
        Object sponsors = b.get("sponsors");
        return new StatsBucket((List<String>) b.get("keys"), ((Number) b.get("trials")).longValue(),
                ((Number) b.get("enrollmentSum")).doubleValue(), sponsors == null ? null : ((Number) sponsors).longValue());
    }

    private static double enrollment(JsonNode study) {
        return study.path("protocolSection").path("designModule").path("enrollmentInfo").path("count").asLong(0);
    }

    private HttpGraphQlTester operator() {
        return graphQl.mutate().header("Authorization", "Bearer test-operator-token").build();
    }

    private void awaitIndex() throws InterruptedException {
        List<StatsDimension> byStatus = List.of(StatsDimension.STATUS);
        for (int i = 0; i < 600 && index.groups(null, byStatus, 0) == null; i++) {
            Thread.sleep(100);
        }
        assertThat(index.groups(null, byStatus, 0)).as("the facet index is ready").isNotNull();
    }
}
