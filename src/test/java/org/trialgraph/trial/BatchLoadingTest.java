package org.trialgraph.trial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.QueryCounting;
import org.trialgraph.TrialGraphTest;

/** Nested fields load in batches: a page of 100 trials with their parts costs as many queries as a page of 5. */
@TrialGraphTest
class BatchLoadingTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    QueryCounting.Counter counter;

    @Test
    void aPageOfTrialsWithTheirPartsCostsOneQueryPerPartNotPerTrial() {
        int forFive = queriesFor(5);
        int forHundred = queriesFor(100);

        // the page, its count, and one query per nested part (sponsors twice: lead and collaborators)
        assertThat(forHundred).isLessThanOrEqualTo(11).isEqualTo(forFive);
    }

    private int queriesFor(int first) {
        counter.reset();
        graphQl.documentName("trialListWithParts").variable("first", first).execute()
                .path("trials.edges").entityList(Object.class).hasSize(first);
        return counter.queries();
    }
}
