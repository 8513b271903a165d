package org.trialgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.language.SourceLocation;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Neo4j's own limit on the memory of running transactions (10 MiB at least, so a test graph cannot reach it through
 * HTTP) answers with this error code; the resolver turns it into a classified error and leaves other transient
 * errors alone.
 */
class TransactionMemoryErrorTest {

    private final DatabaseMemoryAdvice resolver = new DatabaseMemoryAdvice();

    @Test
    void theTransactionMemoryLimitIsAnsweredWithQueryTooLargeAtTheField() {
        List<GraphQLError> errors = resolver.resolveException(new TransientException(DatabaseMemoryAdvice.MEMORY_POOL_FULL,
                "The allocation of an extra 52.4 MiB would use more than the limit 1.0 GiB."), searchField()).block();

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("QUERY_TOO_LARGE");
            assertThat(error.getMessage()).contains("trialgraph.neo4j.transaction-memory");
            assertThat(error.getExtensions()).containsEntry("limit", "transaction-memory");
            assertThat(error.getPath()).containsExactly("search");
            assertThat(error.getLocations()).containsExactly(new SourceLocation(2, 3));
        });
    }

    @Test
    void otherTransientErrorsAreLeftToTheOtherResolvers() {
        List<GraphQLError> errors = resolver.resolveException(new TransientException(
                "Neo.TransientError.Transaction.DeadlockDetected", "deadlock"), searchField()).block();

        assertThat(errors).isNull();
    }

    private static DataFetchingEnvironment searchField() {
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
                        .path(ResultPath.rootPath().segment("search")).build())
                .mergedField(MergedField.newMergedField(
                        Field.newField("search").sourceLocation(new SourceLocation(2, 3)).build()).build())
                .build();
    }
}
