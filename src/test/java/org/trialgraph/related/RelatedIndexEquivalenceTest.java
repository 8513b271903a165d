package org.trialgraph.related;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.StudyImporter;
import org.trialgraph.trial.TrialIndex;
import org.trialgraph.trial.TrialWhere;

/**
 * The index search against the Cypher search with an unbounded walk (exact), on the real records: the same trials,
 * scores and reasons; and writes through the API reach the index.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class RelatedIndexEquivalenceTest {

    private static final List<List<Relatedness>> KINDS = List.of(List.of(Relatedness.values()),
            List.of(Relatedness.MESH), List.of(Relatedness.CONDITION), List.of(Relatedness.CRITERIA,
                    Relatedness.CONSTRAINTS), List.of(Relatedness.INTERVENTION, Relatedness.SPONSOR));

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    StudyImporter importer;

    @Autowired
    RelatedTrialsFinder finder;

    @Autowired
    RelatedIndex index;

    @Autowired
    TrialIndex facets;

    Map<String, JsonNode> raw;

    @BeforeAll
    void importApiV2Records() throws InterruptedException {
        raw = SharedData.importApiV2(importer);
        awaitIndex();
    }

    @Test
    void theIndexGivesThePageOfTheExactCypherSearchForEveryKindAndFilter() throws InterruptedException {
        // The status and age filters' trials come from the facet index (the search prunes among them); it holds no
        // enrollment, so the enrollment filter's are checked in Cypher, and with a status too, among the status's.
        TrialWhere completed = where(List.of("COMPLETED"), null, null);
        TrialWhere takesAFortyYearOld = where(null, 40.0, null);
        TrialWhere enrolsHundreds = where(null, null, new TrialWhere.IntRange(100, null));
        TrialWhere completedAndEnrolsHundreds = where(List.of("COMPLETED"), null, new TrialWhere.IntRange(100, null));
        awaitFacets(completed);
        assertThat(facets.matching(takesAFortyYearOld, nctId -> { })).isTrue();
        assertThat(facets.matching(enrolsHundreds, nctId -> { })).isFalse();
        assertThat(facets.coveredPart(enrolsHundreds)).isNull();
        // Its trials are among the completed ones the facet index gives; each is still checked in Cypher.
        assertThat(facets.coveredPart(completedAndEnrolsHundreds)).isEqualTo(completed);
        List<String> sources = raw.keySet().stream().sorted().toList();
        int compared = 0;
        for (int s = 0; s < sources.size(); s += 29) {
            String source = sources.get(s);
            for (List<Relatedness> kinds : KINDS) {
                for (TrialWhere where : Arrays.asList(null, completed, takesAFortyYearOld, enrolsHundreds,
                        completedAndEnrolsHundreds)) {
                    int first = List.of(1, 10, 25).get(s % 3);
                    compared += compare(source, kinds, where, first);
                }
            }
        }
        assertThat(compared).as("related trials compared").isGreaterThan(1000);
    }

    @Test
    void anImportAndADeleteThroughTheApiReachTheIndex() throws InterruptedException {
        String source = "NCT04907045"; // COMPLETED, as its copy
        String copy = "NCT99999971";
        TrialWhere completed = where(List.of("COMPLETED"), null, null);
        awaitFacets(completed);
        assertThat(finder.fromIndex(source, List.of(Relatedness.values()), completed, 25).orElseThrow())
                .extracting(RelatedScoring.Scored::nctId).doesNotContain(copy); // the filter's trials are kept now
        operator().documentName("importStudies").variable("json", raw.get(source).toString().replace(source, copy))
                .execute().path("importStudies.imported").entity(Integer.class).isEqualTo(1);
        // The next answer has the copy (it shares every item of the source) whichever search gives it.
        assertThat(relatedIds(source)).contains(copy);
        awaitIndex();
        assertThat(finder.fromIndex(source, List.of(Relatedness.values()), null, 25).orElseThrow())
                .extracting(RelatedScoring.Scored::nctId).contains(copy);
        assertThat(compare(source, List.of(Relatedness.values()), null, 25)).isPositive();
        awaitFacets(completed);
        assertThat(finder.fromIndex(source, List.of(Relatedness.values()), completed, 25).orElseThrow())
                .extracting(RelatedScoring.Scored::nctId).contains(copy);
        assertThat(compare(source, List.of(Relatedness.values()), completed, 25)).isPositive();

        operator().documentName("deleteTrials").variable("nctIds", List.of(copy)).execute()
                .path("deleteTrials").entityList(String.class).contains(copy);
        assertThat(relatedIds(source)).doesNotContain(copy);
        awaitIndex();
        assertThat(index.ordinal(copy)).isEqualTo(-1);
        assertThat(compare(source, List.of(Relatedness.values()), null, 25)).isPositive();
        awaitFacets(completed);
        assertThat(compare(source, List.of(Relatedness.values()), completed, 25)).isPositive();
    }

    /** Compares the two searches' pages; returns the number of trials listed. */
    private int compare(String source, List<Relatedness> kinds, TrialWhere where, int first) {
        String what = "%s by %s where %s first %d".formatted(source, kinds, where, first);
        RelatedSearch.Page exact = finder.score(source, kinds, where, first, Long.MAX_VALUE, Long.MAX_VALUE);
        assertThat(exact.exact()).as(what).isTrue();
        List<RelatedScoring.Scored> indexed = finder.fromIndex(source, kinds, where, first).orElseThrow();
        assertThat(indexed).extracting(RelatedScoring.Scored::nctId).as(what)
                .containsExactlyElementsOf(exact.trials().stream().map(RelatedScoring.Scored::nctId).toList());
        for (int i = 0; i < indexed.size(); i++) {
            RelatedScoring.Scored a = indexed.get(i);
            RelatedScoring.Scored b = exact.trials().get(i);
            assertThat(a.score()).as("%s: %s", what, a.nctId()).isCloseTo(b.score(), within(1e-9));
            assertThat(a.reasons()).as("%s: %s", what, a.nctId()).hasSameSizeAs(b.reasons());
            for (int r = 0; r < a.reasons().size(); r++) {
                RelatedTrial.Reason x = a.reasons().get(r);
                RelatedTrial.Reason y = b.reasons().get(r);
                assertThat(List.of(x.kind(), x.label(), String.valueOf(x.key()))).as(what)
                        .isEqualTo(List.of(y.kind(), y.label(), String.valueOf(y.key())));
                assertThat(x.contribution()).as(what).isCloseTo(y.contribution(), within(1e-9));
            }
        }
        return indexed.size();
    }

    private List<String> relatedIds(String nctId) {
        List<String> ids = new ArrayList<>();
        graphQl.documentName("related").variable("nctId", nctId).variable("first", 25).execute()
                .path("relatedTrials").entityList(Map.class).get()
                .forEach(m -> ids.add((String) ((Map<String, Object>) m.get("trial")).get("nctId")));
        return ids;
    }

    private void awaitIndex() throws InterruptedException {
        for (int i = 0; i < 1200 && !index.ready(); i++) {
            Thread.sleep(50);
        }
        assertThat(index.ready()).as("the related index is built and up to date").isTrue();
    }

    private void awaitFacets(TrialWhere where) throws InterruptedException {
        for (int i = 0; i < 1200 && !facets.matching(where, nctId -> { }); i++) {
            Thread.sleep(50);
        }
        assertThat(facets.matching(where, nctId -> { })).as("the facet index is built and up to date").isTrue();
    }

    private HttpGraphQlTester operator() {
        return graphQl.mutate().header("Authorization", "Bearer test-operator-token").build();
    }

    private static TrialWhere where(List<String> statuses, Double age, TrialWhere.IntRange enrollment) {
        return new TrialWhere(null, statuses, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, enrollment, age, null, null, null, null, null, null);
    }
}
