package org.trialgraph.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The search on the index gives the page that scoring every candidate on every item gives. */
class IndexedSearchTest {

    /** Postings held in a map; NCT ids sort in the reverse order of the ordinals, as ties must not depend on it. */
    record FakeIndex(Map<String, int[]> postings, int capacity) implements IndexedSearch.Postings {

        @Override
        public int[] postings(Relatedness kind, String key) {
            return postings.get(RelatedScoring.Item.id(kind, key));
        }

        @Override
        public String nctId(int ordinal) {
            String digits = Integer.toString(1_000_000 - ordinal);
            return "NCT" + "0".repeat(Math.max(0, 8 - digits.length())) + digits;
        }
    }

    @Test
    void onRandomIndexesThePageIsTheExhaustiveOneWithAndWithoutAFilter() {
        Random random = new Random(11);
        int pages = 0;
        int filteredShorter = 0;
        for (int run = 0; run < 200; run++) {
            int trials = 5 + random.nextInt(300);
            int source = random.nextInt(trials);
            Map<String, int[]> postings = new HashMap<>();
            List<RelatedScoring.Item> items = new ArrayList<>();
            int kinds = 1 + random.nextInt(Relatedness.values().length);
            for (int k = 0; k < kinds; k++) {
                Relatedness kind = Relatedness.values()[k];
                for (int i = 0; i < 1 + random.nextInt(6); i++) {
                    String key = kind + "-" + i;
                    // Few distinct carrier sets make ties common; some items are the source's alone.
                    TreeSet<Integer> carriers = new TreeSet<>(List.of(source));
                    int size = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(trials / 2 + 1);
                    Random shape = new Random(random.nextInt(3));
                    while (carriers.size() <= size && carriers.size() < trials) {
                        carriers.add(shape.nextInt(trials));
                    }
                    if (carriers.size() > 1) {
                        postings.put(RelatedScoring.Item.id(kind, key),
                                carriers.stream().mapToInt(Integer::intValue).toArray());
                    }
                    items.add(new RelatedScoring.Item(kind, key, key, true, -1, List.of()));
                }
            }
            FakeIndex index = new FakeIndex(postings, trials);
            List<RelatedScoring.Item> counted = IndexedSearch.withDocumentFrequencies(items, index);
            Set<String> passing = new HashSet<>();
            for (int t = 0; t < trials; t++) {
                if (random.nextInt(3) > 0) {
                    passing.add(index.nctId(t));
                }
            }
            // A superset of them, as the facet index gives for the part of a filter it holds.
            Set<String> passingOrNot = new HashSet<>(passing);
            for (int t = 0; t < trials; t++) {
                if (random.nextInt(3) == 0) {
                    passingOrNot.add(index.nctId(t));
                }
            }
            for (int first : List.of(1, 3, 10, 50)) {
                List<RelatedScoring.Scored> expected = exhaustive(counted, index, source, trials, first, null);
                assertThat(IndexedSearch.top(counted, trials, source, first, index, null, null))
                        .as("run %d, first %d", run, first).isEqualTo(expected);
                List<RelatedScoring.Scored> expectedFiltered =
                        exhaustive(counted, index, source, trials, first, passing);
                assertThat(IndexedSearch.top(counted, trials, source, first, index,
                        ids -> ids.stream().filter(passing::contains).collect(java.util.stream.Collectors.toSet()),
                        null))
                        .as("run %d, first %d, filtered", run, first).isEqualTo(expectedFiltered);
                assertThat(IndexedSearch.top(counted, trials, source, first, index, null,
                        ordinals(passing, index, trials)))
                        .as("run %d, first %d, among the passing ordinals", run, first).isEqualTo(expectedFiltered);
                assertThat(IndexedSearch.top(counted, trials, source, first, index,
                        ids -> ids.stream().filter(passing::contains).collect(java.util.stream.Collectors.toSet()),
                        ordinals(passingOrNot, index, trials)))
                        .as("run %d, first %d, filtered among a superset", run, first).isEqualTo(expectedFiltered);
                pages += expected.isEmpty() ? 0 : 1;
                filteredShorter += expectedFiltered.size() < expected.size() ? 1 : 0;
            }
        }
        assertThat(pages).isGreaterThan(500);
        assertThat(filteredShorter).isGreaterThan(10);
    }

