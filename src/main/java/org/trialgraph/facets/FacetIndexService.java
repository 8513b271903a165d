package org.trialgraph.facets;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.trialgraph.compare.CriteriaCountIndex;
import org.trialgraph.eligibility.ConstraintTrialCounts;
import org.trialgraph.ingest.GraphWritten;
import org.trialgraph.stats.StatsBucket;
import org.trialgraph.stats.StatsDimension;
import org.trialgraph.stats.StatsIndex;
import org.trialgraph.trial.TrialIndex;
import org.trialgraph.trial.TrialOrder;
import org.trialgraph.trial.TrialWhere;

/**
 * Keeps the {@link FacetIndex} in step with the graph: built in the background once the application is ready, then
 * brought up to date after every {@link GraphWritten} by re-reading only the trials of that write (a full rebuild
 * when that fails or the MeSH terms no longer add up). It answers only while it has applied every write published
 * so far; in between, and before the first build, the Cypher path answers (lists, {@code trialStats} and
 * {@code commonCriteria} alike). A write is published after its commit and
 * before the importing request returns, so a client never reads an index older than its own write.
 * {@code trialgraph.facets.enabled=false} leaves it out; with several services writing to one external database each
 * sees only its own writes, so turn it off there.
 */
@Component
@ConditionalOnProperty(name = "trialgraph.facets.enabled", havingValue = "true", matchIfMissing = true)
class FacetIndexService implements TrialIndex, StatsIndex, CriteriaCountIndex, ConstraintTrialCounts, InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(FacetIndexService.class);

    private final FacetLoader loader;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "facet-index");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong published = new AtomicLong();
    private volatile long applied = -1;
    private volatile FacetIndex index;
    private volatile Duration lastBuild;
    private volatile Instant builtAt;

    FacetIndexService(FacetLoader loader, MeterRegistry meters) {
        this.loader = loader;
        Gauge.builder("trialgraph.facets.trials", this, s -> s.index == null ? 0 : s.index.size())
                .description("Trials in the facet index").register(meters);
        Gauge.builder("trialgraph.facets.ready", this, s -> s.ready() ? 1 : 0)
                .description("1 while the facet index answers (built and in step with the graph)").register(meters);
        Gauge.builder("trialgraph.facets.build.seconds", this, s -> s.lastBuild == null ? 0 : s.lastBuild.toMillis() / 1000.0)
                .description("Duration of the last full build of the facet index").register(meters);
        Gauge.builder("trialgraph.facets.pending.writes", this, s -> s.published.get() - Math.max(s.applied, 0))
                .description("Writes published that the facet index has not applied yet").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildWhenReady() {
        writer.execute(this::rebuild);
    }

    @EventListener
    void graphWritten(GraphWritten event) {
        long generation = published.incrementAndGet();
        writer.execute(() -> update(event.nctIds(), generation));
    }

    /** Whether the index answers now: built, and every write published so far applied. */
    boolean ready() {
        return upToDate() != null;
    }

    /** The index if it answers now, else null (the callers' Cypher answers). */
    private FacetIndex upToDate() {
        FacetIndex current = index;
        return current != null && applied == published.get() ? current : null;
    }

    @Override
    public Page page(TrialWhere where, List<TrialOrder> order, List<String> cursor, int limit) {
        FacetIndex current = upToDate();
        return current == null ? null : current.page(where, order, cursor, limit);
    }

    @Override
    public boolean matching(TrialWhere where, Consumer<String> nctIds) {
        FacetIndex current = upToDate();
        return current != null && current.matching(where, nctIds);
    }

    @Override
    public TrialWhere coveredPart(TrialWhere where) {
        return FacetFilter.coveredPart(where);
    }

    @Override
    public List<StatsBucket> groups(TrialWhere where, List<StatsDimension> groupBy, int sponsorsFor) {
        FacetIndex current = upToDate();
        return current == null ? null : current.groups(where, groupBy, sponsorsFor);
    }

    @Override
    public Counts ofCondition(String conditionKey, String kind, int first) {
        FacetIndex current = upToDate();
        return current == null ? null : current.commonCriteria(false, conditionKey, kind, first);
    }

    @Override
    public Counts ofMeshTerm(String meshId, String kind, int first) {
        FacetIndex current = upToDate();
        return current == null ? null : current.commonCriteria(true, meshId, kind, first);
    }

    @Override
    public int[] trialsStating(long[] constraintNodes) {
        FacetIndex current = upToDate();
        return current == null ? null : current.constraintTrials(constraintNodes);
    }

    private void rebuild() {
        long generation = published.get();
        long start = System.nanoTime();
        try {
            Set<List<FacetIndex.SortKey>> orders = index == null ? defaultOrders() : index.orderKeys();
            FacetIndex built = loader.loadAll();
            built.prepareOrders(orders);
            lastBuild = Duration.ofNanos(System.nanoTime() - start);
            builtAt = Instant.now();
            index = built;
            applied = Math.max(applied, generation);
            log.info("Facet index built: {} trials in {} ms, ~{} MB; commonCriteria's part: {}", built.size(),
                    lastBuild.toMillis(), built.estimatedBytes() / (1024 * 1024), built.criteriaSizes());
        } catch (RuntimeException e) {
            log.warn("Facet index not built, the graph answers lists meanwhile: {}", e.toString());
        }
    }

    private void update(List<String> nctIds, long generation) {
        FacetIndex current = index;
        if (current == null) {
            return; // the first build, queued or running, reads the graph after this write
        }
        try {
            List<TrialFacts> stored = loader.trials(nctIds);
            Set<String> termIds = new HashSet<>();
            stored.forEach(t -> {
                termIds.addAll(t.studiesMesh());
                termIds.addAll(t.testsMesh());
            });
            List<TrialCriteria> criteria = loader.criteria(nctIds);
            List<MeshTermFacts> terms = loader.terms(termIds);
            Set<String> broader = new HashSet<>();
            terms.forEach(t -> broader.addAll(t.broader()));
            broader.removeAll(termIds);
            List<MeshTermFacts> all = new java.util.ArrayList<>(terms);
            all.addAll(loader.terms(broader));
            current.apply(nctIds, stored, all, criteria); // keeps its orders and drops only the subtrees the write touched
            Set<String> placeholders = current.placeholderTerms();
            if (!placeholders.isEmpty() && loader.terms(placeholders).size() < placeholders.size()) {
                // A term the index knows went away (a legacy placeholder merged into its real term): links of trials
                // outside this write moved, so read everything again.
                rebuild();
                return;
            }
            applied = Math.max(applied, generation);
        } catch (RuntimeException e) {
            log.warn("Facet index update failed, rebuilding: {}", e.toString());
            rebuild();
        }
    }

    private static Set<List<FacetIndex.SortKey>> defaultOrders() {
        FacetIndex.SortKey byId = new FacetIndex.SortKey(TrialOrder.Field.NCT_ID, false);
        return Set.of(List.of(byId), List.of(new FacetIndex.SortKey(TrialOrder.Field.START_DATE, true), byId),
                List.of(new FacetIndex.SortKey(TrialOrder.Field.START_DATE, false), byId));
    }

    @Override
    public void contribute(Info.Builder builder) {
        FacetIndex current = index;
        Map<String, Object> facets = new LinkedHashMap<>();
        facets.put("ready", ready());
        facets.put("trials", current == null ? 0 : current.size());
        facets.put("estimatedBytes", current == null ? 0 : current.estimatedBytes());
        facets.put("lastBuildMillis", lastBuild == null ? null : lastBuild.toMillis());
        facets.put("builtAt", builtAt == null ? null : builtAt.toString());
        facets.put("pendingWrites", published.get() - Math.max(applied, 0));
        facets.put("commonCriteria", current == null ? null : current.criteriaSizes());
        builder.withDetail("facets", facets);
    }

    @PreDestroy
    void stop() {
        writer.shutdownNow();
    }
}
