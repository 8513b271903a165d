package org.trialgraph.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The search gives the page an exhaustive scoring of the trials found through the walked items gives, though it
 * scores only the trials that can reach it; with every item walked that is the page of every candidate, and with a
 * budget it is that page whenever the search says the page is exact.
 */
class RelatedSearchTest {

    @Test
    void thePrunedSearchFindsTheSamePageAsScoringEveryCandidate() {
        Random random = new Random(11);
        int pruned = 0;
        for (int run = 0; run < 300; run++) {
            Graph graph = Graph.random(random);
            int first = 1 + random.nextInt(15);
            long cap = random.nextInt(4) == 0 ? 20 + random.nextInt(150) : Long.MAX_VALUE;
            List<RelatedScoring.Scored> expected = exhaustive(graph, underCap(graph, cap), first);
            RelatedSearch.Page page = RelatedSearch.top(graph.items, graph.trials, cap, Long.MAX_VALUE, first, graph);
            assertThat(page.trials()).as("run %d, first %d, cap %d", run, first, cap).isEqualTo(expected);
            if (graph.returned < graph.found) {
                pruned++;
            }
        }
        assertThat(pruned).as("runs where not every candidate was scored").isGreaterThan(100);
    }

    @Test
    void withABudgetThePageIsExhaustiveScoringOfTheTrialsFoundThroughTheRarestItems() {
        Random random = new Random(29);
        int budgetHit = 0;
        int exactWhenHit = 0;
        int differentWhenHit = 0;
        int completionPruned = 0;
        for (int run = 0; run < 300; run++) {
            Graph graph = Graph.random(random);
            int first = 1 + random.nextInt(15);
            long cap = random.nextInt(4) == 0 ? 20 + random.nextInt(150) : Long.MAX_VALUE;
            long budget = random.nextInt(400);
            String context = "run %d, first %d, cap %d, budget %d".formatted(run, first, cap, budget);
            Set<String> walked = rarestWithin(graph, cap, budget);
            RelatedSearch.Page page = RelatedSearch.top(graph.items, graph.trials, cap, budget, first, graph);

            assertThat(page.walked()).as(context).extracting(RelatedScoring.Item::id)
                    .containsExactlyInAnyOrderElementsOf(walked);
            assertThat(page.trials()).as(context).isEqualTo(exhaustive(graph, walked, first));
            List<RelatedScoring.Scored> unbounded = exhaustive(graph, underCap(graph, cap), first);
            List<RelatedScoring.Scored> everything = exhaustive(graph, allIds(graph), first);
            if (page.exact()) {
                assertThat(page.trials()).as("exact page, " + context).isEqualTo(unbounded).isEqualTo(everything);
            }
            if (walked.size() < underCap(graph, cap).size()) {
                budgetHit++;
                exactWhenHit += page.exact() ? 1 : 0;
                differentWhenHit += page.trials().equals(unbounded) ? 0 : 1;
                completionPruned += page.completed() < graph.returned ? 1 : 0;
            }
        }
        assertThat(budgetHit).as("runs where the budget left items unwalked").isGreaterThan(100);
        assertThat(exactWhenHit).as("of those, runs with a provably exact page").isGreaterThan(10);
        assertThat(differentWhenHit).as("of those, runs whose page differs from the unbounded one").isGreaterThan(10);
        assertThat(completionPruned).as("of those, runs completing fewer trials than the walk returned")
                .isGreaterThan(10);
    }

    /** The rule, restated: items under the cap, fewest trials first (then id), while their dfs sum within budget. */
    private static Set<String> rarestWithin(Graph graph, long cap, long budget) {
        List<RelatedScoring.Item> byDf = new ArrayList<>(graph.items.stream().filter(i -> i.df() <= cap).toList());
        byDf.sort(java.util.Comparator.comparingLong(RelatedScoring.Item::df).thenComparing(i -> i.id()));
        Set<String> walked = new HashSet<>();
        long sum = 0;
        for (RelatedScoring.Item item : byDf) {
            sum += item.df();
            if (walked.isEmpty() || sum <= budget) {
                walked.add(item.id());
            } else {
                break;
            }
        }
        return walked;
    }

