package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;

/**
 * Imports every API v2 record in ../shared/data and checks the graph against the raw JSON files: one trial
 * per distinct NCT id, sampled trials equal to their records field by field over HTTP, and a second import
 * that changes nothing.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiV2ImportTest {

    @Autowired
    StudyImporter importer;

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    Driver driver;

    Map<String, JsonNode> rawById;
    ImportSummary firstImport;

    @BeforeAll
    void importAllApiV2Records() {
        rawById = SharedData.newestV2StudiesById();
        firstImport = importer.importPaths(List.of(SharedData.v2()), ImportProgress.NONE);
    }

    @Test
    void importsEveryRecordWithoutRejections() {
        assertThat(firstImport.rejected()).isEmpty();
        assertThat(firstImport.read()).isEqualTo(SharedData.v2Studies().size());
    }

    @Test
    void givesOneTrialPerDistinctNctId() {
        long trials = driver.executableQuery("MATCH (t:Trial) WHERE t.nctId IN $ids RETURN count(t) AS n")
                .withParameters(Map.of("ids", List.copyOf(rawById.keySet()))).execute().records().get(0).get("n")
                .asLong();
        assertThat(rawById).hasSize(2519);
        assertThat(trials).isEqualTo(rawById.size());
    }

    @Test
    void aSecondImportChangesNoCount() {
        Map<?, ?> before = graphStats();
        ImportSummary again = importer.importPaths(List.of(SharedData.v2()), ImportProgress.NONE);
        assertThat(again.imported()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(again.read());
        assertThat(graphStats()).isEqualTo(before);
        GraphInvariants.assertConsistent(driver);
    }

    @Test
    void sampledTrialsEqualTheirRawRecords() {
        List<String> ids = new ArrayList<>(rawById.keySet());
        Set<String> sample = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i += 60) {
            sample.add(ids.get(i));
        }
        // Records with results, many sites, collaborators and intervention MeSH terms are in the AACT fixtures.
        ids.stream().filter(id -> rawById.get(id).path("hasResults").asBoolean(false)).limit(10).forEach(sample::add);
        SoftAssertions softly = new SoftAssertions();
        for (String nctId : sample) {
            Map<String, Object> trial = graphQl.documentName("trialDetail").variable("nctId", nctId).execute()
                    .path("trial").entity(Map.class).get();
            new RawRecordComparison(softly, nctId, rawById.get(nctId), trial).compare();
        }
        softly.assertAll();
        assertThat(sample).hasSizeGreaterThan(40);
    }

    @Test
    void aMeshTermCarriedAloneHasExactlyTheAncestorsItsRecordLists() {
        JsonNode single = rawById.values().stream()
                .filter(s -> s.path("derivedSection").path("conditionBrowseModule").path("meshes").size() == 1)
                .filter(s -> s.path("derivedSection").path("conditionBrowseModule").path("ancestors").size() > 2)
                .findFirst().orElseThrow();
        JsonNode browse = single.path("derivedSection").path("conditionBrowseModule");
        String meshId = MeshIds.canonical(browse.path("meshes").get(0).path("id").asString());
        Set<String> expected = new LinkedHashSet<>();
        browse.path("ancestors").forEach(a -> expected.add(MeshIds.canonical(a.path("id").asString())));

        List<String> ancestors = driver.executableQuery("""
                MATCH (:MeshTerm {id: $id})-[:BROADER]->(a) RETURN a.id AS id""")
                .withParameters(Map.of("id", meshId)).execute().records().stream()
                .map(r -> r.get("id").asString()).toList();
        assertThat(ancestors).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aBroadMeshTermReachesTheTrialsOfItsNarrowerTerms() {
        // "Neoplasms" is a direct term of some records and an ancestor in many oncology records; a record lists
        // a term either as direct or as ancestor. Through the tree, every one of those trials reaches it.
        List<String> expected = rawById.entrySet().stream()
                .filter(e -> {
                    JsonNode browse = e.getValue().path("derivedSection").path("conditionBrowseModule");
                    return containsMesh(browse.path("ancestors"), "D009369") || containsMesh(browse.path("meshes"), "D009369");
                })
                .map(Map.Entry::getKey).sorted().toList();
        List<String> viaTree = driver.executableQuery("""
                MATCH (t:Trial)-[:STUDIES_MESH]->(:MeshTerm)-[:BROADER*0..1]->(:MeshTerm {id: 'D000009369'})
                WHERE t.nctId IN $ids
                RETURN DISTINCT t.nctId AS id ORDER BY id""")
                .withParameters(Map.of("ids", List.copyOf(rawById.keySet()))).execute().records().stream()
                .map(r -> r.get("id").asString()).toList();
        assertThat(expected).hasSizeGreaterThan(250);
        assertThat(viaTree).containsExactlyElementsOf(expected);
    }

    private static boolean containsMesh(JsonNode list, String id) {
        for (JsonNode mesh : list) {
            if (MeshIds.canonical(mesh.path("id").asString()).equals(MeshIds.canonical(id))) {
                return true;
            }
        }
        return false;
    }

    private Map<?, ?> graphStats() {
        return graphQl.documentName("graphStats").execute().path("graphStats").entity(Map.class).get();
    }

    static String key(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
