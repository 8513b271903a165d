package org.trialgraph.observability;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collector;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.ExecutableQuery;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;

/** An executable query whose execution is timed, its rows counted, and reported to the slow-query log. */
final class TimedExecutableQuery implements ExecutableQuery {

    private final ExecutableQuery delegate;
    private final String cypher;
    private final SlowQueryLog log;

    TimedExecutableQuery(ExecutableQuery delegate, String cypher, SlowQueryLog log) {
        this.delegate = delegate;
        this.cypher = cypher;
        this.log = log;
    }

    @Override
    public ExecutableQuery withParameters(Map<String, Object> parameters) {
        return new TimedExecutableQuery(delegate.withParameters(parameters), cypher, log);
    }

    @Override
    public ExecutableQuery withConfig(QueryConfig config) {
        return new TimedExecutableQuery(delegate.withConfig(config), cypher, log);
    }

    @Override
    public ExecutableQuery withAuthToken(AuthToken authToken) {
        return new TimedExecutableQuery(delegate.withAuthToken(authToken), cypher, log);
    }

    @Override
    public <A, R, T> T execute(Collector<Record, A, R> collector, ResultFinisher<R, T> finisher) {
        AtomicLong rows = new AtomicLong();
        Collector<Record, A, R> counting = Collector.of(collector.supplier(), (container, record) -> {
            rows.incrementAndGet();
            collector.accumulator().accept(container, record);
        }, collector.combiner(), collector.finisher(), collector.characteristics().toArray(Collector.Characteristics[]::new));
        log.sent();
        long started = System.nanoTime();
        try {
            T result = delegate.execute(counting, finisher);
            log.query(cypher, System.nanoTime() - started, rows.get());
            return result;
        } catch (RuntimeException e) {
            log.failedQuery(cypher, System.nanoTime() - started, e);
            throw e;
        }
    }
}
