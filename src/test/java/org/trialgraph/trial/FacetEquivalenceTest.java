package org.trialgraph.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.StudyImporter;
import org.trialgraph.paging.Connection;
import org.trialgraph.trial.TrialOrder.Direction;
import org.trialgraph.trial.TrialOrder.Field;

/**
 * The facet index (package facets) and the Cypher path give the same pages on the real records: for many seeded
 * random filters (broad, empty, nested, both directions, cursors of either path), the same totalCount, NCT ids,
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
    final List<String> conditions = new ArrayList<>();
    final List<String> meshIds = new ArrayList<>();

    @BeforeAll
    void importRecordsAndWaitForTheIndex() throws InterruptedException {
        raw = SharedData.importApiV2(importer);
        TreeSet<String> names = new TreeSet<>();
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode study : raw.values()) {
            JsonNode browse = study.path("derivedSection").path("conditionBrowseModule");
            browse.path("meshes").forEach(m -> { names.add(m.path("term").asString()); ids.add(m.path("id").asString()); });
            browse.path("ancestors").forEach(m -> { names.add(m.path("term").asString()); ids.add(m.path("id").asString()); });
            study.path("derivedSection").path("interventionBrowseModule").path("meshes").forEach(m -> ids.add(m.path("id").asString()));
            study.path("protocolSection").path("conditionsModule").path("conditions").forEach(c -> names.add(c.asString()));
        }
        conditions.addAll(names);
        meshIds.addAll(ids);
        awaitIndex();
    }

    @Test
    void seededRandomFiltersGiveTheSamePagesFromTheIndexAsFromCypher() {
        Random random = new Random(20261126L);
        int compared = 0;
        for (int i = 0; i < 150; i++) {
            Map<String, Object> filter = filter(random, 0);
            TrialWhere where = where(filter);
            List<TrialOrder> orderBy = ORDERS.get(random.nextInt(ORDERS.size()));
            int first = 1 + random.nextInt(25);
            assertThat(index.page(where, withTieBreak(orderBy), List.of(), first + 1)).as("index answers %s", filter).isNotNull();
            String after = null;
            for (int page = 0; page < 3; page++) {
                Connection<Trial> fromIndex = repository.page(where, orderBy, first, after, true);
                Connection<Trial> fromGraph = repository.pageFromGraph(where, orderBy, first, after, true);
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
                Connection<Trial> fromIndex = repository.page(where, orderBy, 20, null, true);
                Connection<Trial> fromGraph = repository.pageFromGraph(where, orderBy, 20, null, true);
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

    private Map<String, Object> filter(Random random, int depth) {
        Map<String, Object> filter = new HashMap<>();
        int fields = random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            switch (random.nextInt(depth < 2 ? 15 : 10)) {
                case 0 -> filter.put("overallStatus", some(random, "RECRUITING", "COMPLETED", "NOT_YET_RECRUITING",
                        "ACTIVE_NOT_RECRUITING", "TERMINATED", "UNKNOWN", "WITHDRAWN"));
                case 1 -> filter.put("phase", some(random, "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA", "EARLY_PHASE1"));
                case 2 -> filter.put("studyType", some(random, "INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"));
                case 3 -> filter.put("sex", some(random, "ALL", "FEMALE", "MALE"));
                case 4 -> filter.put("healthyVolunteers", random.nextBoolean());
                case 5 -> filter.put("hasResults", random.nextBoolean());
                case 6 -> filter.put("condition", conditionText(random));
                case 7 -> filter.put("mesh", meshIds.get(random.nextInt(meshIds.size())));
                case 8 -> {
                    Map<String, Object> c = new HashMap<>();
                    c.put(random.nextBoolean() ? "meshTerm" : "name", conditions.get(random.nextInt(conditions.size())));
                    if (random.nextBoolean()) {
                        c.put("meshId", meshIds.get(random.nextInt(meshIds.size())));
                    }
                    filter.put("conditionFilter", c);
                }
                case 9 -> filter.put("nctIds", new ArrayList<>(raw.keySet()).subList(random.nextInt(raw.size() - 50), raw.size())
                        .stream().filter(id -> random.nextInt(10) == 0).toList());
                case 10 -> filter.put("AND", List.of(filter(random, depth + 1), filter(random, depth + 1)));
                case 11 -> filter.put("OR", List.of(filter(random, depth + 1), filter(random, depth + 1)));
                default -> filter.put("NOT", List.of(filter(random, depth + 1)));
            }
        }
        return filter;
    }

    private String conditionText(Random random) {
        String name = conditions.get(random.nextInt(conditions.size()));
        return switch (random.nextInt(4)) {
            case 0 -> name.toUpperCase(Locale.ROOT);
            case 1 -> "  " + name + " ";
            case 2 -> meshIds.get(random.nextInt(meshIds.size())).replaceFirst("D0+", "D");
            default -> name;
        };
    }

    private static List<String> some(Random random, String... values) {
        List<String> chosen = new ArrayList<>();
        for (String value : values) {
            if (random.nextInt(3) == 0) {
                chosen.add(value);
            }
        }
        return chosen;
    }

    @SuppressWarnings("unchecked")
    private static TrialWhere where(Map<String, Object> f) {
        if (f == null) {
            return null;
        }
        Map<String, Object> c = (Map<String, Object>) f.get("conditionFilter");
        return new TrialWhere((List<String>) f.get("nctIds"), (List<String>) f.get("overallStatus"),
                (List<String>) f.get("phase"), (List<String>) f.get("studyType"), (List<String>) f.get("sex"),
                (Boolean) f.get("healthyVolunteers"), (String) f.get("condition"),
                c == null ? null : new TrialWhere.ConditionFilter((String) c.get("name"), (String) c.get("meshId"),
                        (String) c.get("meshTerm")),
                (String) f.get("mesh"), null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                (Boolean) f.get("hasResults"), null, null, nested(f.get("AND")), nested(f.get("OR")), nested(f.get("NOT")));
    }

    @SuppressWarnings("unchecked")
    private static List<TrialWhere> nested(Object list) {
        return list == null ? null : ((List<Map<String, Object>>) list).stream().map(FacetEquivalenceTest::where).toList();
    }
}
