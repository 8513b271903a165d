package org.trialgraph.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The index against a graph held in memory: built postings, and updates that end where a rebuild would. */
class RelatedIndexTest {

    /** A graph of trials and their items, answering the index's reads. */
    static final class FakeGraph extends RelatedIndexQueries {

        final Map<String, Map<Relatedness, Set<String>>> trials = new HashMap<>();
        final Map<String, List<String>> tree = new HashMap<>();

        FakeGraph() {
            super(null);
        }

        /** A node id per trial, as the graph's: unrelated to the NCT id's order. */
        static long node(String nctId) {
            return 1000 - Long.parseLong(nctId.substring(3));
        }

        static long[] nodes(Set<String> nctIds) {
            return nctIds.stream().mapToLong(FakeGraph::node).toArray();
        }

        @Override
        void trials(BiConsumer<Long, String> sink) {
            trials.keySet().forEach(nctId -> sink.accept(node(nctId), nctId));
        }

        @Override
        void carriers(Relatedness kind, BiConsumer<String, long[]> sink) {
            carriersOf(kind).forEach((key, carriers) -> {
                if (carriers.size() > 1) {
                    sink.accept(key, nodes(carriers));
                }
            });
        }

        @Override
        void meshDirect(BiConsumer<String, long[]> sink) {
            carriersOf(Relatedness.MESH).forEach((key, carriers) -> sink.accept(key, nodes(carriers)));
        }

        @Override
        Map<String, List<String>> meshTree() {
            Map<String, List<String>> copy = new HashMap<>();
            tree.forEach((term, ancestors) -> copy.put(term, ancestors.stream().sorted().distinct().toList()));
            return copy;
        }

        @Override
        List<TrialItems> items(Collection<String> nctIds) {
            List<TrialItems> items = new ArrayList<>();
            for (String nctId : nctIds) {
                if (trials.containsKey(nctId)) {
                    Map<Relatedness, List<String>> keys = new EnumMap<>(Relatedness.class);
                    for (Relatedness kind : Relatedness.values()) {
                        keys.put(kind, List.copyOf(trials.get(nctId).getOrDefault(kind, Set.of())));
                    }
                    items.add(new TrialItems(nctId, keys));
                }
            }
            return items;
        }

        @Override
        Map<String, List<String>> carriers(Relatedness kind, Collection<String> keys) {
            Map<String, List<String>> carriers = new HashMap<>();
            carriersOf(kind).forEach((key, trialIds) -> {
                if (keys.contains(key)) {
                    carriers.put(key, List.copyOf(trialIds));
                }
            });
            return carriers;
        }

        /** Direct carriers (MeSH: of the term itself, without descendants). */
        Map<String, Set<String>> carriersOf(Relatedness kind) {
            Map<String, Set<String>> carriers = new HashMap<>();
            trials.forEach((nctId, items) -> items.getOrDefault(kind, Set.of())
                    .forEach(key -> carriers.computeIfAbsent(key, k -> new TreeSet<>()).add(nctId)));
            return carriers;
        }

        /** The MeSH items a trial carries: its terms and, for terms in the tree (exact), their ancestors. */
        Map<String, Set<String>> meshCarriers() {
            Map<String, Set<String>> carriers = new HashMap<>();
            trials.forEach((nctId, items) -> items.getOrDefault(Relatedness.MESH, Set.of()).forEach(term -> {
                carriers.computeIfAbsent(term, k -> new TreeSet<>()).add(nctId);
                tree.getOrDefault(term, List.of())
                        .forEach(a -> carriers.computeIfAbsent(a, k -> new TreeSet<>()).add(nctId));
            }));
            return carriers;
        }
    }

    @Test
    void anItemCarriedByTwoTrialsOrMoreHasThemAllAndOneCarriedByOneIsAbsent() {
        FakeGraph graph = new FakeGraph();
        graph.trials.put("NCT00000001", Map.of(Relatedness.CONDITION, Set.of("asthma", "copd"),
                Relatedness.MESH, Set.of("D001249")));
        graph.trials.put("NCT00000002", Map.of(Relatedness.CONDITION, Set.of("asthma"),
                Relatedness.MESH, Set.of("D008173")));
        graph.tree.put("D001249", List.of("D008173", "D012140"));
        RelatedIndex index = index(graph);
        index.build();

        assertThat(nctIds(index, index.postings(Relatedness.CONDITION, "asthma")))
                .containsExactly("NCT00000001", "NCT00000002");
        assertThat(index.postings(Relatedness.CONDITION, "copd")).isNull();
        // The first trial studies a narrower term of D008173 whose ancestry is exact: it carries D008173 too.
        assertThat(nctIds(index, index.postings(Relatedness.MESH, "D008173")))
                .containsExactly("NCT00000001", "NCT00000002");
        assertThat(index.postings(Relatedness.MESH, "D012140")).isNull();
        assertThat(index.trialCount()).isEqualTo(2);
    }

