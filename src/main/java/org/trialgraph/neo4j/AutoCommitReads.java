package org.trialgraph.neo4j;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.RetryableException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a read-only statement as an auto-commit transaction: one Bolt round trip (RUN and PULL) instead of the
 * managed transaction of {@code Driver.executableQuery} (BEGIN, RUN, PULL, then COMMIT). For a trial's detail the
 * transaction messages cost about as much server CPU as the query itself (docs/BENCHMARKS.md, "Trial detail: CPU
 * per request"). The driver retries only managed transactions, so transient failures (a restart, a lost
 * connection) are retried here the same way, for {@code spring.neo4j.max-transaction-retry-time}: a read can
 * always run again. Only for statements that write nothing.
 *
 * <p>When Neo4j is embedded, the reads skip Bolt altogether and run on the database in this JVM (InProcessReads):
 * the same records and the same driver exceptions, retried the same way, without Bolt's messages, PackStream and
 * worker hand-off (docs/ARCHITECTURE.md, "Reads in-process").
 */
@Component
public class AutoCommitReads {

    private static final long FIRST_DELAY_MILLIS = 100;

    private final Driver driver;
    private final InProcessReads inProcess;
    private final SessionConfig readSession;
    private final long retryNanos;

    @Autowired
    AutoCommitReads(Driver driver, ObjectProvider<InProcessReads> inProcess,
            @Value("${spring.neo4j.max-transaction-retry-time:30s}") Duration retryTime) {
        this(driver, inProcess.getIfAvailable(), retryTime);
    }

    /** Reads over the driver, or in-process when {@code inProcess} is not null. */
    AutoCommitReads(Driver driver, InProcessReads inProcess, Duration retryTime) {
        this.driver = driver;
        this.inProcess = inProcess;
        // The executable queries' bookmark manager: on a cluster, a read still sees what this service wrote before.
        this.readSession = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ)
                .withBookmarkManager(driver.executableQueryBookmarkManager()).build();
        this.retryNanos = retryTime.toNanos();
    }

    /** All rows of the statement. */
    public List<Record> read(String cypher, Map<String, Object> parameters) {
        long started = System.nanoTime();
        long delay = FIRST_DELAY_MILLIS;
        while (true) {
            try {
                return readOnce(cypher, parameters);
            } catch (RuntimeException e) {
                if (!(e instanceof RetryableException) || System.nanoTime() - started + delay * 1_000_000 > retryNanos) {
                    throw e;
                }
            }
            sleep(delay);
            delay *= 2;
        }
    }

    private List<Record> readOnce(String cypher, Map<String, Object> parameters) {
        if (inProcess != null) {
            return inProcess.read(cypher, parameters);
        }
        try (Session session = driver.session(readSession)) {
            return session.run(cypher, parameters).list();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a read", e);
        }
    }
}
