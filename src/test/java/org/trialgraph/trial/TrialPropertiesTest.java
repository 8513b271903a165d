package org.trialgraph.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.TrialGraphTest;

/**
 * trial(nctId) reads only the node properties its selection needs: the answer is the one a page of trials gives
 * from whole nodes, and every field of Trial in the schema is known to Trial's list (else the whole node is read).
 */
@TrialGraphTest
class TrialPropertiesTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void aTrialReadWithTheSelectedPropertiesAnswersAsTheWholeNode() {
        List<Map<String, Object>> page = graphQl.documentName("trialPageOwnFields")
                .execute().path("trials.edges[*].node").entityList(mapType()).get();

        assertThat(page).hasSize(20);
        assertThat(page).anySatisfy(t -> assertThat((List<?>) t.get("sources")).isNotEmpty());
        assertThat(page).anySatisfy(t -> assertThat(t.get("detailedDescription")).isNotNull());
        for (Map<String, Object> fromNode : page) {
            Map<String, Object> projected = graphQl.documentName("trialOwnFields")
                    .variable("nctId", fromNode.get("nctId")).execute().path("trial").entity(mapType()).get();
            assertThat(projected).isEqualTo(fromNode);
        }
    }

    @Test
    void everyFieldOfTrialInTheSchemaIsKnown() {
        ObjectTypeDefinition trial = new SchemaParser().parse(Path.of("schema.graphqls").toFile())
                .getType("Trial", ObjectTypeDefinition.class).orElseThrow();
        List<String> fields = trial.getFieldDefinitions().stream().map(FieldDefinition::getName).toList();

        assertThat(fields).isNotEmpty().allSatisfy(f -> assertThat(Trial.PROPERTIES_BY_FIELD).containsKey(f));
        assertThat(Trial.propertiesOf(fields, List.of())).isPresent();
    }

    @Test
    void anUnknownFieldReadsTheWholeNode() {
        assertThat(Trial.propertiesOf(List.of("nctId", "notAFieldOfTrial"), List.of())).isEmpty();
        assertThat(Trial.propertiesOf(List.of("briefTitle", "leadSponsor"), List.of())).contains(Set.of("nctId", "briefTitle"));
        assertThat(Trial.propertiesOf(List.of("eligibility"), List.of("eligibility/sections")))
                .contains(Set.of("nctId"));
        assertThat(Trial.propertiesOf(List.of("eligibility"), List.of("eligibility/text")))
                .contains(Set.of("nctId", "eligibilityCriteria"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }
}
