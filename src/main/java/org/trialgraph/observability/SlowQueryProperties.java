package org.trialgraph.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The slow-query log (docs/RELIABILITY.md).
 *
 * @param threshold a Cypher query or write transaction taking at least this long is logged; 0 logs every one
 */
@ConfigurationProperties("trialgraph.slow-query")
record SlowQueryProperties(@DefaultValue("500ms") Duration threshold) {

    SlowQueryProperties {
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("trialgraph.slow-query.threshold must not be negative");
        }
    }
}