    private static Set<String> underCap(Graph graph, long cap) {
        Set<String> ids = new HashSet<>();
        graph.items.stream().filter(i -> i.df() <= cap).forEach(i -> ids.add(i.id()));
        return ids;
    }

    private static Set<String> allIds(Graph graph) {
        return underCap(graph, Long.MAX_VALUE);
    }

    /** The trials carrying one of the walked items, each scored on all the items it carries. */
    private static List<RelatedScoring.Scored> exhaustive(Graph graph, Set<String> walked, int first) {
        Set<String> found = new HashSet<>();
        graph.items.stream().filter(i -> walked.contains(i.id())).forEach(i -> found.addAll(graph.carriers.get(i.id())));
        List<RelatedScoring.Item> items = graph.items.stream()
                .map(i -> i.withCandidates(graph.carriers.get(i.id()).stream().filter(found::contains).toList())).toList();
        return RelatedScoring.score(items, graph.trials, first);
    }

    /** Random items of random kinds, each carried by a random set of trials (df counts the source too). */
    private static final class Graph implements RelatedSearch.Lookup {
        final long trials = 400;
        final List<RelatedScoring.Item> items = new ArrayList<>();
        final Map<String, List<String>> carriers = new HashMap<>();
        int found;
        int returned;

        static Graph random(Random random) {
            Graph graph = new Graph();
            int count = 1 + random.nextInt(30);
            for (int n = 0; n < count; n++) {
                Relatedness kind = Relatedness.values()[random.nextInt(Relatedness.values().length)];
                int df = 1 + (random.nextBoolean() ? random.nextInt(8) : random.nextInt(250));
                Set<String> trials = new HashSet<>();
                while (trials.size() < df - 1) {
                    trials.add("NCT%08d".formatted(random.nextInt((int) graph.trials)));
                }
                RelatedScoring.Item item = new RelatedScoring.Item(kind, "k" + n, "item " + n, random.nextBoolean(), df,
                        List.of());
                graph.items.add(item);
                graph.carriers.put(item.id(), List.copyOf(trials));
            }
            return graph;
        }

        /** As the repository's query: partial sums over the walked items, then the bound on the first-th best. */
        @Override
        public List<RelatedSearch.Candidate> bestCandidates(List<RelatedScoring.Item> walked,
                Map<String, Double> contributions, double remaining, int first) {
            Map<String, Double> partial = new HashMap<>();
            Map<String, Set<String>> items = new HashMap<>();
            for (RelatedScoring.Item item : walked) {
                for (String nctId : carriers.get(item.id())) {
                    partial.merge(nctId, contributions.get(item.id()), Double::sum);
                    items.computeIfAbsent(nctId, x -> new HashSet<>()).add(item.id());
                }
            }
            List<Double> sorted = partial.values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
            double kth = sorted.size() >= first ? sorted.get(first - 1) : 0;
            List<RelatedSearch.Candidate> candidates = partial.keySet().stream()
                    .filter(c -> partial.get(c) + remaining >= kth - 1e-9)
                    .map(c -> new RelatedSearch.Candidate(c, partial.get(c), items.get(c))).toList();
            found = partial.size();
            returned = candidates.size();
            return candidates;
        }

        @Override
        public Map<String, Set<String>> carried(Collection<String> nctIds, List<RelatedScoring.Item> rest) {
            Map<String, Set<String>> carried = new HashMap<>();
            for (String nctId : nctIds) {
                Set<String> ids = new HashSet<>();
                rest.stream().filter(i -> carriers.get(i.id()).contains(nctId)).forEach(i -> ids.add(i.id()));
                carried.put(nctId, ids);
            }
            return carried;
        }
    }
}
