package org.trialgraph.neo4j;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;

/**
 * Read-only statements run on the embedded database in this JVM, without Bolt: the bean exists only when Neo4j is
 * embedded (and {@code trialgraph.neo4j.in-process-reads} is not false). Rows come back as the driver's records and
 * failures as the driver's exceptions, the same as over Bolt. An interface so that the slow-query log and the tests'
 * query counting can wrap it as they wrap the driver.
 */
public interface InProcessReads {

    /** All rows of the statement, read in one read-only transaction. */
    List<Record> read(String cypher, Map<String, Object> parameters);
}
