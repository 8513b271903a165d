package org.trialgraph.related;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.apache.commons.codec.digest.MurmurHash3;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.trialgraph.ingest.GraphWritten;

/**
 * An inverted index of the relatedness items (docs/RELATED.md, "The index"): for every item carried by two trials
 * or more, the ordinals of the trials carrying it, sorted. An item absent from the index is carried by one trial
 * at most, so its df, for the source trial that carries it, is 1. Derived from the graph and rebuildable: built in
 * the background after start-up, and kept fresh by re-reading the trials each {@link GraphWritten} names (one
 * thread applies builds and updates in order). While it is not built, or an update is pending, {@link #ready()} is
 * false and the Cypher search answers.
 *
 * <p>Items of the linked kinds are keyed by a 64-bit hash of kind and key (millions of criterion keys would take
 * gigabytes as strings; a collision among a few million keys has a probability of about 10^-6). MeSH terms are
 * few: they are keyed by id, with each term's direct trials and the exact part of the tree kept to recompute the
 * postings of the terms whose descendants or trials changed.
 *
 * <p>The postings arrays are never modified once published: an update replaces them, so readers need no lock.
 */
@Component
class RelatedIndex implements IndexedSearch.Postings {

    private static final Logger LOG = LoggerFactory.getLogger(RelatedIndex.class);

