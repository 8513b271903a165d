package org.trialgraph.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.RandomWhere;
import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.StudyImporter;
import org.trialgraph.paging.Connection;
import org.trialgraph.trial.TrialOrder.Direction;
import org.trialgraph.trial.TrialOrder.Field;

/**
 * The facet index (package facets) and the Cypher path give the same pages on the real records: for many seeded
 * random filters (broad, empty, nested, countries, both directions, cursors of either path), the same totalCount, NCT ids,
 * cursors and hasNextPage. And an import is in the very next answer, while the index catches up and after.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetEquivalenceTest {

    private static final List<List<TrialOrder>> ORDERS = List.of(List.of(),
            List.of(new TrialOrder(Field.START_DATE, Direction.DESC)),
            List.of(new TrialOrder(Field.START_DATE, Direction.ASC)),
            List.of(new TrialOrder(Field.NCT_ID, Direction.DESC)),
            List.of(new TrialOrder(Field.ENROLLMENT, Direction.DESC)),
            List.of(new TrialOrder(Field.LAST_UPDATED, null), new TrialOrder(Field.START_DATE, Direction.DESC)));

    @Autowired
    TrialListRepository repository;

    @Autowired
    TrialIndex index;

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
    void seededRandomFiltersGiveTheSamePagesFromTheIndexAsFromCypher() {
        Random random = new Random(20261126L);
        int compared = 0;
        for (int i = 0; i < 150; i++) {
            Map<String, Object> filter = filters.filter(random);
            TrialWhere where = where(filter);
            List<TrialOrder> orderBy = ORDERS.get(random.nextInt(ORDERS.size()));
            int first = 1 + random.nextInt(25);
            assertThat(index.page(where, withTieBreak(orderBy), List.of(), first + 1)).as("index answers %s", filter).isNotNull();
            String after = null;
            for (int page = 0; page < 3; page++) {
                Connection<Trial> fromIndex = repository.page(where, orderBy, first, after, true, Trial.WHOLE_NODE);
                Connection<Trial> fromGraph = repository.pageFromGraph(where, orderBy, first, after, true, Trial.WHOLE_NODE);
                String what = filter + " " + orderBy + " first " + first + " after " + after;
                assertThat(fromIndex.totalCount()).as(what).isEqualTo(fromGraph.totalCount());
                assertThat(fromIndex.edges().stream().map(e -> e.node().nctId() + "@" + e.cursor()).toList()).as(what)
                        .isEqualTo(fromGraph.edges().stream().map(e -> e.node().nctId() + "@" + e.cursor()).toList());
                assertThat(fromIndex.pageInfo()).as(what).isEqualTo(fromGraph.pageInfo());
                compared++;
                if (!fromGraph.pageInfo().hasNextPage()) {
                    break;
                }
                // The next page from the other path's cursor: cursors are the same strings.
                after = page % 2 == 0 ? fromGraph.pageInfo().endCursor() : fromIndex.pageInfo().endCursor();
            }
        }
        assertThat(compared).isGreaterThan(150);
    }

    @Test
    void broadAndEmptyFiltersAgreeToo() {
        for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of(), Map.of("condition", "Neoplasms"),
                Map.of("condition", "no such condition at all"), Map.of("overallStatus", List.of()),
                Map.of("NOT", List.of(Map.of())),
                Map.of("NOT", List.of(Map.of("healthyVolunteers", true))), Map.of("OR", List.of(Map.of("sex", List.of("FEMALE")), Map.of("NOT",
                        List.of(Map.of("sex", List.of("FEMALE")))))))) {
            TrialWhere where = where(filter);
            for (List<TrialOrder> orderBy : ORDERS) {
                Connection<Trial> fromIndex = repository.page(where, orderBy, 20, null, true, Trial.WHOLE_NODE);
                Connection<Trial> fromGraph = repository.pageFromGraph(where, orderBy, 20, null, true, Trial.WHOLE_NODE);
                assertThat(fromIndex).as(filter + " " + orderBy).usingRecursiveComparison().isEqualTo(fromGraph);
            }
        }
    }

    @Test
    void anImportIsInTheNextAnswerWhileTheIndexCatchesUpAndAfter() throws InterruptedException {
        String nctId = "NCT90000311";
        ObjectNode study = (ObjectNode) raw.values().iterator().next().deepCopy();
        ((ObjectNode) study.path("protocolSection").path("identificationModule")).put("nctId", nctId);
        String status = study.path("protocolSection").path("statusModule").path("overallStatus").asString();
        Map<String, Object> where = Map.of("nctIds", List.of(nctId), "overallStatus", List.of(status));

        operator().documentName("importStudies").variable("json", study.toString()).execute()
                .path("importStudies.imported").entity(Integer.class).isEqualTo(1);
        count(where, 1);
        awaitIndex();
        assertThat(index.page(where(where), withTieBreak(List.of()), List.of(), 2).nctIds()).containsExactly(nctId);
        count(where, 1);

        operator().documentName("deleteTrials").variable("nctIds", List.of(nctId)).execute()
                .path("deleteTrials").entityList(String.class).containsExactly(nctId);
        count(where, 0);
        awaitIndex();
        count(where, 0);
    }

    private void count(Map<String, Object> where, int expected) {
        graphQl.documentName("trialsWhere").variable("where", where).execute()
                .path("trials.totalCount").entity(Integer.class).isEqualTo(expected)
                .path("trials.edges").entityList(Object.class).hasSize(expected);
    }

    private HttpGraphQlTester operator() {
        return graphQl.mutate().header("Authorization", "Bearer test-operator-token").build();
    }

    private void awaitIndex() throws InterruptedException {
        for (int i = 0; i < 600 && index.page(null, withTieBreak(List.of()), List.of(), 1) == null; i++) {
            Thread.sleep(100);
        }
        assertThat(index.page(null, withTieBreak(List.of()), List.of(), 1)).as("the facet index is ready").isNotNull();
    }

    private static List<TrialOrder> withTieBreak(List<TrialOrder> orderBy) {
        List<TrialOrder> order = new ArrayList<>(orderBy);
        if (order.isEmpty() || order.get(order.size() - 1).field() != Field.NCT_ID) {
            order.add(new TrialOrder(Field.NCT_ID, Direction.ASC));
        }
        return order;
    }

    private static TrialWhere where(Map<String, Object> filter) {
        return RandomWhere.where(filter);
    }
}
