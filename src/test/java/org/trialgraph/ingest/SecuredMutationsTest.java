package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;

/** Reads are public; importing needs the operator token, and without it nothing changes. */
@TrialGraphTest
class SecuredMutationsTest {


    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Test
    void anImportWithoutATokenIsUnauthorizedAndChangesNothing() {
        graphQl.documentName("importStudies").variable("json", study("NCT90000097")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
        assertThat(trialExists("NCT90000097")).isFalse();
    }

    @Test
    void anImportWithAWrongTokenIsUnauthorizedAndChangesNothing() {
        graphQl.mutate().header("Authorization", "Bearer not-the-token").build()
                .documentName("importStudies").variable("json", study("NCT90000098")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
        assertThat(trialExists("NCT90000098")).isFalse();
    }

    @Test
    void anOperatorImportsAStudyThatAnyoneCanThenRead() {
        graphQl.mutate().header("Authorization", "Bearer test-operator-token").build()
                .documentName("importStudies").variable("json", study("NCT90000099")).execute()
                .path("importStudies.imported").entity(Integer.class).isEqualTo(1);
        graphQl.documentName("trialDetail").variable("nctId", "NCT90000099").execute()
                .path("trial.nctId").entity(String.class).isEqualTo("NCT90000099");
    }

    @Test
    void aDeleteWithoutATokenIsUnauthorizedAndChangesNothing() {
        operator().documentName("importStudies").variable("json", study("NCT90000096")).execute()
                .path("importStudies.imported").entity(Integer.class).isEqualTo(1);
        graphQl.documentName("deleteTrials").variable("nctIds", java.util.List.of("NCT90000096")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
        assertThat(trialExists("NCT90000096")).isTrue();
    }

    @Test
    void anOperatorDeletesATrialAndTheGraphIsAsIfItHadNeverBeenImported() {
        operator().documentName("importStudies").variable("json", study("NCT90000095")).execute()
                .path("importStudies.imported").entity(Integer.class).isEqualTo(1);
        operator().documentName("deleteTrials").variable("nctIds", java.util.List.of("NCT90000095", "NCT99999999"))
                .execute().path("deleteTrials").entityList(String.class).containsExactly("NCT90000095");
        assertThat(trialExists("NCT90000095")).isFalse();
        GraphInvariants.assertConsistent(driver);
    }

    private HttpGraphQlTester operator() {
        return graphQl.mutate().header("Authorization", "Bearer test-operator-token").build();
    }

    private static String study(String nctId) {
        ObjectNode study = (ObjectNode) SharedData.v2Studies().get(42).deepCopy();
        ((ObjectNode) study.path("protocolSection").path("identificationModule")).put("nctId", nctId);
        return study.toString();
    }

    private boolean trialExists(String nctId) {
        return !driver.executableQuery("MATCH (t:Trial {nctId: $id}) RETURN t")
                .withParameters(java.util.Map.of("id", nctId)).execute().records().isEmpty();
    }
}
