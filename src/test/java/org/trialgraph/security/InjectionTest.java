package org.trialgraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.TrialGraphTest;
import org.trialgraph.stats.GraphStats;

/**
 * Hostile text through every String and ID argument of the Query type, found by walking the executable schema
 * (input objects included, e.g. every field of TrialWhere, also inside AND/OR/NOT, and of PatientProfile), over
 * HTTP. Each answer must be data or a clear client error — never an internal error, Cypher or a stack trace —
 * and the graph must be exactly as before.
 */
@TrialGraphTest
class InjectionTest {

    /** Cypher, Lucene and JSON/escape tricks; a long string; unicode including control, RTL and astral chars. */
    static final List<String> HOSTILE = List.of(
            "'}) DETACH DELETE n //",
            "\" OR 1=1 //",
            "\\u0027}) MATCH (n) DETACH DELETE n //",
            "\\\\'\\\"\\",
            "$param",
            "*:* OR",
            "x".repeat(20_000),
            "Ωμέγα 💊 \u202Eevil\u0000 ﷽ NCT\uFF10\uFF10\uFF11");

    /**
     * How often an input type may recur on one argument path (TrialWhere.AND[0].NOT ...). The nested filters
     * go through the same code whichever field takes them, so they are probed under the first field only.
     */
    private static final int MAX_TYPE_REPEATS = 2;

