package org.trialgraph.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;

/**
 * The engine's full output over every API v2 record of the shared data must stay byte-identical to the digest
 * recorded in {@value #RESOURCE} (written before the engine was made faster). A speed change that alters even one
 * heading, kind, position, text, key, plain text or constraint fails here with the NCT ids that differ.
 *
 * <p>To record a new digest after an intended change of output (with a new {@link EligibilityEngine#VERSION}), run
 * {@code main} with the data folder and the resource path as arguments.
 */
class EngineOutputGoldenTest {

    static final String RESOURCE = "/criteria/engine-output-digest.tsv";

    @Test
    void outputOverAllApiV2RecordsMatchesTheRecordedDigest() throws IOException {
        Map<String, String> expected = readExpected();
        String expectedTotal = expected.remove(TOTAL);
        Map<String, String> actual = digests(load(data()), new EligibilityEngine(), false);

        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(differing(expected, actual)).as("records whose engine output changed").isEmpty();
        assertThat(total(actual)).isEqualTo(expectedTotal);
    }

    @Test
    void aWarmEngineUsedFromManyThreadsGivesTheSameOutputAsAColdOne() throws IOException {
        Map<String, List<String>> texts = load(data());
        EligibilityEngine engine = new EligibilityEngine();
        Map<String, String> cold = digests(texts, engine, false);
        Map<String, String> warmParallel = digests(texts, engine, true);

        assertThat(differing(cold, warmParallel)).as("records read differently by a warm engine on many threads").isEmpty();
    }

    private static final String TOTAL = "ALL";

    static Path data() {
        Path data = Path.of(System.getProperty("trialgraph.shared-data", "../shared/data"));
        assertThat(Files.isDirectory(data.resolve("ctgov-v2"))).as("shared data at %s", data.toAbsolutePath()).isTrue();
        return data;
    }

    /** Every distinct eligibility text of every API v2 record, by NCT id (both in sorted order). */
    static Map<String, List<String>> load(Path data) throws IOException {
        Map<String, TreeSet<String>> byId = new TreeMap<>();
        CriteriaBenchmark.forEachEligibilityText(data.resolve("ctgov-v2"),
                (id, text) -> byId.computeIfAbsent(id, k -> new TreeSet<>()).add(text));
        Map<String, List<String>> out = new LinkedHashMap<>();
        byId.forEach((id, t) -> out.put(id, List.copyOf(t)));
        return out;
    }

    /** NCT id → SHA-256 (hex) of the engine's output for its texts, in NCT order. */
    static Map<String, String> digests(Map<String, List<String>> texts, EligibilityEngine engine, boolean parallel) {
        Map<String, String> byId = new ConcurrentHashMap<>();
        Stream<Map.Entry<String, List<String>>> entries = texts.entrySet().stream();
        (parallel ? entries.parallel() : entries).forEach(e -> {
            StringBuilder out = new StringBuilder();
            for (String text : e.getValue()) {
                write(engine.parse(text), out);
            }
            byId.put(e.getKey(), sha256(out.toString()));
        });
        return new TreeMap<>(byId);
    }

    /** Every field as length:value, so no field content can imitate a separator. */
    static void write(ParsedEligibility parsed, StringBuilder out) {
        out.append("E\n");
        for (EligibilitySection s : parsed.sections()) {
            field(out.append("S "), s.heading());
            field(out, s.kind().name());
            out.append('\n');
            for (ParsedCriterion c : s.criteria()) {
                field(out.append("C "), Integer.toString(c.position()));
                field(out, c.text());
                field(out, c.key());
                field(out, c.plainText());
                out.append('\n');
                for (Constraint k : c.constraints()) {
                    field(out.append("K "), k.key());
                    field(out, k.label());
                    field(out, k.sourceText());
                    out.append('\n');
                }
            }
        }
    }

    private static void field(StringBuilder out, String value) {
        out.append(value.length()).append(':').append(value).append(' ');
    }

    static String total(Map<String, String> byId) {
        StringBuilder all = new StringBuilder();
        byId.forEach((id, hash) -> all.append(id).append(' ').append(hash).append('\n'));
        return sha256(all.toString());
    }

    private static List<String> differing(Map<String, String> expected, Map<String, String> actual) {
        List<String> ids = new ArrayList<>();
        expected.forEach((id, hash) -> {
            if (!hash.equals(actual.get(id))) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static Map<String, String> readExpected() throws IOException {
        Map<String, String> byId = new LinkedHashMap<>();
        try (InputStream in = EngineOutputGoldenTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("resource %s", RESOURCE).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                byId.put(parts[0], parts[1]);
            }
        }
        return new TreeMap<>(byId);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the digest file: {@code main <data folder> <output file>}. */
    public static void main(String[] args) throws IOException {
        Map<String, String> byId = digests(load(Path.of(args[0])), new EligibilityEngine(), false);
        StringBuilder out = new StringBuilder("# SHA-256 of the criteria engine's output per NCT id (see EngineOutputGoldenTest)\n");
        out.append(TOTAL).append('\t').append(total(byId)).append('\n');
        byId.forEach((id, hash) -> out.append(id).append('\t').append(hash).append('\n'));
        Files.writeString(Path.of(args[1]), out.toString());
    }
}
