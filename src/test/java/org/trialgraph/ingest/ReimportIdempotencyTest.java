package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.stats.GraphStats;

/** Importing the same data again, three times, changes no node or relationship count. */
@TrialGraphTest
class ReimportIdempotencyTest {

    @Autowired
    StudyImporter importer;

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    void reimportingTheSameDataThreeTimesLeavesIdenticalCounts() {
        ImportSummary first = importer.importPaths(List.of(SharedData.v2()), ImportProgress.NONE);
        GraphStats after = graphStats();
        for (int run = 2; run <= 4; run++) {
            ImportSummary again = importer.importPaths(List.of(SharedData.v2()), ImportProgress.NONE);
            assertThat(again.read()).isEqualTo(first.read());
            assertThat(again.imported() + again.updated()).as("trials written again in run " + run).isZero();
            assertThat(graphStats()).as("graph after run " + run).isEqualTo(after);
        }
        assertThat(after.count("Trial")).isGreaterThanOrEqualTo(SharedData.newestV2StudiesById().size());
        GraphInvariants.assertConsistent(driver);
    }

    private GraphStats graphStats() {
        return graphQl.documentName("graphStats").execute().path("graphStats").entity(GraphStats.class).get();
    }
}
