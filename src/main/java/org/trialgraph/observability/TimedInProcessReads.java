package org.trialgraph.observability;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;

import org.trialgraph.neo4j.InProcessReads;

/** In-process reads counted, timed with their rows and reported to the slow-query log, as the driver's queries are. */
final class TimedInProcessReads implements InProcessReads {

    private final InProcessReads delegate;
    private final SlowQueryLog log;

    TimedInProcessReads(InProcessReads delegate, SlowQueryLog log) {
        this.delegate = delegate;
        this.log = log;
    }

    @Override
    public List<Record> read(String cypher, Map<String, Object> parameters) {
        log.sent();
        long started = System.nanoTime();
        try {
            List<Record> records = delegate.read(cypher, parameters);
            log.query(cypher, System.nanoTime() - started, records.size());
            return records;
        } catch (RuntimeException e) {
            log.failedQuery(cypher, System.nanoTime() - started, e);
            throw e;
        }
    }
}
