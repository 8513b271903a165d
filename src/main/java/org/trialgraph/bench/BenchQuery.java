package org.trialgraph.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * One named GraphQL request of the benchmark: its document, its variables as JSON text with {@code {{name}}}
 * placeholders, the values each placeholder takes, and the root field it needs (skipped when the schema has
 * none). Read from a file of sections:
 *
 * <pre>
 * ### trial-detail
 * # requires: trial
 * # variables: {"nctId": "{{nctId}}"}
 * # values: word = asthma | breast cancer
 * query trialDetail($nctId: ID!) { trial(nctId: $nctId) { nctId } }
 * </pre>
 *
 * {@code {{nctId}}} is filled with NCT ids sampled from the running service; other placeholders take the values
 * listed under {@code # values:}.
 */
record BenchQuery(String name, String requires, String document, String variables, Map<String, List<String>> values) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    static List<BenchQuery> parse(String text) {
        List<BenchQuery> queries = new ArrayList<>();
        String name = null;
        String requires = null;
        String variables = "{}";
        Map<String, List<String>> values = new LinkedHashMap<>();
        StringBuilder document = new StringBuilder();
        for (String line : (text + "\n### ").split("\n")) {
            if (line.startsWith("###")) {
                if (name != null) {
                    queries.add(new BenchQuery(name, requires, document.toString().strip(), variables, Map.copyOf(values)));
                }
                name = line.substring(3).strip();
                requires = null;
                variables = "{}";
                values = new LinkedHashMap<>();
                document.setLength(0);
            } else if (line.startsWith("# requires:")) {
                requires = line.substring("# requires:".length()).strip();
            } else if (line.startsWith("# variables:")) {
                variables = line.substring("# variables:".length()).strip();
            } else if (line.startsWith("# values:")) {
                String[] definition = line.substring("# values:".length()).split("=", 2);
                values.put(definition[0].strip(), List.of(definition[1].strip().split("\\s*\\|\\s*")));
            } else if (name != null && !line.startsWith("#")) {
                document.append(line).append('\n');
            }
        }
        queries.removeIf(query -> query.name().isEmpty() || query.document().isEmpty());
        return queries;
    }

    /** The placeholders the variables use, in order of first use. */
    List<String> placeholders() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(variables);
        while (matcher.find()) {
            if (!names.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The variables with each placeholder replaced by the value chosen for it (escaped for a JSON string). */
    String variablesWith(Map<String, String> chosen) {
        Matcher matcher = PLACEHOLDER.matcher(variables);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = chosen.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("queries: no values for {{" + matcher.group(1) + "}} in " + name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(jsonEscape(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.toString();
    }
}
