package org.trialgraph.facets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.roaringbitmap.IntConsumer;
import org.roaringbitmap.RoaringBitmap;

import org.trialgraph.compare.CriteriaCountIndex;

/**
 * A forward index for {@code commonCriteria}: per trial ordinal the criteria it states and the constraints those
 * express, each once, with the kinds of the sections stating it as bits. Criterion and constraint nodes are known by
 * their {@code id()}, mapped to dense ints so a count is an increment in an int array. Entries are
 * {@code dense << 4 | kinds}. Not thread-safe: {@link FacetIndex}'s lock guards it.
 */
final class CriteriaColumns {

    /** Kind bits of an entry: INCLUSION, EXCLUSION, OTHER, and an edge without a kind. */
    private static final int INCLUSION = 1;
    private static final int EXCLUSION = 2;
    private static final int OTHER = 4;
    private static final int NO_KIND = 8;
    private static final int ANY_KIND = INCLUSION | EXCLUSION | OTHER | NO_KIND;
    private static final int KIND_BITS = 4;

    /**
     * Candidates at most handed to the caller to order by key (the items tied at the boundary are all handed over);
     * more, and the Cypher query answers (only a small subtree, where most items are stated once, gets there).
     */
    static final int MAX_CANDIDATES = 10_000;

    private Dictionary criteria = new Dictionary(new long[0]);
    private Dictionary constraints = new Dictionary(new long[0]);
    private int[][] criteriaOf = new int[1024][];
    private int[][] constraintsOf = new int[1024][];
    private long entries;

    /**
     * Fills empty columns from a full load: the dictionaries are the sorted node ids of all the trials' criteria and
     * constraints (a dense int is a position there, found by binary search, no map), then each trial's entries.
     */
    void load(int[] ordinals, List<TrialCriteria> stated) {
        criteria = new Dictionary(sortedNodes(stated, TrialCriteria::criteria));
        constraints = new Dictionary(sortedNodes(stated, TrialCriteria::constraints));
        for (int i = 0; i < ordinals.length; i++) {
            set(ordinals[i], stated.get(i).criteria(), stated.get(i).constraints());
        }
    }

    private static long[] sortedNodes(List<TrialCriteria> stated, Function<TrialCriteria, long[]> edges) {
        long[] nodes = new long[stated.stream().mapToInt(t -> edges.apply(t).length).sum()];
        int n = 0;
        for (TrialCriteria trial : stated) {
            for (long edge : edges.apply(trial)) {
                nodes[n++] = edge >>> 2;
            }
        }
        return Arrays.stream(nodes).sorted().distinct().toArray();
    }

    /**
     * The trial's criteria and constraints as the loader reads them: {@code id(node) * 4 + kind code} per edge
     * (0: no kind, 1: INCLUSION, 2: EXCLUSION, 3: OTHER), repeats allowed.
     */
    void set(int ordinal, long[] criterionEdges, long[] constraintEdges) {
        if (ordinal >= criteriaOf.length) {
            int size = Math.max(ordinal + 1, criteriaOf.length * 2);
            criteriaOf = Arrays.copyOf(criteriaOf, size);
            constraintsOf = Arrays.copyOf(constraintsOf, size);
        }
        clear(ordinal);
        criteriaOf[ordinal] = entries(criterionEdges, criteria);
        constraintsOf[ordinal] = entries(constraintEdges, constraints);
        entries += length(criteriaOf[ordinal]) + length(constraintsOf[ordinal]);
    }

    void clear(int ordinal) {
        if (ordinal < criteriaOf.length) {
            entries -= length(criteriaOf[ordinal]) + length(constraintsOf[ordinal]);
            criteriaOf[ordinal] = null;
            constraintsOf[ordinal] = null;
        }
    }

