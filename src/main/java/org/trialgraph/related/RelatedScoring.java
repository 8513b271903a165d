package org.trialgraph.related;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The score of related trials. For each kind k the source trial's items get an inverse document frequency
 * {@code idf = ln(1 + N / df)} (N trials in all, df trials carrying the item); a candidate's share of kind k
 * is the idf of the items it shares over the idf of all the source's items of that kind; the score is the
 * weighted mean of the shares over the kinds asked for (weights in {@link Relatedness}, renormalised over the
 * kinds the source trial has items for). Each shared item's contribution is its part of that sum, so the
 * contributions of a trial's reasons add up to its score, and the score lies between 0 and 1.
 */
final class RelatedScoring {

    /** One item of the source trial and the candidates that share it. */
    record Item(Relatedness kind, String key, String label, boolean direct, long df, List<String> candidates) {

        /** The item's identity across kinds (a key is unique only within its kind). */
        String id() {
            return id(kind, key);
        }

        static String id(Relatedness kind, String key) {
            return kind.name() + "|" + key;
        }

        Item withCandidates(List<String> candidates) {
            return new Item(kind, key, label, direct, df, candidates);
        }
    }

    /** A candidate's score and reasons, before its trial is loaded. */
    record Scored(String nctId, double score, List<RelatedTrial.Reason> reasons) {
    }

    private RelatedScoring() {
    }

    static List<Scored> score(List<Item> items, long trialCount, int first) {
        Map<String, Double> contributions = contributions(items, trialCount);
        Map<String, Boolean> direct = new HashMap<>();
        items.stream().filter(i -> i.kind() == Relatedness.MESH).forEach(i -> direct.put(i.key(), i.direct()));
        Map<String, List<RelatedTrial.Reason>> reasons = new HashMap<>();
        for (Item item : items) {
            double contribution = contributions.get(item.id());
            for (String candidate : Set.copyOf(item.candidates())) {
                reasons.computeIfAbsent(candidate, c -> new ArrayList<>())
                        .add(new RelatedTrial.Reason(item.kind(), item.label(), item.key(), contribution));
            }
        }
        List<Scored> scored = new ArrayList<>();
        reasons.forEach((nctId, list) -> {
            list.sort(Comparator.comparingDouble(RelatedTrial.Reason::contribution).reversed()
                    .thenComparing(RelatedTrial.Reason::label));
            scored.add(new Scored(nctId, Math.min(1.0, list.stream().mapToDouble(RelatedTrial.Reason::contribution).sum()),
                    markNearestCommonAncestor(list, direct)));
        });
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::nctId));
        return scored.subList(0, Math.min(first, scored.size()));
    }

    /** Each item's contribution (by item id) to the score of a trial that shares it. */
    static Map<String, Double> contributions(List<Item> items, long trialCount) {
        Map<Relatedness, Double> totals = new EnumMap<>(Relatedness.class);
        for (Item item : items) {
            totals.merge(item.kind(), idf(item, trialCount), Double::sum);
        }
        double weights = totals.keySet().stream().mapToDouble(kind -> kind.weight).sum();
        Map<String, Double> contributions = new HashMap<>();
        for (Item item : items) {
            contributions.put(item.id(), item.kind().weight / weights * idf(item, trialCount) / totals.get(item.kind()));
        }
        return contributions;
    }

    private static double idf(Item item, long trialCount) {
        return Math.log(1 + (double) trialCount / Math.max(1, item.df()));
    }

    /**
     * When two trials share only ancestors of the source's MeSH terms, the most specific of them (the largest
     * contribution, so the fewest trials) is their nearest common ancestor: say so in its label.
     */
    private static List<RelatedTrial.Reason> markNearestCommonAncestor(List<RelatedTrial.Reason> reasons,
            Map<String, Boolean> direct) {
        List<RelatedTrial.Reason> mesh = reasons.stream().filter(r -> r.kind() == Relatedness.MESH).toList();
        if (mesh.isEmpty() || mesh.stream().anyMatch(r -> direct.getOrDefault(r.key(), false))) {
            return reasons;
        }
        RelatedTrial.Reason nearest = mesh.get(0);
        return reasons.stream().map(r -> r == nearest ? new RelatedTrial.Reason(r.kind(),
                r.label() + " (nearest common ancestor)", r.key(), r.contribution()) : r).toList();
    }
}
