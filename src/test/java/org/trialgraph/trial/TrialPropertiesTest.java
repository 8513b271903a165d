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
import org.trialgraph.paging.Connection;

/**
 * trial(nctId) and pages of trials read only the node properties their selection needs: the answers are those of
 * whole nodes, and every field of Trial in the schema is known to Trial's list (else the whole node is read).
 */
@TrialGraphTest
class TrialPropertiesTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    TrialListRepository lists;

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
    void aPageReadWithThePropertiesOfEveryFieldHoldsTheTrialsOfWholeNodes() {
        Set<String> properties = Trial.propertiesOf(schemaFieldsOfTrial(), List.of("eligibility/text")).orElseThrow();
        List<TrialOrder> newestFirst = List.of(new TrialOrder(TrialOrder.Field.START_DATE, TrialOrder.Direction.DESC));

        List<Trial> whole = nodes(lists.page(null, newestFirst, 50, null, true, Trial.WHOLE_NODE));
        List<Trial> projected = nodes(lists.page(null, newestFirst, 50, null, true, properties));

        assertThat(whole).hasSize(50).anySatisfy(t -> assertThat(t.sources()).isNotEmpty());
        assertThat(projected).isEqualTo(whole);
        assertThat(nodes(lists.page(null, newestFirst, 50, null, true, Set.of("nctId"))))
                .as("a projection without the other properties reads other trials' values as absent")
                .isNotEqualTo(whole);
    }

    private static List<Trial> nodes(Connection<Trial> page) {
        return page.edges().stream().map(Connection.Edge::node).toList();
    }

    private static List<String> schemaFieldsOfTrial() {
        ObjectTypeDefinition trial = new SchemaParser().parse(Path.of("schema.graphqls").toFile())
                .getType("Trial", ObjectTypeDefinition.class).orElseThrow();
        return trial.getFieldDefinitions().stream().map(FieldDefinition::getName).toList();
    }

    @Test
    void everyFieldOfTrialInTheSchemaIsKnown() {
        List<String> fields = schemaFieldsOfTrial();

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
