package org.trialgraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads from one element of a legacy XML study, naming the element's path (e.g. {@code clinical_study/phase})
 * when a value is not one the format allows.
 */
final class XmlFields {

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?");

    private final XmlElement element;
    private final String path;

    private XmlFields(XmlElement element, String path) {
        this.element = element;
        this.path = path;
    }

    static XmlFields root(XmlElement element) {
        return new XmlFields(element, element.name());
    }

    XmlFields child(String name) {
        return new XmlFields(element == null ? null : element.child(name), path + "/" + name);
    }

    boolean isPresent() {
        return element != null;
    }

    String path() {
        return path;
    }

    /** The element's text, stripped; null when absent or blank. */
    String text() {
        if (element == null) {
            return null;
        }
        String text = element.text().strip();
        return text.isEmpty() ? null : text;
    }

    String text(String name) {
        return child(name).text();
    }

    String attribute(String name) {
        return element == null ? null : element.attributes().get(name);
    }

    /**
     * A {@code <textblock>} under the named child, as the registry wrote it: line breaks as {@code \n}, the
     * indentation the XML export added to every line removed, blank lines at either end dropped.
     */
    String textblock(String name) {
        return child(name).textblock();
    }

    String textblock() {
        return dedent(child("textblock").rawText());
    }

    /** The element's text as written, with its indentation; null when absent. */
    String rawText() {
        return element == null ? null : element.text();
    }

    static String dedent(String text) {
        if (text == null) {
            return null;
        }
        List<String> lines = List.of(LINE_BREAK.matcher(text).replaceAll("\n").split("\n", -1));
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        String result = out.toString().strip();
        return result.isEmpty() ? null : result;
    }

    List<String> texts(String name) {
        return all(name, XmlFields::text);
    }

    /** Every child of that name, mapped; nulls dropped. */
    <T> List<T> all(String name, Function<XmlFields, T> mapper) {
        if (element == null) {
            return List.of();
        }
        List<XmlElement> children = element.children(name);
        List<T> result = new ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) {
            String childPath = path + "/" + name + (children.size() > 1 ? "[" + (i + 1) + "]" : "");
            T mapped = mapper.apply(new XmlFields(children.get(i), childPath));
            if (mapped != null) {
                result.add(mapped);
            }
        }
        return List.copyOf(result);
    }

    /** The child's text translated through the table; an unknown value names the element. */
    <T> T translated(String name, Map<String, T> table) {
        return child(name).translated(table);
    }

    <T> T translated(Map<String, T> table) {
        String value = text();
        if (value == null) {
            return null;
        }
        T translation = table.get(value);
        if (translation == null) {
            throw unknownValue(value, table.keySet());
        }
        return translation;
    }

    InvalidRecordException invalid(String message) {
        return new InvalidRecordException(path, message);
    }

    private InvalidRecordException unknownValue(String value, java.util.Collection<String> allowed) {
        String shown = value.length() <= 60 ? value : value.substring(0, 57) + "...";
        return invalid("unknown value \"" + shown + "\" (expected one of "
                + String.join(", ", allowed.stream().sorted().map(v -> "\"" + v + "\"").toList()) + ")");
    }
}
