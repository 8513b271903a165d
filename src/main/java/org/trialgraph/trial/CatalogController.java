package org.trialgraph.trial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import org.trialgraph.ingest.Keys;
import org.trialgraph.paging.Cursors;
import org.trialgraph.trial.TrialParts.Condition;
import org.trialgraph.trial.TrialParts.Country;
import org.trialgraph.trial.TrialParts.Intervention;
import org.trialgraph.trial.TrialParts.MeshTerm;
import org.trialgraph.trial.TrialParts.NearbySite;
import org.trialgraph.trial.TrialParts.Site;
import org.trialgraph.trial.TrialParts.Sponsor;
import org.trialgraph.trial.TrialParts.SponsorLink;

/**
 * Entry points other than trials (conditions, MeSH terms, sponsors, interventions, countries) and their reverse
 * links: each one's trials are the trial list filtered by it, paged the same way.
 */
@Controller
class CatalogController {

    private final CatalogRepository catalog;

    CatalogController(CatalogRepository catalog, BatchLoaderRegistry registry) {
        this.catalog = catalog;
        registry.<TrialParts.NarrowerPage, List<MeshTerm>>forName("narrowerTerms")
                .registerMappedBatchLoader((pages, env) -> Mono.fromCallable(() -> catalog.narrower(pages)));
    }

    @QueryMapping
    Condition condition(@Argument String name) {
        return catalog.condition(name).orElse(null);
    }

    @QueryMapping
    MeshTerm meshTerm(@Argument String id) {
        return catalog.meshTerm(id).orElse(null);
    }

    @QueryMapping
    Sponsor sponsor(@Argument String name) {
        return catalog.sponsor(name).orElse(null);
    }

    @QueryMapping
    List<Intervention> interventions(@Argument String name) {
        return catalog.interventions(name);
    }

    @QueryMapping
    Site site(@Argument String key) {
        return catalog.site(key).orElse(null);
    }

    @QueryMapping
    List<NearbySite> sitesNear(@Argument TrialWhere.GeoRadius near, @Argument Integer first, @Argument String after) {
        double km = near.kilometres();
        if (!(km > 0 && km <= MAX_RADIUS_KM)) {
            throw new IllegalArgumentException("near.km must be more than 0 and at most " + (int) MAX_RADIUS_KM + ", was " + km);
        }
        List<String> last = Cursors.decode(after, 2);
        Double afterKm = null;
        if (!last.isEmpty()) {
            try {
                afterKm = Double.parseDouble(last.get(0));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("after is not a cursor of sitesNear: " + after);
            }
        }
        return catalog.sitesNear(near, afterKm, last.isEmpty() ? null : last.get(1), Cursors.pageSize(first));
    }

    /** Half the earth's circumference: any point is within it. */
    private static final double MAX_RADIUS_KM = 20_040;

    @BatchMapping(typeName = "Site", field = "trialCount")
    Map<Site, Long> siteTrialCount(List<Site> sites) {
        Map<String, Long> counts = catalog.siteTrialCounts(sites.stream().map(Site::key).distinct().toList());
        return toMap(sites, s -> counts.getOrDefault(s.key(), 0L));
    }

    @QueryMapping
    Country country(@Argument String name) {
        return catalog.country(name).orElse(null);
    }

    @BatchMapping(typeName = "Condition", field = "trialCount")
    Map<Condition, Long> conditionTrialCount(List<Condition> conditions) {
        Map<String, Long> counts = catalog.conditionTrialCounts(conditions.stream().map(Condition::key).distinct().toList());
        return toMap(conditions, c -> counts.getOrDefault(c.key(), 0L));
    }

    @BatchMapping(typeName = "Sponsor", field = "trialCount")
    Map<Sponsor, Long> sponsorTrialCount(List<Sponsor> sponsors) {
        Map<String, Long> counts = catalog.sponsorTrialCounts(sponsors.stream().map(s -> Keys.of(s.name()))
                .distinct().toList());
        return toMap(sponsors, s -> counts.getOrDefault(Keys.of(s.name()), 0L));
    }

    @BatchMapping(typeName = "Intervention", field = "trialCount")
    Map<Intervention, Long> interventionTrialCount(List<Intervention> interventions) {
        Map<String, Long> counts = catalog.interventionTrialCounts(interventions.stream()
                .map(CatalogRepository::interventionKey).distinct().toList());
        return toMap(interventions, i -> counts.getOrDefault(CatalogRepository.interventionKey(i), 0L));
    }

    @SchemaMapping(typeName = "MeshTerm", field = "narrower")
    CompletableFuture<List<MeshTerm>> narrower(MeshTerm term, @Argument Integer first, @Argument String after,
            DataLoader<TrialParts.NarrowerPage, List<MeshTerm>> narrowerTerms) {
        List<String> last = Cursors.decode(after, 2);
        return narrowerTerms.load(new TrialParts.NarrowerPage(term.id(), last.isEmpty() ? null : last.get(0),
                last.isEmpty() ? null : last.get(1), Cursors.pageSize(first == null ? 100 : first)));
    }

    @SchemaMapping(typeName = "Sponsor", field = "collaborators")
    List<SponsorLink> collaborators(Sponsor sponsor, @Argument Integer first) {
        return catalog.collaborators(sponsor, Cursors.pageSize(first));
    }

    private static <K, V> Map<K, V> toMap(List<K> keys, Function<K, V> value) {
        Map<K, V> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k, value.apply(k)));
        return map;
    }
}