    private final RelatedIndexQueries queries;
    private final boolean enabled;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "related-index");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger pending = new AtomicInteger();
    private final Queue<GraphWritten> writes = new ConcurrentLinkedQueue<>();

    private final Map<Long, int[]> linked = new ConcurrentHashMap<>();
    private final Map<String, int[]> mesh = new ConcurrentHashMap<>();
    private final Map<String, Integer> ordinals = new ConcurrentHashMap<>();
    private volatile String[] names = new String[0];
    private volatile int trialCount;
    private volatile boolean built;
    private volatile long buildMillis = -1;
    private volatile long updates;
    private volatile long generation;

    // Written and read by the worker thread only.
    private final Map<String, int[]> meshDirect = new HashMap<>();
    private Map<String, List<String>> meshTree = Map.of();

    RelatedIndex(RelatedIndexQueries queries, ObjectProvider<MeterRegistry> meters,
            @Value("${trialgraph.related.index.enabled:true}") boolean enabled) {
        this.queries = queries;
        this.enabled = enabled;
        meters.ifAvailable(this::registerGauges);
    }

    /** Whether the index answers: enabled, built, and no write waiting to be applied. */
    boolean ready() {
        return enabled && built && pending.get() == 0;
    }

    /** Changes with every build and update applied: ordinals given out before are valid while it stays the same. */
    long generation() {
        return generation;
    }

    /** The trials stored, as the index knows them. */
    int trialCount() {
        return trialCount;
    }

    /** One more than the largest ordinal given so far. */
    @Override
    public int capacity() {
        return names.length;
    }

    /** The trial's ordinal, or -1. */
    int ordinal(String nctId) {
        Integer ordinal = ordinals.get(nctId);
        return ordinal == null ? -1 : ordinal;
    }

    @Override
    public String nctId(int ordinal) {
        return names[ordinal];
    }

    /** The sorted ordinals of the trials carrying the item, or null for an item carried by one trial at most. */
    @Override
    public int[] postings(Relatedness kind, String key) {
        return kind == Relatedness.MESH ? mesh.get(key) : linked.get(hash(kind, key));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (enabled) {
            worker.execute(this::buildOrLog);
        }
    }

    /** Stops the build or update under way with the application (as the facet index does), not after its driver. */
    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    @EventListener
    void graphWritten(GraphWritten event) {
        if (!enabled) {
            return;
        }
        pending.incrementAndGet();
        writes.add(event);
        worker.execute(this::applyWrites);
    }

    /** Applies every write queued so far as one update (writes queue up while a build or an update runs). */
    private void applyWrites() {
        List<GraphWritten> batch = new ArrayList<>();
        for (GraphWritten write = writes.poll(); write != null; write = writes.poll()) {
            batch.add(write);
        }
        if (batch.isEmpty()) {
            return;
        }
        Set<String> nctIds = new LinkedHashSet<>();
        batch.forEach(w -> nctIds.addAll(w.nctIds()));
        try {
            if (built) {
                update(nctIds);
            }
        } catch (RuntimeException e) {
            LOG.warn("Related index: update of {} trials failed, rebuilding", nctIds.size(), e);
            buildOrLog();
        } finally {
            pending.addAndGet(-batch.size());
        }
    }

    private void buildOrLog() {
        try {
            build();
        } catch (RuntimeException e) {
            built = false;
            LOG.warn("Related index: build failed; the Cypher search answers", e);
        }
    }

    /** Reads the whole graph into a fresh index (the worker thread only). */
    void build() {
        long start = System.nanoTime();
        long cpuStart = processCpuMillis();
        built = false;
        linked.clear();
        mesh.clear();
        meshDirect.clear();
        ordinals.clear();
        Map<Long, String> nodes = new HashMap<>();
        queries.trials(nodes::put);
        String[] sorted = nodes.values().stream().sorted().distinct().toArray(String[]::new);
        for (int i = 0; i < sorted.length; i++) {
            ordinals.put(sorted[i], i);
        }
        names = sorted;
        trialCount = sorted.length;
        Map<Long, Integer> byNode = new HashMap<>();
        nodes.forEach((node, nctId) -> byNode.put(node, ordinals.get(nctId)));
        StringBuilder phases = new StringBuilder("trials " + (System.nanoTime() - start) / 1_000_000 + " ms");
        for (Relatedness kind : RelatedIndexQueries.LINKED) {
            long phase = System.nanoTime();
            queries.carriers(kind, (key, trials) -> {
                int[] postings = ordinalsOfNodes(trials, byNode);
                if (postings.length > 1) {
                    linked.put(hash(kind, key), postings);
                }
            });
            phases.append(", ").append(kind).append(' ').append((System.nanoTime() - phase) / 1_000_000).append(" ms");
        }
        long phase = System.nanoTime();
        queries.meshDirect((term, trials) -> meshDirect.put(term, ordinalsOfNodes(trials, byNode)));
        meshTree = queries.meshTree();
        Set<String> terms = new HashSet<>(meshDirect.keySet());
        meshTree.values().forEach(terms::addAll);
        recomputeMesh(terms, descendants(meshTree));
        phases.append(", MESH ").append((System.nanoTime() - phase) / 1_000_000).append(" ms");
        buildMillis = (System.nanoTime() - start) / 1_000_000;
        generation++;
        built = true;
        LOG.info("Related index built in {} ms, process CPU {} ms ({}): {} trials, {} shared items, {} postings",
                buildMillis, processCpuMillis() - cpuStart, phases, trialCount, itemCount(), postingCount());
    }

    /**
     * Re-reads the given trials (the worker thread only): their ordinals leave every posting, and the trials still
     * stored join the postings of the items they carry now. A present posting is complete (it lists every carrier),
     * so the batch's trials are merged into it; an absent one had at most one carrier, unknown, so the graph is
     * asked for all of its carriers. MeSH: the terms whose trials or exact ancestry changed, and their ancestors,
     * are recomputed from the direct trials and the tree.
     */
    void update(Collection<String> nctIds) {
        long start = System.nanoTime();
        List<RelatedIndexQueries.TrialItems> stored = queries.items(Set.copyOf(nctIds));
        long itemsRead = System.nanoTime();
        Map<String, List<String>> tree = queries.meshTree();
        long treeRead = System.nanoTime();

        Set<String> storedIds = new HashSet<>();
        stored.forEach(t -> storedIds.add(t.nctId()));
        List<String> grown = new ArrayList<>(Arrays.asList(names));
        Map<String, Integer> added = new HashMap<>();
        // Only trials known before can be in a posting: a batch of new trials only joins postings, no scan.
        BitSet known = new BitSet();
        for (String nctId : nctIds) {
            Integer ordinal = ordinals.get(nctId);
            if (ordinal != null) {
                known.set(ordinal);
            } else if (storedIds.contains(nctId) && !added.containsKey(nctId)) {
                added.put(nctId, grown.size());
                grown.add(nctId);
            }
        }
        Map<String, Integer> batchOrdinals = new HashMap<>(added);
        stored.forEach(t -> batchOrdinals.computeIfAbsent(t.nctId(), ordinals::get));

        // Linked kinds.
        Map<Long, int[]> changed = new HashMap<>();
        if (!known.isEmpty()) {
            linked.forEach((item, postings) -> {
                if (carriesAny(postings, known)) {
                    changed.put(item, without(postings, known));
                }
            });
        }
        Map<Long, List<Integer>> joined = new HashMap<>();
        Map<Relatedness, Set<String>> unknown = new EnumMap<>(Relatedness.class);
        for (RelatedIndexQueries.TrialItems trial : stored) {
            int ordinal = batchOrdinals.get(trial.nctId());
            for (Relatedness kind : RelatedIndexQueries.LINKED) {
                for (String key : trial.keys().get(kind)) {
                    long item = hash(kind, key);
                    if (linked.containsKey(item)) {
                        joined.computeIfAbsent(item, i -> new ArrayList<>()).add(ordinal);
                    } else {
                        unknown.computeIfAbsent(kind, k -> new HashSet<>()).add(key);
                    }
                }
            }
        }
        joined.forEach((item, more) -> changed.put(item,
                merged(changed.getOrDefault(item, linked.get(item)), more)));
        long scanned = System.nanoTime();
        unknown.forEach((kind, keys) -> queries.carriers(kind, keys).forEach((key, trials) ->
                changed.put(hash(kind, key), ordinalsOf(trials, batchOrdinals))));
        long carriersRead = System.nanoTime();

        // MeSH.
        Set<String> dirty = new HashSet<>();
        Map<String, int[]> direct = new HashMap<>();
        if (!known.isEmpty()) {
            meshDirect.forEach((term, postings) -> {
                if (carriesAny(postings, known)) {
                    direct.put(term, without(postings, known));
                    dirty.add(term);
                }
            });
        }
        Map<String, List<Integer>> studied = new HashMap<>();
        for (RelatedIndexQueries.TrialItems trial : stored) {
            int ordinal = batchOrdinals.get(trial.nctId());
            trial.keys().get(Relatedness.MESH).forEach(term -> studied.computeIfAbsent(term, t -> new ArrayList<>())
                    .add(ordinal));
        }
        studied.forEach((term, more) -> {
            direct.put(term, merged(direct.getOrDefault(term, meshDirect.getOrDefault(term, new int[0])), more));
            dirty.add(term);
        });
        Set<String> retreed = new HashSet<>(meshTree.keySet());
        retreed.addAll(tree.keySet());
        retreed.removeIf(term -> meshTree.getOrDefault(term, List.of()).equals(tree.getOrDefault(term, List.of())));
        dirty.addAll(retreed);
        Set<String> recompute = new HashSet<>();
        for (String term : dirty) {
            recompute.add(term);
            recompute.addAll(meshTree.getOrDefault(term, List.of()));
            recompute.addAll(tree.getOrDefault(term, List.of()));
        }

        // Apply: arrays are replaced, never changed, so a reader sees each posting before or after.
        if (!added.isEmpty()) {
            names = grown.toArray(String[]::new);
            ordinals.putAll(added);
        }
        changed.forEach((item, postings) -> {
            if (postings.length > 1) {
                linked.put(item, postings);
            } else {
                linked.remove(item);
            }
        });
        direct.forEach((term, postings) -> {
            if (postings.length > 0) {
                meshDirect.put(term, postings);
            } else {
                meshDirect.remove(term);
            }
        });
        meshTree = tree;
        recomputeMesh(recompute, descendants(tree));
        for (String nctId : nctIds) {
            if (!storedIds.contains(nctId)) {
                ordinals.remove(nctId);
            }
        }
        trialCount = ordinals.size();
        updates++;
        generation++;
        LOG.info("Related index: {} trials re-read in {} ms (items {} ms, tree {} ms, postings {} ms, new items' "
                + "carriers {} ms, {} keys)", nctIds.size(), (System.nanoTime() - start) / 1_000_000,
                (itemsRead - start) / 1_000_000, (treeRead - itemsRead) / 1_000_000, (scanned - treeRead) / 1_000_000,
                (carriersRead - scanned) / 1_000_000, unknown.values().stream().mapToInt(Set::size).sum());
    }

    /** The postings of the given MeSH items: the trials of the term itself and of its exact descendants. */
    private void recomputeMesh(Collection<String> terms, Map<String, List<String>> descendants) {
        for (String term : terms) {
            RoaringBitmap trials = new RoaringBitmap();
            add(trials, meshDirect.get(term));
            descendants.getOrDefault(term, List.of()).forEach(d -> add(trials, meshDirect.get(d)));
            if (trials.getCardinality() > 1) {
                mesh.put(term, trials.toArray());
            } else {
                mesh.remove(term);
            }
        }
    }

    private static void add(RoaringBitmap bitmap, int[] ordinals) {
        if (ordinals != null) {
            bitmap.addN(ordinals, 0, ordinals.length);
        }
    }

    private static Map<String, List<String>> descendants(Map<String, List<String>> tree) {
        Map<String, List<String>> descendants = new HashMap<>();
        tree.forEach((term, ancestors) -> ancestors.forEach(a -> descendants.computeIfAbsent(a, x -> new ArrayList<>())
                .add(term)));
        return descendants;
    }

    /** Sorted distinct ordinals of the trials of the given node ids (nodes not known skipped). */
    private static int[] ordinalsOfNodes(long[] nodes, Map<Long, Integer> byNode) {
        int[] result = new int[nodes.length];
        int n = 0;
        for (long node : nodes) {
            Integer ordinal = byNode.get(node);
            if (ordinal != null) {
                result[n++] = ordinal;
            }
        }
        return sortedDistinct(result, n);
    }

    /** Sorted distinct ordinals of the trials the index knows (or {@code extra} names); others are skipped. */
    private int[] ordinalsOf(List<String> nctIds, Map<String, Integer> extra) {
        int[] result = new int[nctIds.size()];
        int n = 0;
        for (String nctId : nctIds) {
            Integer ordinal = extra.getOrDefault(nctId, ordinals.get(nctId));
            if (ordinal != null) {
                result[n++] = ordinal;
            }
        }
        return sortedDistinct(result, n);
    }

    static int[] merged(int[] postings, List<Integer> more) {
        int[] all = Arrays.copyOf(postings, postings.length + more.size());
        for (int i = 0; i < more.size(); i++) {
            all[postings.length + i] = more.get(i);
        }
        return sortedDistinct(all, all.length);
    }

    static int[] sortedDistinct(int[] values, int length) {
        Arrays.sort(values, 0, length);
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (n == 0 || values[i] != values[n - 1]) {
                values[n++] = values[i];
            }
        }
        return n == values.length ? values : Arrays.copyOf(values, n);
    }

    static boolean carriesAny(int[] postings, BitSet ordinals) {
        for (int ordinal : postings) {
            if (ordinals.get(ordinal)) {
                return true;
            }
        }
        return false;
    }

    static int[] without(int[] postings, BitSet ordinals) {
        return Arrays.stream(postings).filter(o -> !ordinals.get(o)).toArray();
    }

    /** The item's key in the index: a 64-bit hash of kind and key. */
    static long hash(Relatedness kind, String key) {
        return MurmurHash3.hash128x64((kind.name() + '|' + key).getBytes(StandardCharsets.UTF_8))[0];
    }

    /** The CPU time of the whole process (Neo4j's threads run the queries), or -1 where unknown. */
    private static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    int itemCount() {
        return linked.size() + mesh.size();
    }

    long postingCount() {
        return linked.values().stream().mapToLong(p -> p.length).sum()
                + mesh.values().stream().mapToLong(p -> p.length).sum();
    }

    private void registerGauges(MeterRegistry registry) {
        Gauge.builder("trialgraph.related.index.ready", this, i -> i.ready() ? 1 : 0)
                .description("1 when the related-trials index answers, 0 while it builds or applies a write")
                .register(registry);
        Gauge.builder("trialgraph.related.index.trials", this, RelatedIndex::trialCount)
                .description("Trials in the related-trials index").register(registry);
        Gauge.builder("trialgraph.related.index.items", this, RelatedIndex::itemCount)
                .description("Items carried by two trials or more in the related-trials index").register(registry);
        Gauge.builder("trialgraph.related.index.postings", this, RelatedIndex::postingCount)
                .description("Trial ordinals held in the related-trials index, summed over its items")
                .register(registry);
        Gauge.builder("trialgraph.related.index.build.seconds", this, i -> i.buildMillis / 1000.0)
                .description("Duration of the last full build of the related-trials index (-0.001: none yet)")
                .register(registry);
        Gauge.builder("trialgraph.related.index.updates", this, i -> i.updates)
                .description("Writes applied to the related-trials index since its last build").register(registry);
    }
}
