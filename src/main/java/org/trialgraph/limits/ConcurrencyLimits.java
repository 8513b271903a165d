package org.trialgraph.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many GraphQL requests execute at once (docs/RELIABILITY.md, "Load"). Neo4j runs in this process, so every
 * query costs CPU here: on a small machine, fifty queries started together all miss their deadline, while a few at
 * a time, the others waiting their turn, all finish. One per processor by default: a request then runs to its end
 * on a core instead of sharing it with others, which shortens the slow tail (docs/BENCHMARKS.md, "Executions at
 * once").
 *
 * @param maxExecutions most requests executing at once; 0 = the number of processors
 * @param maxWait       longest a request waits for its turn before it is refused with 503 (the execution
 *                      timeout starts only once it runs)
 */
@ConfigurationProperties("trialgraph.graphql.concurrency")
public record ConcurrencyLimits(@DefaultValue("0") int maxExecutions, @DefaultValue("30s") Duration maxWait) {

    public ConcurrencyLimits {
        if (maxExecutions < 0) {
            throw new IllegalArgumentException("trialgraph.graphql.concurrency.max-executions must not be negative");
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("trialgraph.graphql.concurrency.max-wait must not be negative");
        }
    }

    int executions() {
        return maxExecutions > 0 ? maxExecutions : Runtime.getRuntime().availableProcessors();
    }
}
