package org.trialgraph.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.QueryCounting;
import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.ImportProgress;
import org.trialgraph.ingest.StudyImporter;

/** The patient view over HTTP: the seed trial as its page shows it, and a real trial against its raw record. */
@TrialGraphTest
class PatientViewTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEED = "NCT07476027";
    /** A recruiting phase 1 trial with 16 geocoded US sites and 11 outcomes, not among the seeds. */
    private static final Path REAL_RECORD = SharedData.v2().resolve("partrita-tigit/studies/NCT05635643.json");

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    StudyImporter importer;

    @Autowired
    QueryCounting.Counter counter;

    @Test
    void seedTrialReadsAsItsPatientPageShowsIt() throws IOException {
        JsonNode raw = JSON.readTree(Path.of("seeds/NCT07476027.json").toFile());
        JsonNode view = patientView(SEED, null);

        assertThat(view.path("nctId").asString()).isEqualTo(SEED);
        assertThat(view.path("title").path("text").asString())
                .isEqualTo(raw.at("/protocolSection/identificationModule/briefTitle").asString());
        assertThat(view.path("enrollment").asInt()).isEqualTo(10);
        assertThat(view.path("participants").path("text").asString()).startsWith("10 participants");
        assertThat(view.path("phase").path("text").asString()).isEqualTo("Early Phase 1 — first studies in people");
        assertThat(view.path("status").path("text").asString()).startsWith("Not yet recruiting");
        assertThat(view.path("startDate").asString()).isEqualTo("2026-03-15");
        assertThat(view.path("start").path("text").asString()).contains("2026-03-15");
        assertThat(view.path("whoCanTakePart").path("ageRange").path("text").asString()).isEqualTo("Up to 18 years");
        assertThat(view.path("whoCanTakePart").path("sex").path("text").asString()).isEqualTo("All sexes");
        assertThat(view.path("summary").path("text").asString())
                .startsWith("This study is an open, single-center, prospective clinical trial")
                .contains("lymphocyte collection", "first complete remission (CR1)");
        assertThat(view.path("sponsor").path("text").asString())
                .isEqualTo(raw.at("/protocolSection/sponsorCollaboratorsModule/leadSponsor/name").asString());

        List<JsonNode> sections = list(view.path("checklist"));
        assertThat(sections).extracting(s -> s.path("heading").asString())
                .containsExactly("Inclusion Criteria", "Infusion Criteria", "Exclusion Criteria");
        assertThat(sections).extracting(s -> s.path("items").size()).containsExactly(6, 5, 5);
        assertThat(sections).extracting(s -> s.path("kind").asString()).containsExactly("INCLUSION", "OTHER", "EXCLUSION");
        assertThat(checklistTexts(sections)).containsExactlyElementsOf(pageCriteria());
        JsonNode lvef = sections.get(1).path("items").get(1);
        assertThat(lvef.path("plainText").asString()).contains("at least 45%").isNotEqualTo(lvef.path("text").asString());
        assertThat(strings(lvef.path("tests"))).anyMatch(t -> t.contains("echocardiogram"));

        List<JsonNode> outcomes = list(view.path("outcomes"));
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).path("measure").asString()).isEqualTo("CR Rate");
        assertThat(outcomes.get(0).path("timeFrame").asString()).isEqualTo("28 days after CD7 CAR-T cell infusion");

        String doctor = texts(view.path("doctorQuestions"));
        String coordinator = texts(view.path("coordinatorQuestions"));
        assertThat(doctor).contains("CAR-T", "early phase 1", "LVEF at least 45%");
        assertThat(coordinator).contains("CAR-T", "lymphocyte collection", "echocardiogram", "blood tests",
                "a bone-marrow test", "28 days after CD7 CAR-T cell infusion", "not yet recruiting", "2026-03-15",
                "up to 18 years", "no study sites");
        assertThat(view.path("siteCount").asInt()).isZero();
        assertThat(view.path("nearestSites").isEmpty()).isTrue();

        Set<String> fieldTree = fieldTree();
        List<JsonNode> statements = statements(view);
        assertThat(statements).hasSizeGreaterThan(20).allSatisfy(s -> assertThat(strings(s.path("sources")))
                .as("sources of \"%s\"", s.path("text").asString()).isNotEmpty().allMatch(fieldTree::contains));
    }

    @Test
    void realTrialMatchesItsRawRecordAndListsOpenSitesNearestFirst() throws IOException {
        importer.importPaths(List.of(REAL_RECORD), ImportProgress.NONE);
        JsonNode raw = JSON.readTree(REAL_RECORD.toFile());
        JsonNode protocol = raw.path("protocolSection");
        String nctId = SharedData.nctId(raw);
        double latitude = 41.8781;
        double longitude = -87.6298;
        double radiusKm = 800;

        JsonNode view = patientView(nctId, Map.of("latitude", latitude, "longitude", longitude, "radiusKm", radiusKm));

        String status = protocol.at("/statusModule/overallStatus").asString();
        assertThat(view.path("overallStatus").asString()).isEqualTo(status);
        assertThat(view.path("status").path("text").asString()).startsWith(words(status));
        assertThat(strings(view.path("phases"))).isEqualTo(strings(protocol.at("/designModule/phases")));
        assertThat(view.path("phase").path("text").asString()).startsWith("Phase 1 — ");
        int enrollment = protocol.at("/designModule/enrollmentInfo/count").asInt();
        assertThat(view.path("enrollment").asInt()).isEqualTo(enrollment);
        assertThat(view.path("participants").path("text").asString()).startsWith(enrollment + " participants");
        assertThat(view.path("startDate").asString()).isEqualTo(protocol.at("/statusModule/startDateStruct/date").asString());
        assertThat(view.path("sponsor").path("text").asString())
                .isEqualTo(protocol.at("/sponsorCollaboratorsModule/leadSponsor/name").asString());

        List<JsonNode> rawOutcomes = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (String kind : List.of("primary", "secondary", "other")) {
            list(protocol.path("outcomesModule").path(kind + "Outcomes")).forEach(o -> {
                rawOutcomes.add(o);
                kinds.add(kind.toUpperCase());
            });
        }
        List<JsonNode> outcomes = list(view.path("outcomes"));
        assertThat(outcomes).hasSize(rawOutcomes.size());
        assertThat(outcomes).extracting(o -> o.path("kind").asString()).containsExactlyElementsOf(kinds);
        assertThat(outcomes).extracting(o -> o.path("measure").asString())
                .containsExactlyElementsOf(rawOutcomes.stream().map(o -> o.path("measure").asString()).toList());
        assertThat(outcomes).extracting(o -> o.path("timeFrame").asString())
                .containsExactlyElementsOf(rawOutcomes.stream().map(o -> o.path("timeFrame").asString()).toList());

        List<JsonNode> locations = list(protocol.at("/contactsLocationsModule/locations"));
        assertThat(view.path("siteCount").asInt()).isEqualTo(locations.size());
        record Expected(String facility, double km) {
        }
        List<Expected> expected = locations.stream()
                .filter(l -> l.has("geoPoint") && List.of("RECRUITING", "NOT_YET_RECRUITING")
                        .contains(l.path("status").asString(status)))
                .map(l -> new Expected(l.path("facility").asString(), haversineKm(latitude, longitude,
                        l.at("/geoPoint/lat").asDouble(), l.at("/geoPoint/lon").asDouble())))
                .peek(e -> assertThat(Math.abs(e.km() - radiusKm)).as("no site on the edge of the radius").isGreaterThan(10))
                .filter(e -> e.km() <= radiusKm)
                .sorted(Comparator.comparingDouble(Expected::km))
                .toList();
        assertThat(expected).as("the chosen point has several open sites around it").hasSizeGreaterThan(3);
        List<JsonNode> sites = list(view.path("nearestSites"));
        assertThat(sites).extracting(s -> s.path("facility").asString())
                .containsExactlyElementsOf(expected.stream().map(Expected::facility).toList());
        for (int i = 0; i < sites.size(); i++) {
            assertThat(sites.get(i).path("distanceKm").asDouble()).isCloseTo(expected.get(i).km(), within(expected.get(i).km() * 0.005 + 0.1));
        }

        assertThat(texts(view.path("coordinatorQuestions"))).contains(locations.size() + " sites");
        assertThat(texts(view.path("doctorQuestions"))).contains("randomised");
        // Every statement names fields of the field tree that this record actually fills.
        Set<String> fieldTree = fieldTree();
        assertThat(statements(view)).allSatisfy(s -> assertThat(strings(s.path("sources")))
                .as("sources of \"%s\"", s.path("text").asString()).isNotEmpty()
                .allMatch(fieldTree::contains)
                .allMatch(path -> filled(raw, path)));
    }

    @Test
    void aViewCostsTwoQueries() {
        patientView(SEED, null);
        counter.reset();
        patientView(SEED, Map.of("latitude", 39.1, "longitude", 117.2, "radiusKm", 100.0));
        assertThat(counter.queries()).isEqualTo(2);
    }

    @Test
    void anUnknownTrialHasNoView() {
        graphQl.documentName("patientView").variable("nctId", "NCT00000000").execute()
                .path("patientView").valueIsNull();
    }

    @Test
    void aBadRadiusIsRefusedNamingTheArgument() {
        graphQl.documentName("patientView").variable("nctId", SEED)
                .variable("near", Map.of("latitude", 0.0, "longitude", 0.0, "km", -5.0)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getMessage()).contains("near.km");
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                }));
    }

    private JsonNode patientView(String nctId, Map<String, Object> near) {
        var request = graphQl.documentName("patientView").variable("nctId", nctId);
        if (near != null) {
            request = request.variable("near", near);
        }
        Object view = request.execute().path("patientView").entity(Map.class).get();
        return JSON.valueToTree(view);
    }

    /** The criteria bullets of the seed page, Markdown escapes removed. */
    private static List<String> pageCriteria() throws IOException {
        Path page = SharedData.root().toAbsolutePath().getParent().resolve("seed-page/000_42a284d4fe5eba58.txt");
        List<String> lines = Files.readAllLines(page);
        int from = lines.indexOf("Inclusion Criteria:");
        int to = lines.indexOf("Questions worth asking your doctor");
        return lines.subList(from, to).stream().filter(l -> l.startsWith("* "))
                .map(l -> l.substring(2).replaceAll("\\\\([\\[\\]<>])", "$1")).toList();
    }

    private static List<String> checklistTexts(List<JsonNode> sections) {
        return sections.stream().flatMap(s -> list(s.path("items")).stream()).map(i -> i.path("text").asString()).toList();
    }

    /** Every generated sentence in a view: objects with text and sources, and items and sites with sources. */
    private static List<JsonNode> statements(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        collect(node, found);
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> found) {
        if (node.isObject() && node.has("sources")) {
            found.add(node);
        }
        if (node.isContainer()) {
            node.forEach(child -> collect(child, found));
        }
    }

    /** The paths of ClinicalTrials.gov API v2's field tree, e.g. protocolSection.designModule.phases. */
    private static Set<String> fieldTree() throws IOException {
        JsonNode tree = JSON.readTree(SharedData.root().resolve("reference/ctgov-api-v2-studies-metadata-fieldtree.json").toFile());
        Set<String> paths = new HashSet<>();
        tree.forEach(node -> addPaths(node, "", paths));
        return paths;
    }

    private static void addPaths(JsonNode node, String prefix, Set<String> paths) {
        String path = prefix + node.path("name").asString();
        paths.add(path);
        node.path("children").forEach(child -> addPaths(child, path + ".", paths));
    }

    /** Whether a field-tree path has a value in a record (in any element of a list). */
    private static boolean filled(JsonNode node, String path) {
        return filled(node, List.of(path.split("\\.")), 0);
    }

    private static boolean filled(JsonNode node, List<String> steps, int i) {
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).anyMatch(e -> filled(e, steps, i));
        }
        if (i == steps.size()) {
            return !node.isMissingNode() && !node.isNull() && !(node.isContainer() && node.isEmpty());
        }
        return filled(node.path(steps.get(i)), steps, i + 1);
    }

    /** RECRUITING "Recruiting", NOT_YET_RECRUITING "Not yet recruiting". */
    private static String words(String status) {
        String words = status.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<String> strings(JsonNode array) {
        return list(array).stream().map(JsonNode::asString).toList();
    }

    private static String texts(JsonNode statements) {
        return String.join("\n", list(statements).stream().map(s -> s.path("text").asString()).toList());
    }
}
