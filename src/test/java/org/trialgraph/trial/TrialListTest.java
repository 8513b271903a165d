package org.trialgraph.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/**
 * Every filter of {@code trials(where:)} counts what an independent pass over the raw API v2 records counts;
 * pages walk each trial once; search finds and explains its matches. Counts are taken within the raw records'
 * NCT ids, so trials other tests add do not matter.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class TrialListTest {

    private static final Pattern AGE = Pattern.compile("(\\d+) (Year|Month|Week|Day|Hour|Minute)s?");

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
    void eachFilterCountsWhatTheRawRecordsSay() {
        expectCount(Map.of("overallStatus", List.of("RECRUITING")), s -> status(s).path("overallStatus").asString("").equals("RECRUITING"));
        expectCount(Map.of("phase", List.of("PHASE2")), s -> texts(design(s).path("phases")).contains("PHASE2"));
        expectCount(Map.of("studyType", List.of("OBSERVATIONAL")), s -> design(s).path("studyType").asString("").equals("OBSERVATIONAL"));
        expectCount(Map.of("sex", List.of("FEMALE")), s -> eligibility(s).path("sex").asString("").equals("FEMALE"));
        expectCount(Map.of("healthyVolunteers", true), s -> eligibility(s).path("healthyVolunteers").asBoolean(false));
        expectCount(Map.of("hasResults", true), s -> s.path("hasResults").asBoolean(false));
        expectCount(Map.of("conditionFilter", Map.of("meshTerm", "Neoplasms")), s -> browseTerms(s).contains("Neoplasms"));
        // The contract's condition: String takes a MeSH term or id (narrower terms included) or a condition name.
        expectCount(Map.of("condition", "Neoplasms"), s -> browseTerms(s).contains("Neoplasms")
                || texts(protocol(s).path("conditionsModule").path("conditions")).stream().anyMatch(c -> Keys.of(c).equals("neoplasms")));
        expectCount(Map.of("condition", "asthma"), s -> browseTerms(s).stream().anyMatch(t -> t.equalsIgnoreCase("asthma"))
                || texts(protocol(s).path("conditionsModule").path("conditions")).stream().anyMatch(c -> Keys.of(c).equals("asthma")));
        expectCount(Map.of("condition", "D009369"), s -> browseTerms(s).contains("Neoplasms"));
        expectCount(Map.of("interventionFilter", Map.of("type", "DRUG")), s -> interventionTypes(s).contains("DRUG"));
        // An intervention by name: its node's key (case, spacing and trailing punctuation folded), of any type.
        expectCount(Map.of("intervention", "PLACEBO "), s -> interventionKeys(s).stream().anyMatch(k -> k.endsWith("|placebo")));
        expectCount(Map.of("interventionFilter", Map.of("name", "Placebo.", "type", "DRUG")),
                s -> interventionKeys(s).contains("drug|placebo"));
        expectCount(Map.of("sponsorClass", List.of("INDUSTRY")), s -> sponsorClasses(s).contains("INDUSTRY"));
        expectCount(Map.of("startFrom", "2020-01-01", "startTo", "2020-12-31"),
                s -> status(s).path("startDateStruct").path("date").asString("").startsWith("2020"));
        expectCount(Map.of("sponsorFilter", Map.of("agencyClass", List.of("INDUSTRY"), "leadOnly", true)),
                s -> protocol(s).path("sponsorCollaboratorsModule").path("leadSponsor").path("class").asString("").equals("INDUSTRY"));
        expectCount(Map.of("country", "France"), s -> countries(s).contains("France"));
        expectCount(Map.of("startDate", Map.of("from", "2020-01-01", "to", "2020-12-31")),
                s -> status(s).path("startDateStruct").path("date").asString("").startsWith("2020"));
        expectCount(Map.of("enrollment", Map.of("min", 100, "max", 500)), s -> {
            JsonNode count = design(s).path("enrollmentInfo").path("count");
            return count.isNumber() && count.asInt() >= 100 && count.asInt() <= 500;
        });
        expectCount(Map.of("age", 12.0), s -> years(eligibility(s).path("minimumAge").asString(null), 0) <= 12
                && years(eligibility(s).path("maximumAge").asString(null), 1000) >= 12);
        // Around Paris, 220 km; no raw site lies within 2 km of the edge, so the earth model cannot tip a count.
        expectCount(Map.of("near", Map.of("latitude", 48.8566, "longitude", 2.3522, "km", 220.0)),
                s -> siteDistancesKm(s, 48.8566, 2.3522).stream().anyMatch(km -> km <= 220));
        assertThat(raw.values().stream().flatMap(s -> siteDistancesKm(s, 48.8566, 2.3522).stream())
                .filter(km -> Math.abs(km - 220) < 2)).isEmpty();
    }

    /** Great-circle distances (haversine, mean earth radius) from a point to each of the record's geo-located sites. */
    private static List<Double> siteDistancesKm(JsonNode s, double latitude, double longitude) {
        List<Double> distances = new ArrayList<>();
        protocol(s).path("contactsLocationsModule").path("locations").forEach(l -> {
            JsonNode point = l.path("geoPoint");
            if (point.path("lat").isNumber() && point.path("lon").isNumber()) {
                double dLat = Math.toRadians(point.path("lat").asDouble() - latitude);
                double dLon = Math.toRadians(point.path("lon").asDouble() - longitude);
                double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(latitude))
                        * Math.cos(Math.toRadians(point.path("lat").asDouble())) * Math.pow(Math.sin(dLon / 2), 2);
                distances.add(2 * 6371.0 * Math.asin(Math.sqrt(a)));
            }
        });
        return distances;
    }

    @Test
    void filtersCombineWithAndOrAndNot() {
        expectCount(Map.of("NOT", List.of(Map.of("overallStatus", List.of("COMPLETED")))),
                s -> !status(s).path("overallStatus").asString("").equals("COMPLETED"));
        expectCount(Map.of("OR", List.of(Map.of("phase", List.of("PHASE1")), Map.of("phase", List.of("PHASE3")))),
                s -> texts(design(s).path("phases")).contains("PHASE1") || texts(design(s).path("phases")).contains("PHASE3"));
        expectCount(Map.of("AND", List.of(Map.of("studyType", List.of("INTERVENTIONAL")), Map.of("hasResults", false))),
                s -> design(s).path("studyType").asString("").equals("INTERVENTIONAL") && !s.path("hasResults").asBoolean(false));
    }

    /**
     * A condition or MeSH term at the top level of a filter is looked up from the term's side (TrialFilterCypher.match);
     * nested in AND it is checked trial by trial. Both must give the same trials in the same order.
     */
    @Test
    void aConditionAtTheTopLevelFindsTheTrialsThatTheSameFilterNestedFinds() {
        List<Map<String, Object>> filters = List.of(
                Map.of("condition", "Neoplasms", "phase", List.of("PHASE2", "PHASE3")),
                Map.of("condition", "asthma"),
                Map.of("condition", "D009369", "overallStatus", List.of("COMPLETED", "RECRUITING")),
                Map.of("mesh", "D009369"),
                Map.of("mesh", "D009369", "OR", List.of(Map.of("phase", List.of("PHASE1")), Map.of("hasResults", true))));
        for (Map<String, Object> filter : filters) {
            List<String> fromTheTerm = allPages(filter);
            assertThat(fromTheTerm).as("trials where %s", filter).isNotEmpty()
                    .isEqualTo(allPages(Map.of("AND", List.of(filter))));
        }
        List<String> neoplasms = allPages(Map.of("condition", "Neoplasms"));
        assertThat(neoplasms.stream().filter(raw::containsKey).count()).isEqualTo(raw.values().stream()
                .filter(s -> browseTerms(s).contains("Neoplasms") || texts(protocol(s).path("conditionsModule")
                        .path("conditions")).stream().anyMatch(c -> Keys.of(c).equals("neoplasms"))).count());
    }

    /** The NCT ids of every page, latest start first, each page's total checked against the whole walk. */
    private List<String> allPages(Map<String, Object> where) {
        List<String> ids = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = graphQl.documentName("trialPage").variable("where", where)
                    .variable("orderBy", List.of(Map.of("field", "START_DATE", "direction", "DESC")))
                    .variable("first", 100).variable("after", after).execute().path("trials").entity(Map.class).get();
            totals.add(((Number) page.get("totalCount")).longValue());
            ((List<Map<String, Object>>) page.get("edges")).forEach(e -> ids.add((String) ((Map<String, Object>) e.get("node")).get("nctId")));
            Map<String, Object> pageInfo = (Map<String, Object>) page.get("pageInfo");
            after = Boolean.TRUE.equals(pageInfo.get("hasNextPage")) ? (String) pageInfo.get("endCursor") : null;
        } while (after != null);
        assertThat(totals).as("totalCount of every page where %s", where).containsOnly((long) ids.size());
        return ids;
    }

    @Test
    void walkingAllPagesReturnsEachTrialOnceAndMatchesTheTotal() {
        Map<String, Object> where = within(Map.of("studyType", List.of("INTERVENTIONAL")));
        Set<String> seen = new HashSet<>();
        String after = null;
        long total = -1;
        String previousStart = "\uffff";
        do {
            Map<String, Object> page = graphQl.documentName("trialPage").variable("where", where)
                    .variable("orderBy", List.of(Map.of("field", "START_DATE", "direction", "DESC")))
                    .variable("first", 100).variable("after", after).execute().path("trials").entity(Map.class).get();
            total = ((Number) page.get("totalCount")).longValue();
            for (Map<String, Object> edge : (List<Map<String, Object>>) page.get("edges")) {
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                assertThat(seen.add((String) node.get("nctId"))).as("each trial once").isTrue();
                String start = node.get("startDate") == null ? "" : (String) node.get("startDate");
                assertThat(start).isLessThanOrEqualTo(previousStart);
                previousStart = start;
            }
            Map<String, Object> pageInfo = (Map<String, Object>) page.get("pageInfo");
            after = Boolean.TRUE.equals(pageInfo.get("hasNextPage")) ? (String) pageInfo.get("endCursor") : null;
        } while (after != null);
        assertThat(seen).hasSize((int) total);
        assertThat(total).isEqualTo(raw.values().stream()
                .filter(s -> design(s).path("studyType").asString("").equals("INTERVENTIONAL")).count());
    }

    @Test
    void searchFindsTrialsBestFirstAndSaysWhichFieldsMatched() {
        Map<String, Object> result = graphQl.documentName("search").variable("text", "asthma")
                .variable("where", within(Map.of())).variable("first", 50).execute().path("search").entity(Map.class).get();
        List<Map<String, Object>> edges = (List<Map<String, Object>>) result.get("edges");
        assertThat(result.get("__typename")).as("search returns the contract's TrialConnection").isEqualTo("TrialConnection");
        assertThat(((Number) result.get("totalCount")).longValue()).isGreaterThan(50);
        double previous = Double.MAX_VALUE;
        for (Map<String, Object> edge : edges) {
            double score = ((Number) edge.get("score")).doubleValue();
            assertThat(score).isLessThanOrEqualTo(previous);
            previous = score;
            assertThat((List<String>) edge.get("matchedFields")).isNotEmpty();
        }
        long rawWithAsthmaInTitle = raw.values().stream().filter(s -> protocol(s).path("identificationModule")
                .path("briefTitle").asString("").toLowerCase().contains("asthma")).count();
        assertThat(((Number) result.get("totalCount")).longValue()).isGreaterThanOrEqualTo(rawWithAsthmaInTitle);
    }

    @Test
    void walkingSearchPagesInAnyOrderReturnsEachHitOnceInThatOrder() {
        for (List<Map<String, Object>> orderBy : List.of(List.<Map<String, Object>>of(),
                List.of(Map.<String, Object>of("field", "START_DATE", "direction", "DESC")),
                List.of(Map.<String, Object>of("field", "RELEVANCE", "direction", "ASC")))) {
            Set<String> seen = new java.util.LinkedHashSet<>();
            List<Map<String, Object>> walked = new ArrayList<>();
            String after = null;
            long total;
            do {
                Map<String, Object> page = graphQl.documentName("searchOrdered").variable("text", "asthma")
                        .variable("where", within(Map.of())).variable("orderBy", orderBy).variable("first", 17)
                        .variable("after", after).execute().path("search").entity(Map.class).get();
                total = ((Number) page.get("totalCount")).longValue();
                for (Map<String, Object> edge : (List<Map<String, Object>>) page.get("edges")) {
                    Map<String, Object> node = (Map<String, Object>) edge.get("node");
                    assertThat(seen.add((String) node.get("nctId"))).as("%s seen twice in %s", node.get("nctId"), orderBy).isTrue();
                    walked.add(Map.of("score", edge.get("score"), "start", String.valueOf(node.get("startDate"))));
                }
                Map<String, Object> pageInfo = (Map<String, Object>) page.get("pageInfo");
                after = Boolean.TRUE.equals(pageInfo.get("hasNextPage")) ? (String) pageInfo.get("endCursor") : null;
            } while (after != null);
            assertThat(seen).as("hits of %s", orderBy).hasSize((int) total);
            for (int i = 1; i < walked.size(); i++) {
                Map<String, Object> previous = walked.get(i - 1);
                Map<String, Object> current = walked.get(i);
                if (orderBy.isEmpty()) {
                    assertThat(((Number) current.get("score")).doubleValue()).isLessThanOrEqualTo(((Number) previous.get("score")).doubleValue());
                } else if (orderBy.get(0).get("field").equals("RELEVANCE")) {
                    assertThat(((Number) current.get("score")).doubleValue()).isGreaterThanOrEqualTo(((Number) previous.get("score")).doubleValue());
                } else {
                    assertThat(sortable(current.get("start"))).isLessThanOrEqualTo(sortable(previous.get("start")));
                }
            }
        }
    }

    @Test
    void relevanceOrderWithoutSearchWordsIsABadRequestNamingOrderBy() {
        graphQl.documentName("trialPageOrdered").variable("orderBy", List.of(Map.of("field", "RELEVANCE"))).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).contains("orderBy");
                }));
    }

    /** Start dates as the list sorts them: a trial without one sorts as the empty string. */
    private static String sortable(Object startDate) {
        return "null".equals(startDate) ? "" : (String) startDate;
    }

    @Test
    void searchTextIsNotLuceneSyntax() {
        graphQl.documentName("search").variable("text", "asthma AND (\"unbalanced OR ~*").execute()
                .path("search.totalCount").entity(Long.class).satisfies(total -> assertThat(total).isGreaterThanOrEqualTo(0));
    }

    @Test
    void aNamedSponsorOrInterventionFindsTheSameTrialsFromItsSideAsFromEachTrial() {
        // At the top level the trials are found from the sponsor's or intervention's nodes; inside AND, checked on
        // each trial.
        for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of("intervention", "Placebo"),
                Map.of("interventionFilter", Map.of("name", "placebo", "type", "DRUG")),
                Map.of("interventionFilter", Map.of("name", "Placebo"), "overallStatus", List.of("COMPLETED")),
                Map.of("intervention", "Placebo", "interventionFilter", Map.of("type", "DRUG")),
                Map.of("sponsor", "bayer"),
                Map.of("sponsor", "Bayer", "sponsorClass", List.of("INDUSTRY")),
                Map.of("sponsorFilter", Map.of("name", "BAYER", "leadOnly", true), "intervention", "Placebo"),
                Map.of("sponsorFilter", Map.of("name", "GlaxoSmithKline", "leadOnly", true)),
                Map.of("sponsor", "National Institute of Allergy and Infectious Diseases (NIAID)",
                        "sponsorClass", List.of("NIH")),
                Map.of("sponsorFilter", Map.of("name", "Eli Lilly and Company", "agencyClass", List.of("INDUSTRY")),
                        "sponsor", "Eli Lilly and Company"))) {
            String anchored = page(filter);
            String checked = page(Map.of("AND", List.of(filter)));
            assertThat(anchored).as("trials where %s", filter).isEqualTo(checked).doesNotContain("\"totalCount\":0");
        }
    }

    private String page(Map<String, Object> where) {
        return graphQl.documentName("trialsWhere").variable("where", where).execute().path("trials")
                .entity(JsonNode.class).get().toString();
    }

    private void expectCount(Map<String, Object> filter, Predicate<JsonNode> rawPredicate) {
        long expected = raw.values().stream().filter(rawPredicate).count();
        long actual = graphQl.documentName("trialCount").variable("where", within(filter)).execute()
                .path("trials.totalCount").entity(Long.class).get();
        assertThat(actual).as("trials where %s", filter).isEqualTo(expected);
    }

    private Map<String, Object> within(Map<String, Object> filter) {
        Map<String, Object> where = new HashMap<>();
        where.put("AND", List.of(Map.of("nctIds", List.copyOf(raw.keySet())), filter));
        return where;
    }

    /** Agency classes of the lead sponsor and every collaborator. */
    private static Set<String> sponsorClasses(JsonNode s) {
        Set<String> classes = new HashSet<>();
        JsonNode module = protocol(s).path("sponsorCollaboratorsModule");
        classes.add(module.path("leadSponsor").path("class").asString(""));
        module.path("collaborators").forEach(c -> classes.add(c.path("class").asString("")));
        return classes;
    }

    private static JsonNode protocol(JsonNode s) {
        return s.path("protocolSection");
    }

    private static JsonNode status(JsonNode s) {
        return protocol(s).path("statusModule");
    }

    private static JsonNode design(JsonNode s) {
        return protocol(s).path("designModule");
    }

    private static JsonNode eligibility(JsonNode s) {
        return protocol(s).path("eligibilityModule");
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(v -> v.asString()).toList();
    }

    private static Set<String> browseTerms(JsonNode s) {
        Set<String> terms = new HashSet<>();
        JsonNode browse = s.path("derivedSection").path("conditionBrowseModule");
        browse.path("meshes").forEach(m -> terms.add(m.path("term").asString()));
        browse.path("ancestors").forEach(m -> terms.add(m.path("term").asString()));
        return terms;
    }

    /** The keys of the interventions a record lists, as the importer builds them (no type: OTHER). */
    private static Set<String> interventionKeys(JsonNode s) {
        Set<String> keys = new HashSet<>();
        protocol(s).path("armsInterventionsModule").path("interventions")
                .forEach(i -> keys.add(Keys.of(i.path("type").asString("OTHER"), i.path("name").asString(""))));
        return keys;
    }

    private static Set<String> interventionTypes(JsonNode s) {
        Set<String> types = new HashSet<>();
        protocol(s).path("armsInterventionsModule").path("interventions").forEach(i -> types.add(i.path("type").asString("")));
        return types;
    }

    private static Set<String> countries(JsonNode s) {
        Set<String> countries = new HashSet<>();
        protocol(s).path("contactsLocationsModule").path("locations").forEach(l -> countries.add(l.path("country").asString("")));
        return countries;
    }

    private static double years(String age, double missing) {
        if (age == null) {
            return missing;
        }
        Matcher m = AGE.matcher(age);
        if (!m.matches()) {
            return missing;
        }
        double n = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "Year" -> n;
            case "Month" -> n / 12;
            case "Week" -> n * 7 / 365.25;
            case "Day" -> n / 365.25;
            case "Hour" -> n / 24 / 365.25;
            default -> n / 60 / 24 / 365.25;
        };
    }
}
