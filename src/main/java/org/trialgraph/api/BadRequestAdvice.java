package org.trialgraph.api;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Arguments the application refuses (a page size out of range, a cursor of another list, text the criteria
 * engine cannot read) are the caller's error: a BAD_REQUEST with the reason, not an internal error.
 */
@ControllerAdvice
class BadRequestAdvice {

    @GraphQlExceptionHandler
    GraphQLError badArgument(IllegalArgumentException e, DataFetchingEnvironment env) {
        return GraphQLError.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(e.getMessage())
                .path(env.getExecutionStepInfo().getPath())
                .location(env.getField().getSourceLocation())
                .build();
    }
}
