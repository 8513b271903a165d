package org.trialgraph.prescreen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.QueryCounting;
import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.StudyImporter;

/** preScreen over HTTP: the seed trial's patients, and verdicts on real records checked against the raw records. */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class PreScreenTest {

    private static final String SEED = "NCT07476027";
    private static final Pattern AGE = Pattern.compile("(\\d+(?:\\.\\d+)?) (Year|Month|Week|Day)s?");

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    StudyImporter importer;

    @Autowired
    QueryCounting.Counter counter;

    Map<String, JsonNode> raw;

    @BeforeAll
    void importApiV2Records() {
        raw = SharedData.importApiV2(importer);
        // A hundred screened trials with all their criteria are more than the client's default 256 KB buffer.
        graphQl = graphQl.mutate().webTestClient(client -> client.codecs(codecs -> codecs.defaultCodecs()
                .maxInMemorySize(16 * 1024 * 1024))).build();
    }

    // ---- the seed trial ---------------------------------------------------------------------------------------

    @Test
    void aTwelveYearOldWithTLymphoblasticLeukemiaInRemissionIsNotRuledOutOfTheSeedTrial() {
        Map<String, Object> seed = seedScreening(seedPatient(12, 55));
        assertThat(seed.get("verdict")).isIn("ELIGIBLE_SO_FAR", "NEEDS_REVIEW");
        List<Map<String, Object>> criteria = criteria(seed);
        assertThat(criteria).noneMatch(c -> c.get("verdict").equals("FAILS"));
        assertThat(withConcept(criteria, "LVEF")).singleElement().satisfies(c -> {
            assertThat(c.get("verdict")).isEqualTo("MEETS");
            assertThat((String) c.get("reason")).isEqualTo("LVEF 55 % meets the required at least 45 %");
        });
        assertThat(withConcept(criteria, "AGE")).hasSize(2).allSatisfy(c -> assertThat(c.get("verdict")).isEqualTo("MEETS"));
        assertThat(criteria).filteredOn(c -> c.get("section").equals(PreScreening.LIMITS_SECTION))
                .extracting(c -> c.get("text")).containsExactly("Maximum age: 18 Years");
        // "ALC >= 0.5 x10^9/L, and good general condition (ECOG 0-1 or Lansky/Karnofsky >= 80)": ECOG 1 meets,
        // Lansky and Karnofsky are its alternatives, but the ALC was not given.
        Map<String, Object> performance = criteria.stream().filter(c -> ((String) c.get("text")).contains("ECOG"))
                .findFirst().orElseThrow();
        assertThat(performance.get("verdict")).isEqualTo("UNKNOWN");
        assertThat((String) performance.get("reason")).startsWith("ALC not given");
        List<Map<String, Object>> checks = (List<Map<String, Object>>) performance.get("checks");
        assertThat(checks).filteredOn(c -> concept(c).equals("ECOG")).singleElement()
                .satisfies(c -> assertThat(c.get("verdict")).isEqualTo("MEETS"));
        assertThat(((Number) seed.get("unknowns")).intValue())
                .isEqualTo(criteria.stream().filter(c -> c.get("verdict").equals("UNKNOWN")).count());
    }

    @Test
    void theSamePatientWithAnLvefOf40IsNotEligibleBecauseOfTheLvefCriterion() {
        Map<String, Object> seed = seedScreening(seedPatient(12, 40));
        assertThat(seed.get("verdict")).isEqualTo("NOT_ELIGIBLE");
        List<Map<String, Object>> failing = criteria(seed).stream().filter(c -> c.get("verdict").equals("FAILS")).toList();
        assertThat(failing).singleElement().satisfies(c -> {
            assertThat((String) c.get("text")).contains("Left ventricular ejection fraction (LVEF)");
            assertThat(concept(c)).isEqualTo("LVEF");
            assertThat((String) c.get("reason")).isEqualTo("LVEF 40 % is below the required at least 45 %");
        });
    }

    @Test
    void aFortyYearOldIsNotEligibleBecauseOfAge() {
        Map<String, Object> seed = seedScreening(seedPatient(40, 55));
        assertThat(seed.get("verdict")).isEqualTo("NOT_ELIGIBLE");
        List<Map<String, Object>> failing = criteria(seed).stream().filter(c -> c.get("verdict").equals("FAILS")).toList();
        assertThat(failing).hasSize(2).allSatisfy(c -> {
            assertThat(concept(c)).isEqualTo("AGE");
            assertThat((String) c.get("reason")).contains("age 40 years is above");
        });
        assertThat(failing).extracting(c -> c.get("text"))
                .containsExactly("Maximum age: 18 Years", "Patients aged ≤18 years with newly diagnosed T-LBL/ALL.");
    }

    @Test
    void aBirthDateWorksAsTheAge() {
        String birthDate = java.time.LocalDate.now().minusYears(40).minusDays(30).toString();
        Map<String, Object> patient = new HashMap<>(seedPatient(12, 55));
        patient.remove("age");
        patient.put("birthDate", birthDate);
        assertThat(seedScreening(patient).get("verdict")).isEqualTo("NOT_ELIGIBLE");
    }

    // ---- real records -----------------------------------------------------------------------------------------

    @Test
    void trialsRuledOutByAgeAreExactlyThoseWhoseRawAgeLimitsExcludeTheAge() throws IOException {
        List<String> sample = sampleOfRawIds();
        for (int age : List.of(10, 70)) {
            List<Map<String, Object>> screenings = preScreen(Map.of("age", age), Map.of("nctIds", sample), 100);
            assertThat(screenings).hasSameSizeAs(sample);
            int excludedByAge = 0;
            for (Map<String, Object> s : screenings) {
                String nctId = nctId(s);
                JsonNode eligibility = raw.get(nctId).path("protocolSection").path("eligibilityModule");
                boolean excluded = age < years(eligibility.path("minimumAge").asString(null), 0)
                        || age > years(eligibility.path("maximumAge").asString(null), Double.MAX_VALUE);
                List<Map<String, Object>> limitFailures = criteria(s).stream()
                        .filter(c -> c.get("section").equals(PreScreening.LIMITS_SECTION) && c.get("verdict").equals("FAILS"))
                        .toList();
                assertThat(!limitFailures.isEmpty()).as("%s fails an age limit at %d", nctId, age).isEqualTo(excluded);
                if (excluded) {
                    excludedByAge++;
                    assertThat(s.get("verdict")).isEqualTo("NOT_ELIGIBLE");
                    assertThat(limitFailures).allSatisfy(c -> assertThat((String) c.get("reason")).contains("age " + age + " years"));
                }
            }
            assertThat(excludedByAge).as("trials excluding age %d", age).isBetween(1, screenings.size() - 1);
            assertRanked(screenings);
        }
    }

    @Test
    void everyCandidateStudiesTheConditionByNameOrMeshTerm() {
        List<Map<String, Object>> screenings = preScreen(Map.of("age", 30, "conditions", List.of("asthma")), null, 100);
        assertThat(screenings).isNotEmpty();
        for (Map<String, Object> s : screenings) {
            JsonNode study = raw.get(nctId(s));
            if (study == null) {
                continue; // the seed or a test-made record
            }
            List<String> names = new ArrayList<>();
            study.path("protocolSection").path("conditionsModule").path("conditions").forEach(c -> names.add(c.asString()));
            JsonNode browse = study.path("derivedSection").path("conditionBrowseModule");
            browse.path("meshes").forEach(m -> names.add(m.path("term").asString()));
            browse.path("ancestors").forEach(m -> names.add(m.path("term").asString()));
            assertThat(names).as(nctId(s)).anyMatch(n -> Pattern.compile("(?<![\\p{L}\\p{N}])asthma(?![\\p{L}\\p{N}])")
                    .matcher(n.toLowerCase(Locale.ROOT)).find());
        }
        assertRanked(screenings);
    }

    @Test
    void everyCandidateHasASiteWithinTheDistance() {
        JsonNode site = raw.values().stream()
                .flatMap(s -> java.util.stream.StreamSupport.stream(
                        s.path("protocolSection").path("contactsLocationsModule").path("locations").spliterator(), false))
                .filter(l -> l.path("geoPoint").has("lat")).findFirst().orElseThrow();
        double lat = site.path("geoPoint").path("lat").asDouble();
        double lon = site.path("geoPoint").path("lon").asDouble();
        List<Map<String, Object>> screenings = preScreen(
                Map.of("near", Map.of("latitude", lat, "longitude", lon, "km", 50)), null, 100);
        assertThat(screenings).isNotEmpty();
        for (Map<String, Object> s : screenings) {
            JsonNode study = raw.get(nctId(s));
            if (study == null) {
                continue;
            }
            List<Double> distances = new ArrayList<>();
            study.path("protocolSection").path("contactsLocationsModule").path("locations").forEach(l -> {
                if (l.path("geoPoint").has("lat")) {
                    distances.add(km(lat, lon, l.path("geoPoint").path("lat").asDouble(), l.path("geoPoint").path("lon").asDouble()));
                }
            });
            assertThat(distances).as(nctId(s)).anyMatch(d -> d <= 50.5);
        }
    }

    @Test
    void aScreeningCostsTheSameQueriesForFiveTrialsAsForFifty() {
        counter.reset();
        assertThat(preScreen(Map.of("age", 30), null, 5)).hasSize(5);
        int five = counter.queries();
        counter.reset();
        assertThat(preScreen(Map.of("age", 30), null, 50)).hasSize(50);
        assertThat(counter.queries()).isEqualTo(five);
    }

    @Test
    void aScreeningWritesNothing() {
        Map<String, Object> before = graphStats();
        preScreen(seedPatient(12, 55), null, 20);
        assertThat(graphStats()).isEqualTo(before);
    }

    @Test
    void badProfilesAreRefusedNamingTheArgument() {
        graphQl.documentName("preScreen")
                .variable("patient", Map.of("measurements", List.of(Map.of("concept", "LVEFF", "value", 50))))
                .execute().errors().expect(e -> e.getMessage().startsWith("patient.measurements[0].concept")
                        && e.getErrorType().toString().equals("BAD_REQUEST"));
        graphQl.documentName("preScreen")
                .variable("patient", Map.of("near", Map.of("latitude", 48.8, "longitude", 2.3)))
                .execute().errors().expect(e -> e.getMessage().startsWith("patient.near"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Map<String, Object> seedPatient(int age, int lvef) {
        return Map.of("age", age, "conditions", List.of("T-lymphoblastic leukemia in first remission"),
                "measurements", List.of(Map.of("concept", "LVEF", "value", lvef, "unit", "%"),
                        Map.of("concept", "ECOG", "value", 1)));
    }

    /** The seed trial as the patient's conditions find it (not by its id). */
    private Map<String, Object> seedScreening(Map<String, Object> patient) {
        List<Map<String, Object>> found = preScreen(patient, null, 100);
        assertThat(found).extracting(PreScreenTest::nctId).contains(SEED);
        Map<String, Object> seed = graphQl.documentName("preScreenChecks").variable("patient", patient)
                .variable("nctId", SEED).execute().path("preScreen[0]").entity(Map.class).get();
        assertThat(nctId(seed)).isEqualTo(SEED);
        return seed;
    }

    private List<Map<String, Object>> preScreen(Map<String, Object> patient, Map<String, Object> where, int first) {
        return graphQl.documentName("preScreen").variable("patient", patient).variable("where", where)
                .variable("first", first).execute().path("preScreen").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }

    private Map<String, Object> graphStats() {
        return graphQl.document("{ graphStats { nodeCount relationshipCount } }").execute().path("graphStats")
                .entity(Map.class).get();
    }

    private static void assertRanked(List<Map<String, Object>> screenings) {
        Comparator<Map<String, Object>> ranking = Comparator
                .comparing((Map<String, Object> s) -> s.get("verdict").equals("NOT_ELIGIBLE"))
                .thenComparingInt(s -> ((Number) s.get("unknowns")).intValue())
                .thenComparing(PreScreenTest::nctId);
        assertThat(screenings).isSortedAccordingTo(ranking);
        for (Map<String, Object> s : screenings) {
            long unknowns = criteria(s).stream().filter(c -> c.get("verdict").equals("UNKNOWN")).count();
            long fails = criteria(s).stream().filter(c -> c.get("verdict").equals("FAILS")).count();
            assertThat(((Number) s.get("unknowns")).longValue()).isEqualTo(unknowns);
            assertThat(s.get("verdict")).isEqualTo(fails > 0 ? "NOT_ELIGIBLE" : unknowns > 0 ? "NEEDS_REVIEW" : "ELIGIBLE_SO_FAR");
        }
    }

    /** Every 25th API v2 record by NCT id, leaving out ids also in the legacy XML (another test imports those). */
    private List<String> sampleOfRawIds() throws IOException {
        Set<String> inXml = Files.readAllLines(SharedData.root().resolve("MANIFEST.csv")).stream()
                .filter(l -> l.contains(",ctgov-legacy-xml,")).map(l -> l.substring(0, l.indexOf(',')))
                .collect(Collectors.toSet());
        List<String> ids = raw.keySet().stream().filter(id -> !inXml.contains(id)).sorted().toList();
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < ids.size() && sample.size() < 100; i += 25) {
            sample.add(ids.get(i));
        }
        return sample;
    }

    /** "18 Years", "6 Months", "28 Days" in years; the fallback when there is no limit. */
    private static double years(String text, double none) {
        if (text == null) {
            return none;
        }
        Matcher m = AGE.matcher(text);
        assertThat(m.matches()).as("age limit %s", text).isTrue();
        double n = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "Year" -> n;
            case "Month" -> n / 12;
            case "Week" -> n * 7 / 365.25;
            default -> n / 365.25;
        };
    }

    private static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double a = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    }

    private static List<Map<String, Object>> criteria(Map<String, Object> screening) {
        return (List<Map<String, Object>>) screening.get("criteria");
    }

    private static List<Map<String, Object>> withConcept(List<Map<String, Object>> criteria, String concept) {
        return criteria.stream().filter(c -> c.get("constraint") != null && concept(c).equals(concept)).toList();
    }

    private static String concept(Map<String, Object> criterionOrCheck) {
        Map<String, Object> constraint = (Map<String, Object>) criterionOrCheck.get("constraint");
        return constraint == null ? "" : (String) constraint.get("concept");
    }

    private static String nctId(Map<String, Object> screening) {
        return (String) ((Map<String, Object>) screening.get("trial")).get("nctId");
    }
}
