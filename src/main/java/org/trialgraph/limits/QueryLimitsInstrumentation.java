package org.trialgraph.limits;

import java.util.List;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.parser.ParserOptions;
import graphql.validation.ValidationError;

/**
 * Refuses a request that breaks a limit before anything is fetched, in the order the work would happen:
 * <ol>
 * <li>parsing stops after {@code maxTokens} tokens (graphql-java's ParserOptions, set per request);</li>
 * <li>before validation: at most {@code maxFields} field selections with fragments expanded (alias and fragment
 * bombs; validation and the cost analysis below would otherwise expand them);</li>
 * <li>before execution: page sizes, depth and complexity ({@link QueryCost}, kept per document and the
 * variables it depends on by {@link QueryCosts}).</li>
 * </ol>
 * Each refusal is a BAD_REQUEST error naming the limit, and the response has no data.
 */
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final QueryLimits limits;
    private final ParserOptions parserOptions;
    private final QueryCosts costs;

    QueryLimitsInstrumentation(QueryLimits limits) {
        this.limits = limits;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxTokens(limits.maxTokens())
                .maxCharacters((int) Math.min(Integer.MAX_VALUE, limits.maxRequestBytes().toBytes())));
        this.costs = new QueryCosts(limits.assumedListSize(), limits.maxPageSize());
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        // graphql-java reads the parser options of a request from its context (ParseAndValidate.parse).
        executionInput.getGraphQLContext().put(ParserOptions.class, parserOptions);
        return executionInput;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        long fields = ExpandedFieldCount.of(parameters.getDocument(), limits.maxFields() + 1L);
        if (fields > limits.maxFields()) {
            throw LimitErrors.refused("max-fields", limits.maxFields(), "query selects more than "
                    + limits.maxFields() + " fields (aliases counted, fragments expanded)", null);
        }
        return super.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        QueryCost cost = costs.measure(context.getGraphQLSchema(), context.getDocument(),
                context.getExecutionInput().getOperationName(), context.getCoercedVariables());
        if (cost.badPageSize() != null) {
            QueryCost.PageSize page = cost.badPageSize();
            throw LimitErrors.refused("max-page-size", limits.maxPageSize(), "first must be between 0 and "
                    + limits.maxPageSize() + ", was " + page.first() + " (on " + page.field() + ")", page.location());
        }
        if (cost.depth() > limits.maxDepth()) {
            throw LimitErrors.refused("max-depth", limits.maxDepth(),
                    "query depth " + cost.depth() + " exceeds the maximum " + limits.maxDepth(), null);
        }
        if (cost.complexity() > limits.maxComplexity()) {
            throw LimitErrors.refused("max-complexity", limits.maxComplexity(), "query complexity "
                    + cost.complexity() + " exceeds the maximum " + limits.maxComplexity()
                    + " (each field costs 1; a page multiplies its selection by first, another list by "
                    + limits.assumedListSize() + ")", null);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** Nothing per field; the NOOP answer lets api.NoOpDroppingInstrumentation leave it out of the chain. */
    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return FieldFetchingInstrumentationContext.NOOP;
    }
}
