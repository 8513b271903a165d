package org.trialgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

/** A document's cost is kept for the variables it depends on, and measured anew when they change. */
class QueryCostsTest {

    private final QueryLimits limits = Limits.defaults();
    private final GraphQLSchema schema = Limits.schema(new AtomicInteger());
    private final QueryCosts costs = new QueryCosts(limits.assumedListSize(), limits.maxPageSize());

    private static final String PAGE = """
            query page($text: String!, $first: Int, $withParts: Boolean!) {
              search(text: $text, first: $first) {
                totalCount
                edges { node { nctId conditions @include(if: $withParts) { name } } }
              }
            }
            """;

    @Test
    void theCostDependsOnlyOnPageSizesAndDirectives() {
        assertThat(QueryCosts.costVariables(Parser.parse(PAGE))).containsExactly("first", "withParts");
    }

    @Test
    void anotherValueOfAVariableTheCostIgnoresReusesTheKeptCost() {
        Document document = Parser.parse(PAGE);
        QueryCost first = costs.measure(schema, document, null, variables("asthma", 20, true));
        QueryCost again = costs.measure(schema, document, null, variables("cancer", 20, true));

        assertThat(again).isSameAs(first);
        assertThat(first).isEqualTo(measured(document, variables("asthma", 20, true)));
    }

    @Test
    void anotherPageSizeOrDirectiveValueIsMeasuredAnewAndMatchesAFreshMeasure() {
        Document document = Parser.parse(PAGE);
        costs.measure(schema, document, null, variables("asthma", 20, true));

        for (Map<String, Object> values : List.of(values("asthma", 100, true), values("asthma", 20, false),
                values("asthma", 500, true), values("asthma", null, true))) {
            assertThat(costs.measure(schema, document, null, CoercedVariables.of(values)))
                    .as("%s", values).isEqualTo(measured(document, CoercedVariables.of(values)));
        }
        assertThat(costs.measure(schema, document, null, variables("asthma", 100, true)).complexity())
                .isGreaterThan(costs.measure(schema, document, null, variables("asthma", 20, true)).complexity());
        assertThat(costs.measure(schema, document, null, variables("asthma", 500, true)).badPageSize()).isNotNull();
    }

    private QueryCost measured(Document document, CoercedVariables variables) {
        return QueryCost.measure(schema, document, null, variables, limits.assumedListSize(), limits.maxPageSize());
    }

    private static CoercedVariables variables(String text, Integer first, boolean withParts) {
        return CoercedVariables.of(values(text, first, withParts));
    }

    private static Map<String, Object> values(String text, Integer first, boolean withParts) {
        Map<String, Object> values = new HashMap<>();
        values.put("text", text);
        values.put("first", first);
        values.put("withParts", withParts);
        return values;
    }
}
