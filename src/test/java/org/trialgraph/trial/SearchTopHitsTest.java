package org.trialgraph.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.StudyImporter;

/**
 * The first page of an unfiltered search comes from Lucene's best hits alone and its total may be one kept from an
 * earlier request: both must give what reading every hit gives. A filter that keeps every trial forces that full
 * path, so the two answers are compared field by field, for words from very common to rare and for page sizes where
 * ties at the edge of Lucene's hits are likely. A write is in the very next total.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class SearchTopHitsTest {

    /** Keeps every trial, but is a filter: the search reads and sorts every hit. */
    private static final Map<String, Object> EVERY_TRIAL = Map.of("NOT", List.of(Map.of("nctIds", List.of("NCT00000000"))));

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
    void firstPagesFromTheBestHitsAreThePagesOfAllHits() {
        for (String text : List.of("study", "cancer", "patients", "breast cancer", "asthma", "pain", "leukemia",
                "covid-19", "tocilizumab", "placebo", "healthy volunteers", "no-such-word-anywhere")) {
            for (int first : List.of(1, 2, 3, 7, 20, 60)) {
                Map<String, Object> allHits = search(text, EVERY_TRIAL, first);
                Map<String, Object> bestHits = search(text, null, first);
                assertThat(bestHits).as("'%s' first %d", text, first).isEqualTo(allHits);
                assertThat(search(text, null, first)).as("'%s' first %d asked again", text, first).isEqualTo(allHits);
            }
        }
    }

    @Test
    void hitsTiedAtTheEdgeOfLucenesBestAreOrderedByNctIdAsWhenAllHitsAreRead() {
        // Twelve identical studies score the same; imported highest NCT id first, so Lucene's own tie order (by
        // document) is likely the opposite of the page's (by NCT id).
        JsonNode template = raw.values().iterator().next();
        List<String> nctIds = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            String nctId = "NCT900005%02d".formatted(i);
            nctIds.add(nctId);
            ObjectNode study = (ObjectNode) template.deepCopy();
            ObjectNode identification = (ObjectNode) study.path("protocolSection").path("identificationModule");
            identification.put("nctId", nctId);
            identification.put("briefTitle", "Zyxquorin tolerability in adults");
            operator().documentName("importStudies").variable("json", study.toString()).execute()
                    .path("importStudies.imported").entity(Integer.class).isEqualTo(1);
        }
        List<String> ascending = nctIds.stream().sorted().toList();
        try {
            for (int first = 1; first <= 12; first++) {
                Map<String, Object> bestHits = search("zyxquorin", null, first);
                assertThat(bestHits).as("first %d", first).isEqualTo(search("zyxquorin", EVERY_TRIAL, first));
                List<Map<String, Object>> edges = (List<Map<String, Object>>) bestHits.get("edges");
                assertThat(edges.stream().map(e -> ((Map<String, Object>) e.get("node")).get("nctId")).toList())
                        .as("first %d", first).isEqualTo(ascending.subList(0, first));
            }
        } finally {
            operator().documentName("deleteTrials").variable("nctIds", nctIds).execute()
                    .path("deleteTrials").entityList(String.class).hasSize(12);
        }
    }

    @Test
    void anImportAndADeleteAreInTheNextTotal() {
        long before = total("asthma");
        assertThat(total("asthma")).isEqualTo(before);
        String nctId = "NCT90000412";
        JsonNode asthmaStudy = raw.values().stream().filter(s -> s.path("protocolSection").path("identificationModule")
                .path("briefTitle").asString("").toLowerCase().contains("asthma")).findFirst().orElseThrow();
        ObjectNode study = (ObjectNode) asthmaStudy.deepCopy();
        ((ObjectNode) study.path("protocolSection").path("identificationModule")).put("nctId", nctId);

        operator().documentName("importStudies").variable("json", study.toString()).execute()
                .path("importStudies.imported").entity(Integer.class).isEqualTo(1);
        assertThat(total("asthma")).isEqualTo(before + 1);

        operator().documentName("deleteTrials").variable("nctIds", List.of(nctId)).execute()
                .path("deleteTrials").entityList(String.class).containsExactly(nctId);
        assertThat(total("asthma")).isEqualTo(before);
    }

    private Map<String, Object> search(String text, Map<String, Object> where, int first) {
        return graphQl.documentName("search").variable("text", text).variable("where", where).variable("first", first)
                .execute().path("search").entity(Map.class).get();
    }

    private long total(String text) {
        return ((Number) search(text, null, 5).get("totalCount")).longValue();
    }

    private HttpGraphQlTester operator() {
        return graphQl.mutate().header("Authorization", "Bearer test-operator-token").build();
    }
}
