package org.trialgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.CoercedVariables;
import graphql.introspection.IntrospectionQuery;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The limits on the real schema, without the server: what each refusal says, that nothing was fetched, that
 * bombs are refused quickly, and that every GraphQL document the tests use fits the default limits.
 */
class QueryLimitsTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private final QueryLimits limits = Limits.defaults();
    private final AtomicInteger fetches = new AtomicInteger();
    private final GraphQLSchema schema = Limits.schema(fetches);
    private final GraphQL graphQl = Limits.graphQl(schema, limits);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(limits.maxDepth()).isEqualTo(12);
        assertThat(limits.maxComplexity()).isEqualTo(25_000);
        assertThat(limits.maxPageSize()).isEqualTo(100);
        assertThat(limits.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.maxRequestBytes().toKilobytes()).isEqualTo(256);
    }

    @Test
    void eachLimitIsConfigurableByItsPropertyName() {
        QueryLimits lowered = bind(Map.of("max-depth", "2", "max-complexity", "50", "assumed-list-size", "5",
                "max-page-size", "10", "max-fields", "40", "max-tokens", "500", "timeout", "250ms",
                "max-request-bytes", "1KB"));
        assertThat(lowered).isEqualTo(new QueryLimits(2, 50, 5, 10, 40, 500, Duration.ofMillis(250),
                org.springframework.util.unit.DataSize.ofKilobytes(1)));

        GraphQL strict = Limits.graphQl(schema, lowered);
        assertRefused(strict.execute("{ trial(nctId: \"NCT07476027\") { leadSponsor { name } } }"), "max-depth",
                "query depth 3 exceeds the maximum 2");
        assertRefused(strict.execute("{ criteria(first: 11) { totalCount } }"), "max-page-size",
                "first must be between 0 and 10, was 11");
    }

    @Test
    void thePageSizeCannotBeRaisedAboveWhatTheRepositoriesFetch() {
        assertThatThrownBy(() -> bind(Map.of("max-page-size", "101")))
                .hasRootCauseMessage("trialgraph.graphql.limits.max-page-size must be between 1 and 100, was 101");
    }

    private static QueryLimits bind(Map<String, String> properties) {
        Map<String, String> prefixed = new HashMap<>();
        properties.forEach((name, value) -> prefixed.put("trialgraph.graphql.limits." + name, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("trialgraph.graphql.limits", QueryLimits.class);
    }

    @Test
    void everyTestDocumentFitsTheDefaultLimitsEvenWithFullPages() throws IOException {
        List<Path> documents;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/graphql-test"))) {
            documents = files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        }
        assertThat(documents).isNotEmpty();
        for (Path file : documents) {
            Document document = Parser.parse(Files.readString(file));
            // Worst case: every page-size variable at the largest page; other variables only need a value.
            Map<String, Object> variables = new HashMap<>();
            document.getDefinitionsOfType(OperationDefinition.class).forEach(op -> op.getVariableDefinitions()
                    .forEach(v -> variables.put(v.getName(), sampleValue(v))));
            QueryCost cost = QueryCost.measure(schema, document, null, CoercedVariables.of(variables),
                    limits.assumedListSize(), limits.maxPageSize());
            long fields = ExpandedFieldCount.of(document, Long.MAX_VALUE);
            System.out.printf("%-28s depth %2d  complexity %6d  fields %4d%n", file.getFileName(), cost.depth(),
                    cost.complexity(), fields);
            assertThat(cost.depth()).as("%s depth", file).isLessThanOrEqualTo(limits.maxDepth());
            assertThat(cost.complexity()).as("%s complexity", file).isLessThanOrEqualTo(limits.maxComplexity());
            assertThat(fields).as("%s fields", file).isLessThanOrEqualTo(limits.maxFields());
            assertThat(cost.badPageSize()).isNull();
        }
    }

    /** A value of the variable's type: page sizes at their largest, input objects empty, scalars a stand-in. */
    private Object sampleValue(graphql.language.VariableDefinition variable) {
        graphql.language.Type<?> type = variable.getType() instanceof graphql.language.NonNullType nonNull
                ? nonNull.getType() : variable.getType();
        if (type instanceof graphql.language.ListType) {
            return List.of();
        }
        String typeName = ((graphql.language.TypeName) type).getName();
        return switch (typeName) {
            case "Int" -> variable.getName().equals("first") ? limits.maxPageSize() : 1;
            case "Float" -> 1.0;
            case "Boolean" -> true;
            case "String", "ID" -> "x";
            default -> Map.of();
        };
    }

    @Test
    void aFullPageOfTrialsWithTheirPartsIsAllowed() {
        String dashboard = """
                { criterion(key: "k") { trials(first: 100) { totalCount pageInfo { hasNextPage endCursor }
                  edges { cursor node { nctId briefTitle overallStatus phases startDate enrollment { count }
                    leadSponsor { name agencyClass } collaborators { name } conditions { name }
                    interventions { type name } outcomes { kind measure timeFrame }
                    sites(first: 10) { facility city country } } } } } }""";
        QueryCost cost = cost(dashboard);
        System.out.println("dashboard page: depth " + cost.depth() + ", complexity " + cost.complexity());
        assertThat(cost.complexity()).isLessThanOrEqualTo(limits.maxComplexity());
        assertThat(execute(dashboard).getErrors()).isEmpty();
    }

    @Test
    void introspectionAsGraphiQlSendsItIsAllowed() {
        ExecutionResult result = graphQl.execute(IntrospectionQuery.INTROSPECTION_QUERY);
        assertThat(result.getErrors()).isEmpty();
        assertThat(ExpandedFieldCount.of(Parser.parse(IntrospectionQuery.INTROSPECTION_QUERY), Long.MAX_VALUE))
                .isLessThanOrEqualTo(limits.maxFields());
    }

    @Test
    void abusiveIntrospectionIsLeftToGraphQlJavasGoodFaithCheck() {
        String abusive = "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }";
        assertThat(cost(abusive).complexity()).isZero();
        ExecutionResult result = execute(abusive);
        assertThat(result.getErrors()).isNotEmpty();
        assertThat(result.getErrors().get(0).getMessage()).contains("good faith");
    }

    @Test
    void aTooDeepQueryIsRefusedBeforeAnythingIsFetched() {
        String deep = """
                { criteria(first: 1) { edges { node { trials(first: 1) { edges { node { eligibility { sections {
                  criteria { criterion { trials(first: 1) { edges { node { nctId } } } } } } } } } } } } } }""";
        ExecutionResult result = execute(deep);
        assertRefused(result, "max-depth", "query depth 14 exceeds the maximum 12");
    }

    @Test
    void aTooComplexQueryIsRefusedBeforeAnythingIsFetched() {
        String complex = """
                { criteria(first: 100) { edges { node { key trials(first: 100) { edges { node {
                  nctId briefTitle conditions { name } } } } } } } }""";
        assertThat(cost(complex).depth()).isLessThanOrEqualTo(limits.maxDepth());
        // 1 + 100 x (edges 1 + node (1 + key 1 + trials (1 + 100 x (edges 1 + node (1 + 2 + conditions (1 + 10))))))
        assertThat(cost(complex).complexity()).isEqualTo(150_401);
        ExecutionResult result = execute(complex);
        assertRefused(result, "max-complexity", "query complexity " + cost(complex).complexity()
                + " exceeds the maximum " + limits.maxComplexity());
    }

    @Test
    void complexityDoesNotOverflow() {
        String nest = "{ criteria(first: 100) { edges { node { trials(first: 100) { edges { node { eligibility { sections"
                + " { criteria { criterion { trials(first: 100) { edges { node { nctId } } } } } } } } } } } } } }";
        assertThat(cost(nest).complexity()).isGreaterThan(100L * 100 * 100);
    }

    @Test
    void aPageLargerThanTheMaximumIsABadRequestNamingTheArgument() {
        ExecutionResult result = execute("{ criteria(first: 101) { totalCount } }");
        assertRefused(result, "max-page-size", "first must be between 0 and 100, was 101 (on criteria)");
        ExecutionResult variable = graphQl.execute(ExecutionInput.newExecutionInput()
                .query("query($n: Int) { criteria(first: $n) { totalCount } }").variables(Map.of("n", -1)).build());
        assertRefused(variable, "max-page-size", "first must be between 0 and 100, was -1 (on criteria)");
    }

    @Test
    void anAliasBombIsRefusedQuickly() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 2000; i++) {
            query.append(" a").append(i).append(": graphStats { nodeCount }");
        }
        String bomb = query.append(" }").toString();
        ExecutionResult result = assertTimeoutPreemptively(HANG_GUARD, () -> execute(bomb));
        assertRefused(result, "max-fields", "query selects more than 1000 fields (aliases counted, fragments expanded)");
    }

    @Test
    void aFragmentBombIsRefusedQuickly() {
        // F0 spreads F1 ten times, F1 spreads F2 ten times ... : 10^12 fields once expanded.
        StringBuilder bomb = new StringBuilder("{ ...F0 }\n");
        for (int level = 0; level < 12; level++) {
            bomb.append("fragment F").append(level).append(" on Query {");
            for (int i = 0; i < 10; i++) {
                bomb.append(level == 11 ? " graphStats { nodeCount }" : " ...F" + (level + 1));
            }
            bomb.append(" }\n");
        }
        ExecutionResult result = assertTimeoutPreemptively(HANG_GUARD, () -> execute(bomb.toString()));
        assertRefused(result, "max-fields", "query selects more than 1000 fields (aliases counted, fragments expanded)");
    }

    @Test
    void cyclicFragmentsAreRefusedByValidationQuickly() {
        String cycle = "{ ...A } fragment A on Query { graphStats { nodeCount } ...B } fragment B on Query { ...A }";
        ExecutionResult result = assertTimeoutPreemptively(HANG_GUARD, () -> execute(cycle));
        assertThat(result.getErrors()).isNotEmpty();
        assertThat(result.getErrors().get(0).getErrorType().toString()).isEqualTo("ValidationError");
        assertThat(fetches).hasValue(0);
    }

    @Test
    void aTokenBombStopsTheParser() {
        String bomb = "{" + " __typename".repeat(limits.maxTokens() + 10) + " }";
        ExecutionResult result = assertTimeoutPreemptively(HANG_GUARD, () -> execute(bomb));
        assertThat(result.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("InvalidSyntax");
            assertThat(e.getMessage()).contains("tokens have been presented");
        });
    }

    private QueryCost cost(String query) {
        return QueryCost.measure(schema, Parser.parse(query), null, CoercedVariables.emptyVariables(),
                limits.assumedListSize(), limits.maxPageSize());
    }

    private ExecutionResult execute(String query) {
        return graphQl.execute(query);
    }

    private void assertRefused(ExecutionResult result, String limit, String message) {
        assertThat(result.isDataPresent()).as("data").isFalse();
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getMessage()).startsWith(message);
            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(error.getExtensions()).containsEntry("limit", limit);
        });
        assertThat(fetches).as("data fetchers run").hasValue(0);
    }
}
