package org.trialgraph.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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

/**
 * A constraint's trial count and a concept's ranking are kept between requests (they are counted over every trial
 * stating them), and an import or a delete drops them.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConstraintCountsKeptTest {

    private static final String KEY = "AGE|GE|18|years";
    private static final String COPY = "NCT99999982";

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
    }

    @Test
    void theSameCountsAgainAreAnsweredWithoutTheDatabase() {
        Map<String, Object> first = counts();
        counter.reset();
        Map<String, Object> again = counts();
        assertThat(again).isEqualTo(first);
        assertThat(counter.queries()).as("the constraint by key and its trial page only").isEqualTo(2);
    }

    @Test
    void anImportAndADeleteDropTheKeptCounts() {
        long before = ownCount(counts());
        assertThat(rankedCount(counts())).isEqualTo(before).isPositive();
        String source = aRawTrialStatingTheConstraint();

        importer.importText("copy", raw.get(source).toString().replace(source, COPY));
        Map<String, Object> afterImport = counts();
        assertThat(ownCount(afterImport)).as("after importing %s", COPY).isEqualTo(before + 1);
        assertThat(rankedCount(afterImport)).isEqualTo(before + 1);

        importer.deleteTrials(List.of(COPY));
        Map<String, Object> afterDelete = counts();
        assertThat(ownCount(afterDelete)).as("after deleting %s", COPY).isEqualTo(before);
        assertThat(rankedCount(afterDelete)).isEqualTo(before);
    }

    private Map<String, Object> counts() {
        return graphQl.documentName("constraintCounts").variable("key", KEY).variable("concept", "AGE").execute()
                .returnResponse().getData();
    }

    @SuppressWarnings("unchecked")
    private static long ownCount(Map<String, Object> data) {
        Map<String, Object> constraint = (Map<String, Object>) data.get("constraint");
        long trialCount = ((Number) constraint.get("trialCount")).longValue();
        long total = ((Number) ((Map<String, Object>) constraint.get("trials")).get("totalCount")).longValue();
        assertThat(total).as("the trials' total and the trial count").isEqualTo(trialCount);
        return trialCount;
    }

    @SuppressWarnings("unchecked")
    private static long rankedCount(Map<String, Object> data) {
        return ((List<Map<String, Object>>) data.get("constraints")).stream().filter(c -> KEY.equals(c.get("key")))
                .mapToLong(c -> ((Number) c.get("trialCount")).longValue()).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private String aRawTrialStatingTheConstraint() {
        Map<String, Object> trials = (Map<String, Object>) ((Map<String, Object>) counts().get("constraint")).get("trials");
        return ((List<Map<String, Object>>) trials.get("edges")).stream()
                .map(e -> (String) ((Map<String, Object>) e.get("node")).get("nctId"))
                .filter(raw::containsKey).findFirst().orElseThrow();
    }
}
