package org.trialgraph.api;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Neo4j unreachable (an external server stopped or restarting) once the driver's retries are used up: a
 * {@code SERVICE_UNAVAILABLE} error the caller can act on (try again), not an anonymous internal error.
 */
@ControllerAdvice
class DatabaseUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    enum DatabaseErrorType implements ErrorClassification {
        SERVICE_UNAVAILABLE
    }

    @GraphQlExceptionHandler({ServiceUnavailableException.class, SessionExpiredException.class})
    GraphQLError databaseUnavailable(Exception e, DataFetchingEnvironment env) {
        log.warn("Neo4j unavailable: {}", e.getMessage());
        return GraphQLError.newError()
                .errorType(DatabaseErrorType.SERVICE_UNAVAILABLE)
                .message("The database is unavailable; try again shortly.")
                .path(env.getExecutionStepInfo().getPath())
                .location(env.getField().getSourceLocation())
                .build();
    }
}
