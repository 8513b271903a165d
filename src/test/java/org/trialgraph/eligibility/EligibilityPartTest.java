package org.trialgraph.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.TrialGraphTest;

/**
 * trial(nctId) reads only the parts of a trial's eligibility that the query selects (no texts, no constraints
 * unless asked for); each partial answer is the full answer cut to the partial selection's shape, and the full one
 * is what the batch loader reads (Country.trials is not primed).
 */
@TrialGraphTest
class EligibilityPartTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void eachPartialSelectionAnswersAsTheFullOne() {
        List<Map<String, Object>> loaded = graphQl.documentName("countryTrialsEligibility")
                .variable("country", "United States").execute().path("country.trials.edges[*].node")
                .entityList(mapType()).get();
        assertThat(loaded).hasSize(4);

        int withConstraints = 0;
        for (Map<String, Object> fromLoader : loaded) {
            String nctId = (String) fromLoader.get("nctId");
            Map<String, Object> full = answer("eligibilityFull", nctId, Map.of());
            assertThat(full.get("eligibility")).as("read with the trial: " + nctId).isEqualTo(fromLoader.get("eligibility"));
            withConstraints += full.toString().contains("constraints=[{") ? 1 : 0;
            for (String partial : List.of("eligibilityKeysOnly", "eligibilityStatedText", "eligibilityPlainAndConstraints",
                    "eligibilityTextOnly")) {
                Map<String, Object> answer = answer(partial, nctId, Map.of());
                assertThat(answer).as(partial + " of " + nctId).isEqualTo(cut(full, answer));
            }
            for (boolean with : List.of(true, false)) {
                Map<String, Object> answer = answer("eligibilityCriterionText", nctId, Map.of("withConstraints", with));
                assertThat(answer).as("criterion text of " + nctId).isEqualTo(cut(full, answer));
                assertThat(answer.toString().contains("constraints=")).isEqualTo(with);
            }
        }
        assertThat(withConstraints).as("trials with constraints among them").isPositive();
    }

    private Map<String, Object> answer(String operation, String nctId, Map<String, Object> variables) {
        var request = graphQl.documentName(operation).variable("nctId", nctId);
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        return request.execute().path("trial").entity(mapType()).get();
    }

    /** The full answer with only what the shape has, aliases taken as the field they name in this document. */
    @SuppressWarnings("unchecked")
    private static <T> T cut(Object full, T shape) {
        if (shape instanceof Map<?, ?> map) {
            Map<String, Object> cut = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                String field = key.equals("alsoText") ? "text" : (String) key;
                cut.put((String) key, cut(((Map<String, Object>) full).get(field), value));
            });
            return (T) cut;
        }
        if (shape instanceof List<?> list) {
            List<Object> fullList = (List<Object>) full;
            List<Object> cut = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                cut.add(i < fullList.size() ? cut(fullList.get(i), list.get(i)) : null);
            }
            if (fullList.size() != list.size()) {
                cut.add("full answer has " + fullList.size() + " items");
            }
            return (T) cut;
        }
        return (T) full;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }
}
