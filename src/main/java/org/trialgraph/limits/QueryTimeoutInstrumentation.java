package org.trialgraph.limits;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/**
 * Gives each execution a deadline. A data fetcher (a Cypher query, a batch load) that would start after it is
 * skipped, so no new database work begins, and the answer is one QUERY_TIMEOUT error without data (partial data
 * would break non-null fields). A fetcher already running is not interrupted: its Cypher runs to its end or to
 * Neo4j's transaction timeout.
 */
class QueryTimeoutInstrumentation extends SimplePerformantInstrumentation {

    private final Duration timeout;

    QueryTimeoutInstrumentation(Duration timeout) {
        this.timeout = timeout;
    }

    private static final class Deadline implements InstrumentationState {
        final long nanos;
        final AtomicBoolean passed = new AtomicBoolean();

        Deadline(long nanos) {
            this.nanos = nanos;
        }

        boolean isPassed() {
            if (System.nanoTime() - nanos > 0) {
                passed.set(true);
            }
            return passed.get();
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        // Property reads cost nothing; the deadline is checked where work starts.
        if (parameters.isTrivialDataFetcher() || !(state instanceof Deadline deadline)) {
            return dataFetcher;
        }
        return environment -> deadline.isPassed() ? null : dataFetcher.get(environment);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult executionResult,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (state instanceof Deadline deadline && deadline.passed.get()) {
            return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult()
                    .addError(LimitErrors.timedOut(timeout.toMillis())).build());
        }
        return CompletableFuture.completedFuture(executionResult);
    }

    /** Nothing per field; the NOOP answer lets api.NoOpDroppingInstrumentation leave it out of the chain. */
    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return FieldFetchingInstrumentationContext.NOOP;
    }
}
