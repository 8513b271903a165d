package org.trialgraph.facets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

import org.trialgraph.compare.CriteriaCountIndex;
import org.trialgraph.stats.StatsBucket;
import org.trialgraph.stats.StatsDimension;
import org.trialgraph.trial.TrialFilterCypher;
import org.trialgraph.trial.TrialIndex;
import org.trialgraph.trial.TrialOrder;
import org.trialgraph.trial.TrialWhere;

/**
 * Trials as int ordinals, with a bitmap of ordinals per value of each covered filter field, per condition key and
 * per MeSH term (the trials carrying it directly; a term's subtree is the union over its narrower terms, computed
 * when first asked and kept until the next write), and per sort order a permutation of the ordinals. For
 * {@code trialStats} it also keeps per trial the ids of its values in each dimension (int columns, arrays shared
 * between trials with the same values), the lead sponsors' names and classes, and grouping runs over those
 * ({@link FacetGroups}). For {@code commonCriteria} it keeps per trial the criteria and constraints it states
 * ({@link CriteriaColumns}), counted over a condition's trials or a MeSH subtree. Thread-safe:
 * queries share a read lock, writes (one writer thread) take the write lock.
 */
final class FacetIndex {

    /** Enrollment not given. */
    private static final long NO_NUMBER = Long.MIN_VALUE;
    /** Orders kept at most; others are answered by sorting the matches when few, else by Cypher. */
    private static final int MAX_ORDERS = 16;
    /** Matches at most sorted directly rather than found by walking an order's permutation. */
    private static final int SORT_MATCHES_BELOW = 4_096;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final Map<String, Integer> ordinals = new HashMap<>();
    private String[] nctIds = new String[1024];
    private String[] startDates = new String[1024];
    private String[] lastUpdated = new String[1024];
    private long[] enrollments = new long[1024];
    // The ages a trial takes, in years, as TrialFilterCypher reads them (a missing limit as its NO_MINIMUM_AGE, ...).
    private double[] minimumAges = new double[1024];
    private double[] maximumAges = new double[1024];
    String[][] conditionsOf = new String[1024][];
    String[][] studiesMeshOf = new String[1024][];
    private String[][] testsMeshOf = new String[1024][];
    private final RoaringBitmap all = new RoaringBitmap();

    final Map<String, RoaringBitmap> status = new HashMap<>();
    final Map<String, RoaringBitmap> phase = new HashMap<>();
    final Map<String, RoaringBitmap> studyType = new HashMap<>();
    final Map<String, RoaringBitmap> sex = new HashMap<>();
    final Map<String, RoaringBitmap> healthyVolunteers = new HashMap<>();
    final Map<String, RoaringBitmap> hasResults = new HashMap<>();
    final Map<String, RoaringBitmap> country = new HashMap<>();
    private final Map<String, RoaringBitmap> conditions = new HashMap<>();
    private final Map<String, RoaringBitmap> studiesMesh = new HashMap<>();
    private final Map<String, RoaringBitmap> anyMesh = new HashMap<>();

    private final Map<String, String> termNames = new HashMap<>();
    private final Map<String, Set<String>> termsByName = new HashMap<>();
    private final Map<String, List<String>> broader = new HashMap<>();
    private final Map<String, Set<String>> narrower = new HashMap<>();

    private final Map<String, RoaringBitmap> conditionSubtrees = new ConcurrentHashMap<>();
    private final Map<String, RoaringBitmap> meshSubtrees = new ConcurrentHashMap<>();
    private final Map<List<SortKey>, int[]> orders = new ConcurrentHashMap<>();

