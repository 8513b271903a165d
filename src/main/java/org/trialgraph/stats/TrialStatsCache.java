package org.trialgraph.stats;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.trialgraph.ingest.AnswersUntilWritten;
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
    private final AnswersUntilWritten<Key, List<StatsBucket>> answers;

    TrialStatsCache(TrialStatsRepository repository, @Value("${trialgraph.stats.cache-size:1000}") int maxSize) {
        this.repository = repository;
        this.answers = new AnswersUntilWritten<>(maxSize);
    }

    List<StatsBucket> stats(TrialWhere where, List<StatsDimension> groupBy, int top, boolean withSponsors) {
        Key key = new Key(where, List.copyOf(groupBy), top, withSponsors);
        List<StatsBucket> cached = answers.get(key);
        if (cached != null) {
            return cached;
        }
        long countedAt = answers.generation();
        List<StatsBucket> answer = List.copyOf(repository.stats(where, groupBy, top, withSponsors));
        answers.keep(key, answer, countedAt);
        return answer;
    }

    @EventListener
    void graphWritten(GraphWritten event) {
        answers.written();
    }
}
