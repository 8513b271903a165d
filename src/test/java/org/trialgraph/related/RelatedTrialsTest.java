package org.trialgraph.related;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.MeshIds;
import org.trialgraph.ingest.StudyImporter;
import org.trialgraph.trial.TrialWhere;

/** Related trials: every reason is true of both raw records, scores add up and fall, filters hold. */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class RelatedTrialsTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    StudyImporter importer;

    @Autowired
    RelatedTrialsRepository repository;

    @Autowired
    RelatedTrialsFinder finder;

    Map<String, JsonNode> raw;

    /** For each MeSH term some record carries alone: the ancestors the newest such record lists. */
    Map<String, Set<String>> exactAncestors = new java.util.HashMap<>();

    @BeforeAll
    void importApiV2Records() {
        raw = SharedData.importApiV2(importer);
        raw.values().stream()
                .sorted(java.util.Comparator.comparing(s -> s.path("derivedSection").path("miscInfoModule")
                        .path("versionHolder").asString("")))
                .forEach(s -> {
                    JsonNode browse = s.path("derivedSection").path("conditionBrowseModule");
                    if (browse.path("meshes").size() == 1) {
                        Set<String> ancestors = new HashSet<>();
                        browse.path("ancestors").forEach(a -> ancestors.add(MeshIds.canonical(a.path("id").asString())));
                        exactAncestors.put(MeshIds.canonical(browse.path("meshes").get(0).path("id").asString()), ancestors);
                    }
                });
    }

    @Test
    void itemsCarriedByMoreTrialsThanTheCapKeepTheirWeightButFindNoTrialAlone() {
        List<Relatedness> kinds = List.of(Relatedness.values());
        for (String source : List.of("NCT00763412", "NCT04907045")) {
            List<RelatedScoring.Item> uncapped = repository.sourceItems(source, kinds, Long.MAX_VALUE);
            List<Long> dfs = uncapped.stream().map(RelatedScoring.Item::df).sorted().toList();
            long cap = dfs.get(dfs.size() / 2);
            List<RelatedScoring.Item> capped = repository.sourceItems(source, kinds, cap);
            assertThat(capped).extracting(RelatedScoring.Item::id)
                    .containsExactlyInAnyOrderElementsOf(uncapped.stream().map(RelatedScoring.Item::id).toList());
            Map<String, RelatedScoring.Item> exact = new java.util.HashMap<>();
            uncapped.forEach(i -> exact.put(i.id(), i));
            Map<String, Long> cappedDf = new java.util.HashMap<>();
            for (RelatedScoring.Item item : capped) {
                long full = exact.get(item.id()).df();
                cappedDf.put(item.id(), item.df());
                if (full <= cap) {
                    assertThat(item.df()).isEqualTo(full);
                } else {
                    assertThat(item.df()).as("a capped item's df is at least its exact df").isGreaterThanOrEqualTo(full);
                }
            }
            assertThat(dfs.get(dfs.size() - 1)).as("some item above the cap").isGreaterThan(cap);
            List<RelatedScoring.Scored> related = finder.score(source, kinds, null, 25, cap, Long.MAX_VALUE).trials();
            assertThat(related).isNotEmpty().allSatisfy(r -> assertThat(r.reasons())
                    .as("%s is found through an item under the cap", r.nctId())
                    .anySatisfy(reason -> assertThat(cappedDf.get(RelatedScoring.Item.id(reason.kind(), reason.key())))
                            .isLessThanOrEqualTo(cap)));
        }
    }

    @Test
    void thePrunedSearchGivesThePageThatScoringEveryCandidateGives() {
        List<Relatedness> kinds = List.of(Relatedness.values());
        TrialWhere completed = new TrialWhere(null, List.of("COMPLETED"), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
        for (String source : List.of("NCT00763412", "NCT04907045", "NCT00644956")) {
            List<Long> dfs = repository.sourceItems(source, kinds, Long.MAX_VALUE).stream()
                    .map(RelatedScoring.Item::df).sorted().toList();
            for (long cap : List.of(Long.MAX_VALUE, dfs.get(dfs.size() / 2))) {
                for (TrialWhere where : java.util.Arrays.asList(null, completed)) {
                    for (int first : List.of(1, 5, 25)) {
                        RelatedSearch.Page page = finder.score(source, kinds, where, first, cap, Long.MAX_VALUE);
                        assertThat(page.trials()).as("%s, cap %d, where %s, first %d", source, cap, where, first)
                                .isEqualTo(exhaustive(source, kinds, where, first, cap, underCap(source, kinds, cap)));
                    }
                }
            }
        }
    }

    @Test
    void withAWalkBudgetThePageScoresTheTrialsFoundThroughTheRarestItemsAndIsExactWhenItSaysSo() {
        List<Relatedness> kinds = List.of(Relatedness.values());
        long cap = Long.MAX_VALUE;
        int exactPages = 0;
        int inexactPages = 0;
        for (String source : List.of("NCT00763412", "NCT04907045", "NCT00644956")) {
            List<RelatedScoring.Item> items = repository.sourceItems(source, kinds, cap);
            List<Long> dfs = items.stream().map(RelatedScoring.Item::df).sorted().toList();
            for (long budget : List.of(0L, dfs.get(dfs.size() / 2), dfs.get(dfs.size() / 2) * 3)) {
                for (int first : List.of(1, 5, 25)) {
                    String context = "%s, budget %d, first %d".formatted(source, budget, first);
                    RelatedSearch.Page page = finder.score(source, kinds, null, first, cap, budget);
                    Set<String> walked = new HashSet<>();
                    page.walked().forEach(i -> walked.add(i.id()));
                    assertThat(page.walkRows()).as(context)
                            .isEqualTo(page.walked().stream().mapToLong(RelatedScoring.Item::df).sum());
                    if (walked.size() > 1) {
                        assertThat(page.walkRows()).as(context).isLessThanOrEqualTo(budget);
                    }
                    long rarestUnwalked = items.stream().filter(i -> !walked.contains(i.id()))
                            .mapToLong(RelatedScoring.Item::df).min().orElse(Long.MAX_VALUE);
                    assertThat(page.walked()).as("the rarest items are walked, " + context)
                            .allSatisfy(i -> assertThat(i.df()).isLessThanOrEqualTo(rarestUnwalked));
                    assertThat(page.trials()).as(context)
                            .isEqualTo(exhaustive(source, kinds, null, first, cap, walked));
                    if (page.exact()) {
                        exactPages++;
                        assertThat(page.trials()).as("exact, " + context)
                                .isEqualTo(exhaustive(source, kinds, null, first, cap, underCap(source, kinds, cap)));
                    } else {
                        inexactPages++;
                    }
                }
            }
        }
        assertThat(exactPages).as("pages the search proved exact").isPositive();
        assertThat(inexactPages).as("pages it could not prove exact").isPositive();
    }

    private Set<String> underCap(String source, List<Relatedness> kinds, long cap) {
        Set<String> ids = new HashSet<>();
        repository.sourceItems(source, kinds, cap).stream().filter(i -> i.df() <= cap).forEach(i -> ids.add(i.id()));
        return ids;
    }

    /** Every trial found through one of the walked items, scored on all the items it shares with the source. */
    private List<RelatedScoring.Scored> exhaustive(String source, List<Relatedness> kinds, TrialWhere where, int first,
            long cap, Set<String> walked) {
        List<RelatedScoring.Item> items = repository.sourceItems(source, kinds, cap);
        Map<String, List<String>> carriers = repository.carriers(source, items, where);
        Set<String> found = new HashSet<>();
        items.stream().filter(i -> walked.contains(i.id()))
                .forEach(i -> found.addAll(carriers.getOrDefault(i.id(), List.of())));
        List<RelatedScoring.Item> scored = items.stream().map(i -> i.withCandidates(
                carriers.getOrDefault(i.id(), List.of()).stream().filter(found::contains).toList())).toList();
        return RelatedScoring.score(scored, repository.trialCount(), first);
    }

    @Test
    void aWriteDropsTheCachedDocumentFrequencies() {
        List<Relatedness> kinds = List.of(Relatedness.values());
        String source = "NCT04907045";
        Map<String, Long> before = new java.util.HashMap<>();
        repository.sourceItems(source, kinds, Long.MAX_VALUE).forEach(i -> before.put(i.id(), i.df()));
        // A copy of the source under another id carries every one of its items once more.
        importer.importText("copy", raw.get(source).toString().replace(source, "NCT99999992"));
        List<RelatedScoring.Item> after = repository.sourceItems(source, kinds, Long.MAX_VALUE);
        assertThat(after).extracting(RelatedScoring.Item::id).containsExactlyInAnyOrderElementsOf(before.keySet());
        assertThat(after).allSatisfy(i -> assertThat(i.df()).as(i.id()).isEqualTo(before.get(i.id()) + 1));
    }

    @Test
    void everyReasonIsTrueOfBothRawRecordsAndScoresAddUpAndFall() {
        for (String source : List.of("NCT00763412", "NCT04907045", "NCT00644956")) {
            List<Map<String, Object>> related = related(source, null, null);
            assertThat(related).as("trials related to %s", source).isNotEmpty();
            double previous = 1.0;
            for (Map<String, Object> r : related) {
                String other = (String) ((Map<String, Object>) r.get("trial")).get("nctId");
                assertThat(other).isNotEqualTo(source);
                double score = ((Number) r.get("score")).doubleValue();
                assertThat(score).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
                previous = score;
                List<Map<String, Object>> reasons = (List<Map<String, Object>>) r.get("reasons");
                assertThat(reasons.stream().mapToDouble(x -> ((Number) x.get("contribution")).doubleValue()).sum())
                        .isCloseTo(score, within(1e-6));
                if (!raw.containsKey(other)) {
                    continue; // a test-made copy of a raw record; its content is a raw record's too
                }
                for (Map<String, Object> reason : reasons) {
                    assertThat(isTrueOfBoth(reason, raw.get(source), raw.get(other), exactAncestors))
                            .as("%s shared by %s and %s", reason, source, other).isTrue();
                }
            }
        }
    }

    @Test
    void aTrialSharingTheSpecificTermRanksAboveTrialsSharingOnlyBroaderTerms() {
        String source = singleMeshTrialWithPeers();
        String term = MeshIds.canonical(raw.get(source).path("derivedSection").path("conditionBrowseModule")
                .path("meshes").get(0).path("id").asString());
        List<Map<String, Object>> related = related(source, List.of("MESH"), null);
        double lowestSpecific = Double.MAX_VALUE;
        double highestBroad = 0;
        for (Map<String, Object> r : related) {
            boolean specific = ((List<Map<String, Object>>) r.get("reasons")).stream().anyMatch(x -> term.equals(x.get("key")));
            double score = ((Number) r.get("score")).doubleValue();
            if (specific) {
                lowestSpecific = Math.min(lowestSpecific, score);
            } else {
                highestBroad = Math.max(highestBroad, score);
            }
        }
        assertThat(lowestSpecific).as("some trial shares %s with %s", term, source).isLessThan(Double.MAX_VALUE);
        assertThat(lowestSpecific).isGreaterThan(highestBroad);
    }

    @Test
    void whereRestrictsTheCandidates() {
        List<Map<String, Object>> related = related("NCT00763412", null, Map.of("overallStatus", List.of("COMPLETED")));
        assertThat(related).isNotEmpty().allSatisfy(r ->
                assertThat(((Map<String, Object>) r.get("trial")).get("overallStatus")).isEqualTo("COMPLETED"));
    }

    private List<Map<String, Object>> related(String nctId, List<String> by, Map<String, Object> where) {
        return graphQl.documentName("related").variable("nctId", nctId).variable("by", by).variable("where", where)
                .variable("first", 25).execute().path("relatedTrials").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }

    private String singleMeshTrialWithPeers() {
        for (Map.Entry<String, JsonNode> e : raw.entrySet()) {
            JsonNode meshes = e.getValue().path("derivedSection").path("conditionBrowseModule").path("meshes");
            if (meshes.size() != 1) {
                continue;
            }
            String id = MeshIds.canonical(meshes.get(0).path("id").asString());
            long peers = raw.values().stream().filter(s -> meshIds(s, false).contains(id)).count();
            if (peers >= 3) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("no single-term trial with peers in the data");
    }

    /**
     * A MeSH reason is true when the term is one of the record's terms or ancestors, or an ancestor that the newest
     * record carrying one of its terms alone lists: MeSH changes between snapshots (a 2024 record may lack an
     * ancestor that MeSH 2026 added), and the graph keeps the newest tree.
     */
    private static boolean isTrueOfBoth(Map<String, Object> reason, JsonNode a, JsonNode b,
            Map<String, Set<String>> exactAncestors) {
        String label = ((String) reason.get("label")).replace(" (nearest common ancestor)", "");
        String key = (String) reason.get("key");
        return switch ((String) reason.get("kind")) {
            case "CONDITION" -> conditions(a).contains(norm(label)) && conditions(b).contains(norm(label));
            case "MESH" -> underTerm(a, key, exactAncestors) && underTerm(b, key, exactAncestors);
            case "SPONSOR" -> sponsors(a).contains(norm(label)) && sponsors(b).contains(norm(label));
            case "INTERVENTION" -> interventions(a).contains(key) && interventions(b).contains(key);
            // criteria and constraints are read by the engine; the graph test of the criteria checks those
            default -> true;
        };
    }

    private static String norm(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replaceAll("[.,;:]+$", "");
    }

    private static Set<String> conditions(JsonNode s) {
        Set<String> names = new HashSet<>();
        s.path("protocolSection").path("conditionsModule").path("conditions").forEach(c -> names.add(norm(c.asString())));
        return names;
    }

    private static Set<String> sponsors(JsonNode s) {
        Set<String> names = new HashSet<>();
        JsonNode module = s.path("protocolSection").path("sponsorCollaboratorsModule");
        names.add(norm(module.path("leadSponsor").path("name").asString("")));
        module.path("collaborators").forEach(c -> names.add(norm(c.path("name").asString(""))));
        return names;
    }

    private static Set<String> interventions(JsonNode s) {
        Set<String> keys = new HashSet<>();
        s.path("protocolSection").path("armsInterventionsModule").path("interventions").forEach(i -> keys.add(
                norm(i.path("type").asString("OTHER")) + "|" + norm(i.path("name").asString(i.path("description").asString("")))));
        return keys;
    }

    private static boolean underTerm(JsonNode s, String key, Map<String, Set<String>> exactAncestors) {
        return meshIds(s, true).contains(key) || meshIds(s, false).stream()
                .anyMatch(term -> exactAncestors.getOrDefault(term, Set.of()).contains(key));
    }

    private static Set<String> meshIds(JsonNode s, boolean withAncestors) {
        Set<String> ids = new HashSet<>();
        JsonNode browse = s.path("derivedSection").path("conditionBrowseModule");
        browse.path("meshes").forEach(m -> ids.add(MeshIds.canonical(m.path("id").asString())));
        if (withAncestors) {
            browse.path("ancestors").forEach(m -> ids.add(MeshIds.canonical(m.path("id").asString())));
        }
        return ids;
    }
}
