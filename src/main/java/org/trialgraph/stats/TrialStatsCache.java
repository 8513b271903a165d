package org.trialgraph.stats;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.trialgraph.ingest.GraphWritten;
import org.trialgraph.trial.TrialWhere;

/**
 * Answers of {@code trialStats} kept by their arguments until the graph changes: dashboards ask the same
 * aggregations again and again, and an unfiltered one reads every trial. The writer publishes {@link GraphWritten}
 * after every write; an answer computed before a write is kept only if no write was published meanwhile (the
 * generation check), so a stale answer is never stored. With several services writing to one external database,
 * each sees only its own writes: set {@code trialgraph.stats.cache-size=0} there.
 */
@Component
class TrialStatsCache {

    /** The arguments that decide an answer. */
    private record Key(TrialWhere where, List<StatsDimension> groupBy, int top, boolean withSponsors) {
    }

    private final TrialStatsRepository repository;
    private final Cache<Key, List<StatsBucket>> answers;
    private final AtomicLong generation = new AtomicLong();
    private final boolean enabled;

    TrialStatsCache(TrialStatsRepository repository, @Value("${trialgraph.stats.cache-size:1000}") int maxSize) {
        this.repository = repository;
        this.enabled = maxSize > 0;
        this.answers = Caffeine.newBuilder().maximumSize(Math.max(maxSize, 0)).build();
    }

    List<StatsBucket> stats(TrialWhere where, List<StatsDimension> groupBy, int top, boolean withSponsors) {
        if (!enabled) {
            return repository.stats(where, groupBy, top, withSponsors);
        }
        Key key = new Key(where, List.copyOf(groupBy), top, withSponsors);
        List<StatsBucket> cached = answers.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long countedAt = generation.get();
        List<StatsBucket> answer = List.copyOf(repository.stats(where, groupBy, top, withSponsors));
        keep(key, answer, countedAt);
        return answer;
    }

    private synchronized void keep(Key key, List<StatsBucket> answer, long countedAt) {
        if (countedAt == generation.get()) {
            answers.put(key, answer);
        }
    }

    @EventListener
    synchronized void graphWritten(GraphWritten event) {
        generation.incrementAndGet();
        answers.invalidateAll();
    }
}
