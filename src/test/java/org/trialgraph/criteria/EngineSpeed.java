package org.trialgraph.criteria;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Speed harness for the criteria engine (not a test, no assertion): parses every eligibility text of every API v2
 * record in the shared data for some warm-up rounds, then for N measured rounds, each on a fresh engine (empty
 * criterion cache, as at the start of an import; criteria repeated within the corpus still hit it), and prints
 * criteria per CPU-second of the measuring thread for each round and their median. CPU time rather than wall time,
 * as the machine is shared.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.trialgraph.criteria.EngineSpeed bench [data] [rounds] [warm-up]
 * java -cp ... org.trialgraph.criteria.EngineSpeed dump [data] out.txt
 * </pre>
 *
 * {@code dump} writes the engine's full output (sections, kinds, positions, texts, keys, plain text, constraints: the
 * fields {@link EngineOutputGoldenTest} hashes, and each constraint's exact values) in plain text, so that two builds can be compared with {@code diff}.
 * See docs/BENCHMARKS.md, "Criteria engine speed".
 */
public final class EngineSpeed {

    private EngineSpeed() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "bench";
        Path data = Path.of(args.length > 1 ? args[1] : System.getProperty("trialgraph.shared-data", "../shared/data"));
        switch (mode) {
            case "bench" -> bench(data, args.length > 2 ? Integer.parseInt(args[2]) : 5, args.length > 3 ? Integer.parseInt(args[3]) : 3);
            case "dump" -> dump(data, Path.of(args[2]));
            default -> throw new IllegalArgumentException("mode must be bench or dump: " + mode);
        }
    }

    static void dump(Path data, Path out) throws IOException {
        EligibilityEngine engine = new EligibilityEngine();
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : EngineOutputGoldenTest.load(data).entrySet()) {
            for (String text : e.getValue()) {
                sb.append("# ").append(e.getKey()).append('\n');
                ParsedEligibility parsed = engine.parse(text);
                EngineOutputGoldenTest.write(parsed, sb);
                // the exact numbers too (the key formats them)
                parsed.allCriteria().forEach(c -> c.constraints().forEach(k -> sb.append("R ").append(k).append('\n')));
            }
        }
        Files.writeString(out, sb.toString());
    }

    static void bench(Path data, int rounds, int warmUp) throws IOException {
        List<String> texts = new ArrayList<>();
        EngineOutputGoldenTest.load(data).values().forEach(texts::addAll);
        int criteria = 0;
        for (String text : texts) {
            criteria += new EligibilityEngine().parse(text).allCriteria().size();
        }
        System.out.printf("texts=%d criteria=%d rounds=%d warm-up=%d%n", texts.size(), criteria, rounds, warmUp);
        for (int i = 0; i < warmUp; i++) {
            System.out.printf("warm-up %d: %.0f criteria/cpu-s%n", i + 1, criteria / cpuSecondsOfOneRound(texts));
        }
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            rates[i] = criteria / cpuSecondsOfOneRound(texts);
            System.out.printf("round %d: %.0f criteria/cpu-s (%.1f cpu-us/criterion)%n", i + 1, rates[i], 1e6 / rates[i]);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double median = rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
        System.out.printf("median: %.0f criteria/cpu-s (%.1f cpu-us/criterion), min %.0f, max %.0f; load average %s%n",
                median, 1e6 / median, sorted[0], sorted[rounds - 1], loadAverage());
    }

    /** CPU seconds of this thread to parse every text once on a fresh engine. */
    private static double cpuSecondsOfOneRound(List<String> texts) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        EligibilityEngine engine = newEngine(); // built outside the measurement: glossary patterns
        long sink = 0;
        long start = threads.getCurrentThreadCpuTime();
        for (String text : texts) {
            sink += engine.parse(text).sections().size();
        }
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        if (sink < 0) {
            System.out.println(sink); // keeps the result alive
        }
        return seconds;
    }

    /** As the importers read (no plain text: rendered when read) with {@code -Drenderer=none}; else as the service. */
    private static EligibilityEngine newEngine() {
        return "none".equals(System.getProperty("renderer"))
                ? new EligibilityEngine(PlainLanguageRenderer.NONE)
                : new EligibilityEngine();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }
}
