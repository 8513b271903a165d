package org.trialgraph.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.TrialGraphTest;
import org.trialgraph.trial.Trial;

/**
 * The page's trials read with the properties of the selected short fields only when the selection allows it: the
 * fields read that way equal the whole node's, and a selection asking for a long text gets it.
 */
@TrialGraphTest
@SuppressWarnings("unchecked")
class RelatedTrialsShortReadTest {

    /**
     * Trial components that need more than the short properties: the long texts and the record's sources (the
     * stored history, parsed into {@code sources} only when that field is asked for).
     */
    private static final Set<String> LONG_FIELDS = Set.of("briefSummary", "detailedDescription",
            "eligibilityCriteria", "source", "sourceHistory");

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    RelatedTrialsRepository repository;

    @Autowired
    RelatedIndex index;

    @Test
    void everyOwnFieldOfATrialIsEitherShortOrALongText() {
        Set<String> components = Arrays.stream(Trial.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        Set<String> shortFields = Trial.SHORT_FIELDS.stream().filter(f -> !f.equals("__typename"))
                .collect(Collectors.toSet());
        assertThat(components).containsAll(shortFields);
        assertThat(components.stream().filter(c -> !shortFields.contains(c)).collect(Collectors.toSet()))
                .isEqualTo(LONG_FIELDS);
    }

    @Test
    void theShortReadGivesEveryShortFieldAsTheWholeNodeDoes() throws Exception {
        List<String> ids = seededIds();
        Map<String, Trial> whole = repository.trials(ids, null);
        Map<String, Trial> shortRead = repository.trials(ids, Trial.SHORT_FIELDS);
        Map<String, Trial> titles = repository.trials(ids, Set.of("briefTitle"));
        assertThat(shortRead.keySet()).isEqualTo(whole.keySet()).hasSize(ids.size());
        int longTexts = 0;
        for (String nctId : ids) {
            for (RecordComponent c : Trial.class.getRecordComponents()) {
                Object full = c.getAccessor().invoke(whole.get(nctId));
                Object read = c.getAccessor().invoke(shortRead.get(nctId));
                if (Set.of("nctId", "briefTitle").contains(c.getName())) {
                    assertThat(c.getAccessor().invoke(titles.get(nctId))).as("%s.%s", nctId, c.getName())
                            .isEqualTo(full);
                }
                if (Trial.SHORT_FIELDS.contains(c.getName())) {
                    assertThat(read).as("%s.%s", nctId, c.getName()).isEqualTo(full);
                } else if (c.getType() == String.class && full != null) {
                    assertThat(read).as("%s.%s is not read", nctId, c.getName()).isNull();
                    longTexts++;
                }
            }
        }
        assertThat(longTexts).as("long texts left out").isPositive();
    }

    @Test
    void aSelectionWithoutLongTextsGetsTheSameTrialsAndOneWithThemGetsThem() throws InterruptedException {
        for (int i = 0; i < 1200 && !index.ready(); i++) {
            Thread.sleep(50); // both pages from the same search
        }
        int criteriaTexts = 0;
        for (String source : seededIds().subList(0, 5)) {
            List<Map<String, Object>> withTexts = graphQl.documentName("relatedWithTexts").variable("nctId", source)
                    .variable("first", 10).execute().path("relatedTrials").entityList(Map.class).get()
                    .stream().map(m -> (Map<String, Object>) m).toList();
            List<Map<String, Object>> shortOnes = graphQl.documentName("relatedShort").variable("nctId", source)
                    .variable("first", 10).execute().path("relatedTrials").entityList(Map.class).get()
                    .stream().map(m -> (Map<String, Object>) m).toList();
            assertThat(shortOnes).hasSameSizeAs(withTexts);
            for (int i = 0; i < withTexts.size(); i++) {
                Map<String, Object> full = (Map<String, Object>) withTexts.get(i).get("trial");
                Map<String, Object> read = (Map<String, Object>) shortOnes.get(i).get("trial");
                assertThat(shortOnes.get(i).get("score")).isEqualTo(withTexts.get(i).get("score"));
                read.forEach((field, value) -> assertThat(value).as("%s %s", full.get("nctId"), field)
                        .isEqualTo(full.get(field)));
                criteriaTexts += full.get("eligibilityCriteria") == null ? 0 : 1;
            }
        }
        assertThat(criteriaTexts).as("criteria texts read when asked for").isPositive();
    }

    private List<String> seededIds() {
        return graphQl.document("{ trials(first: 40) { edges { node { nctId } } } }").execute()
                .path("trials.edges[*].node.nctId").entityList(String.class).get();
    }
}
