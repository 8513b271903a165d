package org.trialgraph.neo4j;

import java.util.Map;

import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransactionTerminatedException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.gqlstatus.ErrorGqlStatusObject;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.api.exceptions.Status;

/**
 * Turns a failure of the embedded database into the exception the driver throws for the same status code over Bolt
 * (the driver's own mapping: client errors, transient errors that it retries, terminated transactions), so that
 * callers, retries and the GraphQL error resolvers see one kind of error whichever way a read ran.
 */
final class DriverErrors {

    private static final String UNKNOWN = "Neo.DatabaseError.General.UnknownError";
    private static final String GENERAL_GQL_STATUS = "50N42";
    private static final String GENERAL_GQL_DESCRIPTION = "error: general processing exception - unexpected error";

    private DriverErrors() {
    }

    static Neo4jException of(RuntimeException failure) {
        String code = code(failure);
        String message = failure.getMessage();
        String gqlStatus = GENERAL_GQL_STATUS;
        String description = GENERAL_GQL_DESCRIPTION;
        if (failure instanceof ErrorGqlStatusObject gql && gql.gqlStatus() != null) {
            gqlStatus = gql.gqlStatus();
            description = gql.statusDescription();
        }
        switch (code) {
            case "Neo.ClientError.Transaction.Terminated", "Neo.TransientError.Transaction.Terminated" -> {
                return new TransactionTerminatedException(gqlStatus, description,
                        "Neo.ClientError.Transaction.Terminated", message, Map.of(), failure);
            }
            // Authentication is off in-process, so the only refusal is the read-only transaction's: over Bolt, a
            // READ session answers a write with this code.
            case "Neo.ClientError.Security.Forbidden" -> {
                return new ClientException(gqlStatus, description, "Neo.ClientError.Statement.AccessMode", message,
                        Map.of(), failure);
            }
            case "Neo.TransientError.Transaction.LockClientStopped" -> {
                return new ClientException(gqlStatus, description, "Neo.ClientError.Transaction.LockClientStopped",
                        message, Map.of(), failure);
            }
            default -> {
            }
        }
        if (code.startsWith("Neo.ClientError.")) {
            return new ClientException(gqlStatus, description, code, message, Map.of(), failure);
        }
        if (code.startsWith("Neo.TransientError.")) {
            return new TransientException(gqlStatus, description, code, message, Map.of(), failure);
        }
        return new Neo4jException(gqlStatus, description, code, message, Map.of(), failure);
    }

    /** The status code of the failure or of the first of its causes that has one. */
    private static String code(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof QueryExecutionException query && query.getStatusCode() != null) {
                return query.getStatusCode();
            }
            if (t instanceof Status.HasStatus status && status.status() != null) {
                return status.status().code().serialize();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return UNKNOWN;
    }
}