    /**
     * Counts over the trials: per criterion and constraint the trials stating it in a section of the kind (any kind
     * when null), and the candidates for the first {@code first} by count then key.
     *
     * @return the counts, or null when more than {@link #MAX_CANDIDATES} items tie at the boundary
     */
    CriteriaCountIndex.Counts count(RoaringBitmap trials, String kind, int first) {
        int kinds = kindBits(kind);
        Tally criterionTally = new Tally(CRITERION_COUNTS, criteria.size());
        Tally constraintTally = new Tally(CONSTRAINT_COUNTS, constraints.size());
        try {
            trials.forEach((IntConsumer) t -> {
                if (t < criteriaOf.length) {
                    criterionTally.add(criteriaOf[t], kinds);
                    constraintTally.add(constraintsOf[t], kinds);
                }
            });
            int total = trials.getCardinality();
            List<CriteriaCountIndex.Count> topCriteria = criterionTally.candidates(criteria, total, first);
            List<CriteriaCountIndex.Count> topConstraints = constraintTally.candidates(constraints, total, first);
            return topCriteria == null || topConstraints == null ? null
                    : new CriteriaCountIndex.Counts(total, topCriteria, topConstraints);
        } finally {
            criterionTally.release();
            constraintTally.release();
        }
    }

    /**
     * How many of the trials state each of these constraint nodes in any section, in the order given (0 for a node
     * none states). A trial has one entry per constraint, whatever the kinds of the sections stating it.
     */
    int[] constraintTrials(RoaringBitmap trials, long[] nodes) {
        int[] slotOf = new int[constraints.size()];
        Arrays.fill(slotOf, -1);
        for (int i = 0; i < nodes.length; i++) {
            int dense = constraints.find(nodes[i]);
            if (dense >= 0) {
                slotOf[dense] = i;
            }
        }
        int[] counts = new int[nodes.length];
        trials.forEach((IntConsumer) t -> {
            int[] entries = t < constraintsOf.length ? constraintsOf[t] : null;
            if (entries == null) {
                return;
            }
            for (int entry : entries) {
                int slot = slotOf[entry >>> KIND_BITS];
                if (slot >= 0) {
                    counts[slot]++;
                }
            }
        });
        return counts;
    }

    /**
     * Count arrays kept between requests: at 580k the criteria's is ~26 MB, a new one per request that much garbage.
     * At most one per core is kept; a request finding none allocates its own.
     */
    private static final class CountArrays {

        private final ConcurrentLinkedQueue<int[]> kept = new ConcurrentLinkedQueue<>();
        private final int keep = Runtime.getRuntime().availableProcessors();

        /** A zeroed array of at least {@code size} ints. */
        int[] take(int size) {
            int[] counts = kept.poll();
            while (counts != null && counts.length < size) { // the dictionary grew since: let it go
                counts = kept.poll();
            }
            return counts != null ? counts : new int[size + size / 16 + 64];
        }

        /** Gives back an array that is zero again. */
        void give(int[] counts) {
            if (kept.size() < keep) {
                kept.offer(counts);
            }
        }
    }

    private static final CountArrays CRITERION_COUNTS = new CountArrays();
    private static final CountArrays CONSTRAINT_COUNTS = new CountArrays();

    /** Counts per dense id, and the ids counted at all (so the rest of the work follows the subtree, not the registry). */
    private static final class Tally {

        private final CountArrays arrays;
        private final int[] counts;
        private final IntArrayList counted = new IntArrayList();

        Tally(CountArrays arrays, int size) {
            this.arrays = arrays;
            this.counts = arrays.take(size);
        }

        /** Zeroes what was counted (the counted ids only) and gives the array back. */
        void release() {
            counted.forEach(id -> counts[id] = 0);
            arrays.give(counts);
        }

        void add(int[] trialEntries, int kinds) {
            if (trialEntries == null) {
                return;
            }
            for (int entry : trialEntries) {
                if ((entry & kinds) != 0 && counts[entry >>> KIND_BITS]++ == 0) {
                    counted.add(entry >>> KIND_BITS);
                }
            }
        }

