package org.trialgraph.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Sends one benchmark query (or a mix: each request a query drawn at random) from a number of concurrent clients
 * (a fixed thread pool, each thread one client sending its next request when the last one answered) for a fixed
 * time or a fixed number of requests, and measures each request's latency.
 *
 * <p>The load generator shares the server's cores, so what it costs per request is taken from the server: Apache
 * HttpClient's blocking pooled client costs about 0.08 CPU-ms per trial-detail request here against about 0.19 for the
 * JDK's {@code java.net.http.HttpClient} (docs/BENCHMARKS.md, "A lighter load generator").
 */
final class LoadRunner implements AutoCloseable {

    /** How long or how many: a run stops at whichever limit comes first. */
    record Limits(Duration duration, long requests) {
    }

    /** What one query did with one number of clients. */
    record Measurement(String query, int clients, long requests, long errors, double seconds, double p50, double p95,
            double p99, String firstError) {

        double requestsPerSecond() {
            return seconds > 0 ? requests / seconds : 0;
        }
    }

    private final CloseableHttpClient http;
    private final URI graphql;
    private final Map<String, List<String>> sampled;

    /** A runner with one kept-alive connection for each of at most {@code maxClients} clients. */
    LoadRunner(URI graphql, Map<String, List<String>> sampled, int maxClients) {
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxClients)
                        .setMaxConnPerRoute(maxClients)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(10, TimeUnit.SECONDS).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(60, TimeUnit.SECONDS).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
        this.graphql = graphql;
        this.sampled = sampled;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    Measurement run(BenchQuery query, int clients, Limits limits, long seed) throws InterruptedException {
        return run(query.name(), List.of(query), clients, limits, seed);
    }

    /** Every request of every client is one of the queries, drawn at random. */
    Measurement run(String name, List<BenchQuery> queries, int clients, Limits limits, long seed)
            throws InterruptedException {
        long deadline = System.nanoTime() + limits.duration().toNanos();
        AtomicLong started = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<ClientResult>> futures = new ArrayList<>();
        long begin = System.nanoTime();
        try {
            for (int c = 0; c < clients; c++) {
                SplittableRandom random = new SplittableRandom(seed * 31 + c);
                futures.add(pool.submit(() -> client(queries, random, deadline, started, limits.requests())));
            }
            List<ClientResult> results = new ArrayList<>();
            for (Future<ClientResult> future : futures) {
                results.add(future.get());
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            return measurement(name, clients, results, seconds);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("client failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private ClientResult client(List<BenchQuery> queries, SplittableRandom random, long deadline, AtomicLong started,
            long maxRequests) {
        long[] latencies = new long[1024];
        int count = 0;
        long errors = 0;
        String firstError = null;
        while (System.nanoTime() < deadline && started.incrementAndGet() <= maxRequests) {
            HttpPost request = request(queries.get(random.nextInt(queries.size())), random);
            long t0 = System.nanoTime();
            String problem;
            try {
                problem = http.execute(request, response -> problem(response.getCode(), response.getEntity() == null
                        ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                problem = e.toString();
            }
            long latency = System.nanoTime() - t0;
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
            if (problem != null) {
                errors++;
                firstError = firstError == null ? problem : firstError;
            }
        }
        return new ClientResult(Arrays.copyOf(latencies, count), errors, firstError);
    }

    private record ClientResult(long[] latencies, long errors, String firstError) {
    }

    HttpPost request(BenchQuery query, SplittableRandom random) {
        Map<String, String> chosen = new HashMap<>();
        for (String placeholder : query.placeholders()) {
            List<String> values = query.values().getOrDefault(placeholder, sampled.get(placeholder));
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("queries: no values for {{" + placeholder + "}} in " + query.name());
            }
            chosen.put(placeholder, values.get(random.nextInt(values.size())));
        }
        String body = "{\"query\":\"" + BenchQuery.jsonEscape(query.document()) + "\",\"variables\":"
                + query.variablesWith(chosen) + "}";
        HttpPost post = new HttpPost(graphql);
        post.setHeader("Accept", "application/json");
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        return post;
    }

    /** Null when the answer is a success; otherwise what went wrong. Only the top level is looked at. */
    static String problem(int status, String body) {
        if (status != 200) {
            return "HTTP " + status + ": " + abbreviate(body);
        }
        // Top-level "errors" key: Spring for GraphQL writes it first when present, escaped quotes cannot match.
        if (body.startsWith("{\"errors\"") || body.contains(",\"errors\":[")) {
            return abbreviate(body);
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static Measurement measurement(String query, int clients, List<ClientResult> results, double seconds) {
        long[] all = results.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
        long errors = results.stream().mapToLong(ClientResult::errors).sum();
        String firstError = results.stream().map(ClientResult::firstError).filter(e -> e != null).findFirst().orElse(null);
        return new Measurement(query, clients, all.length, errors, seconds, millis(all, 0.50), millis(all, 0.95),
                millis(all, 0.99), firstError);
    }

    /** Nearest-rank percentile in milliseconds. */
    static double millis(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
