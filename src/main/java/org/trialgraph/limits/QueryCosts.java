package org.trialgraph.limits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.CoercedVariables;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Keeps the cost of a document (QueryCost) for the variable values it depends on. A cost depends on the
 * document, the operation and only those variables used as a page size ({@code first}) or in a directive
 * ({@code @skip}, {@code @include}); a client sending the same document with another {@code $nctId} reuses it.
 * Documents are the parsed ones kept by api.ParsedDocuments (compared by identity, held weakly); a document
 * parsed anew gets measured anew.
 */
final class QueryCosts {

    /** At most this many variable combinations kept per document (a page size per request is bounded anyway). */
    private static final int MAX_PER_DOCUMENT = 256;

    private static final Object ABSENT = new Object();

    private final int assumedListSize;
    private final int maxPageSize;
    private final Cache<Document, Costs> documents = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    QueryCosts(int assumedListSize, int maxPageSize) {
        this.assumedListSize = assumedListSize;
        this.maxPageSize = maxPageSize;
    }

    /** The schema is the application's one: a document is measured against one schema only. */
    QueryCost measure(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        Costs costs = documents.get(document, d -> new Costs(costVariables(d)));
        List<Object> key = new ArrayList<>();
        key.add(operationName == null ? ABSENT : operationName);
        costs.variables.forEach(name -> key.add(variables.containsKey(name) ? variables.get(name) : ABSENT));
        QueryCost kept = costs.byValues.get(key);
        if (kept != null) {
            return kept;
        }
        QueryCost cost = QueryCost.measure(schema, document, operationName, variables, assumedListSize, maxPageSize);
        if (costs.byValues.size() < MAX_PER_DOCUMENT) {
            costs.byValues.putIfAbsent(key, cost);
        }
        return cost;
    }

    private record Costs(List<String> variables, Map<List<Object>, QueryCost> byValues) {

        Costs(List<String> variables) {
            this(variables, new ConcurrentHashMap<>());
        }
    }

    /** The variables a cost depends on: those in {@code first} arguments and in directives, in document order. */
    static List<String> costVariables(Document document) {
        Set<String> names = new HashSet<>();
        List<String> ordered = new ArrayList<>();
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                if (node.getName().equals("first") || context.getParentNode() instanceof Directive) {
                    collect(node.getValue(), names, ordered);
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return List.copyOf(ordered);
    }

    private static void collect(Value<?> value, Set<String> names, List<String> ordered) {
        if (value instanceof VariableReference reference) {
            if (names.add(reference.getName())) {
                ordered.add(reference.getName());
            }
        } else if (value instanceof ArrayValue array) {
            array.getValues().forEach(v -> collect(v, names, ordered));
        } else if (value instanceof ObjectValue object) {
            object.getObjectFields().stream().map(ObjectField::getValue).forEach(v -> collect(v, names, ordered));
        }
    }
}
