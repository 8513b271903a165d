package org.trialgraph.observability;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

/**
 * Root fields are observed; nested ones only when asked for; other observations are left alone (ObservabilityTest
 * shows the predicate at work on the running service).
 */
class DataFetcherObservationsTest {

    private final DataFetchingEnvironment root = environment(ResultPath.parse("/trial"));
    private final DataFetchingEnvironment nested = environment(ResultPath.parse("/trial/leadSponsor"));
    private final DataFetchingEnvironment inAList = environment(ResultPath.parse("/trials/edges[0]/node/conditions"));

    @Test
    void byDefaultOnlyRootFieldsAreObserved() {
        DataFetcherObservations predicate = new DataFetcherObservations(false);

        assertThat(predicate.observes(root)).isTrue();
        assertThat(predicate.observes(nested)).isFalse();
        assertThat(predicate.observes(inAList)).isFalse();
        assertThat(predicate.test("http.server.requests", new Observation.Context())).isTrue();
    }

    @Test
    void nestedFieldsAreObservedWhenAskedFor() {
        DataFetcherObservations predicate = new DataFetcherObservations(true);

        assertThat(predicate.observes(nested)).isTrue();
        assertThat(predicate.observes(inAList)).isTrue();
    }

    private static DataFetchingEnvironment environment(ResultPath path) {
        ExecutionStepInfo step = ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString).path(path).build();
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment().executionStepInfo(step).build();
    }
}
