package org.trialgraph.related;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import org.trialgraph.trial.Trial;
import org.trialgraph.trial.TrialWhere;

/** Related trials of one trial: its items, the top-k search over their carriers, then the page's trials. */
@Service
class RelatedTrialsFinder {

    private final RelatedTrialsRepository repository;
    private final long maxItemTrials;

    RelatedTrialsFinder(RelatedTrialsRepository repository,
            @Value("${trialgraph.related.max-item-trials:20000}") long maxItemTrials) {
        this.repository = repository;
        this.maxItemTrials = maxItemTrials;
    }

    List<RelatedTrial> find(String nctId, List<Relatedness> kinds, TrialWhere where, int first) {
        List<RelatedScoring.Scored> scored = score(nctId, kinds, where, first, maxItemTrials);
        if (scored.isEmpty()) {
            return List.of();
        }
        Map<String, Trial> trials = repository.trials(scored.stream().map(RelatedScoring.Scored::nctId).toList());
        return scored.stream().map(s -> new RelatedTrial(trials.get(s.nctId()), s.score(), s.reasons())).toList();
    }

    List<RelatedScoring.Scored> score(String nctId, List<Relatedness> kinds, TrialWhere where, int first,
            long maxItemTrials) {
        List<RelatedScoring.Item> items = repository.sourceItems(nctId, kinds, maxItemTrials);
        if (items.isEmpty()) {
            return List.of();
        }
        return RelatedSearch.top(items, repository.trialCount(), maxItemTrials, first, new RelatedSearch.Lookup() {
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
}
