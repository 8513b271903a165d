package org.trialgraph.related;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Finds the best-scored related trials without shipping every candidate to Java (docs/RELATED.md). The rarest items
 * are walked, within a budget of rows, in one query that sums each trial's contributions there and returns only
 * the trials that can still make the page; the items not walked (above the cap, or beyond the budget: no trial is
 * found through them alone) are then looked up for those trials only, and the page is scored by
 * {@link RelatedScoring} on every item each trial shares.
 */
final class RelatedSearch {

    /** Slack for sums of the same contributions added in another order. */
    static final double EPSILON = 1e-9;

    /** A trial found through the walked items: the sum of their contributions and their ids. */
    record Candidate(String nctId, double partial, Set<String> items) {
    }

    /**
     * A page of related trials and how it was found.
     *
     * @param trials the page, best first
     * @param walked the items whose trials were walked (the rarest, within the budget)
     * @param walkRows the trials those items carry, summed over the items (their df): the rows walked
     * @param unfoundBound the most a trial carrying none of the walked items can score (the contributions of the
     *        items not walked, summed)
     * @param exact whether the page is provably the one scoring every trial gives: every item was walked, or the
     *        page is full and its last score exceeds {@code unfoundBound}
     * @param completed the trials whose items not walked were looked up
     */
    record Page(List<RelatedScoring.Scored> trials, List<RelatedScoring.Item> walked, long walkRows,
            double unfoundBound, boolean exact, int completed) {
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

    static Page top(List<RelatedScoring.Item> items, long trialCount, long maxItemTrials, long walkBudget, int first,
            Lookup lookup) {
        if (items.isEmpty() || first <= 0) {
            return new Page(List.of(), List.of(), 0, 0, true, 0);
        }
        Map<String, Double> contributions = RelatedScoring.contributions(items, trialCount);
        List<RelatedScoring.Item> walked = walked(items, maxItemTrials, walkBudget);
        Set<String> walkedIds = new HashSet<>();
        walked.forEach(i -> walkedIds.add(i.id()));
        List<RelatedScoring.Item> rest = items.stream().filter(i -> !walkedIds.contains(i.id())).toList();
        double remaining = rest.stream().mapToDouble(i -> contributions.get(i.id())).sum();
        List<Candidate> candidates = walked.isEmpty() ? List.of()
                : lookup.bestCandidates(walked, contributions, remaining, first);
        Map<String, Set<String>> shared = rest.isEmpty() ? shared(candidates)
                : completed(candidates, rest, contributions, remaining, first, lookup);
        List<RelatedScoring.Item> scored = new ArrayList<>();
        for (RelatedScoring.Item item : items) {
            scored.add(item.withCandidates(shared.keySet().stream()
                    .filter(c -> shared.get(c).contains(item.id())).toList()));
        }
        List<RelatedScoring.Scored> page = RelatedScoring.score(scored, trialCount, first);
        // A trial not found carries none of the walked items, so it scores at most `remaining`. Strictly above it
        // (with slack for rounding), no such trial can enter the page or tie with its last one.
        boolean exact = rest.isEmpty()
                || page.size() == first && page.get(page.size() - 1).score() > remaining + EPSILON;
        long rows = walked.stream().mapToLong(RelatedScoring.Item::df).sum();
        return new Page(page, walked, rows, remaining, exact, rest.isEmpty() ? 0 : shared.size());
    }

    private static Map<String, Set<String>> shared(List<Candidate> candidates) {
        Map<String, Set<String>> shared = new HashMap<>();
        candidates.forEach(c -> shared.put(c.nctId(), new HashSet<>(c.items())));
        return shared;
    }

    /**
     * The items each candidate that can still make the page shares, the items not walked included. In rounds, by
     * partial score: the first {@code first} candidates are completed; the first-th best full score so far is then
     * a floor for the page, and the next candidates (a batch four times larger each round) are completed only
     * while their partial score plus {@code remaining} reaches it. The rest cannot make the page and are left out.
     */
    private static Map<String, Set<String>> completed(List<Candidate> candidates, List<RelatedScoring.Item> rest,
            Map<String, Double> contributions, double remaining, int first, Lookup lookup) {
        List<Candidate> byPartial = candidates.stream().sorted(Comparator.comparingDouble(Candidate::partial)
                .reversed().thenComparing(Candidate::nctId)).toList();
        Map<String, Set<String>> shared = new HashMap<>();
        PriorityQueue<Double> best = new PriorityQueue<>(); // the first best full scores so far, lowest on top
        int next = 0;
        for (int batch = first; next < byPartial.size(); batch = Math.min(batch * 4, 1 << 24)) {
            double floor = best.size() < first ? Double.NEGATIVE_INFINITY : best.peek();
            List<Candidate> round = byPartial.subList(next, Math.min(next + batch, byPartial.size())).stream()
                    .takeWhile(c -> c.partial() + remaining >= floor - EPSILON).toList();
            if (round.isEmpty()) {
                break;
            }
            Map<String, Set<String>> completed = shared(round);
            complete(completed, completed.keySet(), rest, lookup);
            completed.values().forEach(ids -> {
                best.add(ids.stream().mapToDouble(contributions::get).sum());
                if (best.size() > first) {
                    best.poll();
                }
            });
            shared.putAll(completed);
            next += round.size();
            if (round.size() < batch) {
                break;
            }
        }
        return shared;
    }

    private static void complete(Map<String, Set<String>> shared, Collection<String> nctIds,
            List<RelatedScoring.Item> rest, Lookup lookup) {
        if (nctIds.isEmpty()) {
            return;
        }
        lookup.carried(List.copyOf(nctIds), rest).forEach((nctId, ids) -> shared.get(nctId).addAll(ids));
    }

    /**
     * The items to walk: those carried by at most {@code maxItemTrials} trials, rarest first (fewest trials, then
     * by id), while the trials they carry, summed, stay within {@code walkBudget}; the rarest always. They come
     * back in the order of {@code items}.
     */
    static List<RelatedScoring.Item> walked(List<RelatedScoring.Item> items, long maxItemTrials, long walkBudget) {
        List<RelatedScoring.Item> walkable = items.stream().filter(i -> i.df() <= maxItemTrials)
                .sorted(Comparator.comparingLong(RelatedScoring.Item::df).thenComparing(i -> i.id()))
                .toList();
        Set<String> walked = new HashSet<>();
        long rows = 0;
        for (RelatedScoring.Item item : walkable) {
            if (!walked.isEmpty() && rows + item.df() > walkBudget) {
                break;
            }
            walked.add(item.id());
            rows += item.df();
        }
        return items.stream().filter(i -> walked.contains(i.id())).toList();
    }
}
