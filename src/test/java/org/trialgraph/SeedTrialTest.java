package org.trialgraph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The project's first seed record, NCT07476027, is served as its patient page shows it. */
@TrialGraphTest
class SeedTrialTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void servesTheSeedTrialAsItsPageShowsIt() {
        var response = graphQl.documentName("seedTrial").execute();
        response.path("trial.briefTitle").entity(String.class)
                .isEqualTo("Efficacy and Safety of CD7 CAR-T in Newly Diagnosed High-Risk T-LBL/ALL");
        response.path("trial.overallStatus").entity(String.class).isEqualTo("NOT_YET_RECRUITING");
        response.path("trial.phases").entityList(String.class).containsExactly("EARLY_PHASE1");
        response.path("trial.enrollment.count").entity(Integer.class).isEqualTo(10);
        response.path("trial.startDate").entity(String.class).isEqualTo("2026-03-15");
        response.path("trial.maximumAge.years").entity(Double.class).isEqualTo(18.0);
        response.path("trial.sex").entity(String.class).isEqualTo("ALL");
        response.path("trial.leadSponsor.name").entity(String.class)
                .isEqualTo("Institute of Hematology & Blood Diseases Hospital, China");
        response.path("trial.outcomes[0].measure").entity(String.class).isEqualTo("CR Rate");
        response.path("trial.outcomes[0].timeFrame").entity(String.class)
                .isEqualTo("28 days after CD7 CAR-T cell infusion");
        String criteria = response.path("trial.eligibilityCriteria").entity(String.class).get();
        assertThat(criteria).contains("Inclusion Criteria:", "Infusion Criteria:", "Exclusion Criteria:");
    }
}