        /** Every item counted at least as often as the first-th most counted one (null: too many). */
        List<CriteriaCountIndex.Count> candidates(Dictionary nodes, int total, int first) {
            // How many items have each count, then the smallest count still among the first `first` items.
            int[] items = new int[total + 1];
            counted.forEach(id -> items[counts[id]]++);
            int threshold = 1;
            int candidates = 0;
            for (int count = total; count >= 1; count--) {
                candidates += items[count];
                if (candidates >= first) {
                    threshold = count;
                    break;
                }
            }
            if (candidates > MAX_CANDIDATES) {
                return null;
            }
            List<CriteriaCountIndex.Count> result = new ArrayList<>(candidates);
            int minimum = threshold;
            counted.forEach(id -> {
                if (counts[id] >= minimum) {
                    result.add(new CriteriaCountIndex.Count(nodes.node(id), counts[id]));
                }
            });
            return result;
        }
    }

    private static int kindBits(String kind) {
        if (kind == null) {
            return ANY_KIND;
        }
        return switch (kind) {
            case "INCLUSION" -> INCLUSION;
            case "EXCLUSION" -> EXCLUSION;
            case "OTHER" -> OTHER;
            default -> 0; // no edge has another kind, as r.kind = $kind finds none
        };
    }

    /** One entry per distinct node, with the bits of every kind it is stated in; null when none. */
    private static int[] entries(long[] edges, Dictionary dictionary) {
        if (edges == null || edges.length == 0) {
            return null;
        }
        long[] sorted = edges.clone();
        Arrays.sort(sorted); // by node, then kind code
        int[] result = new int[sorted.length];
        int n = 0;
        long previous = -1;
        for (long edge : sorted) {
            long node = edge >>> 2;
            int bit = switch ((int) (edge & 3)) {
                case 1 -> INCLUSION;
                case 2 -> EXCLUSION;
                case 3 -> OTHER;
                default -> NO_KIND;
            };
            if (node == previous) {
                result[n - 1] |= bit;
            } else {
                result[n++] = dictionary.id(node) << KIND_BITS | bit;
                previous = node;
            }
        }
        return n == result.length ? result : Arrays.copyOf(result, n);
    }

    private static int length(int[] values) {
        return values == null ? 0 : values.length;
    }

    /** What it holds, for the info endpoint and the build's log line. */
    Map<String, Object> sizes() {
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("criteria", criteria.size());
        sizes.put("constraints", constraints.size());
        sizes.put("entries", entries);
        sizes.put("estimatedBytes", estimatedBytes());
        return sizes;
    }

    /** Bytes of the per-trial entries and the dictionaries, roughly. */
    long estimatedBytes() {
        return entries * 4 + (long) criteriaOf.length * 2 * (8 + 16) + criteria.estimatedBytes()
                + constraints.estimatedBytes();
    }

    /**
     * Node ids to dense ints and back: the ids of a full load sorted (a dense int is the position), and the nodes
     * met in writes since then in a map. A dense int is never given back: a node deleted and its id reused by
     * another criterion keeps the int, which is right, as every trial that stated the old one was re-read by the
     * write that deleted it.
     */
    private static final class Dictionary {

        private final long[] loaded;
        private final LongIntHashMap added = new LongIntHashMap();
        private long[] addedNodes = new long[16];

        Dictionary(long[] sortedNodes) {
            this.loaded = sortedNodes;
        }

        int id(long node) {
            int position = Arrays.binarySearch(loaded, node);
            if (position >= 0) {
                return position;
            }
            int known = added.getIfAbsent(node, -1);
            if (known >= 0) {
                return known;
            }
            int count = added.size();
            if (count == addedNodes.length) {
                addedNodes = Arrays.copyOf(addedNodes, count * 2);
            }
            addedNodes[count] = node;
            added.put(node, loaded.length + count);
            return loaded.length + count;
        }

        /** The node's dense int, or -1 where it has none (without giving it one). */
        int find(long node) {
            int position = Arrays.binarySearch(loaded, node);
            return position >= 0 ? position : added.getIfAbsent(node, -1);
        }

        long node(int id) {
            return id < loaded.length ? loaded[id] : addedNodes[id - loaded.length];
        }

        int size() {
            return loaded.length + added.size();
        }

        /** The sorted ids, and for the added ones the map's arrays (kept at most half full) and the reverse array. */
        long estimatedBytes() {
            return loaded.length * 8L + (long) Integer.highestOneBit(Math.max(1, added.size()) * 2) * 2 * 12
                    + addedNodes.length * 8L;
        }
    }
}