    @Test
    void updatesOfRandomWritesAndDeletesEndWhereARebuildWould() {
        Random random = new Random(7);
        for (int run = 0; run < 60; run++) {
            FakeGraph graph = randomGraph(random, 40);
            RelatedIndex index = index(graph);
            index.build();
            for (int step = 0; step < 5; step++) {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(6); i++) {
                    String nctId = "NCT%08d".formatted(random.nextInt(50));
                    batch.add(nctId);
                    int what = random.nextInt(3);
                    if (what == 0) {
                        graph.trials.remove(nctId);
                    } else {
                        graph.trials.put(nctId, randomItems(random));
                    }
                }
                if (random.nextInt(3) == 0) {
                    randomTree(random, graph.tree);
                }
                index.update(batch);
                assertMatches(index, graph, "run %d step %d".formatted(run, step));
            }
        }
    }

    private static void assertMatches(RelatedIndex index, FakeGraph graph, String what) {
        assertThat(index.trialCount()).as(what).isEqualTo(graph.trials.size());
        for (Relatedness kind : RelatedIndexQueries.LINKED) {
            graph.carriersOf(kind).forEach((key, carriers) -> assertThat(nctIds(index, index.postings(kind, key)))
                    .as("%s %s %s", what, kind, key).isEqualTo(carriers.size() > 1 ? List.copyOf(carriers) : List.of()));
        }
        graph.meshCarriers().forEach((key, carriers) -> assertThat(nctIds(index, index.postings(Relatedness.MESH, key)))
                .as("%s MESH %s", what, key).isEqualTo(carriers.size() > 1 ? List.copyOf(carriers) : List.of()));
        assertThat(index.itemCount()).as(what).isEqualTo(
                RelatedIndexQueries.LINKED.stream().mapToLong(k -> graph.carriersOf(k).values().stream()
                        .filter(c -> c.size() > 1).count()).sum()
                        + graph.meshCarriers().values().stream().filter(c -> c.size() > 1).count());
    }

    static FakeGraph randomGraph(Random random, int trials) {
        FakeGraph graph = new FakeGraph();
        for (int i = 0; i < trials; i++) {
            graph.trials.put("NCT%08d".formatted(random.nextInt(50)), randomItems(random));
        }
        randomTree(random, graph.tree);
        return graph;
    }

    static Map<Relatedness, Set<String>> randomItems(Random random) {
        Map<Relatedness, Set<String>> items = new EnumMap<>(Relatedness.class);
        for (Relatedness kind : Relatedness.values()) {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < random.nextInt(4); i++) {
                keys.add(kind == Relatedness.MESH ? "D%d".formatted(random.nextInt(8)) : kind + "-" + random.nextInt(12));
            }
            items.put(kind, keys);
        }
        return items;
    }

    static void randomTree(Random random, Map<String, List<String>> tree) {
        tree.clear();
        for (int term = 0; term < 8; term++) {
            if (random.nextBoolean()) {
                List<String> ancestors = new ArrayList<>();
                for (int a = 0; a < 8; a++) {
                    if (a != term && random.nextInt(4) == 0) {
                        ancestors.add("D" + a);
                    }
                }
                tree.put("D" + term, ancestors);
            }
        }
    }

    static RelatedIndex index(FakeGraph graph) {
        return new RelatedIndex(graph, new StaticListableBeanFactory().getBeanProvider(
                io.micrometer.core.instrument.MeterRegistry.class), true);
    }

    static List<String> nctIds(RelatedIndex index, int[] postings) {
        List<String> nctIds = new ArrayList<>();
        if (postings != null) {
            for (int ordinal : postings) {
                nctIds.add(index.nctId(ordinal));
            }
        }
        return nctIds.stream().sorted().toList();
    }
}
