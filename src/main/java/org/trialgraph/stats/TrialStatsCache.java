package org.trialgraph.stats;

import java.util.List;

import org.springframework.stereotype.Component;

import org.trialgraph.ingest.AnswersUntilWritten;
import org.trialgraph.ingest.GraphWritten;
import org.trialgraph.ingest.KeptAnswers;
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

    TrialStatsCache(TrialStatsRepository repository, KeptAnswers keptAnswers) {
        this.repository = repository;
        this.answers = keptAnswers.untilWritten("trialgraph.stats.cache-size");
    }

    List<StatsBucket> stats(TrialWhere where, List<StatsDimension> groupBy, int top, boolean withSponsors) {
        return answers.get(new Key(where, List.copyOf(groupBy), top, withSponsors),
                () -> List.copyOf(repository.stats(where, groupBy, top, withSponsors)));
    }
}
