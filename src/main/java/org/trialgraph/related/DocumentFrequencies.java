package org.trialgraph.related;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.trialgraph.ingest.GraphWritten;

/**
 * Document frequencies that take a walk to count (a MeSH subtree's trials, a constraint's, an intervention's, a
 * sponsor's), kept between requests until the graph changes. The writer publishes {@link GraphWritten} after every
 * write; a count read before a write is stored only if no write was published meanwhile (the generation check),
 * so a stale count is never kept. With several services writing to one external database, each sees only its own
 * writes: set {@code trialgraph.related.df-cache-size=0} there.
 */
@Component
class DocumentFrequencies {

    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int maxSize;

    DocumentFrequencies(@Value("${trialgraph.related.df-cache-size:200000}") int maxSize) {
        this.maxSize = maxSize;
    }

    /** The generation to pass back to {@link #put}: read it before counting. */
    long generation() {
        return generation.get();
    }

    Long get(String itemId, long maxItemTrials) {
        return counts.get(maxItemTrials + "|" + itemId);
    }

    synchronized void put(String itemId, long maxItemTrials, long df, long countedAt) {
        if (maxSize <= 0 || countedAt != generation.get()) {
            return;
        }
        if (counts.size() >= maxSize) {
            counts.clear(); // crude, but the counts worth keeping (common items) come back at once
        }
        counts.put(maxItemTrials + "|" + itemId, df);
    }

    @EventListener
    synchronized void graphWritten(GraphWritten event) {
        generation.incrementAndGet();
        counts.clear();
    }
}
