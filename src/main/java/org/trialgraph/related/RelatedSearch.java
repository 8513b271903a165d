package org.trialgraph.related;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the best-scored related trials without shipping every candidate to Java (docs/RELATED.md). The items under
 * the cap are walked in one query that sums each trial's contributions there and returns only the trials that can
 * still make the page; the items above the cap (never walked: no trial is found through them alone) are then
 * looked up for those trials only, and the page is scored by {@link RelatedScoring} exactly as if every candidate
 * had been scored.
 */
final class RelatedSearch {

    /** A trial found through the walked items: the sum of their contributions and their ids. */
    record Candidate(String nctId, double partial, Set<String> items) {
    }

    /** The graph look-ups the search needs (the repository, or a fake in tests). */
    interface Lookup {

        /**
         * The trials carrying the walked items whose final score can reach the page: every trial whose partial
         * score plus {@code remaining} reaches the first-th best partial score.
         */
        List<Candidate> bestCandidates(List<RelatedScoring.Item> walked, Map<String, Double> contributions,
                double remaining, int first);

        /** For each trial, the ids of the given items it carries. */
        Map<String, Set<String>> carried(Collection<String> nctIds, List<RelatedScoring.Item> items);
    }

    private RelatedSearch() {
    }

    static List<RelatedScoring.Scored> top(List<RelatedScoring.Item> items, long trialCount, long maxItemTrials,
            int first, Lookup lookup) {
        if (items.isEmpty() || first <= 0) {
            return List.of();
        }
        Map<String, Double> contributions = RelatedScoring.contributions(items, trialCount);
        List<RelatedScoring.Item> walked = items.stream().filter(i -> i.df() <= maxItemTrials).toList();
        List<RelatedScoring.Item> capped = items.stream().filter(i -> i.df() > maxItemTrials).toList();
        double remaining = capped.stream().mapToDouble(i -> contributions.get(i.id())).sum();
        List<Candidate> candidates = walked.isEmpty() ? List.of()
                : lookup.bestCandidates(walked, contributions, remaining, first);
        Map<String, Set<String>> shared = new HashMap<>();
        candidates.forEach(c -> shared.put(c.nctId(), new HashSet<>(c.items())));
        if (!capped.isEmpty() && !shared.isEmpty()) {
            lookup.carried(shared.keySet(), capped).forEach((nctId, ids) -> shared.get(nctId).addAll(ids));
        }
        List<RelatedScoring.Item> scored = new ArrayList<>();
        for (RelatedScoring.Item item : items) {
            scored.add(item.withCandidates(shared.keySet().stream()
                    .filter(c -> shared.get(c).contains(item.id())).toList()));
        }
        return RelatedScoring.score(scored, trialCount, first);
    }
}
