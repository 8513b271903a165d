package org.trialgraph.prescreen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.StudyImporter;
import org.trialgraph.trial.TrialIndex;
import org.trialgraph.trial.TrialOrder;
import org.trialgraph.trial.TrialWhere;

/**
 * A pre-screen's candidates found through the in-memory index are the candidates Cypher finds: the same trials in
 * the same order (open trials first, newest NCT id first) with the same limits and criteria, for conditions given
 * as names, MeSH terms, MeSH ids and free words, with and without a filter, at several bounds.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreScreenCandidatesTest {

    private static final List<TrialOrder> NEWEST_FIRST = List.of(new TrialOrder(TrialOrder.Field.NCT_ID,
            TrialOrder.Direction.DESC));

    @Autowired
    PreScreenRepository repository;

    @Autowired
    TrialIndex index;

    @Autowired
    StudyImporter importer;

    final List<String> conditions = new ArrayList<>();

    @BeforeAll
    void importRecordsAndWaitForTheIndex() throws InterruptedException {
        Map<String, JsonNode> raw = SharedData.importApiV2(importer);
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode study : raw.values()) {
            JsonNode browse = study.path("derivedSection").path("conditionBrowseModule");
            browse.path("meshes").forEach(m -> { names.add(m.path("term").asString()); names.add(m.path("id").asString()); });
            browse.path("ancestors").forEach(m -> names.add(m.path("term").asString()));
            study.path("protocolSection").path("conditionsModule").path("conditions").forEach(c -> names.add(c.asString()));
        }
        conditions.addAll(names);
        for (int i = 0; i < 600 && index.page(null, NEWEST_FIRST, List.of(), 1) == null; i++) {
            Thread.sleep(100);
        }
        assertThat(index.page(null, NEWEST_FIRST, List.of(), 1)).as("the facet index is ready").isNotNull();
    }

    @Test
    void candidatesFromTheIndexAreTheCandidatesCypherFinds() {
        List<List<String>> asked = new ArrayList<>(List.of(List.of(), List.of("Neoplasms"), List.of("leukemia"),
                List.of("T-lymphoblastic leukemia"), List.of("breast cancer", "asthma"), List.of("D009369"),
                List.of("no such condition anywhere"), List.of("Diabetes Mellitus, Type 2")));
        Random random = new Random(20261126L);
        for (int i = 0; i < 40; i++) {
            asked.add(List.of(conditions.get(random.nextInt(conditions.size()))));
        }
        List<TrialWhere> filters = new ArrayList<>();
        filters.add(null);
        filters.add(TrialWhere.statusIn(List.of("RECRUITING", "COMPLETED")));
        filters.add(TrialWhere.allOf(TrialWhere.conditionNamed("asthma")));
        int compared = 0;
        for (List<String> names : asked) {
            ConditionMatch match = ConditionMatch.of(names);
            for (TrialWhere where : filters) {
                for (int limit : List.of(1, 7, 60, 500)) {
                    String what = names + " where " + where + " limit " + limit;
                    assertThat(repository.candidates(where, match, limit)).as(what)
                            .isEqualTo(repository.candidatesFromGraph(where, match, limit));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(asked.size() * filters.size() * 4);
    }
}
