package org.trialgraph.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.QueryCounting;
import org.trialgraph.TrialGraphTest;

/**
 * Trials and the parts a response selects on them load together: a trial with every part is one database query,
 * a page of trials with every part two (the page with its total, then the parts of all its trials), whatever the
 * page size; search with its total is one. Queries are counted on the driver, as sent.
 */
@TrialGraphTest
class BatchLoadingTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    QueryCounting.Counter counter;

    @Test
    void aTrialWithEveryPartIsOneQuery() {
        String nctId = firstTrialWithSitesAndCriteria();

        counter.reset();
        Map<String, Object> trial = graphQl.documentName("trialWithAllParts").variable("nctId", nctId).execute()
                .path("trial").entity(Map.class).get();

        assertThat(counter.queries()).isEqualTo(1);
        assertThat((List<?>) trial.get("sites")).isNotEmpty();
        assertThat((Map<?, ?>) trial.get("eligibility")).extracting("sections").asList().isNotEmpty();
    }

    @Test
    void aPageOfTrialsWithEveryPartIsTwoQueriesWhateverItsSize() {
        int forFive = queriesForPage(5);
        counter.reset();
        graphQl.documentName("trialPageWithAllParts").execute().path("trials.edges").entityList(Object.class).hasSize(20);
        int forTwenty = counter.queries();
        int forHundred = queriesForPage(100);

        // the page with its count, then one query for the selected parts of all its trials
        assertThat(forFive).isEqualTo(2);
        assertThat(forTwenty).isEqualTo(2);
        assertThat(forHundred).isEqualTo(2);
    }

    @Test
    void searchWithItsTotalIsOneQuery() {
        counter.reset();
        long total = graphQl.documentName("search").variable("text", "cancer").variable("first", 20).execute()
                .path("search.totalCount").entity(Long.class).get();

        assertThat(counter.queries()).isEqualTo(1);
        assertThat(total).isPositive();
    }

    @Test
    void primedPartsAnswerExactlyWhatTheBatchLoadersAnswer() {
        String country = "United States";

        counter.reset();
        List<Map<String, Object>> primed = graphQl.documentName("trialsOfCountryWithAllParts").variable("country", country)
                .execute().path("trials.edges[*].node").entityList(mapType()).get();
        int primedQueries = counter.queries();
        counter.reset();
        List<Map<String, Object>> loaded = graphQl.documentName("countryTrialsWithAllParts").variable("country", country)
                .execute().path("country.trials.edges[*].node").entityList(mapType()).get();
        int loadedQueries = counter.queries();

        assertThat(primed).hasSize(10).isEqualTo(loaded);
        assertThat(primedQueries).isEqualTo(2);
        // Country.trials is not primed: its page, its count, then the batch loaders
        assertThat(loadedQueries).isGreaterThan(primedQueries);
    }

    private int queriesForPage(int first) {
        counter.reset();
        graphQl.documentName("trialListWithParts").variable("first", first).execute()
                .path("trials.edges").entityList(Object.class).hasSize(first);
        return counter.queries();
    }

    private String firstTrialWithSitesAndCriteria() {
        return graphQl.document("{ trials(where: { country: \"United States\" }, first: 1) { edges { node { nctId } } } }")
                .execute().path("trials.edges[0].node.nctId").entity(String.class).get();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }
}
