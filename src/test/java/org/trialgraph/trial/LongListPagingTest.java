package org.trialgraph.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.Keys;
import org.trialgraph.ingest.StudyImporter;

/** Long nested lists (a trial's sites, a MeSH term's narrower terms) come a page at a time, each item once. */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class LongListPagingTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    StudyImporter importer;

    Map<String, JsonNode> raw;

    @BeforeAll
    void importApiV2Records() {
        raw = SharedData.importApiV2(importer);
    }

    @Test
    void walkingTheSitesOfTheTrialWithTheMostSitesGivesTheRecordsLocationsInOrder() {
        JsonNode study = raw.values().stream().max(Comparator.comparingInt(s -> locations(s).size())).orElseThrow();
        List<String> expected = new ArrayList<>(new LinkedHashSet<>(locations(study)));
        assertThat(expected).hasSizeGreaterThan(100);
        String nctId = study.path("protocolSection").path("identificationModule").path("nctId").asString();

        List<String> walked = new ArrayList<>();
        String after = null;
        long siteCount = -1;
        do {
            Map<String, Object> trial = graphQl.documentName("trialSitesPage").variable("nctId", nctId)
                    .variable("first", 37).variable("after", after).execute().path("trial").entity(Map.class).get();
            siteCount = ((Number) trial.get("siteCount")).longValue();
            List<Map<String, Object>> page = (List<Map<String, Object>>) trial.get("sites");
            assertThat(page).hasSizeLessThanOrEqualTo(37);
            page.forEach(site -> walked.add(Keys.of((String) site.get("facility"), (String) site.get("city"), (String) site.get("state"),
                    (String) site.get("country"))));
            after = page.isEmpty() ? null : (String) page.get(page.size() - 1).get("cursor");
        } while (after != null);
        assertThat(walked).isEqualTo(expected);
        assertThat(siteCount).isEqualTo(expected.size());
    }

    @Test
    void walkingNarrowerTermsInSmallPagesGivesTheSameListAsInFullPagesEachOnce() {
        List<Object> inFullPages = walkNarrower("D009369", 100);
        assertThat(inFullPages).hasSizeGreaterThan(20);
        assertThat(new LinkedHashSet<>(inFullPages)).hasSameSizeAs(inFullPages);
        assertThat(walkNarrower("D009369", 7)).isEqualTo(inFullPages);
    }

    private List<Object> walkNarrower(String id, int pageSize) {
        List<Object> walked = new ArrayList<>();
        String after = null;
        do {
            List<Map<String, Object>> page = narrower(id, pageSize, after);
            assertThat(page).hasSizeLessThanOrEqualTo(pageSize);
            page.forEach(term -> walked.add(term.get("id")));
            after = page.size() < pageSize ? null : (String) page.get(page.size() - 1).get("cursor");
        } while (after != null);
        return walked;
    }

    @Test
    void aCursorOfAnotherListIsABadRequestNamingIt() {
        graphQl.documentName("trialSitesPage").variable("nctId", "NCT07476027").variable("after", "bm90LWEtbnVtYmVy")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).contains("after");
                }));
    }

    private List<Map<String, Object>> narrower(String id, int first, String after) {
        return graphQl.documentName("narrowerPage").variable("id", id).variable("first", first).variable("after", after)
                .execute().path("meshTerm.narrower").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }

    /** Site keys as the graph keys them: a record naming the same site twice lists it once. */
    private static List<String> locations(JsonNode study) {
        List<String> keys = new ArrayList<>();
        study.path("protocolSection").path("contactsLocationsModule").path("locations").forEach(l -> keys.add(Keys.of(
                l.path("facility").asString(null), l.path("city").asString(null), l.path("state").asString(null),
                l.path("country").asString(null))));
        return keys;
    }
}
