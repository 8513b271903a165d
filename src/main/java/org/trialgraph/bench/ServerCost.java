package org.trialgraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run cost the server: database queries sent (TrialGraph's counter {@code trialgraph.db.queries}, read
 * from {@code /actuator/prometheus}) and CPU time (utime + stime of {@code /proc/PID/stat}). Read before and
 * after each measured run; divided by the run's requests they are robust to a busy machine, unlike requests/s.
 */
final class ServerCost {

    /** Totals at one moment; NaN where unknown (a server without the counter, no --pid, not Linux). */
    record Snapshot(double queries, double cpuSeconds) {

        /** Per request of a run that ended at {@code after}: queries and CPU milliseconds. */
        PerRequest perRequest(Snapshot after, long requests) {
            if (requests <= 0) {
                return PerRequest.UNKNOWN;
            }
            return new PerRequest((after.queries - queries) / requests, (after.cpuSeconds - cpuSeconds) * 1000 / requests);
        }
    }

    /** NaN where unknown. */
    record PerRequest(double queries, double cpuMillis) {
        static final PerRequest UNKNOWN = new PerRequest(Double.NaN, Double.NaN);
    }

    private static final String COUNTER = "trialgraph_db_queries_total";
    // USER_HZ: the unit of /proc/PID/stat's times, 100 on Linux builds for every common architecture.
    private static final double TICKS_PER_SECOND = 100;

    private final HttpClient http;
    private final URI prometheus;
    private final Long pid;

    ServerCost(HttpClient http, URI baseUrl, Long pid) {
        this.http = http;
        this.prometheus = baseUrl.resolve("/actuator/prometheus");
        this.pid = pid;
    }

    Snapshot snapshot() {
        return new Snapshot(queries(), cpuSeconds());
    }

    private double queries() {
        try {
            HttpRequest request = HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Double.NaN;
            }
            return counter(response.body());
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** The counter's value in Prometheus' text format (summed over its label sets), NaN when absent. */
    static double counter(String exposition) {
        double total = Double.NaN;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(COUNTER + " ") || line.startsWith(COUNTER + "{")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).strip());
                total = Double.isNaN(total) ? value : total + value;
            }
        }
        return total;
    }

    private double cpuSeconds() {
        if (pid == null) {
            return Double.NaN;
        }
        try {
            return cpuSeconds(Files.readString(Path.of("/proc", pid.toString(), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** utime + stime (fields 14 and 15) of a {@code /proc/PID/stat} line; the command name may hold spaces. */
    static double cpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