    // ---- trialStats: per ordinal the ids of its values (-1 or null: none); arrays are shared (interned) ----
    final Names statusNames = new Names();
    final Names studyTypeNames = new Names();
    final Names phaseNames = new Names();
    final Names startYearNames = new Names();
    final Names countryNames = new Names();
    final Names interventionTypeNames = new Names();
    final Names conditionNames = new Names();
    final Names sponsorNames = new Names();
    final Names sponsorClassNames = new Names();
    final Names meshNames = new Names();
    int[] statusOf = new int[1024];
    int[] studyTypeOf = new int[1024];
    int[] startYearOf = new int[1024];
    int[][] phasesOf = new int[1024][];
    int[][] countriesOf = new int[1024][];
    int[][] interventionTypesOf = new int[1024][];
    /** Ordinals of the trial's lead sponsors, one per LEAD edge (as the Cypher path's list comprehension). */
    int[][] leadSponsorsOf = new int[1024][];
    /** Per sponsor ordinal (by sponsor key, the node's identity) the ids of its name and class (-1: no class). */
    int[] sponsorNameOf = new int[256];
    int[] sponsorClassOf = new int[256];
    private final Map<String, Integer> sponsorOrdinals = new HashMap<>();
    /** Per condition key the id of the condition's name. */
    final Map<String, Integer> conditionNameOf = new HashMap<>();
    /** Per MeSH term the ids of the names of its roots (MESH_BRANCH), computed when first asked until the next write. */
    private final Map<String, int[]> branchesOfTerm = new ConcurrentHashMap<>();
    private final Map<Ints, int[]> interned = new HashMap<>();

    // ---- commonCriteria: per ordinal the criteria and constraints it states ----
    private final CriteriaColumns criteria = new CriteriaColumns();

    /** An int array as a map key, for sharing equal arrays between trials. */
    private record Ints(int[] values) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Ints other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    private FacetIndex() {
    }

    static Builder builder() {
        return new Builder();
    }

    /** An empty index, filled by {@link #apply}. */
    static FacetIndex empty() {
        return new FacetIndex();
    }

    // ---- reading ----

