package org.trialgraph.limits;

import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.language.SourceLocation;

import org.springframework.graphql.execution.ErrorType;

/** The errors a request gets when it breaks a limit: a clear message, the limit's name and its maximum. */
final class LimitErrors {

    /** Execution ran past {@code trialgraph.graphql.limits.timeout}. */
    enum Classification implements ErrorClassification {
        QUERY_TIMEOUT
    }

    private LimitErrors() {
    }

    /** A request refused before execution; graphql-java answers it with these errors and no data. */
    static AbortExecutionException refused(String limit, Object maximum, String message, SourceLocation location) {
        GraphQLError.Builder<?> error = GraphQLError.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(message)
                .extensions(Map.of("limit", limit, "maximum", maximum));
        if (location != null) {
            error.location(location);
        }
        return new AbortExecutionException(List.of(error.build()));
    }

    static GraphQLError timedOut(long timeoutMillis) {
        return GraphQLError.newError()
                .errorType(Classification.QUERY_TIMEOUT)
                .message("query exceeded the time limit of " + timeoutMillis + " ms; ask for less (smaller pages, "
                        + "fewer nested lists)")
                .extensions(Map.of("limit", "timeout", "maximum", timeoutMillis))
                .build();
    }
}
