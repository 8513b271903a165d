package org.trialgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

/** Past the deadline no further data fetcher starts, and the answer is one QUERY_TIMEOUT error. */
class QueryTimeoutTest {

    private final AtomicInteger fastFetches = new AtomicInteger();

    private final GraphQL graphQl = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
                    new SchemaParser().parse("type Query { slow: String fast: String }"),
                    RuntimeWiring.newRuntimeWiring().type("Query", type -> type
                            .dataFetcher("slow", (DataFetcher<String>) env -> {
                                Thread.sleep(300);
                                return "slow";
                            })
                            .dataFetcher("fast", (DataFetcher<String>) env -> {
                                fastFetches.incrementAndGet();
                                return "fast";
                            })).build()))
            .instrumentation(new QueryTimeoutInstrumentation(Duration.ofMillis(100))).build();

    @Test
    void fetchersAfterTheDeadlineDoNotRunAndTheAnswerIsATimeoutError() {
        ExecutionResult result = graphQl.execute("{ slow fast }");

        assertThat(fastFetches).hasValue(0);
        assertThat(result.isDataPresent()).isFalse();
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getMessage()).startsWith("query exceeded the time limit of 100 ms");
            assertThat(error.getErrorType().toString()).isEqualTo("QUERY_TIMEOUT");
            assertThat(error.getExtensions()).containsEntry("limit", "timeout");
        });
    }

    @Test
    void aQueryWithinTheDeadlineIsAnsweredNormally() {
        ExecutionResult result = graphQl.execute("{ fast }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<java.util.Map<String, Object>>getData()).containsEntry("fast", "fast");
    }
}