    /** What an answer must never contain: the database's own words or a Java stack trace. */
    private static final List<String> LEAKS = List.of("Neo.ClientError", "Neo.DatabaseError", "Cypher", "MATCH (",
            "at org.", "at java.", "Exception", "neo4j");

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void hostileTextInEveryStringArgumentIsDataOrAClearErrorAndChangesNothing() {
        GraphStats before = graphStats();
        GraphQLObjectType query = graphQlSource.schema().getQueryType();
        List<Probe> probes = probes(query);
        assertThat(probes).as("string paths found in the Query type").hasSizeGreaterThan(50);
        System.out.println("InjectionTest: " + probes.size() + " string argument paths x " + HOSTILE.size() + " strings");
        assertThat(probes).extracting(Probe::label).anyMatch(l -> l.startsWith("trials(where.AND.conditionFilter.name"))
                .anyMatch(l -> l.startsWith("preScreen(patient.conditions"))
                .anyMatch(l -> l.startsWith("preScreen(patient.measurements.unit"));

        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            for (String hostile : HOSTILE) {
                var response = graphQl.document(probe.document())
                        .variable("v", probe.value(hostile))
                        .execute();
                response.errors().satisfy(errors -> errors.forEach(e -> {
                    if (!isClear(e, hostile)) {
                        failures.add(probe.label() + " <- " + abbreviate(hostile) + ": " + e.getErrorType() + " "
                                + abbreviate(e.getMessage()));
                    }
                }));
            }
        }
        assertThat(failures).as("answers that were not data or a clear client error").isEmpty();
        assertThat(graphStats()).as("graph after all probes").isEqualTo(before);
    }

    private static boolean isClear(ResponseError error, String hostile) {
        String type = String.valueOf(error.getErrorType());
        // A message may quote the caller's own text back ("not a cursor of this list: ..."): that is no leak.
        String message = String.valueOf(error.getMessage()).replace(hostile, "<input>");
        boolean clientError = type.equals("BAD_REQUEST") || type.equals("ValidationError") || type.equals("NOT_FOUND");
        return clientError && LEAKS.stream().noneMatch(message::contains);
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 120 ? s : s.substring(0, 120) + "...(" + s.length() + " chars)";
    }

    private GraphStats graphStats() {
        return graphQl.documentName("graphStats").execute().path("graphStats").entity(GraphStats.class).get();
    }

    // --- walking the schema -----------------------------------------------------------------------------------

    /** One Query field with one string-typed path inside one of its arguments set to the hostile value. */
    record Probe(String field, GraphQLArgument argument, List<String> path, String document,
            GraphQLInputType argumentType) {

        String label() {
            return field + "(" + argument.getName() + (path.isEmpty() ? "" : "." + String.join(".", path)) + ")";
        }

        Object value(String hostile) {
            return valueWithPath(argumentType, path, hostile);
        }
    }

    private static List<Probe> probes(GraphQLObjectType query) {
        List<Probe> probes = new ArrayList<>();
        java.util.Set<String> recursedInto = new java.util.HashSet<>();
        for (GraphQLFieldDefinition field : query.getFieldDefinitions()) {
            for (GraphQLArgument argument : field.getArguments()) {
                List<List<String>> paths = new ArrayList<>();
                String typeName = GraphQLTypeUtil.unwrapAll(argument.getType()).getName();
                int repeats = recursedInto.add(typeName) ? MAX_TYPE_REPEATS : 1;
                stringPaths(argument.getType(), new ArrayList<>(), new ArrayList<>(), repeats, paths);
                for (List<String> path : paths) {
                    probes.add(new Probe(field.getName(), argument, path, document(field, argument),
                            argument.getType()));
                }
            }
        }
        return probes;
    }

    /** Every path from an input type to a String or ID scalar (through lists and input objects). */
    private static void stringPaths(GraphQLInputType type, List<String> path, List<String> typesOnPath,
            int maxRepeats, List<List<String>> out) {
        GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
        if (named instanceof GraphQLScalarType scalar) {
            if (scalar.getName().equals("String") || scalar.getName().equals("ID")) {
                out.add(List.copyOf(path));
            }
            return;
        }
        if (!(named instanceof GraphQLInputObjectType object)) {
            return;
        }
        if (typesOnPath.stream().filter(object.getName()::equals).count() >= maxRepeats) {
            return;
        }
        typesOnPath.add(object.getName());
        for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
            path.add(field.getName());
            stringPaths(field.getType(), path, typesOnPath, maxRepeats, out);
            path.remove(path.size() - 1);
        }
        typesOnPath.remove(typesOnPath.size() - 1);
    }

    /**
     * {@code query($v: T) { field(arg: $v, required: minimal) { leaves } }}: the probed argument is a variable;
     * other required arguments get a minimal valid literal.
     */
    private static String document(GraphQLFieldDefinition field, GraphQLArgument probed) {
        String args = field.getArguments().stream()
                .filter(a -> a == probed || GraphQLTypeUtil.isNonNull(a.getType()))
                .map(a -> a.getName() + ": " + (a == probed ? "$v" : literal(a.getType())))
                .collect(Collectors.joining(", "));
        return "query($v: " + GraphQLTypeUtil.simplePrint(probed.getType()) + ") { " + field.getName()
                + "(" + args + ")" + selection(field.getType(), 0) + " }";
    }

    /** Leaf fields two levels deep, so the nested data fetchers run too. */
    private static String selection(GraphQLOutputType type, int depth) {
        GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
        if (!(named instanceof GraphQLObjectType object)) {
            return named instanceof GraphQLScalarType || named instanceof GraphQLEnumType ? "" : " { __typename }";
        }
        List<String> fields = new ArrayList<>();
        fields.add("__typename");
        for (GraphQLFieldDefinition child : object.getFieldDefinitions()) {
            if (child.getArguments().stream().anyMatch(a -> GraphQLTypeUtil.isNonNull(a.getType()))) {
                continue;
            }
            GraphQLType childType = GraphQLTypeUtil.unwrapAll(child.getType());
            if (childType instanceof GraphQLScalarType || childType instanceof GraphQLEnumType) {
                fields.add(child.getName());
            } else if (depth < 1 && childType instanceof GraphQLObjectType) {
                fields.add(child.getName() + selection(child.getType(), depth + 1));
            }
        }
        return " { " + String.join(" ", fields) + " }";
    }

    private static String literal(GraphQLInputType type) {
        GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
        String one;
        if (named instanceof GraphQLInputObjectType object) {
            one = object.getFieldDefinitions().stream()
                    .filter(f -> GraphQLTypeUtil.isNonNull(f.getType()) && !f.hasSetDefaultValue())
                    .map(f -> f.getName() + ": " + literal(f.getType()))
                    .collect(Collectors.joining(", ", "{", "}"));
        } else {
            Object scalar = minimalLeaf(named);
            one = scalar instanceof String text && !(named instanceof GraphQLEnumType) ? "\"" + text + "\"" : scalar.toString();
        }
        return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList ? "[" + one + "]" : one;
    }

    /** A minimal valid value of the type with the string at the path set to the hostile text. */
    @SuppressWarnings("unchecked")
    static Object valueWithPath(GraphQLInputType type, List<String> path, String hostile) {
        GraphQLInputType unwrapped = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            return List.of(valueWithPath((GraphQLInputType) list.getWrappedType(), path, hostile));
        }
        if (path.isEmpty()) {
            return unwrapped instanceof GraphQLScalarType ? hostile : minimal(unwrapped);
        }
        GraphQLInputObjectType object = (GraphQLInputObjectType) unwrapped;
        Map<String, Object> value = (Map<String, Object>) minimal(object);
        GraphQLInputObjectField field = object.getField(path.get(0));
        value.put(field.getName(), valueWithPath(field.getType(), path.subList(1, path.size()), hostile));
        return value;
    }

    private static Object minimal(GraphQLInputType type) {
        GraphQLInputType unwrapped = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            return List.of(minimal((GraphQLInputType) list.getWrappedType()));
        }
        if (unwrapped instanceof GraphQLInputObjectType object) {
            Map<String, Object> value = new LinkedHashMap<>();
            object.getFieldDefinitions().stream()
                    .filter(f -> GraphQLTypeUtil.isNonNull(f.getType()) && !f.hasSetDefaultValue())
                    .forEach(f -> value.put(f.getName(), minimal(f.getType())));
            return value;
        }
        return minimalLeaf(unwrapped);
    }

    private static Object minimalLeaf(GraphQLType type) {
        if (type instanceof GraphQLEnumType e) {
            return e.getValues().get(0).getName();
        }
        String name = ((GraphQLScalarType) type).getName();
        return switch (name) {
            case "Int" -> 1;
            case "Float" -> 1.0;
            case "Boolean" -> true;
            default -> "NCT00000000";
        };
    }
}
