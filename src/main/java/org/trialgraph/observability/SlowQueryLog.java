package org.trialgraph.observability;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per Cypher query (or write transaction) that took at least the threshold: its duration, the
 * rows it returned and its Cypher text on one line. Never its parameters: they carry pre-screen profiles and
 * search text. The request id comes with every line through the logging MDC ({@code requestId}).
 */
final class SlowQueryLog {

    /** Turn it off with logging.level.org.trialgraph.slow-query=WARN. */
    private static final Logger log = LoggerFactory.getLogger("org.trialgraph.slow-query");

    private static final int STATEMENT_CHARS = 100;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final long thresholdNanos;
    private final QueryMeter meter;

    SlowQueryLog(Duration threshold, QueryMeter meter) {
        this.thresholdNanos = threshold.toNanos();
        this.meter = meter;
    }

    /** One statement is about to be sent to the database. */
    void sent() {
        meter.increment();
    }

    void query(String cypher, long nanos, long rows) {
        if (nanos >= thresholdNanos && log.isInfoEnabled()) {
            log.info("cypher {} ms, {} rows: {}", nanos / 1_000_000, rows, oneLine(cypher));
        }
    }

    void failedQuery(String cypher, long nanos, Throwable failure) {
        if (nanos >= thresholdNanos && log.isInfoEnabled()) {
            log.info("cypher {} ms, failed ({}): {}", nanos / 1_000_000, failure.getClass().getSimpleName(),
                    oneLine(cypher));
        }
    }

    /**
     * A transaction function: the statements it ran, timed as a whole (their rows are read lazily, not counted).
     * Each statement is shortened: an import batch runs a dozen long ones, and their start names them.
     */
    void transaction(List<String> statements, long nanos) {
        if (nanos >= thresholdNanos && log.isInfoEnabled()) {
            log.info("transaction {} ms, {} statements: {}", nanos / 1_000_000, statements.size(),
                    String.join(" ;; ", statements.stream().distinct().map(SlowQueryLog::oneLine)
                            .map(SlowQueryLog::shortened).toList()));
        }
    }

    private static String shortened(String cypher) {
        return cypher.length() <= STATEMENT_CHARS ? cypher : cypher.substring(0, STATEMENT_CHARS) + "...";
    }

    private static String oneLine(String cypher) {
        return WHITESPACE.matcher(cypher).replaceAll(" ").strip();
    }
}
