package org.trialgraph.trial;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import org.trialgraph.trial.TrialParts.Arm;
import org.trialgraph.trial.TrialParts.Condition;
import org.trialgraph.trial.TrialParts.MeshTerm;
import org.trialgraph.trial.TrialParts.Outcome;
import org.trialgraph.trial.TrialParts.Sponsor;
import org.trialgraph.trial.TrialParts.TrialIntervention;
import org.trialgraph.trial.TrialParts.TrialSite;

/**
 * Loads the linked parts of trials in batches: however many trials a response holds, each part costs one
 * database query. Entry points that return trials usually prime these loaders first (TrialPartsPrimer), so
 * the batch queries here run only for parts that were not primed.
 */
@Controller
class TrialPartsController {

    static final String OUTCOMES_LOADER = "trialOutcomes";
    static final String SITES_LOADER = "trialSites";

    private final TrialRepository trials;

    TrialPartsController(TrialRepository trials, BatchLoaderRegistry registry) {
        this.trials = trials;
        registry.<String, List<Outcome>>forName(OUTCOMES_LOADER)
                .registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> trials.outcomes(ids)));
        registry.<TrialParts.SitePage, List<TrialSite>>forName(SITES_LOADER)
                .registerMappedBatchLoader((pages, env) -> Mono.fromCallable(() -> trials.sites(pages)));
    }

    @BatchMapping
    Map<Trial, Sponsor> leadSponsor(List<Trial> batch) {
        Map<String, List<Sponsor>> leads = trials.sponsorsWithRole(ids(batch), "LEAD");
        Map<Trial, Sponsor> result = new HashMap<>();
        batch.forEach(t -> leads.getOrDefault(t.nctId(), List.of()).stream().findFirst().ifPresent(s -> result.put(t, s)));
        return result;
    }

    @BatchMapping
    List<List<Sponsor>> collaborators(List<Trial> batch) {
        return inOrder(batch, trials.sponsorsWithRole(ids(batch), "COLLABORATOR"), Function.identity());
    }

    @BatchMapping
    List<List<Condition>> conditions(List<Trial> batch) {
        return inOrder(batch, trials.conditions(ids(batch)), Function.identity());
    }

    @BatchMapping
    List<List<MeshTerm>> meshTerms(List<Trial> batch) {
        return inOrder(batch, trials.conditionMeshTerms(ids(batch)), Function.identity());
    }

    @BatchMapping
    List<List<MeshTerm>> interventionMeshTerms(List<Trial> batch) {
        return inOrder(batch, trials.interventionMeshTerms(ids(batch)), Function.identity());
    }

    @BatchMapping
    List<List<TrialIntervention>> interventions(List<Trial> batch) {
        return inOrder(batch, trials.interventions(ids(batch)), Function.identity());
    }

    @BatchMapping
    List<List<Arm>> arms(List<Trial> batch) {
        return inOrder(batch, trials.arms(ids(batch)), Function.identity());
    }

    @SchemaMapping
    CompletableFuture<List<Outcome>> outcomes(Trial trial, @Argument String kind,
            DataLoader<String, List<Outcome>> trialOutcomes) {
        return trialOutcomes.load(trial.nctId()).thenApply(all -> kind == null ? all
                : all.stream().filter(outcome -> outcome.kind().equals(kind)).toList());
    }

    @SchemaMapping
    CompletableFuture<List<TrialSite>> sites(Trial trial, @Argument Integer first, @Argument String after,
            DataLoader<TrialParts.SitePage, List<TrialSite>> trialSites) {
        return trialSites.load(TrialParts.SitePage.of(trial.nctId(), first, after));
    }

    @BatchMapping
    Map<Trial, Long> siteCount(List<Trial> batch) {
        Map<String, Long> counts = trials.siteCounts(ids(batch));
        Map<Trial, Long> result = new HashMap<>();
        batch.forEach(t -> result.put(t, counts.getOrDefault(t.nctId(), 0L)));
        return result;
    }

    @BatchMapping(typeName = "Condition", field = "meshTerm")
    Map<Condition, MeshTerm> conditionMeshTerm(List<Condition> batch) {
        Map<String, List<MeshTerm>> byKey = trials.conditionMesh(batch.stream().map(Condition::key).distinct().toList());
        Map<Condition, MeshTerm> result = new HashMap<>();
        batch.forEach(c -> byKey.get(c.key()).stream().findFirst().ifPresent(m -> result.put(c, m)));
        return result;
    }

    @BatchMapping(typeName = "MeshTerm", field = "ancestors")
    List<List<MeshTerm>> meshAncestors(List<MeshTerm> batch) {
        Map<String, List<MeshTerm>> byId = trials.meshAncestors(batch.stream().map(MeshTerm::id).distinct().toList());
        return batch.stream().map(m -> byId.get(m.id())).toList();
    }

    private static List<String> ids(List<Trial> batch) {
        return batch.stream().map(Trial::nctId).distinct().toList();
    }

    private static <T, R> List<R> inOrder(List<Trial> batch, Map<String, List<T>> byId, Function<List<T>, R> pick) {
        return batch.stream().map(t -> pick.apply(byId.getOrDefault(t.nctId(), List.of()))).toList();
    }
}
