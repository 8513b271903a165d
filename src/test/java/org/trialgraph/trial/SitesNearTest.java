package org.trialgraph.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
import org.trialgraph.ingest.Keys;
import org.trialgraph.ingest.StudyImporter;

/** Sites near a point, nearest first, each leading to the trials whose records list it. */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class SitesNearTest {

    // Around Paris, 220 km: no raw site lies within 2 km of the edge (TrialListTest checks it too).
    private static final Map<String, Object> PARIS = Map.of("latitude", 48.8566, "longitude", 2.3522, "km", 220.0);

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
    void walkingSitesNearAPointGivesEveryRawSiteWithinTheRadiusOnceNearestFirst() {
        Map<String, Set<String>> expected = rawSitesWithin(48.8566, 2.3522, 220);
        assertThat(expected).hasSizeGreaterThan(50);

        List<Map<String, Object>> walked = new ArrayList<>();
        String after = null;
        do {
            List<Map<String, Object>> page = graphQl.documentName("sitesNear").variable("near", PARIS)
                    .variable("first", 13).variable("after", after).execute().path("sitesNear").entityList(Map.class).get()
                    .stream().map(m -> (Map<String, Object>) m).toList();
            walked.addAll(page);
            after = page.size() < 13 ? null : (String) page.get(page.size() - 1).get("cursor");
        } while (after != null);

        Set<String> keys = new LinkedHashSet<>();
        double previous = 0;
        for (Map<String, Object> nearby : walked) {
            double km = ((Number) nearby.get("distanceKm")).doubleValue();
            assertThat(km).isBetween(previous, 220.0);
            previous = km;
            Map<String, Object> site = (Map<String, Object>) nearby.get("site");
            assertThat(keys.add((String) site.get("key"))).as("%s listed twice", site.get("key")).isTrue();
        }
        assertThat(keys).isEqualTo(expected.keySet());

        for (Map<String, Object> nearby : walked.subList(0, 20)) {
            String key = (String) ((Map<String, Object>) nearby.get("site")).get("key");
            Map<String, Object> site = graphQl.documentName("siteTrials").variable("key", key).execute().path("site")
                    .entity(Map.class).get();
            Set<String> realTrials = new HashSet<>();
            for (Map<String, Object> edge : (List<Map<String, Object>>) ((Map<String, Object>) site.get("trials")).get("edges")) {
                String nctId = (String) ((Map<String, Object>) edge.get("node")).get("nctId");
                if (raw.containsKey(nctId)) {
                    realTrials.add(nctId);
                }
            }
            assertThat(realTrials).as("trials of %s", site.get("key")).isEqualTo(expected.get((String) site.get("key")));
            assertThat(((Number) site.get("trialCount")).longValue()).isGreaterThanOrEqualTo(realTrials.size());
        }
    }

    @Test
    void aRadiusOutOfRangeIsABadRequestNamingIt() {
        graphQl.documentName("sitesNear").variable("near", Map.of("latitude", 0.0, "longitude", 0.0, "km", -1.0)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).contains("near.km");
                }));
    }

    /** Site key (as the graph keys sites) -> NCT ids of the raw records listing it, for sites within the radius. */
    private Map<String, Set<String>> rawSitesWithin(double latitude, double longitude, double km) {
        Map<String, Set<String>> sites = new HashMap<>();
        raw.forEach((nctId, study) -> study.path("protocolSection").path("contactsLocationsModule").path("locations")
                .forEach(l -> {
                    JsonNode point = l.path("geoPoint");
                    if (point.path("lat").isNumber() && haversineKm(latitude, longitude, point.path("lat").asDouble(),
                            point.path("lon").asDouble()) <= km) {
                        String key = Keys.of(l.path("facility").asString(null), l.path("city").asString(null),
                                l.path("state").asString(null), l.path("country").asString(null));
                        sites.computeIfAbsent(key, k -> new HashSet<>()).add(nctId);
                    }
                }));
        return sites;
    }

    private static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(a));
    }
}
