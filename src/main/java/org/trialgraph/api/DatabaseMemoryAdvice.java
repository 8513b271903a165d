package org.trialgraph.api;

import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * A query that needs more memory than the database grants running transactions
 * ({@code trialgraph.neo4j.transaction-memory}, shared by all of them): a {@code QUERY_TOO_LARGE} error that says
 * what to do, not an anonymous internal error. Other transient errors (retried by the driver first) are left to
 * the other resolvers.
 */
@Component
class DatabaseMemoryAdvice extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMemoryAdvice.class);

    static final String MEMORY_POOL_FULL = "Neo.TransientError.General.MemoryPoolOutOfMemoryError";

    enum DatabaseMemoryErrorType implements ErrorClassification {
        QUERY_TOO_LARGE
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof TransientException transientError) || !MEMORY_POOL_FULL.equals(transientError.code())) {
            return null;
        }
        log.warn("Query at {} exceeded the transaction memory: {}", env.getExecutionStepInfo().getPath(),
                ex.getMessage());
        return GraphQLError.newError()
                .errorType(DatabaseMemoryErrorType.QUERY_TOO_LARGE)
                .message("The query needed more database memory than running queries may share "
                        + "(trialgraph.neo4j.transaction-memory); narrow the filter or the search words, or try again.")
                .extensions(Map.of("limit", "transaction-memory"))
                .path(env.getExecutionStepInfo().getPath())
                .location(env.getField().getSourceLocation())
                .build();
    }
}
