package org.trialgraph.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.trialgraph.criteria.EligibilityEngine;
import org.trialgraph.criteria.PlainLanguageRenderer;

/**
 * Benchmark, not a test: CPU of the reading thread of an import (inflating, UTF-8 check, JSON, content hash, mapping
 * to the import record; the criteria engine is not run, as in {@code bulk-import}, where workers run it). Reads one
 * file (e.g. a generated registry zip) for some warm-up rounds, then N measured rounds, and prints studies per
 * CPU-second of this thread per round and the median.
 *
 * <pre>
 * java -cp $CP org.trialgraph.ingest.ReaderSpeed target/bench/registry-10000-seed42.jsonl.zip 5 2
 * </pre>
 */
public final class ReaderSpeed {

    private ReaderSpeed() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        for (int i = 0; i < warmUp; i++) {
            System.out.printf("warm-up %d: %.0f studies/cpu-s%n", i + 1, round(file));
        }
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            rates[i] = round(file);
            System.out.printf("round %d: %.0f studies/cpu-s (%.1f cpu-us/study)%n", i + 1, rates[i], 1e6 / rates[i]);
        }
        Arrays.sort(rates);
        double median = rounds % 2 == 1 ? rates[rounds / 2] : (rates[rounds / 2 - 1] + rates[rounds / 2]) / 2;
        System.out.printf("median: %.0f studies/cpu-s (%.1f cpu-us/study), min %.0f, max %.0f; load average %s%n",
                median, 1e6 / median, rates[0], rates[rounds - 1], Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static double round(Path file) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] counts = new long[2];
        StudyReader reader = new StudyReader(new StudyReader.Sink() {
            @Override
            public void accept(StudyRecord study) {
                counts[0]++;
            }

            @Override
            public void reject(Rejection rejection) {
                counts[1]++;
            }
        }, new EligibilityEngine(PlainLanguageRenderer.NONE), 64L << 30);
        long start = threads.getCurrentThreadCpuTime();
        reader.read(file);
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        if (counts[1] > 0) {
            throw new IllegalStateException(counts[1] + " records rejected");
        }
        return counts[0] / seconds;
    }
}
