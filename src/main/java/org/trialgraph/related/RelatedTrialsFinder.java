package org.trialgraph.related;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Related trials of one trial: its items, the search, then the page's trials. The search runs on the in-memory
 * {@link RelatedIndex} when it is ready (every item counted, the page exact), else in Cypher over the carriers of
 * the rarest items (within the walk budget). Pages are counted as {@code trialgraph.related.pages} (tags
 * {@code exact} and {@code path}: index or cypher) and logged at DEBUG.
 */
@Service
class RelatedTrialsFinder {

    private static final Logger LOG = LoggerFactory.getLogger(RelatedTrialsFinder.class);

    private final RelatedTrialsRepository repository;
    private final RelatedIndex index;
    private final PassingOrdinals passingOrdinals;
    private final ObjectProvider<MeterRegistry> meters;
    private final long maxItemTrials;
    private final long walkBudget;

    RelatedTrialsFinder(RelatedTrialsRepository repository, RelatedIndex index, PassingOrdinals passingOrdinals,
            ObjectProvider<MeterRegistry> meters,
            @Value("${trialgraph.related.max-item-trials:20000}") long maxItemTrials,
            @Value("${trialgraph.related.walk-budget:5000}") long walkBudget) {
        if (walkBudget < 0) {
            throw new IllegalArgumentException("trialgraph.related.walk-budget must be 0 or more, not " + walkBudget);
        }
        this.repository = repository;
        this.index = index;
        this.passingOrdinals = passingOrdinals;
        this.meters = meters;
        this.maxItemTrials = maxItemTrials;
        this.walkBudget = walkBudget;
    }

    /**
     * The page; {@code trialFields}: the short fields ({@link Trial#SHORT_FIELDS}) the selection reads of each trial,
     * or null to read them whole.
     */
    List<RelatedTrial> find(String nctId, List<Relatedness> kinds, TrialWhere where, int first,
            Set<String> trialFields) {
        List<RelatedScoring.Scored> scored = fromIndex(nctId, kinds, where, first).orElseGet(() -> {
            RelatedSearch.Page page = score(nctId, kinds, where, first, maxItemTrials, walkBudget);
            record(nctId, page);
            return page.trials();
        });
        if (scored.isEmpty()) {
            return List.of();
        }
        Map<String, Trial> trials = repository.trials(scored.stream().map(RelatedScoring.Scored::nctId).toList(),
                trialFields);
        return scored.stream().map(s -> new RelatedTrial(trials.get(s.nctId()), s.score(), s.reasons())).toList();
    }

    /** The page from the index, or empty when the index is not ready (or does not know the trial yet). */
    Optional<List<RelatedScoring.Scored>> fromIndex(String nctId, List<Relatedness> kinds, TrialWhere where,
            int first) {
        if (!index.ready()) {
            return Optional.empty();
        }
        int source = index.ordinal(nctId);
        long trialCount = index.trialCount();
        List<RelatedScoring.Item> items = repository.sourceItemsWithoutDf(nctId, kinds);
        if (source < 0) {
            return items.isEmpty() ? Optional.of(List.of()) : Optional.empty();
        }
        List<RelatedScoring.Item> counted = IndexedSearch.withDocumentFrequencies(items, index);
        PassingOrdinals.Passing passing = where == null ? null : passingOrdinals.of(where);
        IndexedSearch.Filter inCypher = where == null || passing != null && passing.exact() ? null
                : ids -> repository.passing(ids, where);
        List<RelatedScoring.Scored> page = IndexedSearch.top(counted, trialCount, source, first, index, inCypher,
                passing == null ? null : passing.ordinals());
        count("index", true);
        LOG.debug("relatedTrials {} from the index: {} items, {} trials; among the facet index's trials {}, checked "
                + "in Cypher {}", nctId, items.size(), page.size(), passing != null, inCypher != null);
        return Optional.of(page);
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

    private void count(String path, boolean exact) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            registry.counter("trialgraph.related.pages", "exact", Boolean.toString(exact), "path", path).increment();
        }
    }

    private void record(String nctId, RelatedSearch.Page page) {
        count("cypher", page.exact());
        if (LOG.isDebugEnabled()) {
            List<RelatedScoring.Scored> trials = page.trials();
            LOG.debug("relatedTrials {}: walked {} items, {} rows; completed {}; unfound bound {}; last score {}; "
                    + "exact {}", nctId, page.walked().size(), page.walkRows(), page.completed(),
                    "%.4f".formatted(page.unfoundBound()),
                    trials.isEmpty() ? "-" : "%.4f".formatted(trials.get(trials.size() - 1).score()), page.exact());
        }
    }
}
