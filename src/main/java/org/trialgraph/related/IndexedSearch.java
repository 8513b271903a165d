package org.trialgraph.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page of related trials from the in-memory index (docs/RELATED.md, "The index"): every trial that can make the
 * page gets the sum of the contributions of the source's items it carries (all items, none left out, so the page is
 * exact; without a filter, or with one whose trials are known beforehand, trials that cannot reach the page are
 * left out early, see {@link #prunedPage}), the best come out by that sum, and the page is scored by
 * {@link RelatedScoring} on the items each of them carries, as the Cypher search scores its page. The sums may differ
 * from {@link RelatedScoring}'s in the last bits (other order of addition), so every trial within
 * {@link RelatedSearch#EPSILON} of the page's last sum is scored too.
 */
final class IndexedSearch {

    /** The index as the search reads it (the index, or a fake in tests). */
    interface Postings {

        /** The sorted ordinals of the trials carrying the item, or null when one trial at most carries it. */
        int[] postings(Relatedness kind, String key);

        int capacity();

        String nctId(int ordinal);
    }

    /** Given NCT ids, those passing the {@code where} filter. */
    interface Filter {
        Set<String> passing(List<String> nctIds);
    }

    private static final Logger LOG = LoggerFactory.getLogger(IndexedSearch.class);
    private static final ConcurrentLinkedQueue<Board> BOARDS = new ConcurrentLinkedQueue<>();
    private static final int KEPT_BOARDS = 16;
    /** Most candidates of a pruned search looked up by galloping in long postings lists (more: walked). */
    private static final int LOOKED_UP_CANDIDATES = 4_096;
    /** Trials sampled for a first bar of a pruned search. */
    private static final int BAR_SAMPLE = 256;

    private IndexedSearch() {
    }

    /** The source's items with their df from the index: the postings' size, or 1 (the source alone) without. */
    static List<RelatedScoring.Item> withDocumentFrequencies(List<RelatedScoring.Item> items, Postings index) {
        return items.stream().map(i -> {
            int[] postings = index.postings(i.kind(), i.key());
            return new RelatedScoring.Item(i.kind(), i.key(), i.label(), i.direct(),
                    postings == null ? 1 : postings.length, List.of());
        }).toList();
    }

    /**
     * The page: {@code items} with their df (in {@link RelatedTrialsRepository#sourceItems} order), {@code source}
     * the source trial's ordinal (never listed). {@code among}: the trials the page may hold, by ordinal (the
     * {@code where} filter's, or a set holding them), or null for every trial; trials not in it are never touched.
     * {@code inCypher}: the filter still to check, or null when {@code among} is exactly the filter's trials (or
     * there is no filter). Without one the search prunes ({@link #prunedPage}); with one every item is added and the
     * best by sum are checked in batches ({@link #pageCandidates}): the bar would have to be among passing trials.
     */
    static List<RelatedScoring.Scored> top(List<RelatedScoring.Item> items, long trialCount, int source, int first,
            Postings index, Filter inCypher, BitSet among) {
        if (items.isEmpty() || first <= 0) {
            return List.of();
        }
        Map<String, Double> contributions = RelatedScoring.contributions(items, trialCount);
        int[][] postings = new int[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            postings[i] = index.postings(items.get(i).kind(), items.get(i).key());
        }
        double[] contribution = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            contribution[i] = contributions.get(items.get(i).id());
        }
        Board board = board(index.capacity());
        try {
            List<Integer> page = inCypher == null
                    ? prunedPage(board, postings, contribution, source, first, among)
                    : filteredPage(board, postings, contribution, source, first, index, inCypher, among);
            BitSet[] carried = carriedItems(page, postings);
            List<RelatedScoring.Item> scored = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                scored.add(items.get(i).withCandidates(new ArrayList<>()));
            }
            for (int c : sameItemsFirst(page, carried, first, index)) {
                String nctId = index.nctId(page.get(c));
                carried[c].stream().forEach(i -> scored.get(i).candidates().add(nctId));
            }
            return RelatedScoring.score(scored, trialCount, first);
        } finally {
            board.clear();
            if (BOARDS.size() < KEPT_BOARDS) {
                BOARDS.offer(board);
            }
        }
    }

    /**
     * Every item added to every trial carrying it (set in {@code among}, unless null), then the best checked against
     * the filter in batches.
     */
    private static List<Integer> filteredPage(Board board, int[][] postings, double[] contribution, int source,
            int first, Postings index, Filter filter, BitSet among) {
        for (int i = 0; i < postings.length; i++) {
            if (postings[i] != null) {
                board.add(postings[i], contribution[i], source, among);
            }
        }
        return pageCandidates(board, first, index, filter);
    }

    /**
     * The page without a filter, by "max-score" pruning (docs/RELATED.md, "Pruning the broad items"): items are added
     * largest contribution (rarest) first; once even a trial carrying every item not yet added could not come within
     * the slack of the bar (the first-th best full sum of sampled trials, or of the board's sums so far), no trial
     * the board has not touched can make the page. The rest of the items are then added only to the touched trials
     * that still could (their sum plus everything not yet added reaches the bar, less the slack), looked up in the
     * long postings once they are few. The page is the one of adding every item to every trial: sums only grow
     * (contributions are positive), so the bar is at most the page's last sum. With {@code passing} (null: every
     * trial), trials not set there are never touched, and the bar is sampled among those set: the page is the one
     * of adding every item to every passing trial.
     */
    private static List<Integer> prunedPage(Board board, int[][] postings, double[] contribution, int source,
            int first, BitSet passing) {
        Integer[] order = IntStream.range(0, postings.length).filter(i -> postings[i] != null)
                .boxed().sorted(Comparator.comparingDouble((Integer i) -> -contribution[i])).toArray(Integer[]::new);
        double[] notYetAdded = new double[order.length + 1];
        for (int k = order.length - 1; k >= 0; k--) {
            notYetAdded[k] = notYetAdded[k + 1] + contribution[order[k]];
        }
        int k = 0;
        double bar = order.length == 0 ? 0
                : sampledBar(order, postings, contribution, source, first, board.scores.length, passing);
        // The board's bar can be at most every item added so far, or the bar last found plus what was added since.
        double barAtMost = 0;
        for (; k < order.length; k++) {
            int[] trials = postings[order[k]];
            if (notYetAdded[k] < bar - 2 * RelatedSearch.EPSILON) {
                break;
            }
            // The board's bar is one pass over the touched trials: found only when it could prune, and before a
            // postings list at least as long.
            if (board.size >= first && trials.length >= board.size
                    && notYetAdded[k] < barAtMost - 2 * RelatedSearch.EPSILON) {
                barAtMost = board.lastOfBest(first);
                bar = Math.max(bar, barAtMost);
                if (notYetAdded[k] < bar - 2 * RelatedSearch.EPSILON) {
                    break;
                }
            }
            board.add(trials, contribution[order[k]], source, passing);
            barAtMost += contribution[order[k]];
        }
        if (k == order.length) {
            trace(order, postings, order.length, board.size, -1);
            return board.within(first);
        }
        int[] candidates = board.touchedReaching(bar - notYetAdded[k] - 2 * RelatedSearch.EPSILON);
        int walkedItems = k;
        int n = candidates.length;
        boolean sorted = false;
        long walkedSinceSifted = 0;
        for (; k < order.length; k++) {
            int[] trials = postings[order[k]];
            // Each item added lowers what is left to add: fewer candidates can still reach the bar. Sifting them is
            // a pass over them: done before a postings list at least twice as long, or once as many postings were
            // walked since the last time (so sifting costs at most as much as walking).
            if (2L * n <= trials.length || walkedSinceSifted >= n) {
                n = board.keepReaching(candidates, n, bar - notYetAdded[k] - 2 * RelatedSearch.EPSILON);
                walkedSinceSifted = 0;
            }
            // Looking the candidates up pays when they are few against a list; sorting many of them would not.
            if (n <= LOOKED_UP_CANDIDATES && trials.length > 8L * n) {
                if (!sorted) {
                    Arrays.sort(candidates, 0, n);
                    sorted = true;
                }
                board.addToCandidates(candidates, n, trials, contribution[order[k]]);
            } else {
                board.addToTouched(trials, contribution[order[k]]);
                walkedSinceSifted += trials.length;
            }
        }
        trace(order, postings, walkedItems, board.size, n);
        return board.within(candidates, n, first);
    }

    /**
     * A bar the page's first-th best sum cannot be below: the first-th best full sum among a sample of the trials
     * carrying the item of largest contribution (each looked up in every item's postings). Without it the board's
     * own bar, a sum over the items added so far, stays below what is left to add until more than half the
     * contributions are added; a source whose items are all broad then walks every postings list.
     */
    private static double sampledBar(Integer[] order, int[][] postings, double[] contribution, int source, int first,
            int capacity, BitSet passing) {
        int[] carriers = passing == null ? postings[order[0]] : passingOf(postings[order[0]], passing);
        int step = Math.max(1, carriers.length / BAR_SAMPLE);
        int[] sample = new int[Math.min(carriers.length, BAR_SAMPLE + 1)];
        int n = 0;
        for (int i = 0; i < carriers.length && n < sample.length; i += step) {
            if (carriers[i] != source && carriers[i] < capacity) {
                sample[n++] = carriers[i];
            }
        }
        if (n < first) {
            return 0;
        }
        double[] sums = new double[n];
        for (Integer item : order) {
            int[] trials = postings[item];
            int p = 0;
            for (int c = 0; c < n && p < trials.length; c++) {
                p = firstAtLeast(trials, p, sample[c]);
                if (p < trials.length && trials[p] == sample[c]) {
                    sums[c] += contribution[item];
                }
            }
        }
        Arrays.sort(sums);
        return sums[n - first];
    }

    /** The ordinals of {@code ordinals} set in {@code passing}, in their order. */
    private static int[] passingOf(int[] ordinals, BitSet passing) {
        int[] kept = new int[ordinals.length];
        int n = 0;
        for (int ordinal : ordinals) {
            if (passing.get(ordinal)) {
                kept[n++] = ordinal;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /** At DEBUG: how much of the postings the pruned search walked. */
    private static void trace(Integer[] order, int[][] postings, int walkedItems, int touched, int candidates) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        long all = 0;
        long walked = 0;
        for (int k = 0; k < order.length; k++) {
            all += postings[order[k]].length;
            walked += k < walkedItems ? postings[order[k]].length : 0;
        }
        LOG.debug("related search: {} of {} items walked, {} of {} postings; {} trials touched, "
                + "{} candidates at the end",
                walkedItems, order.length, walked, all, touched, candidates < 0 ? "no" : candidates);
    }

    /** For each candidate (by position in {@code page}): the indexes of the items whose postings hold it. */
    private static BitSet[] carriedItems(List<Integer> page, int[][] postings) {
        BitSet[] carried = new BitSet[page.size()];
        for (int c = 0; c < carried.length; c++) {
            carried[c] = new BitSet(postings.length);
        }
        // Candidates sorted by ordinal, looked up in each item's sorted postings by galloping: the page is small
        // and a broad item's postings long (at 580k a linear merge was a fifth of the request's CPU).
        Integer[] byOrdinal = new Integer[page.size()];
        for (int c = 0; c < byOrdinal.length; c++) {
            byOrdinal[c] = c;
        }
        Arrays.sort(byOrdinal, (a, b) -> Integer.compare(page.get(a), page.get(b)));
        for (int i = 0; i < postings.length; i++) {
            int[] trials = postings[i];
            if (trials == null) {
                continue;
            }
            int p = 0;
            for (Integer c : byOrdinal) {
                int ordinal = page.get(c);
                p = firstAtLeast(trials, p, ordinal);
                if (p == trials.length) {
                    break;
                }
                if (trials[p] == ordinal) {
                    carried[c].set(i);
                }
            }
        }
        return carried;
    }

    /** The first index at or after {@code from} whose value is at least {@code value} (length when none). */
    static int firstAtLeast(int[] sorted, int from, int value) {
        if (from >= sorted.length || sorted[from] >= value) {
            return from;
        }
        // Gallop: sorted[low] < value; widen until sorted[high] >= value or the end, then search between.
        int low = from;
        int step = 1;
        int high = from + 1;
        while (high < sorted.length && sorted[high] < value) {
            low = high;
            step <<= 1;
            high = low + step;
        }
        // sorted[low] < value, and sorted[high] >= value or high is past the end; postings hold distinct ordinals,
        // so a hit is the first index holding at least the value.
        int found = Arrays.binarySearch(sorted, low + 1, Math.min(high + 1, sorted.length), value);
        return found >= 0 ? found : -found - 1;
    }

    /**
     * The candidates worth scoring: of the candidates carrying the very same items (same score, bit for bit, as
     * {@link RelatedScoring} sums the same reasons in the same order), only the {@code first} with the smallest NCT
     * ids can be on the page, since ties go by NCT id. Generated and real registries have many trials sharing the
     * same items with a source, all tied at the page's end.
     */
    private static List<Integer> sameItemsFirst(List<Integer> page, BitSet[] carried, int first, Postings index) {
        Map<BitSet, List<Integer>> groups = new HashMap<>();
        for (int c = 0; c < carried.length; c++) {
            groups.computeIfAbsent(carried[c], k -> new ArrayList<>()).add(c);
        }
        List<Integer> kept = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            if (group.size() > first) {
                group.sort(Comparator.comparing(c -> index.nctId(page.get(c))));
            }
            kept.addAll(group.subList(0, Math.min(first, group.size())));
        }
        return kept;
    }

    /**
     * The trials that can make the page: by sum, the best {@code m} are taken, those not yet checked
     * are checked against the filter, and m grows fourfold until {@code first} passed and every trial not taken
     * sums below the first-th passing one's sum by more than the slack. The trials passing within the slack of it,
     * or all passing when fewer than {@code first}, come back.
     */
    private static List<Integer> pageCandidates(Board board, int first, Postings index, Filter filter) {
        List<Integer> passing = new ArrayList<>();
        int checked = 0;
        for (int m = Math.max(4 * first, 32); ; m = (int) Math.min(4L * m, Integer.MAX_VALUE)) {
            int[] best = board.best(m);
            List<Integer> unchecked = new ArrayList<>();
            for (int i = checked; i < best.length; i++) {
                unchecked.add(best[i]);
            }
            checked = best.length;
            passing.addAll(passingOf(unchecked, filter, index::nctId));
            boolean exhausted = best.length == board.size;
            if (passing.size() >= first) {
                double last = board.scores[passing.get(first - 1)];
                if (exhausted || board.scores[best[best.length - 1]] < last - RelatedSearch.EPSILON) {
                    return passing.stream().filter(o -> board.scores[o] >= last - RelatedSearch.EPSILON).toList();
                }
            } else if (exhausted) {
                return passing;
            }
        }
    }

    private static List<Integer> passingOf(List<Integer> ordinals, Filter filter, Function<Integer, String> nctId) {
        if (ordinals.isEmpty()) {
            return List.of();
        }
        Set<String> passing = filter.passing(ordinals.stream().map(nctId).toList());
        return ordinals.stream().filter(o -> passing.contains(nctId.apply(o))).toList();
    }

    private static Board board(int capacity) {
        Board board = BOARDS.poll();
        while (board != null && board.scores.length < capacity) {
            board = BOARDS.poll();
        }
        return board != null ? board : new Board(capacity + capacity / 8 + 64);
    }

    /** Per-trial sums for one request, reused: only the trials touched are cleared afterwards. */
    static final class Board {

        final double[] scores;
        final int[] touched;
        int size;

        Board(int capacity) {
            scores = new double[capacity];
            touched = new int[capacity];
        }

        /** Adds to the trials of {@code ordinals} but {@code skip}, those set in {@code among} only (null: all). */
        void add(int[] ordinals, double contribution, int skip, BitSet among) {
            for (int ordinal : ordinals) {
                if (ordinal == skip || ordinal >= scores.length // a trial added since the request began
                        || among != null && !among.get(ordinal)) {
                    continue;
                }
                if (scores[ordinal] == 0) {
                    touched[size++] = ordinal;
                }
                scores[ordinal] += contribution;
            }
        }

        /**
         * Every touched ordinal whose sum is within the slack of the first-th best sum (all of them when fewer were
         * touched): one pass for that sum (a min-heap of the best {@code first} sums), one to collect. What the
         * filtered rounds give with every trial passing, without re-ranking the ties at the page's end round after
         * round.
         */
        List<Integer> within(int first) {
            return within(touched, size, first);
        }

        /** {@link #within(int)} among the first {@code n} of {@code ordinals} (touched trials). */
        List<Integer> within(int[] ordinals, int n, int first) {
            List<Integer> page = new ArrayList<>();
            if (n <= first) {
                for (int i = 0; i < n; i++) {
                    page.add(ordinals[i]);
                }
                return page;
            }
            double last = lastOfBest(ordinals, n, first);
            for (int i = 0; i < n; i++) {
                if (scores[ordinals[i]] >= last - RelatedSearch.EPSILON) {
                    page.add(ordinals[i]);
                }
            }
            return page;
        }

        /** The first-th best sum among the touched trials (at least {@code first} of them). */
        double lastOfBest(int first) {
            return lastOfBest(touched, size, first);
        }

        private double lastOfBest(int[] ordinals, int n, int first) {
            double[] heap = new double[first];
            for (int i = 0; i < first; i++) {
                heap[i] = scores[ordinals[i]];
            }
            Arrays.sort(heap);
            // heap[0] is the least of the best first sums; a sorted array is a valid min-heap.
            for (int i = first; i < n; i++) {
                double score = scores[ordinals[i]];
                if (score > heap[0]) {
                    heap[0] = score;
                    siftDown(heap);
                }
            }
            return heap[0];
        }

        /** The touched trials whose sum is at least {@code least}, in no order. */
        int[] touchedReaching(double least) {
            int[] reaching = new int[16];
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (scores[touched[i]] >= least) {
                    if (n == reaching.length) {
                        reaching = Arrays.copyOf(reaching, n * 2);
                    }
                    reaching[n++] = touched[i];
                }
            }
            return Arrays.copyOf(reaching, n);
        }

        /** Adds to the trials already touched only (the source and trials added since are never touched). */
        void addToTouched(int[] ordinals, double contribution) {
            for (int ordinal : ordinals) {
                if (ordinal < scores.length && scores[ordinal] != 0) {
                    scores[ordinal] += contribution;
                }
            }
        }

        /**
         * Keeps, in their order, those of the first {@code n} candidates whose sum is at least {@code least}; returns
         * how many.
         */
        int keepReaching(int[] candidates, int n, double least) {
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (scores[candidates[i]] >= least) {
                    candidates[kept++] = candidates[i];
                }
            }
            return kept;
        }

        /** Adds to each of the first n (sorted) candidates found in the sorted postings, looked up by galloping. */
        void addToCandidates(int[] candidates, int n, int[] ordinals, double contribution) {
            int p = 0;
            for (int c = 0; c < n; c++) {
                int candidate = candidates[c];
                p = firstAtLeast(ordinals, p, candidate);
                if (p == ordinals.length) {
                    return;
                }
                if (ordinals[p] == candidate) {
                    scores[candidate] += contribution;
                }
            }
        }

        private static void siftDown(double[] heap) {
            int i = 0;
            while (true) {
                int least = i;
                for (int child = 2 * i + 1; child <= 2 * i + 2 && child < heap.length; child++) {
                    if (heap[child] < heap[least]) {
                        least = child;
                    }
                }
                if (least == i) {
                    return;
                }
                double t = heap[i];
                heap[i] = heap[least];
                heap[least] = t;
                i = least;
            }
        }

        /**
         * The best m touched ordinals, best first: by sum, then by ordinal. Any strict order among equal sums does:
         * the page is decided by {@link RelatedScoring} among every trial within the slack of the last sum.
         */
        int[] best(int m) {
            int k = Math.min(m, size);
            // A min-heap of the best k so far: the worst of them on top.
            int[] heap = new int[k];
            int n = 0;
            for (int i = 0; i < size; i++) {
                int ordinal = touched[i];
                if (n < k) {
                    heap[n] = ordinal;
                    up(heap, n++);
                } else if (scores[ordinal] >= scores[heap[0]] && better(ordinal, heap[0])) {
                    heap[0] = ordinal;
                    down(heap, n);
                }
            }
            Integer[] sorted = new Integer[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = heap[i];
            }
            Arrays.sort(sorted, (a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0);
            return Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();
        }

        private boolean better(int a, int b) {
            return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
        }

        private void up(int[] heap, int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!better(heap[parent], heap[i])) {
                    return;
                }
                swap(heap, i, parent);
                i = parent;
            }
        }

        private void down(int[] heap, int n) {
            int i = 0;
            while (true) {
                int worst = i;
                for (int child = 2 * i + 1; child <= 2 * i + 2 && child < n; child++) {
                    if (better(heap[worst], heap[child])) {
                        worst = child;
                    }
                }
                if (worst == i) {
                    return;
                }
                swap(heap, i, worst);
                i = worst;
            }
        }

        private static void swap(int[] heap, int i, int j) {
            int t = heap[i];
            heap[i] = heap[j];
            heap[j] = t;
        }

        void clear() {
            for (int i = 0; i < size; i++) {
                scores[touched[i]] = 0;
            }
            size = 0;
        }
    }
}
