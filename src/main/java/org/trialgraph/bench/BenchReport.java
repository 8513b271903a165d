package org.trialgraph.bench;

import java.util.List;
import java.util.Locale;

/**
 * The benchmark's results as Markdown: one row per query and number of clients (with what each request cost the
 * server: database queries and CPU time, in the columns after p99), then the server's memory.
 */
record BenchReport(String title, String parameters, List<LoadRunner.Measurement> measurements,
        List<ServerCost.PerRequest> costs, List<String> skipped, ServerMemory.Snapshot before,
        ServerMemory.Snapshot after) {

    long errors() {
        return measurements.stream().mapToLong(LoadRunner.Measurement::errors).sum();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(title).append("\n\n").append(parameters).append("\n\n");
        md.append("| query | clients | requests | errors | requests/s | p50 ms | p95 ms | p99 ms | queries/request "
                + "| server CPU ms/request |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < measurements.size(); i++) {
            LoadRunner.Measurement m = measurements.get(i);
            ServerCost.PerRequest cost = i < costs.size() ? costs.get(i) : ServerCost.PerRequest.UNKNOWN;
            md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %,.1f | %.1f | %.1f | %.1f | %s | %s |%n",
                    m.query(), m.clients(), m.requests(), m.errors(), m.requestsPerSecond(), m.p50(), m.p95(), m.p99(),
                    number(cost.queries()), number(cost.cpuMillis())));
        }
        if (!skipped.isEmpty()) {
            md.append("\nSkipped (the schema has no such root field): ").append(String.join(", ", skipped)).append('\n');
        }
        md.append("\n| server memory | RSS | peak RSS | heap used |\n|---|---|---|---|\n");
        md.append(memoryRow("before the load", before)).append(memoryRow("after the load", after));
        md.append("\nHeap from ").append(after.heapSource()).append("; RSS from /proc/PID/status (VmRSS, VmHWM). ")
                .append("Queries/request: the server's trialgraph_db_queries_total (/actuator/prometheus) over the run; ")
                .append("CPU ms/request: utime + stime of /proc/PID/stat over the run (n/a without --pid).\n");
        measurements.stream().filter(m -> m.firstError() != null).forEach(m -> md.append("\nFirst error of ")
                .append(m.query()).append(" with ").append(m.clients()).append(" clients: `")
                .append(m.firstError().replace('`', '\'').replace('\n', ' ')).append("`\n"));
        return md.toString();
    }

    private static String memoryRow(String when, ServerMemory.Snapshot snapshot) {
        return "| " + when + " | " + megabytes(snapshot.rssBytes()) + " | " + megabytes(snapshot.peakRssBytes()) + " | "
                + megabytes(snapshot.heapUsedBytes()) + " |\n";
    }

    /** Two decimals, or "n/a" where the server could not tell (NaN: e.g. the peer has no query counter). */
    static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