    /** The page as {@link TrialIndex#page} describes it, or null when the filter or order is not covered. */
    TrialIndex.Page page(TrialWhere where, List<TrialOrder> order, List<String> cursor, int limit) {
        if (!FacetFilter.covers(where) || !covers(order)) {
            return null;
        }
        lock.readLock().lock();
        try {
            RoaringBitmap matches = new FacetFilter(this).matches(where);
            int total = matches.getCardinality();
            if (total == 0 || limit == 0) {
                return new TrialIndex.Page(List.of(), total);
            }
            List<SortKey> keys = SortKey.of(order);
            int[] permutation = orders.get(keys);
            if (permutation == null && total > SORT_MATCHES_BELOW && orders.size() < MAX_ORDERS) {
                permutation = orders.computeIfAbsent(keys, k -> sorted(all.toArray(), keys));
            }
            int[] page = permutation == null || prefersSorting(total, limit)
                    ? firstBySorting(matches, keys, cursor, limit)
                    : firstByWalking(permutation, matches, keys, cursor, limit);
            if (page == null) {
                return null;
            }
            List<String> ids = new ArrayList<>(page.length);
            for (int ordinal : page) {
                ids.add(nctIds[ordinal]);
            }
            return new TrialIndex.Page(ids, total);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The matches as {@link TrialIndex#matching} gives them, or false when the filter is not covered. */
    boolean matching(TrialWhere where, Consumer<String> each) {
        if (!FacetFilter.covers(where)) {
            return false;
        }
        lock.readLock().lock();
        try {
            new FacetFilter(this).matches(where).forEach((int ordinal) -> each.accept(nctIds[ordinal]));
            return true;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The groups as {@link org.trialgraph.stats.StatsIndex#groups} describes them, or null when the filter is not covered. */
    List<StatsBucket> groups(TrialWhere where, List<StatsDimension> groupBy, int sponsorsFor) {
        if (!FacetFilter.covers(where)) {
            return null;
        }
        lock.readLock().lock();
        try {
            return new FacetGroups(this).groups(new FacetFilter(this).matches(where), groupBy, sponsorsFor);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The criteria and constraints counts of {@link CriteriaCountIndex} over the trials naming the condition (by key)
     * or, when {@code mesh}, over the trials of the MeSH term's subtree; null when too many items tie to answer here.
     */
    CriteriaCountIndex.Counts commonCriteria(boolean mesh, String key, String kind, int first) {
        lock.readLock().lock();
        try {
            // An id no term has keeps no (empty) subtree in the cache: any string may come in.
            RoaringBitmap trials = !mesh ? condition(key)
                    : termNames.containsKey(key) ? conditionSubtree(key) : new RoaringBitmap();
            return criteria.count(trials, kind, first);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many trials state each of these constraint nodes ({@code id()}), in the order given. */
    int[] constraintTrials(long[] nodes) {
        lock.readLock().lock();
        try {
            return criteria.constraintTrials(all, nodes);
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        return all.getCardinality();
    }

    /** The commonCriteria forward index's sizes (criteria, constraints, entries, estimated bytes). */
    Map<String, Object> criteriaSizes() {
        lock.readLock().lock();
        try {
            return criteria.sizes();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The enrollment as the Cypher path sums it: {@code coalesce(t.enrollmentCount, 0)}. */
    long enrollmentOrZero(int ordinal) {
        return enrollments[ordinal] == NO_NUMBER ? 0 : enrollments[ordinal];
    }

    /**
     * The ids of the names of the MeSH roots at or above a term ({@code BROADER*0..1} to a term without a broader
     * one), as MESH_BRANCH groups a trial's condition terms.
     */
    int[] branchesOf(String term) {
        return branchesOfTerm.computeIfAbsent(term, t -> {
            List<String> candidates = new ArrayList<>();
            candidates.add(t);
            candidates.addAll(broader.getOrDefault(t, List.of()));
            return candidates.stream().filter(c -> broader.containsKey(c) && broader.get(c).isEmpty())
                    .mapToInt(c -> meshNames.id(termNames.get(c))).distinct().toArray();
        });
    }

    /** Bytes of the bitmaps and per-trial arrays, roughly (strings shared with the graph's values not counted twice). */
    long estimatedBytes() {
        lock.readLock().lock();
        try {
            long bytes = all.getLongSizeInBytes();
            for (Map<String, RoaringBitmap> map : List.of(status, phase, studyType, sex, healthyVolunteers, hasResults,
                    country, conditions, studiesMesh, anyMesh)) {
                bytes += map.size() * 64L;
                for (RoaringBitmap b : map.values()) {
                    bytes += b.getLongSizeInBytes();
                }
            }
            int n = ordinals.size();
            bytes += n * (4L * 8 + 8 + 2 * 8 + 3 * 24); // array slots, enrollment, ages, per-trial arrays
            bytes += n * (48L + 64);             // ordinal map entry and NCT id string
            bytes += (long) orders.size() * n * 4;
            bytes += n * (3L * 4 + 4L * 4);      // trialStats columns: three ids, four shared arrays
            bytes += interned.size() * 64L + sponsorOrdinals.size() * 72L + conditionNameOf.size() * 48L;
            bytes += criteria.estimatedBytes();
            for (Names names : List.of(statusNames, studyTypeNames, phaseNames, startYearNames, countryNames,
                    interventionTypeNames, conditionNames, sponsorNames, sponsorClassNames, meshNames)) {
                bytes += names.estimatedBytes();
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The start date as the sort key reads it ('' when missing), for tests and cursors. */
    String startDateOf(String nctId) {
        lock.readLock().lock();
        try {
            return text(startDates[ordinals.get(nctId)]);
        } finally {
            lock.readLock().unlock();
        }
    }

    RoaringBitmap all() {
        return all;
    }

    /** The trials among {@code trials} open to a participant of this age: one pass over their age limits. */
    RoaringBitmap openTo(RoaringBitmap trials, double age) {
        RoaringBitmapWriter<RoaringBitmap> open = RoaringBitmapWriter.writer().get();
        trials.forEach((int o) -> {
            if (minimumAges[o] <= age && maximumAges[o] >= age) {
                open.add(o);
            }
        });
        return open.get();
    }

    RoaringBitmap trialsOf(String nctId) {
        Integer ordinal = ordinals.get(nctId);
        return ordinal == null || !all.contains(ordinal) ? new RoaringBitmap() : RoaringBitmap.bitmapOf(ordinal);
    }

    RoaringBitmap condition(String key) {
        return conditions.getOrDefault(key, new RoaringBitmap());
    }

    Set<String> termsNamed(String name) {
        return termsByName.getOrDefault(name.toLowerCase(Locale.ROOT), Set.of());
    }

    /** Trials whose condition MeSH terms ({@code STUDIES_MESH}) are the term or a narrower one. */
    RoaringBitmap conditionSubtree(String id) {
        return conditionSubtrees.computeIfAbsent(id, term -> subtree(term, studiesMesh));
    }

    /** Trials whose condition or intervention MeSH terms are the term or a narrower one. */
    RoaringBitmap meshSubtree(String id) {
        return meshSubtrees.computeIfAbsent(id, term -> subtree(term, anyMesh));
    }

    private RoaringBitmap subtree(String term, Map<String, RoaringBitmap> direct) {
        List<RoaringBitmap> parts = new ArrayList<>();
        RoaringBitmap own = direct.get(term);
        if (own != null) {
            parts.add(own);
        }
        for (String narrowerTerm : narrower.getOrDefault(term, Set.of())) {
            RoaringBitmap trials = direct.get(narrowerTerm);
            if (trials != null) {
                parts.add(trials);
            }
        }
        return parts.isEmpty() ? new RoaringBitmap() : FastAggregation.or(parts.iterator());
    }

    // ---- ordering ----

    /** One sort key of an order. */
    record SortKey(TrialOrder.Field field, boolean descending) {

        static List<SortKey> of(List<TrialOrder> order) {
            return order.stream().map(o -> new SortKey(o.field(), o.directionOrAsc() == TrialOrder.Direction.DESC)).toList();
        }
    }

    private static boolean covers(List<TrialOrder> order) {
        return order.stream().allMatch(o -> switch (o.field()) {
            case NCT_ID, START_DATE, LAST_UPDATED, ENROLLMENT -> true;
            default -> false;
        });
    }

    private boolean prefersSorting(int total, int limit) {
        // Walking visits about limit * n / total ordinals; sorting costs about total * log2(total) comparisons.
        double walk = (double) limit * all.getCardinality() / total;
        double sort = total * (32 - Integer.numberOfLeadingZeros(total));
        return sort < walk;
    }

    private int[] firstBySorting(RoaringBitmap matches, List<SortKey> keys, List<String> cursor, int limit) {
        int[] members = matches.toArray();
        int after = 0;
        for (int ordinal : members) {
            if (cursor.isEmpty() || compareToCursor(ordinal, keys, cursor) > 0) {
                members[after++] = ordinal;
            }
        }
        int[] sorted = sorted(Arrays.copyOf(members, after), keys);
        return Arrays.copyOf(sorted, Math.min(limit, sorted.length));
    }

    private int[] firstByWalking(int[] permutation, RoaringBitmap matches, List<SortKey> keys, List<String> cursor, int limit) {
        int[] page = new int[limit];
        int found = 0;
        for (int i = cursor.isEmpty() ? 0 : firstAfter(permutation, keys, cursor); i < permutation.length && found < limit; i++) {
            if (matches.contains(permutation[i])) {
                page[found++] = permutation[i];
            }
        }
        return Arrays.copyOf(page, found);
    }

    /** The first position whose trial sorts strictly after the cursor. */
    private int firstAfter(int[] permutation, List<SortKey> keys, List<String> cursor) {
        int low = 0;
        int high = permutation.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (compareToCursor(permutation[mid], keys, cursor) > 0) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private int[] sorted(int[] ordinalsToSort, List<SortKey> keys) {
        Integer[] boxed = Arrays.stream(ordinalsToSort).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> compare(a, b, keys));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    // The sort keys of TrialOrder.Field, as Cypher sorts them: missing values as '' or -1, the smallest.
    private int compare(int a, int b, List<SortKey> keys) {
        for (SortKey key : keys) {
            int c = switch (key.field()) {
                case NCT_ID -> nctIds[a].compareTo(nctIds[b]);
                case START_DATE -> text(startDates[a]).compareTo(text(startDates[b]));
                case LAST_UPDATED -> text(lastUpdated[a]).compareTo(text(lastUpdated[b]));
                case ENROLLMENT -> Long.compare(number(enrollments[a]), number(enrollments[b]));
                default -> throw new IllegalStateException("not an indexed order: " + key.field());
            };
            if (c != 0) {
                return key.descending() ? -c : c;
            }
        }
        return 0;
    }

    private int compareToCursor(int a, List<SortKey> keys, List<String> cursor) {
        for (int i = 0; i < keys.size(); i++) {
            SortKey key = keys.get(i);
            String value = cursor.get(i);
            int c = switch (key.field()) {
                case NCT_ID -> nctIds[a].compareTo(value);
                case START_DATE -> text(startDates[a]).compareTo(value);
                case LAST_UPDATED -> text(lastUpdated[a]).compareTo(value);
                case ENROLLMENT -> Double.compare(number(enrollments[a]), Double.parseDouble(value));
                default -> throw new IllegalStateException("not an indexed order: " + key.field());
            };
            if (c != 0) {
                return key.descending() ? -c : c;
            }
        }
        return 0;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static long number(long value) {
        return value == NO_NUMBER ? -1 : value;
    }

    // ---- writing ----

    /**
     * Applies what one write left in the graph: the trials re-read (any other of {@code nctIds} is deleted) and the
     * MeSH terms their links reach, as stored now.
     */
    void apply(Collection<String> nctIds, List<TrialFacts> stored, List<MeshTermFacts> terms) {
        apply(nctIds, stored, terms, List.of());
    }

    /** As above, with the criteria and constraints the stored trials state now (a trial not among them states none). */
    void apply(Collection<String> nctIds, List<TrialFacts> stored, List<MeshTermFacts> terms,
            List<TrialCriteria> statedCriteria) {
        lock.writeLock().lock();
        try {
            Set<String> touchedTerms = new HashSet<>();
            for (MeshTermFacts term : terms) {
                touchedTerms.add(term.id());
                touchedTerms.addAll(broader.getOrDefault(term.id(), List.of()));
                touchedTerms.addAll(term.broader());
                putTerm(term);
            }
            RoaringBitmap changed = new RoaringBitmap();
            Set<String> present = new HashSet<>();
            Map<String, TrialCriteria> statedBy = new HashMap<>();
            statedCriteria.forEach(c -> statedBy.put(c.nctId(), c));
            for (TrialFacts facts : stored) {
                present.add(facts.nctId());
                Integer ordinal = ordinals.get(facts.nctId());
                if (ordinal != null) {
                    touch(ordinal, touchedTerms);
                    removeTrial(ordinal);
                }
                addTrial(facts);
                int added = ordinals.get(facts.nctId());
                TrialCriteria stated = statedBy.get(facts.nctId());
                if (stated != null) {
                    criteria.set(added, stated.criteria(), stated.constraints());
                }
                touch(added, touchedTerms);
                changed.add(added);
            }
            for (String nctId : nctIds) {
                Integer ordinal = ordinals.get(nctId);
                if (!present.contains(nctId) && ordinal != null) {
                    touch(ordinal, touchedTerms);
                    removeTrial(ordinal);
                    changed.add(ordinal);
                }
            }
            conditionSubtrees.keySet().removeAll(touchedTerms);
            meshSubtrees.keySet().removeAll(touchedTerms);
            branchesOfTerm.clear();
            orders.replaceAll((keys, permutation) -> merged(permutation, changed, keys));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The subtrees a trial's direct terms are part of: the terms and all their broader terms. */
    private void touch(int ordinal, Set<String> touchedTerms) {
        for (String[] direct : List.of(orEmpty(studiesMeshOf[ordinal]), orEmpty(testsMeshOf[ordinal]))) {
            for (String term : direct) {
                touchedTerms.add(term);
                touchedTerms.addAll(broader.getOrDefault(term, List.of()));
            }
        }
    }

    private static String[] orEmpty(String[] values) {
        return values == null ? new String[0] : values;
    }

    /**
     * The order after a write: the unchanged trials keep their relative order, the changed ones (sorted) are inserted
     * where a binary search puts them, so a write of k trials costs one pass over the order and k log n comparisons.
     */
    private int[] merged(int[] permutation, RoaringBitmap changed, List<SortKey> keys) {
        int[] kept = new int[permutation.length];
        int size = 0;
        for (int ordinal : permutation) {
            if (!changed.contains(ordinal)) {
                kept[size++] = ordinal;
            }
        }
        int[] added = sorted(RoaringBitmap.and(changed, all).toArray(), keys);
        int[] result = new int[size + added.length];
        int from = 0;
        int written = 0;
        for (int ordinal : added) {
            int low = from;
            int high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (compare(kept[mid], ordinal, keys) < 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            System.arraycopy(kept, from, result, written, low - from);
            written += low - from;
            result[written++] = ordinal;
            from = low;
        }
        System.arraycopy(kept, from, result, written, size - from);
        return result;
    }

    /** MeSH terms known only by name (legacy XML), which an import can merge into their real term. */
    Set<String> placeholderTerms() {
        lock.readLock().lock();
        try {
            return termNames.keySet().stream().filter(id -> id.startsWith("term:")).collect(java.util.stream.Collectors.toSet());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Sorts the given orders now (after a write, before the index answers again), so no request pays for it. */
    void prepareOrders(Collection<List<SortKey>> keys) {
        lock.readLock().lock();
        try {
            for (List<SortKey> order : keys) {
                orders.computeIfAbsent(order, k -> sorted(all.toArray(), order));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The orders kept now. */
    Set<List<SortKey>> orderKeys() {
        return Set.copyOf(orders.keySet());
    }

    private void putTerm(MeshTermFacts term) {
        String id = term.id();
        String oldName = termNames.get(id);
        if (oldName != null) {
            Set<String> named = termsByName.get(oldName.toLowerCase(Locale.ROOT));
            if (named != null) {
                named.remove(id);
            }
        }
        termNames.put(id, term.term() == null ? "" : term.term());
        meshNames.id(termNames.get(id));
        if (term.term() != null) {
            termsByName.computeIfAbsent(term.term().toLowerCase(Locale.ROOT), n -> new HashSet<>()).add(id);
        }
        for (String old : broader.getOrDefault(id, List.of())) {
            Set<String> below = narrower.get(old);
            if (below != null) {
                below.remove(id);
            }
        }
        broader.put(id, term.broader());
        for (String above : term.broader()) {
            narrower.computeIfAbsent(above, n -> new HashSet<>()).add(id);
        }
    }

    private int ordinalOf(String nctId) {
        Integer known = ordinals.get(nctId);
        if (known != null) {
            return known;
        }
        int ordinal = ordinals.size();
        ordinals.put(nctId, ordinal);
        if (ordinal == nctIds.length) {
            int size = nctIds.length * 2;
            nctIds = Arrays.copyOf(nctIds, size);
            startDates = Arrays.copyOf(startDates, size);
            lastUpdated = Arrays.copyOf(lastUpdated, size);
            enrollments = Arrays.copyOf(enrollments, size);
            minimumAges = Arrays.copyOf(minimumAges, size);
            maximumAges = Arrays.copyOf(maximumAges, size);
            conditionsOf = Arrays.copyOf(conditionsOf, size);
            studiesMeshOf = Arrays.copyOf(studiesMeshOf, size);
            testsMeshOf = Arrays.copyOf(testsMeshOf, size);
            statusOf = Arrays.copyOf(statusOf, size);
            studyTypeOf = Arrays.copyOf(studyTypeOf, size);
            startYearOf = Arrays.copyOf(startYearOf, size);
            phasesOf = Arrays.copyOf(phasesOf, size);
            countriesOf = Arrays.copyOf(countriesOf, size);
            interventionTypesOf = Arrays.copyOf(interventionTypesOf, size);
            leadSponsorsOf = Arrays.copyOf(leadSponsorsOf, size);
        }
        nctIds[ordinal] = nctId;
        return ordinal;
    }

    private int addScalars(TrialFacts f) {
        int o = ordinalOf(f.nctId());
        all.add(o);
        add(status, f.overallStatus(), o);
        f.phases().forEach(p -> add(phase, p, o));
        add(studyType, f.studyType(), o);
        add(sex, f.sex(), o);
        add(healthyVolunteers, f.healthyVolunteers() == null ? null : f.healthyVolunteers().toString(), o);
        add(hasResults, f.hasResults() == null ? null : f.hasResults().toString(), o);
        startDates[o] = f.startDate();
        lastUpdated[o] = f.lastUpdated();
        enrollments[o] = f.enrollment() == null ? NO_NUMBER : f.enrollment();
        minimumAges[o] = f.minimumAgeYears() == null ? TrialFilterCypher.NO_MINIMUM_AGE : f.minimumAgeYears();
        maximumAges[o] = f.maximumAgeYears() == null ? TrialFilterCypher.NO_MAXIMUM_AGE : f.maximumAgeYears();
        conditionsOf[o] = null;
        studiesMeshOf[o] = null;
        testsMeshOf[o] = null;
        statusOf[o] = idOrNone(statusNames, f.overallStatus());
        studyTypeOf[o] = idOrNone(studyTypeNames, f.studyType());
        startYearOf[o] = f.startYear() == null ? -1 : startYearNames.id(f.startYear().toString());
        phasesOf[o] = f.phases().isEmpty() ? null : intern(f.phases().stream().mapToInt(phaseNames::id).toArray());
        countriesOf[o] = null;
        interventionTypesOf[o] = null;
        leadSponsorsOf[o] = null;
        return o;
    }

    private static int idOrNone(Names names, String value) {
        return value == null ? -1 : names.id(value);
    }

    /** The one shared copy of these values (trials with the same phases, countries ... share one array). */
    private int[] intern(int[] values) {
        return values == null ? null : interned.computeIfAbsent(new Ints(values), k -> values);
    }

    private int sponsorOrdinal(String key, String name, String agencyClass) {
        int s = sponsorOrdinals.computeIfAbsent(key, k -> sponsorOrdinals.size());
        if (s >= sponsorNameOf.length) {
            sponsorNameOf = Arrays.copyOf(sponsorNameOf, sponsorNameOf.length * 2);
            sponsorClassOf = Arrays.copyOf(sponsorClassOf, sponsorClassOf.length * 2);
        }
        sponsorNameOf[s] = sponsorNames.id(name == null ? "" : name);
        sponsorClassOf[s] = idOrNone(sponsorClassNames, agencyClass);
        return s;
    }

    private static int[] appendInt(int[] values, int value) {
        int[] longer = values == null ? new int[1] : Arrays.copyOf(values, values.length + 1);
        longer[longer.length - 1] = value;
        return longer;
    }

    private static int[] appendDistinct(int[] values, int value) {
        if (values != null) {
            for (int v : values) {
                if (v == value) {
                    return values;
                }
            }
        }
        return appendInt(values, value);
    }

    private void addTrial(TrialFacts f) {
        int o = addScalars(f);
        f.conditionKeys().stream().distinct().forEach(key -> conditionsOf[o] = link(conditions, key, o, conditionsOf[o]));
        f.studiesMesh().stream().distinct().forEach(id -> studiesMeshOf[o] = link(studiesMesh, id, o, studiesMeshOf[o]));
        f.testsMesh().stream().distinct().forEach(id -> testsMeshOf[o] = link(anyMesh, id, o, testsMeshOf[o]));
        f.studiesMesh().stream().distinct().forEach(id -> add(anyMesh, id, o));
        f.conditionNames().forEach((key, name) -> conditionNameOf.put(key, conditionNames.id(name)));
        int[] leads = null;
        for (TrialFacts.SponsorFacts sponsor : f.sponsors()) {
            int s = sponsorOrdinal(sponsor.key(), sponsor.name(), sponsor.agencyClass());
            if (sponsor.lead()) {
                leads = appendInt(leads, s);
            }
        }
        leadSponsorsOf[o] = intern(leads);
        f.countries().stream().distinct().forEach(name -> add(country, name, o));
        countriesOf[o] = f.countries().isEmpty() ? null
                : intern(f.countries().stream().distinct().mapToInt(countryNames::id).toArray());
        interventionTypesOf[o] = f.interventionTypes().isEmpty() ? null
                : intern(f.interventionTypes().stream().distinct().mapToInt(interventionTypeNames::id).toArray());
    }

    private void removeTrial(int o) {
        all.remove(o);
        for (Map<String, RoaringBitmap> field : List.of(status, phase, studyType, sex, healthyVolunteers, hasResults)) {
            field.values().removeIf(trials -> {
                trials.remove(o);
                return trials.isEmpty();
            });
        }
        unlink(conditions, conditionsOf[o], o);
        unlink(studiesMesh, studiesMeshOf[o], o);
        unlink(anyMesh, studiesMeshOf[o], o);
        unlink(anyMesh, testsMeshOf[o], o);
        if (countriesOf[o] != null) {
            unlink(country, Arrays.stream(countriesOf[o]).mapToObj(countryNames::name).toArray(String[]::new), o);
        }
        statusOf[o] = -1;
        studyTypeOf[o] = -1;
        startYearOf[o] = -1;
        phasesOf[o] = null;
        countriesOf[o] = null;
        interventionTypesOf[o] = null;
        leadSponsorsOf[o] = null;
        criteria.clear(o);
        conditionsOf[o] = null;
        studiesMeshOf[o] = null;
        testsMeshOf[o] = null;
    }

    private static void add(Map<String, RoaringBitmap> field, String value, int ordinal) {
        if (value != null) {
            field.computeIfAbsent(value, v -> new RoaringBitmap()).add(ordinal);
        }
    }

    /** Adds the trial to the value's bitmap and the value to the trial's list. */
    private static String[] link(Map<String, RoaringBitmap> field, String value, int ordinal, String[] values) {
        add(field, value, ordinal);
        return append(values, value);
    }

    private static String[] append(String[] values, String value) {
        String[] longer = values == null ? new String[1] : Arrays.copyOf(values, values.length + 1);
        longer[longer.length - 1] = value;
        return longer;
    }

    private static void unlink(Map<String, RoaringBitmap> field, String[] values, int ordinal) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            RoaringBitmap trials = field.get(value);
            if (trials != null) {
                trials.remove(ordinal);
                if (trials.isEmpty()) {
                    field.remove(value);
                }
            }
        }
    }

    /** Fills a new index from the full load's streams: trials first, then conditions and terms with their trials. */
    static final class Builder {

        private final FacetIndex index = new FacetIndex();
        private final IntArrayList statedOrdinals = new IntArrayList();
        private final List<TrialCriteria> statedCriteria = new ArrayList<>();

        void trial(TrialFacts facts) {
            index.addScalars(facts);
        }

        void condition(String key, String name, List<String> trials) {
            if (key != null) {
                index.conditionNameOf.put(key, index.conditionNames.id(name == null ? "" : name));
                link(key, trials, index.conditions, o -> index.conditionsOf[o] = append(index.conditionsOf[o], key));
            }
        }

        /** A sponsor and the trials it leads (one entry per LEAD edge). */
        void sponsor(String key, String name, String agencyClass, List<String> leads) {
            int s = index.sponsorOrdinal(key, name, agencyClass);
            for (String nctId : leads) {
                Integer o = index.ordinals.get(nctId);
                if (o != null) {
                    index.leadSponsorsOf[o] = appendInt(index.leadSponsorsOf[o], s);
                }
            }
        }

        /** A country and the trials with a site in it (each once). */
        void country(String name, List<String> trials) {
            int id = index.countryNames.id(name);
            link(name, trials, index.country, o -> index.countriesOf[o] = appendDistinct(index.countriesOf[o], id));
        }

        /** An intervention's type and the trials that test it. */
        void interventionType(String type, List<String> trials) {
            int id = index.interventionTypeNames.id(type);
            for (String nctId : trials) {
                Integer o = index.ordinals.get(nctId);
                if (o != null) {
                    index.interventionTypesOf[o] = appendDistinct(index.interventionTypesOf[o], id);
                }
            }
        }

        /** The criteria and constraints a trial states (a trial not read yet is skipped: its write brings it). */
        void criteria(TrialCriteria stated) {
            Integer ordinal = index.ordinals.get(stated.nctId());
            if (ordinal != null) {
                statedOrdinals.add(ordinal);
                statedCriteria.add(stated);
            }
        }

        void term(MeshTermFacts term, List<String> studies, List<String> tests) {
            index.putTerm(term);
            String id = term.id();
            link(id, studies, index.studiesMesh, o -> index.studiesMeshOf[o] = append(index.studiesMeshOf[o], id));
            link(id, studies, index.anyMesh, o -> { });
            link(id, tests, index.anyMesh, o -> index.testsMeshOf[o] = append(index.testsMeshOf[o], id));
        }

        FacetIndex build() {
            index.criteria.load(statedOrdinals.toArray(), statedCriteria);
            for (Map<String, RoaringBitmap> field : List.of(index.conditions, index.studiesMesh, index.anyMesh, index.country)) {
                field.values().forEach(RoaringBitmap::runOptimize);
            }
            for (int o = 0; o < index.ordinals.size(); o++) {
                index.countriesOf[o] = index.intern(index.countriesOf[o]);
                index.interventionTypesOf[o] = index.intern(index.interventionTypesOf[o]);
                index.leadSponsorsOf[o] = index.intern(index.leadSponsorsOf[o]);
            }
            return index;
        }

        private void link(String key, List<String> trials, Map<String, RoaringBitmap> field, IntConsumer remember) {
            for (String nctId : trials) {
                Integer ordinal = index.ordinals.get(nctId);
                if (ordinal == null) {
                    continue; // written after the trials were read: that write's own event brings it
                }
                RoaringBitmap bitmap = field.computeIfAbsent(key, k -> new RoaringBitmap());
                if (bitmap.checkedAdd(ordinal)) {
                    remember.accept(ordinal);
                }
            }
        }
    }
}
