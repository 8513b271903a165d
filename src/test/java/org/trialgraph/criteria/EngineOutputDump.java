package org.trialgraph.criteria;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the engine's constraints per criterion over every API v2 record, one line each ({@code nct TAB criterion TAB
 * sorted keys}), so two engine versions can be compared with {@code diff}: {@code main <data folder> <output file>}.
 */
public final class EngineOutputDump {

    private EngineOutputDump() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, List<String>> texts = EngineOutputGoldenTest.load(Path.of(args[0]));
        EligibilityEngine engine = new EligibilityEngine();
        StringBuilder out = new StringBuilder();
        texts.forEach((id, list) -> {
            for (String text : list) {
                for (ParsedCriterion c : engine.parse(text).allCriteria()) {
                    TreeSet<String> keys = new TreeSet<>();
                    c.constraints().forEach(k -> keys.add(k.key()));
                    out.append(id).append('\t').append(c.text().replace('\n', ' ').replace('\t', ' ')).append('\t')
                            .append(String.join(" ; ", keys)).append('\n');
                }
            }
        });
        Files.writeString(Path.of(args[1]), out.toString());
    }
}
