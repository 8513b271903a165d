package org.trialgraph.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
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
import org.trialgraph.ingest.StudyImporter;

/**
 * Conditions, MeSH terms, sponsors, countries and interventions lead back to their trials, and the counts
 * equal what the raw records say. The data set holds only the raw API v2 records plus test-made NCT9xxxxxxx
 * trials, which carry copies of raw records' content: counts are compared on trials with real ids.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class CatalogTest {

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
    void eachEntryPointLeadsToTheTrialsTheRawRecordsName() {
        var response = graphQl.documentName("catalog")
                .variable("condition", "asthma")
                .variable("mesh", "D009369")
                .variable("sponsor", "National Cancer Institute (NCI)")
                .variable("country", "France")
                .variable("intervention", "placebo")
                .execute();

        long asthma = count(s -> texts(s.path("protocolSection").path("conditionsModule").path("conditions"))
                .stream().anyMatch(c -> c.strip().equalsIgnoreCase("asthma")));
        Map<String, Object> condition = response.path("condition").entity(Map.class).get();
        assertThat(total(condition)).isGreaterThanOrEqualTo(asthma);
        assertThat(((Number) condition.get("trialCount")).longValue()).isEqualTo(total(condition));

        long neoplasms = count(s -> meshIds(s).contains("D009369"));
        Map<String, Object> mesh = response.path("meshTerm").entity(Map.class).get();
        assertThat(mesh.get("term")).isEqualTo("Neoplasms");
        assertThat((List<?>) mesh.get("narrower")).hasSizeGreaterThan(20);
        assertThat(total(mesh)).isGreaterThanOrEqualTo(neoplasms);

        long nci = count(s -> sponsorNames(s).contains("national cancer institute (nci)"));
        Map<String, Object> sponsor = response.path("sponsor").entity(Map.class).get();
        assertThat(sponsor.get("agencyClass")).isEqualTo("NIH");
        assertThat(total(sponsor)).isGreaterThanOrEqualTo(nci).isEqualTo(((Number) sponsor.get("trialCount")).longValue());
        assertThat((List<?>) sponsor.get("collaborators")).isNotEmpty();

        long france = count(s -> {
            Set<String> countries = new HashSet<>();
            s.path("protocolSection").path("contactsLocationsModule").path("locations")
                    .forEach(l -> countries.add(l.path("country").asString("")));
            return countries.contains("France");
        });
        Map<String, Object> country = response.path("country").entity(Map.class).get();
        assertThat(total(country)).isGreaterThanOrEqualTo(france);
        assertThat(((Number) country.get("siteCount")).longValue()).isPositive();

        List<Map<String, Object>> placebos = response.path("interventions").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(placebos).extracting(p -> p.get("type")).contains("DRUG");
        placebos.forEach(p -> assertThat(total(p)).isEqualTo(((Number) p.get("trialCount")).longValue()));
    }

    @Test
    void withinTheRawRecordsTheCountsAreExact() {
        Map<String, Object> where = Map.of("AND", List.of(Map.of("nctIds", List.copyOf(raw.keySet())),
                Map.of("mesh", "D000009369")));
        long viaFilter = graphQl.documentName("trialCount").variable("where", where).execute()
                .path("trials.totalCount").entity(Long.class).get();
        assertThat(viaFilter).isEqualTo(count(s -> meshIds(s).contains("D009369")));
    }

    private long count(java.util.function.Predicate<JsonNode> predicate) {
        return raw.values().stream().filter(predicate).count();
    }

    private static long total(Map<String, Object> entity) {
        return ((Number) ((Map<String, Object>) entity.get("trials")).get("totalCount")).longValue();
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static Set<String> sponsorNames(JsonNode s) {
        Set<String> names = new HashSet<>();
        JsonNode module = s.path("protocolSection").path("sponsorCollaboratorsModule");
        names.add(module.path("leadSponsor").path("name").asString("").strip().toLowerCase());
        module.path("collaborators").forEach(c -> names.add(c.path("name").asString("").strip().toLowerCase()));
        return names;
    }

    /** Condition and intervention MeSH terms and ancestors, as six-digit ids. */
    private static Set<String> meshIds(JsonNode s) {
        Set<String> ids = new HashSet<>();
        for (String module : List.of("conditionBrowseModule", "interventionBrowseModule")) {
            JsonNode browse = s.path("derivedSection").path(module);
            for (String list : List.of("meshes", "ancestors")) {
                browse.path(list).forEach(m -> ids.add("D" + String.format("%06d",
                        Long.parseLong(m.path("id").asString().substring(1)))));
            }
        }
        return ids;
    }
}
