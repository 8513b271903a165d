package org.trialgraph.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Counts the statements sent to the database as {@code trialgraph.db.queries} (Prometheus:
 * {@code trialgraph_db_queries_total}); the benchmark reads it before and after a run for queries per request.
 * The registry is looked up at the first query: the driver is wrapped before the meter registry exists.
 */
final class QueryMeter {

    static final String NAME = "trialgraph.db.queries";

    private final ObjectProvider<MeterRegistry> registry;
    private volatile Counter counter;

    QueryMeter(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    void increment() {
        Counter current = counter;
        if (current == null) {
            MeterRegistry meters = registry.getIfAvailable();
            if (meters == null) {
                return;
            }
            current = Counter.builder(NAME).description("Statements sent to the database (Neo4j)").register(meters);
            counter = current;
        }
        current.increment();
    }
}
