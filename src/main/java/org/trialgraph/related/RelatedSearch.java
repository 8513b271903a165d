package org.trialgraph.related;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the best-scored related trials without walking every trial of every item (a "max-score" top-k search,
 * docs/RELATED.md). Items are walked rarest-first (largest contribution first): after a prefix of them, a trial
 * not seen yet can score at most the contributions of the items not walked ({@code remaining}), and a trial seen
 * at most its walked contributions plus {@code remaining}. The best seen trials are completed (their exact score,
 * by asking which of the unwalked items they carry), which gives a threshold: the first-th best exact score. The
 * walk stops as soon as no unseen trial can reach it; then every seen trial that still could is completed, and
 * the page is scored by {@link RelatedScoring} exactly as if every item had been walked.
 *
 * <p>Items carried by more than {@code maxItemTrials} trials are never walked (no trial is found through them
 * alone), but they count for every trial found through another item.
 */
final class RelatedSearch {

    /** The graph look-ups the search needs (the repository, or a fake in tests). */
    interface Lookup {

        /** For each item (by id), the candidate trials carrying it; items with none may be absent. */
        Map<String, List<String>> carriers(List<RelatedScoring.Item> items);

        /** For each trial, the ids of the given items it carries. */
        Map<String, Set<String>> carried(Collection<String> nctIds, List<RelatedScoring.Item> items);
    }

    /** Scores closer than this count as equal when pruning, so ties at the edge of the page are kept. */
    private static final double EPSILON = 1e-9;

    /** Trial rows the first walk may read; each further walk reads twice as many. */
    static final long FIRST_WALK_ROWS = 2_000;

    /** Seen trials completed at once before walking further would rather be tried. */
    static final int MAX_OPEN = 400;

    private final Lookup lookup;
    private final long firstWalkRows;
    private final Map<String, Double> contribution;
    private final List<RelatedScoring.Item> walkable = new ArrayList<>();
    private final Set<RelatedScoring.Item> unwalked = new LinkedHashSet<>();
    private final Map<String, Double> partial = new HashMap<>();
    private final Map<String, Set<String>> shared = new HashMap<>();
    private final Map<String, Double> exact = new HashMap<>();
    private double remaining;

    private RelatedSearch(List<RelatedScoring.Item> items, long trialCount, long maxItemTrials, long firstWalkRows,
            Lookup lookup) {
        this.lookup = lookup;
        this.firstWalkRows = firstWalkRows;
        this.contribution = RelatedScoring.contributions(items, trialCount);
        List<RelatedScoring.Item> order = new ArrayList<>(items);
        order.sort(Comparator.comparingDouble((RelatedScoring.Item i) -> contribution.get(i.id())).reversed()
                .thenComparing((RelatedScoring.Item i) -> i.id()));
        unwalked.addAll(order);
        order.stream().filter(i -> i.df() <= maxItemTrials).forEach(walkable::add);
        remaining = order.stream().mapToDouble(i -> contribution.get(i.id())).sum();
    }

    static List<RelatedScoring.Scored> top(List<RelatedScoring.Item> items, long trialCount, long maxItemTrials,
            int first, Lookup lookup) {
        return top(items, trialCount, maxItemTrials, first, FIRST_WALK_ROWS, lookup);
    }

    static List<RelatedScoring.Scored> top(List<RelatedScoring.Item> items, long trialCount, long maxItemTrials,
            int first, long firstWalkRows, Lookup lookup) {
        if (items.isEmpty() || first <= 0) {
            return List.of();
        }
        return new RelatedSearch(items, trialCount, maxItemTrials, firstWalkRows, lookup).run(items, trialCount, first);
    }

    private List<RelatedScoring.Scored> run(List<RelatedScoring.Item> items, long trialCount, int first) {
        long rows = firstWalkRows;
        int next = 0;
        while (true) {
            next = walk(next, rows);
            rows *= 2;
            boolean exhausted = next >= walkable.size();
            complete(bestByPartial(first));
            double threshold = threshold(first);
            if (!exhausted && remaining >= threshold - EPSILON) {
                continue; // a trial not seen yet could still reach the page
            }
            List<String> open = partial.keySet().stream().filter(c -> !exact.containsKey(c))
                    .filter(c -> partial.get(c) + remaining >= threshold - EPSILON).toList();
            if (!exhausted && open.size() > MAX_OPEN) {
                continue; // walking further lowers the bounds of all of them at once
            }
            complete(open);
            break;
        }
        double threshold = threshold(first);
        List<RelatedScoring.Item> scored = new ArrayList<>();
        for (RelatedScoring.Item item : items) {
            scored.add(item.withCandidates(exact.keySet().stream()
                    .filter(c -> exact.get(c) >= threshold - EPSILON && shared.get(c).contains(item.id())).toList()));
        }
        return RelatedScoring.score(scored, trialCount, first);
    }

    /** Walks the walkable items from {@code next} on, at least one and about {@code rows} trial rows. */
    private int walk(int next, long rows) {
        List<RelatedScoring.Item> batch = new ArrayList<>();
        long read = 0;
        while (next < walkable.size() && (batch.isEmpty() || read + walkable.get(next).df() <= rows)) {
            RelatedScoring.Item item = walkable.get(next++);
            batch.add(item);
            read += item.df();
        }
        if (batch.isEmpty()) {
            return next;
        }
        Map<String, List<String>> carriers = lookup.carriers(batch);
        for (RelatedScoring.Item item : batch) {
            unwalked.remove(item);
            double c = contribution.get(item.id());
            remaining -= c;
            for (String candidate : new HashSet<>(carriers.getOrDefault(item.id(), List.of()))) {
                if (exact.containsKey(candidate)) {
                    continue; // already completed: its exact score holds this item
                }
                partial.merge(candidate, c, Double::sum);
                shared.computeIfAbsent(candidate, x -> new HashSet<>()).add(item.id());
            }
        }
        remaining = Math.max(0, remaining);
        return next;
    }

    private List<String> bestByPartial(int first) {
        return partial.keySet().stream().filter(c -> !exact.containsKey(c))
                .sorted(Comparator.comparingDouble((String c) -> partial.get(c)).reversed().thenComparing(c -> c))
                .limit(first).toList();
    }

    /** Gives the candidates their exact score: their walked items plus the unwalked items they carry. */
    private void complete(List<String> candidates) {
        if (candidates.isEmpty()) {
            return;
        }
        List<RelatedScoring.Item> rest = List.copyOf(unwalked);
        Map<String, Set<String>> carried = rest.isEmpty() ? Map.of() : lookup.carried(candidates, rest);
        for (String candidate : candidates) {
            Set<String> items = shared.get(candidate);
            items.addAll(carried.getOrDefault(candidate, Set.of()));
            exact.put(candidate, items.stream().mapToDouble(contribution::get).sum());
        }
    }

    /** The first-th best exact score so far, or 0 while fewer trials are completed. */
    private double threshold(int first) {
        if (exact.size() < first) {
            return 0;
        }
        return exact.values().stream().sorted(Comparator.reverseOrder()).skip(first - 1L).findFirst().orElse(0.0);
    }
}
