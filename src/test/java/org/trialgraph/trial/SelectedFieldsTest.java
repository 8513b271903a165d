package org.trialgraph.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLSchema;
import graphql.schema.SelectedField;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import org.trialgraph.trial.SelectedFields.Selected;

/**
 * The fields read from the query's syntax tree are those graphql-java's own selection set lists (the normalized
 * operation, the reference), with fragments, inline fragments, aliases, {@code @skip} and {@code @include} given as
 * literals and as variables; on the schema of the service.
 */
class SelectedFieldsTest {

    private static final String FRAGMENTS = """
            query detail($nctId: ID!, $withSites: Boolean!, $skipArms: Boolean!, $first: Int) {
              trial(nctId: $nctId) {
                nctId
                ...titles
                ... on Trial { enrollment { count } }
                ... @include(if: $withSites) { sites(first: $first, after: "MA") { facility } }
                arms @skip(if: $skipArms) { label }
                conditions @include(if: false) { name }
                leadSponsor @skip(if: false) { name }
                ...ages @skip(if: $skipArms)
                primary: outcomes(kind: PRIMARY) { measure }
                eligibility { sections { criteria { text } } }
              }
            }
            fragment titles on Trial { briefTitle ... { officialTitle sources { version } } }
            fragment ages on Trial { minimumAge { text } maximumAge @include(if: $withSites) { text } }
            """;

    private static final String CONNECTION = """
            query page($withParts: Boolean!) {
              trials(first: 5) {
                totalCount
                edges {
                  cursor
                  node { nctId ...parts }
                  ... { node { siteCount @include(if: $withParts) briefTitle } }
                }
                pageInfo { hasNextPage }
              }
            }
            fragment parts on Trial { leadSponsor @include(if: $withParts) { name } collaborators { name } }
            """;

    private final List<Set<String>> ours = new ArrayList<>();
    private final List<Set<String>> graphqlJava = new ArrayList<>();
    private final List<List<Selected>> selected = new ArrayList<>();

    @Test
    void fragmentsAndConditionalFieldsSelectExactlyWhatGraphqlJavaSelects() {
        for (boolean withSites : List.of(true, false)) {
            for (boolean skipArms : List.of(true, false)) {
                run(FRAGMENTS, Map.of("nctId", "NCT00000001", "withSites", withSites, "skipArms", skipArms, "first", 3));
            }
        }

        assertThat(ours).hasSize(4).isEqualTo(graphqlJava);
        // (withSites, skipArms): (true, true), (true, false), (false, true), (false, false)
        assertThat(ours.get(0)).contains("sites", "officialTitle", "enrollment")
                .doesNotContain("arms", "conditions", "minimumAge", "maximumAge");
        assertThat(ours.get(1)).contains("sites", "arms", "minimumAge", "maximumAge").doesNotContain("conditions");
        assertThat(ours.get(3)).contains("arms", "minimumAge").doesNotContain("sites", "conditions", "maximumAge");
    }

    @Test
    void argumentsAreThoseWrittenWithVariablesResolved() {
        run(FRAGMENTS, Map.of("nctId", "NCT00000001", "withSites", true, "skipArms", false, "first", 3));

        Map<String, Map<String, Object>> arguments = new HashMap<>();
        selected.get(0).forEach(s -> arguments.put(s.name(), s.arguments()));
        assertThat(arguments.get("sites")).isEqualTo(Map.of("first", 3, "after", "MA"));
        assertThat(arguments.get("outcomes")).isEqualTo(Map.of("kind", "PRIMARY"));
        assertThat(arguments.get("nctId")).isEmpty();
    }

    @Test
    void theNodesOfAConnectionAreFoundThroughItsEdges() {
        for (boolean withParts : List.of(true, false)) {
            run(CONNECTION, Map.of("withParts", withParts));
        }

        assertThat(ours).hasSize(2).isEqualTo(graphqlJava);
        assertThat(ours.get(0)).containsExactlyInAnyOrder("nctId", "leadSponsor", "collaborators", "siteCount", "briefTitle");
        assertThat(ours.get(1)).containsExactlyInAnyOrder("nctId", "collaborators", "briefTitle");
    }

    private void run(String document, Map<String, Object> variables) {
        ExecutionResult result = GraphQL.newGraphQL(schema()).build()
                .execute(ExecutionInput.newExecutionInput(document).variables(variables).build());
        assertThat(result.getErrors()).isEmpty();
    }

    private GraphQLSchema schema() {
        GraphQLSchema base = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Path.of("schema.graphqls").toFile()));
        DataFetcher<Object> trial = env -> record(env, List.of(), env.getSelectionSet().getImmediateFields());
        DataFetcher<Object> trials = env -> {
            record(env, TrialPartsPrimer.CONNECTION_NODES, env.getSelectionSet().getFields("edges/node/*"));
            return Map.of("totalCount", 0, "edges", List.of(), "pageInfo", Map.of("hasNextPage", false));
        };
        return base.transform(schema -> schema.codeRegistry(base.getCodeRegistry().transform(code -> code
                .dataFetcher(FieldCoordinates.coordinates("Query", "trial"), trial)
                .dataFetcher(FieldCoordinates.coordinates("Query", "trials"), trials))));
    }

    private Object record(DataFetchingEnvironment env, List<String> path, List<SelectedField> reference) {
        List<Selected> found = SelectedFields.below(env, path);
        selected.add(found);
        ours.add(new TreeSet<>(found.stream().map(Selected::name).toList()));
        graphqlJava.add(new TreeSet<>(reference.stream().map(SelectedField::getName).toList()));
        return null;
    }
}
