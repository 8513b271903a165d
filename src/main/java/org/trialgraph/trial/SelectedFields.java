package org.trialgraph.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;

/**
 * The fields a query selects below the field being fetched, read from the query's syntax tree: fragments and
 * inline fragments expanded, fields under {@code @skip(if: true)} or {@code @include(if: false)} left out.
 * {@code env.getSelectionSet()} answers the same, but graphql-java builds the normalized operation of the whole
 * query for it on the first call, a noticeable share of a trial detail's CPU (docs/BENCHMARKS.md). Only for
 * object types (Trial, its connections and edges), where every valid fragment applies, so type conditions need no
 * check.
 */
public final class SelectedFields {

    private SelectedFields() {
    }

    /** One selection of a field, in the query that selects it. */
    static final class Selected {

        private final Field field;
        private final Collector collector;

        private Selected(Field field, Collector collector) {
            this.field = field;
            this.collector = collector;
        }

        String name() {
            return field.getName();
        }

        /** Its arguments as written (literals and variables resolved; defaults not filled in). */
        Map<String, Object> arguments() {
            return collector.arguments(field);
        }

        /** The paths of the fields selected below it, by name: {@code sections}, {@code sections/criteria} ... */
        Set<String> paths() {
            Set<String> paths = new LinkedHashSet<>();
            collector.addPaths(field.getSelectionSet(), "", paths);
            return paths;
        }
    }

    /** Whether the field being fetched selects {@code name} right below it (a connection's {@code totalCount}). */
    static boolean selects(DataFetchingEnvironment env, String name) {
        return names(env, List.of()).contains(name);
    }

    /** The names of the fields selected on the object at {@code path} below the fetched field (see {@link #below}). */
    public static Set<String> names(DataFetchingEnvironment env, List<String> path) {
        Set<String> names = new LinkedHashSet<>();
        below(env, path).forEach(selected -> names.add(selected.name()));
        return names;
    }

    /**
     * The fields selected on the object at {@code path} below the fetched field (an empty path: its own sub-fields;
     * {@code ["edges", "node"]}: the nodes of a connection), one entry per selection, aliases included.
     */
    static List<Selected> below(DataFetchingEnvironment env, List<String> path) {
        Collector collector = new Collector(env.getFragmentsByName(), env.getVariables());
        List<Field> fields = env.getMergedField().getFields();
        for (String step : path) {
            List<Field> next = new ArrayList<>();
            fields.forEach(f -> collector.collect(f.getSelectionSet(), field -> {
                if (field.getName().equals(step)) {
                    next.add(field);
                }
            }));
            fields = next;
        }
        List<Selected> selected = new ArrayList<>();
        fields.forEach(f -> collector.collect(f.getSelectionSet(),
                field -> selected.add(new Selected(field, collector))));
        return selected;
    }

    private record Collector(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {

        void collect(SelectionSet selections, Consumer<Field> sink) {
            if (selections == null) {
                return;
            }
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field field) {
                    if (included(field.getDirectives())) {
                        sink.accept(field);
                    }
                } else if (selection instanceof InlineFragment inline) {
                    if (included(inline.getDirectives())) {
                        collect(inline.getSelectionSet(), sink);
                    }
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null && included(spread.getDirectives()) && included(fragment.getDirectives())) {
                        collect(fragment.getSelectionSet(), sink);
                    }
                }
            }
        }

        void addPaths(SelectionSet selections, String prefix, Set<String> paths) {
            collect(selections, field -> {
                String path = prefix + field.getName();
                paths.add(path);
                addPaths(field.getSelectionSet(), path + "/", paths);
            });
        }

        Map<String, Object> arguments(Field field) {
            if (field.getArguments().isEmpty()) {
                return Map.of();
            }
            Map<String, Object> arguments = new LinkedHashMap<>();
            for (Argument argument : field.getArguments()) {
                arguments.put(argument.getName(), value(argument.getValue()));
            }
            return arguments;
        }

        private boolean included(List<Directive> directives) {
            for (Directive directive : directives) {
                if (directive.getName().equals("skip") && Boolean.TRUE.equals(condition(directive))) {
                    return false;
                }
                if (directive.getName().equals("include") && !Boolean.TRUE.equals(condition(directive))) {
                    return false;
                }
            }
            return true;
        }

        private Object condition(Directive directive) {
            Argument condition = directive.getArgument("if");
            return condition == null ? null : value(condition.getValue());
        }

        /** A literal as graphql-java coerces it for a data fetcher; a variable's value as coerced for the request. */
        private Object value(Value<?> value) {
            if (value instanceof VariableReference variable) {
                return variables.get(variable.getName());
            }
            if (value instanceof BooleanValue b) {
                return b.isValue();
            }
            if (value instanceof IntValue i) {
                return i.getValue().intValueExact();
            }
            if (value instanceof FloatValue f) {
                return f.getValue().doubleValue();
            }
            if (value instanceof StringValue s) {
                return s.getValue();
            }
            if (value instanceof EnumValue e) {
                return e.getName();
            }
            if (value instanceof ArrayValue list) {
                return list.getValues().stream().map(this::value).toList();
            }
            if (value instanceof ObjectValue object) {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (ObjectField field : object.getObjectFields()) {
                    fields.put(field.getName(), value(field.getValue()));
                }
                return fields;
            }
            return null; // NullValue
        }
    }
}