    /**
     * Registry-shaped: 20,000 trials, a few rare items and many broad ones (a MeSH ancestor, "age >= 18"), some
     * sources with broad items only; without a filter and with one whose trials are known beforehand. The pruned
     * search skips most postings (its DEBUG trace says how many) and gives the exhaustive page.
     */
    @Test
    void onRegistryShapedIndexesThePrunedSearchSkipsMostPostingsAndGivesTheExhaustivePage() {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(IndexedSearch.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> traces =
                new ch.qos.logback.core.read.ListAppender<>();
        traces.start();
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        logger.setAdditive(false);
        logger.addAppender(traces);
        try {
            Random random = new Random(7);
            int trials = 20_000;
            long walked = 0;
            long all = 0;
            for (int run = 0; run < 24; run++) {
                int source = random.nextInt(trials);
                Map<String, int[]> postings = new HashMap<>();
                List<RelatedScoring.Item> items = new ArrayList<>();
                boolean broadOnly = run % 4 == 0;
                for (Relatedness kind : Relatedness.values()) {
                    for (int i = 0; i < 1 + random.nextInt(6); i++) {
                        String key = kind + "-" + run + "-" + i;
                        int size = broadOnly || random.nextBoolean() ? 1_000 + random.nextInt(12_000)
                                : 2 + random.nextInt(60);
                        // Carriers cluster (a low-discrepancy walk from a per-run start) so trials share several items.
                        TreeSet<Integer> carriers = new TreeSet<>(List.of(source));
                        int start = random.nextInt(trials);
                        while (carriers.size() <= size) {
                            carriers.add((start + (int) (Math.abs(random.nextGaussian()) * size * 2)) % trials);
                        }
                        postings.put(RelatedScoring.Item.id(kind, key),
                                carriers.stream().mapToInt(Integer::intValue).toArray());
                        items.add(new RelatedScoring.Item(kind, key, key, true, -1, List.of()));
                    }
                }
                FakeIndex index = new FakeIndex(postings, trials);
                List<RelatedScoring.Item> counted = IndexedSearch.withDocumentFrequencies(items, index);
                // A filter passing about a third of the trials (as "recruiting" does), its trials known beforehand.
                Set<String> passing = new HashSet<>();
                for (int t = 0; t < trials; t++) {
                    if (random.nextInt(3) == 0) {
                        passing.add(index.nctId(t));
                    }
                }
                for (int first : List.of(1, 10, 50)) {
                    for (Set<String> among : Arrays.asList(null, passing)) {
                        traces.list.clear();
                        List<RelatedScoring.Scored> page = among == null
                                ? IndexedSearch.top(counted, trials, source, first, index, null, null)
                                : IndexedSearch.top(counted, trials, source, first, index, null,
                                        ordinals(among, index, trials));
                        assertThat(page).as("run %d, first %d, filtered %b", run, first, among != null)
                                .isEqualTo(exhaustive(counted, index, source, trials, first, among));
                        assertThat(traces.list).hasSize(1);
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) of (\\d+) postings")
                                .matcher(traces.list.get(0).getFormattedMessage());
                        assertThat(m.find()).isTrue();
                        walked += Long.parseLong(m.group(1));
                        all += Long.parseLong(m.group(2));
                    }
                }
            }
            assertThat(walked).as("postings walked of %d", all).isLessThan(all / 2);
        } finally {
            logger.detachAppender(traces);
            logger.setAdditive(true);
            logger.setLevel(level);
        }
    }

    @Test
    void theDocumentFrequencyIsThePostingsSizeOrOneForAnItemOnlyTheSourceCarries() {
        FakeIndex index = new FakeIndex(Map.of(RelatedScoring.Item.id(Relatedness.CONDITION, "asthma"),
                new int[] {1, 4, 9}), 10);
        List<RelatedScoring.Item> items = IndexedSearch.withDocumentFrequencies(List.of(
                new RelatedScoring.Item(Relatedness.CONDITION, "asthma", "Asthma", true, -1, List.of()),
                new RelatedScoring.Item(Relatedness.CONDITION, "rare", "Rare", true, -1, List.of())), index);
        assertThat(items).extracting(RelatedScoring.Item::df).containsExactly(3L, 1L);
    }

    @Test
    void amongManyTrialsCarryingTheSameItemsTheSmallestNctIdsMakeThePage() {
        // 400 trials carry both items, 50 only the rarer one; ordinals run against the NCT ids' order.
        int trials = 451;
        int[] both = java.util.stream.IntStream.range(0, 401).toArray();
        int[] rare = java.util.stream.IntStream.range(0, trials).toArray();
        FakeIndex index = new FakeIndex(Map.of(RelatedScoring.Item.id(Relatedness.CONDITION, "common"), both,
                RelatedScoring.Item.id(Relatedness.CONDITION, "rare"), rare), trials);
        List<RelatedScoring.Item> items = IndexedSearch.withDocumentFrequencies(List.of(
                new RelatedScoring.Item(Relatedness.CONDITION, "common", "Common", true, -1, List.of()),
                new RelatedScoring.Item(Relatedness.CONDITION, "rare", "Rare", true, -1, List.of())), index);
        for (int first : List.of(1, 5, 399, 400, 420)) {
            List<RelatedScoring.Scored> page = IndexedSearch.top(items, trials, 0, first, index, null, null);
            assertThat(page).as("first %d", first).isEqualTo(exhaustive(items, index, 0, trials, first, null));
            assertThat(page.get(0).nctId()).isEqualTo(index.nctId(400));
        }
    }

    /** The ordinals of the given NCT ids, as the facet index's trials come to the search. */
    private static BitSet ordinals(Set<String> nctIds, FakeIndex index, int trials) {
        BitSet ordinals = new BitSet(trials);
        for (int t = 0; t < trials; t++) {
            if (nctIds.contains(index.nctId(t))) {
                ordinals.set(t);
            }
        }
        return ordinals;
    }

    /** Every trial but the source, with every item it carries, scored by RelatedScoring. */
    private static List<RelatedScoring.Scored> exhaustive(List<RelatedScoring.Item> items, FakeIndex index, int source,
            int trials, int first, Set<String> passing) {
        List<RelatedScoring.Item> scored = new ArrayList<>();
        for (RelatedScoring.Item item : items) {
            int[] postings = index.postings(item.kind(), item.key());
            List<String> candidates = new ArrayList<>();
            if (postings != null) {
                for (int ordinal : postings) {
                    String nctId = index.nctId(ordinal);
                    if (ordinal != source && ordinal < trials && (passing == null || passing.contains(nctId))) {
                        candidates.add(nctId);
                    }
                }
            }
            scored.add(item.withCandidates(candidates));
        }
        return RelatedScoring.score(scored, trials, first);
    }
}
