package org.trialgraph.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import org.trialgraph.paging.Cursors;

/**
 * Bounds on a GraphQL request, each checked before any data is fetched (see docs/ARCHITECTURE.md, "Bounded
 * queries"). Introspection is bounded by graphql-java's own good-faith introspection check, not by these.
 *
 * @param maxDepth        most fields nested inside each other on one path ({@code { trial { nctId } }} is 2)
 * @param maxComplexity   most estimated cost: every field costs 1, a paged field multiplies its selection by
 *                        its {@code first}, another list of objects by {@code assumedListSize}
 * @param assumedListSize how many items an unpaged list of objects (a trial's sites, outcomes ...) is counted as
 * @param maxPageSize     largest {@code first} any field accepts (at most {@link Cursors#MAX_PAGE_SIZE})
 * @param maxFields       most field selections in a document with every fragment spread expanded (alias and
 *                        fragment bombs); checked before validation, which would otherwise do that expansion
 * @param maxTokens       most grammar tokens the parser reads before giving up (graphql-java's ParserOptions)
 * @param timeout         longest execution; data fetchers starting later are skipped and the answer is an error
 * @param maxRequestBytes largest HTTP request body on the GraphQL endpoint; larger is refused with 413
 */
@ConfigurationProperties("trialgraph.graphql.limits")
public record QueryLimits(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("25000") long maxComplexity,
        @DefaultValue("10") int assumedListSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("1000") int maxFields,
        @DefaultValue("15000") int maxTokens,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("256KB") DataSize maxRequestBytes) {

    public QueryLimits {
        positive("max-depth", maxDepth);
        positive("max-complexity", maxComplexity);
        positive("assumed-list-size", assumedListSize);
        positive("max-fields", maxFields);
        positive("max-tokens", maxTokens);
        positive("max-request-bytes", maxRequestBytes.toBytes());
        positive("timeout", timeout.toMillis());
        // The repositories fetch at most Cursors.MAX_PAGE_SIZE rows a page: the limit can be lowered, not raised.
        if (maxPageSize < 1 || maxPageSize > Cursors.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("trialgraph.graphql.limits.max-page-size must be between 1 and "
                    + Cursors.MAX_PAGE_SIZE + ", was " + maxPageSize);
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("trialgraph.graphql.limits." + name + " must be positive, was " + value);
        }
    }
}
