package org.trialgraph.api;

import java.util.List;
import java.util.function.BiFunction;

import graphql.com.google.common.collect.ImmutableList;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;

/**
 * graphql-java's chain of instrumentations, without the contexts that do nothing. Instrumentations built on
 * {@code SimplePerformantInstrumentation} (ours and Spring for GraphQL's) answer every field's begin hooks with a
 * no-op context, and the chain keeps and calls each of them for every field of the response: for a trial's detail
 * (~170 fields) that was about a tenth of the request thread's CPU (docs/BENCHMARKS.md, "Trial detail: CPU per
 * request"). Dropping them changes nothing else: a no-op context has no effect when called.
 */
final class NoOpDroppingInstrumentation extends ChainedInstrumentation {

    NoOpDroppingInstrumentation(List<Instrumentation> instrumentations) {
        super(instrumentations);
    }

    @Override
    protected <T> ImmutableList<T> chainedMapAndDropNulls(InstrumentationState state,
            BiFunction<Instrumentation, InstrumentationState, T> mapper) {
        ImmutableList<T> all = super.chainedMapAndDropNulls(state, mapper);
        int noOps = 0;
        for (T context : all) {
            noOps += isNoOp(context) ? 1 : 0;
        }
        if (noOps == 0) {
            return all;
        }
        if (noOps == all.size()) {
            return ImmutableList.of();
        }
        ImmutableList.Builder<T> doing = ImmutableList.builderWithExpectedSize(all.size() - noOps);
        for (T context : all) {
            if (!isNoOp(context)) {
                doing.add(context);
            }
        }
        return doing.build();
    }

    static boolean isNoOp(Object context) {
        return context == SimpleInstrumentationContext.noOp() || context == FieldFetchingInstrumentationContext.NOOP
                || context == ExecuteObjectInstrumentationContext.NOOP
                || context == ExecutionStrategyInstrumentationContext.NOOP;
    }
}
