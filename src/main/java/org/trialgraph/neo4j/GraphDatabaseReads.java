package org.trialgraph.neo4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.internal.util.QueryKeys;
import org.neo4j.graphdb.Result;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs a read in a transaction of the embedded database, as Bolt's auto-commit transaction of a READ session does:
 * an implicit transaction that may not write, with the configured transaction timeout (and the shared transaction
 * memory limit). The rows are turned into driver records inside the transaction, since nodes are read lazily.
 */
final class GraphDatabaseReads implements InProcessReads {

    private final GraphDatabaseAPI database;
    private final LoginContext readOnly;
    private final long timeoutMillis;

    GraphDatabaseReads(GraphDatabaseAPI database, Duration transactionTimeout) {
        this.database = database;
        this.readOnly = SecurityContext.authDisabled(AccessMode.Static.READ, ClientConnectionInfo.EMBEDDED_CONNECTION,
                database.databaseName());
        this.timeoutMillis = transactionTimeout.toMillis();
    }

    @Override
    public List<Record> read(String cypher, Map<String, Object> parameters) {
        try (InternalTransaction tx = database.beginTransaction(KernelTransaction.Type.IMPLICIT, readOnly,
                ClientConnectionInfo.EMBEDDED_CONNECTION, timeoutMillis, TimeUnit.MILLISECONDS)) {
            List<Record> records = new ArrayList<>();
            try (Result result = tx.execute(cypher, parameters)) {
                List<String> columns = result.columns();
                QueryKeys keys = new QueryKeys(columns);
                result.accept(row -> {
                    records.add(DriverValues.record(keys, columns, row));
                    return true;
                });
            }
            tx.commit();
            return records;
        } catch (RuntimeException e) {
            // the database's own failures become the driver's; a conversion this class cannot do stays as it is
            throw e.getClass().getName().startsWith("org.neo4j.") && !(e instanceof Neo4jException)
                    ? DriverErrors.of(e) : e;
        }
    }
}
