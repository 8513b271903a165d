package org.trialgraph.facets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

import org.trialgraph.compare.CriteriaCountIndex;

/**
 * The forward index's counts against counts made here from the same edges, on random trials: filled by a full load
 * (sorted dictionary) or trial by trial (as writes add nodes), and after trials are re-set and cleared.
 */
class CriteriaColumnsTest {

    private static final String[] KINDS = {null, "INCLUSION", "EXCLUSION", "OTHER"};

    private final Random random = new Random(42);

    @Test
    void aFullLoadAndTrialByTrialWritesCountAsTheEdgesSay() {
        List<TrialCriteria> trials = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            trials.add(randomTrial(t));
        }
        CriteriaColumns loaded = new CriteriaColumns();
        loaded.load(java.util.stream.IntStream.range(0, trials.size()).toArray(), trials);
        CriteriaColumns written = new CriteriaColumns();
        for (int t = 0; t < trials.size(); t++) {
            written.set(t, trials.get(t).criteria(), trials.get(t).constraints());
        }
        assertCountsAsTheEdgesSay(loaded, trials);
        assertCountsAsTheEdgesSay(written, trials);

        // Writes: some trials state other criteria now (nodes the load did not see among them), some are gone.
        for (int t = 0; t < trials.size(); t += 3) {
            TrialCriteria changed = randomTrial(1_000 + t);
            trials.set(t, changed);
            loaded.set(t, changed.criteria(), changed.constraints());
        }
        for (int t = 1; t < trials.size(); t += 7) {
            trials.set(t, new TrialCriteria("gone", new long[0], new long[0]));
            loaded.clear(t);
        }
        assertCountsAsTheEdgesSay(loaded, trials);
    }

    @Test
    void tooManyItemsTiedAtTheBoundaryLeaveTheAnswerToCypher() {
        CriteriaColumns columns = new CriteriaColumns();
        RoaringBitmap trials = new RoaringBitmap();
        int many = CriteriaColumns.MAX_CANDIDATES + 1;
        for (int t = 0; t < many; t++) {
            columns.set(t, new long[] {(100L + t) * 4 + 1}, new long[0]); // a criterion of its own, stated once
            trials.add(t);
        }
        assertThat(columns.count(trials, null, 1)).as("%d criteria tied at one trial each", many).isNull();
        trials.remove(0);
        assertThat(columns.count(trials, null, 1).criteria()).as("as many as may be handed over")
                .hasSize(CriteriaColumns.MAX_CANDIDATES);
    }

    private void assertCountsAsTheEdgesSay(CriteriaColumns columns, List<TrialCriteria> trials) {
        int compared = 0;
        for (int round = 0; round < 40; round++) {
            RoaringBitmap subset = new RoaringBitmap();
            int size = 1 + random.nextInt(trials.size());
            for (int i = 0; i < size; i++) {
                subset.add(random.nextInt(trials.size()));
            }
            for (String kind : KINDS) {
                for (int first : List.of(1, 5, 20)) {
                    CriteriaCountIndex.Counts counts = columns.count(subset, kind, first);
                    String what = "round %d kind %s first %d".formatted(round, kind, first);
                    assertThat(counts.trialCount()).as(what).isEqualTo(subset.getCardinality());
                    assertThat(asMap(counts.criteria())).as(what).isEqualTo(expected(trials, subset, kind, first, true));
                    assertThat(asMap(counts.constraints())).as(what).isEqualTo(expected(trials, subset, kind, first, false));
                    compared += counts.criteria().size();
                }
            }
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    /** Every node counted at least as often as the first-th most counted, with its count. */
    private static Map<Long, Integer> expected(List<TrialCriteria> trials, RoaringBitmap subset, String kind, int first,
            boolean criteria) {
        Map<Long, Set<Integer>> stating = new HashMap<>();
        for (int t : subset.toArray()) {
            for (long edge : criteria ? trials.get(t).criteria() : trials.get(t).constraints()) {
                int code = (int) (edge % 4);
                if (kind == null || kind.equals(KINDS[code])) {
                    stating.computeIfAbsent(edge / 4, n -> new HashSet<>()).add(t);
                }
            }
        }
        List<Integer> counts = stating.values().stream().map(Set::size).sorted((a, b) -> b - a).toList();
        int threshold = counts.size() < first ? 1 : counts.get(first - 1);
        return stating.entrySet().stream().filter(e -> e.getValue().size() >= threshold)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
    }

    private static Map<Long, Integer> asMap(List<CriteriaCountIndex.Count> counts) {
        Map<Long, Integer> map = new HashMap<>();
        counts.forEach(c -> assertThat(map.put(c.node(), c.trials())).as("node %d once", c.node()).isNull());
        return map;
    }

    /** Up to 12 edges to 200 criteria (skewed: low ids are common) and 6 to 30 constraints, repeats allowed. */
    private TrialCriteria randomTrial(int seed) {
        long[] criteria = new long[random.nextInt(13)];
        for (int i = 0; i < criteria.length; i++) {
            criteria[i] = (long) (Math.pow(random.nextDouble(), 3) * 200 + 7_000_000_000L) * 4 + random.nextInt(4);
        }
        long[] constraints = new long[random.nextInt(7)];
        for (int i = 0; i < constraints.length; i++) {
            constraints[i] = (long) (random.nextInt(30) + 5) * 4 + random.nextInt(4);
        }
        return new TrialCriteria("NCT" + seed, criteria, Arrays.copyOf(constraints, constraints.length));
    }
}
