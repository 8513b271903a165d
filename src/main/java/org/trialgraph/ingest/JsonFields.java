package org.trialgraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Typed reads from one JSON object of a record, each naming the field's full path when the value has the
 * wrong type or an unknown enum constant.
 */
final class JsonFields {

    private final JsonNode node;
    private final String path;

    JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static JsonFields root(JsonNode node) {
        return new JsonFields(node, "");
    }

    JsonFields object(String name) {
        JsonNode child = node.path(name);
        if (!child.isMissingNode() && !child.isNull() && !child.isObject()) {
            throw wrongType(name, "an object", child);
        }
        return new JsonFields(child, pathOf(name));
    }

    boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    String string(String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw wrongType(name, "a string", value);
        }
        String text = value.stringValue().strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * Most characters of a name that becomes (part of) the key of a shared node: a sponsor, condition,
     * intervention, site or MeSH term. Neo4j's range indexes hold keys of up to about 8 kB; five key parts of
     * this length stay below it even in 4-byte characters. Real names are at most about 250 characters.
     */
    static final int MAX_NAME_LENGTH = 400;

    /** A string that names a shared node: refused when longer than {@link #MAX_NAME_LENGTH}. */
    String name(String name) {
        String value = string(name);
        if (value != null && value.length() > MAX_NAME_LENGTH) {
            throw tooLong(pathOf(name), value);
        }
        return value;
    }

    /** A list of strings each naming a shared node (see {@link #name}). */
    List<String> names(String name) {
        List<String> values = strings(name);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).length() > MAX_NAME_LENGTH) {
                throw tooLong(pathOf(name) + "[" + i + "]", values.get(i));
            }
        }
        return values;
    }

    private static InvalidRecordException tooLong(String path, String value) {
        return new InvalidRecordException(path, "a name of " + value.length() + " characters (at most "
                + MAX_NAME_LENGTH + "): \"" + abbreviate(value) + "\"");
    }

    String requiredString(String name) {
        String value = string(name);
        if (value == null) {
            throw new InvalidRecordException(pathOf(name), "is missing");
        }
        return value;
    }

    String enumValue(String name, Set<String> allowed) {
        String value = string(name);
        if (value != null && !allowed.contains(value)) {
            throw new InvalidRecordException(pathOf(name), "unknown value \"" + abbreviate(value) + "\" (expected one of "
                    + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
        return value;
    }

    Integer integer(String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw wrongType(name, "a non-negative integer", value);
        }
        return value.intValue();
    }

    Double decimal(String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw wrongType(name, "a number", value);
        }
        return value.doubleValue();
    }

    Boolean bool(String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false", value);
        }
        return value.booleanValue();
    }

    List<String> strings(String name) {
        return list(name, (item, itemPath) -> {
            if (!item.isString()) {
                throw new InvalidRecordException(itemPath, "expected a string, got " + describe(item));
            }
            String text = item.stringValue().strip();
            return text.isEmpty() ? null : text;
        });
    }

    List<String> enumValues(String name, Set<String> allowed) {
        List<String> values = strings(name);
        for (int i = 0; i < values.size(); i++) {
            if (!allowed.contains(values.get(i))) {
                throw new InvalidRecordException(pathOf(name) + "[" + i + "]", "unknown value \"" + abbreviate(values.get(i))
                        + "\" (expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return values;
    }

    <T> List<T> objects(String name, Function<JsonFields, T> mapper) {
        return list(name, (item, itemPath) -> {
            if (!item.isObject()) {
                throw new InvalidRecordException(itemPath, "expected an object, got " + describe(item));
            }
            return mapper.apply(new JsonFields(item, itemPath));
        });
    }

    String path() {
        return path;
    }

    private interface ItemMapper<T> {
        T map(JsonNode item, String itemPath);
    }

    private <T> List<T> list(String name, ItemMapper<T> mapper) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array", value);
        }
        List<T> result = new ArrayList<>(value.size());
        int index = 0;
        for (JsonNode item : value) {
            T mapped = mapper.map(item, pathOf(name) + "[" + index++ + "]");
            if (mapped != null) {
                result.add(mapped);
            }
        }
        return List.copyOf(result);
    }

    private String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private InvalidRecordException wrongType(String name, String expected, JsonNode actual) {
        return new InvalidRecordException(pathOf(name), "expected " + expected + ", got " + describe(actual));
    }

    private static String describe(JsonNode value) {
        if (value.isString()) {
            return "\"" + abbreviate(value.stringValue()) + "\"";
        }
        if (value.isContainer()) {
            return value.isArray() ? "an array" : "an object";
        }
        return abbreviate(value.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
