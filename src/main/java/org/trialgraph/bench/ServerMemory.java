package org.trialgraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's memory: resident set size (now and peak) from {@code /proc/PID/status}, and heap in use from
 * the actuator metric {@code jvm.memory.used} (area heap), or from {@code jcmd PID GC.heap_info} when the
 * actuator does not expose it and the process is a JVM.
 */
final class ServerMemory {

    /** Bytes, or -1 where unknown; {@code heapSource} says where the heap figure came from. */
    record Snapshot(long rssBytes, long peakRssBytes, long heapUsedBytes, String heapSource) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final HttpClient http;
    private final URI baseUrl;
    private final Long pid;

    ServerMemory(HttpClient http, URI baseUrl, Long pid) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.pid = pid;
    }

    Snapshot snapshot() {
        long rss = -1;
        long peak = -1;
        if (pid != null) {
            rss = procStatus("VmRSS").orElse(-1);
            peak = procStatus("VmHWM").orElse(-1);
        }
        Optional<Long> actuator = actuatorHeap();
        if (actuator.isPresent()) {
            return new Snapshot(rss, peak, actuator.get(), "actuator jvm.memory.used{area=heap}");
        }
        OptionalLong jcmd = jcmdHeap();
        return jcmd.isPresent() ? new Snapshot(rss, peak, jcmd.getAsLong(), "jcmd GC.heap_info")
                : new Snapshot(rss, peak, -1, "unavailable");
    }

    private OptionalLong procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                if (line.startsWith(field + ":")) {
                    String kilobytes = line.substring(field.length() + 1).replace("kB", "").strip();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone: unknown
        }
        return OptionalLong.empty();
    }

    private Optional<Long> actuatorHeap() {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap"))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode value = JSON.readTree(response.body()).path("measurements").path(0).path("value");
            return value.isNumber() ? Optional.of(value.asLong()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private boolean isJvm() {
        try (Stream<String> lines = Files.lines(Path.of("/proc", pid.toString(), "maps"))) {
            return lines.anyMatch(line -> line.endsWith("/libjvm.so"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private OptionalLong jcmdHeap() {
        // jcmd attaches by sending SIGQUIT, which ends a process that is not a JVM (the Node.js peer server).
        if (pid == null || !isJvm()) {
            return OptionalLong.empty();
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return OptionalLong.empty();
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), pid.toString(), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return OptionalLong.empty();
            }
            Matcher used = HEAP_USED.matcher(output);
            return used.find() ? OptionalLong.of(Long.parseLong(used.group(1)) * 1024) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
