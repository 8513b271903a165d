package org.trialgraph.limits;

import java.util.HashMap;
import java.util.Map;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.language.SourceLocation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * What an operation would cost, measured on the document before anything runs.
 * <ul>
 * <li>depth: fields on the longest path, the leaf included ({@code { trial { nctId } }} is 2);</li>
 * <li>complexity: every field costs 1; a paged field (one with a {@code first} argument) adds its selection
 * {@code first} times (20 when not given), another list of objects {@code assumedListSize} times (the edges of
 * a page are counted by the page's {@code first} already); scalar lists cost 1;</li>
 * <li>the first field asking for a page size out of range, if any.</li>
 * </ul>
 * Introspection ({@code __schema}, {@code __type}, {@code __typename}) costs nothing here: it is served from
 * memory and graphql-java bounds it with its good-faith introspection check.
 *
 * @param depth       longest path
 * @param complexity  estimated cost, saturating at {@link Long#MAX_VALUE}
 * @param badPageSize the first out-of-range page size, or null
 */
record QueryCost(int depth, long complexity, PageSize badPageSize) {

    /** A {@code first} argument out of range, where it was asked for. */
    record PageSize(String field, Object first, SourceLocation location) {
    }

    /** Page size the paged fields use when {@code first} is not given (see {@code Cursors.pageSize}). */
    static final int DEFAULT_PAGE_SIZE = 20;

    static QueryCost measure(GraphQLSchema schema, Document document, String operationName,
            CoercedVariables variables, int assumedListSize, int maxPageSize) {
        QueryTraverser traverser = QueryTraverser.newQueryTraverser().schema(schema).document(document)
                .operationName(operationName).coercedVariables(variables).build();
        // Post-order: a field's children are done before it; each entry holds [max depth, summed cost] below a field.
        Map<QueryVisitorFieldEnvironment, long[]> below = new HashMap<>();
        PageSize[] badPageSize = new PageSize[1];
        traverser.visitPostOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment env) {
                long[] children = below.getOrDefault(env, new long[2]);
                below.remove(env);
                long depth = 0;
                long cost = 0;
                if (!env.getField().getName().startsWith("__")) {
                    Object first = env.getArguments().get("first");
                    if (badPageSize[0] == null && isPaged(env) && first instanceof Integer size
                            && (size < 0 || size > maxPageSize)) {
                        badPageSize[0] = new PageSize(env.getField().getName(), size, env.getField().getSourceLocation());
                    }
                    depth = 1 + children[0];
                    cost = saturatedAdd(1, saturatedMultiply(multiplier(env, assumedListSize), children[1]));
                }
                long[] parent = below.computeIfAbsent(env.getParentEnvironment(), key -> new long[2]);
                parent[0] = Math.max(parent[0], depth);
                parent[1] = saturatedAdd(parent[1], cost);
            }
        });
        long[] root = below.getOrDefault(null, new long[2]);
        return new QueryCost((int) Math.min(Integer.MAX_VALUE, root[0]), root[1], badPageSize[0]);
    }

    private static long multiplier(QueryVisitorFieldEnvironment env, int assumedListSize) {
        if (isPaged(env)) {
            return env.getArguments().get("first") instanceof Integer size ? Math.max(0, size) : DEFAULT_PAGE_SIZE;
        }
        boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()));
        QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
        return list && (parent == null || !isPaged(parent)) ? assumedListSize : 1;
    }

    private static boolean isPaged(QueryVisitorFieldEnvironment env) {
        GraphQLFieldDefinition definition = env.getFieldDefinition();
        return definition.getArgument("first") != null;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedMultiply(long a, long b) {
        return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }
}
