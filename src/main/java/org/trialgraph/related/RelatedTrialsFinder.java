package org.trialgraph.related;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import org.trialgraph.trial.Trial;
import org.trialgraph.trial.TrialWhere;

/**
 * Related trials of one trial: its items, the search over the carriers of the rarest of them (within the walk
 * budget), then the page's trials. Whether each page is provably exact is counted as
 * {@code trialgraph.related.pages} (tag {@code exact}) and logged at DEBUG.
 */
@Service
class RelatedTrialsFinder {

    private static final Logger LOG = LoggerFactory.getLogger(RelatedTrialsFinder.class);

    private final RelatedTrialsRepository repository;
    private final ObjectProvider<MeterRegistry> meters;
    private final long maxItemTrials;
    private final long walkBudget;

    RelatedTrialsFinder(RelatedTrialsRepository repository, ObjectProvider<MeterRegistry> meters,
            @Value("${trialgraph.related.max-item-trials:20000}") long maxItemTrials,
            @Value("${trialgraph.related.walk-budget:5000}") long walkBudget) {
        if (walkBudget < 0) {
            throw new IllegalArgumentException("trialgraph.related.walk-budget must be 0 or more, not " + walkBudget);
        }
        this.repository = repository;
        this.meters = meters;
        this.maxItemTrials = maxItemTrials;
        this.walkBudget = walkBudget;
    }

    List<RelatedTrial> find(String nctId, List<Relatedness> kinds, TrialWhere where, int first) {
        RelatedSearch.Page page = score(nctId, kinds, where, first, maxItemTrials, walkBudget);
        record(nctId, page);
        if (page.trials().isEmpty()) {
            return List.of();
        }
        List<RelatedScoring.Scored> scored = page.trials();
        Map<String, Trial> trials = repository.trials(scored.stream().map(RelatedScoring.Scored::nctId).toList());
        return scored.stream().map(s -> new RelatedTrial(trials.get(s.nctId()), s.score(), s.reasons())).toList();
    }

    RelatedSearch.Page score(String nctId, List<Relatedness> kinds, TrialWhere where, int first, long maxItemTrials,
            long walkBudget) {
        List<RelatedScoring.Item> items = repository.sourceItems(nctId, kinds, maxItemTrials);
        if (items.isEmpty()) {
            return new RelatedSearch.Page(List.of(), List.of(), 0, 0, true, 0);
        }
        return RelatedSearch.top(items, repository.trialCount(), maxItemTrials, walkBudget, first,
                new RelatedSearch.Lookup() {
                    @Override
                    public List<RelatedSearch.Candidate> bestCandidates(List<RelatedScoring.Item> walked,
                            Map<String, Double> contributions, double remaining, int page) {
                        return repository.bestCandidates(nctId, walked, contributions, where, remaining, page);
                    }

                    @Override
                    public Map<String, Set<String>> carried(Collection<String> nctIds, List<RelatedScoring.Item> rest) {
                        return repository.carried(nctIds, rest);
                    }
                });
    }

    private void record(String nctId, RelatedSearch.Page page) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            registry.counter("trialgraph.related.pages", "exact", Boolean.toString(page.exact())).increment();
        }
        if (LOG.isDebugEnabled()) {
            List<RelatedScoring.Scored> trials = page.trials();
            LOG.debug("relatedTrials {}: walked {} items, {} rows; completed {}; unfound bound {}; last score {}; "
                    + "exact {}", nctId, page.walked().size(), page.walkRows(), page.completed(),
                    "%.4f".formatted(page.unfoundBound()),
                    trials.isEmpty() ? "-" : "%.4f".formatted(trials.get(trials.size() - 1).score()), page.exact());
        }
    }
}
