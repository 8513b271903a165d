package org.trialgraph.scale;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar trialgraph.jar generate --size N --seed S --out FILE}: writes N synthetic API v2 studies
 * recombined from real ones, as JSON lines or a zip of JSON lines. Runs without Spring or Neo4j.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes registry-sized synthetic ClinicalTrials.gov API v2 studies (JSON lines, or a zip "
                + "holding JSON lines) recombined from real records, deterministically by seed.",
        footer = {"", "Study ids are NCT9000001, NCT9000002, ... Study i depends only on the seed and i, so a smaller "
                + "size gives a prefix of a larger one. Exit codes: 0 written, 1 failed, 2 usage error."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--size", required = true, description = "How many studies (1 to 9,999,999).")
    private long size;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, description = "Output file: .jsonl, or .zip (e.g. registry-10k.jsonl.zip).")
    private Path out;

    @Option(names = "--from", description = "Real API v2 records to draw from: files or directories "
            + "(default ../shared/data/ctgov-v2).")
    private List<Path> from = new ArrayList<>();

    @Option(names = "--criteria-sharing", defaultValue = "REALISTIC",
            description = "REALISTIC: criteria lines only one real record states become each study's own; "
                    + "POOL: every line is copied as it is. Default ${DEFAULT-VALUE}.")
    private ScaleGenerator.CriteriaSharing criteriaSharing;

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        return new CommandLine(new GenerateCommand()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = new PrintWriter(System.err, true);
        List<Path> sources = from.isEmpty() ? List.of(Path.of("../shared/data/ctgov-v2")) : from;
        long started = System.nanoTime();
        RecordPool pool;
        try {
            pool = RecordPool.read(sources);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        err.printf("drawing from %,d real studies in %s%n", pool.size(), sources);
        ScaleGenerator generator = new ScaleGenerator(pool, seed, criteriaSharing);
        Progress progress = new Progress(err, size, System.nanoTime());
        try {
            ScaleWriter.write(generator, size, out, progress::update);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        new PrintWriter(System.out, true).printf("wrote %,d studies (seed %d) to %s in %.1f s%n", size, seed, out, seconds);
        return 0;
    }

    /** Studies written, rate and time left: in place on a terminal, every few seconds otherwise. */
    private static final class Progress {

        private final PrintWriter err;
        private final long size;
        private final long started;
        private final boolean terminal = System.console() != null;
        private long lastPrinted;

        Progress(PrintWriter err, long size, long started) {
            this.err = err;
            this.size = size;
            this.started = started;
            this.lastPrinted = started;
        }

        void update(long written) {
            long now = System.nanoTime();
            long interval = terminal ? 500_000_000L : 5_000_000_000L;
            if (now - lastPrinted < interval && written < size) {
                return;
            }
            lastPrinted = now;
            double seconds = (now - started) / 1e9;
            double rate = seconds > 0 ? written / seconds : 0;
            String line = String.format("generating: %,d / %,d studies, %,.0f studies/s, %.0f s left", written, size,
                    rate, rate > 0 ? (size - written) / rate : 0);
            if (terminal) {
                err.print("\r" + line + (written == size ? "\n" : ""));
                err.flush();
            } else {
                err.println(line);
            }
        }
    }
}
