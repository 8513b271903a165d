package org.trialgraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar trialgraph.jar bench --url http://127.0.0.1:8080 --pid PID}: sends each query of the query
 * file to a running TrialGraph with 1 and 8 concurrent clients and writes a Markdown table of latency
 * percentiles and requests per second, with the server's memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures a running TrialGraph over HTTP: p50/p95/p99 latency and requests/s per query and "
                + "number of concurrent clients, and the server's memory. Writes a Markdown report.",
        footer = {"", "The query file has sections '### name', optional '# requires: rootField', '# variables: {json}' "
                + "with {{placeholders}}, '# values: name = a | b', then the GraphQL document. {{nctId}} takes NCT ids "
                + "sampled from the service. Exit codes: 0 no request failed, 1 some failed, 2 usage error."})
public final class BenchCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEFAULT_QUERIES = "/bench/queries.graphql";

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "The service (default ${DEFAULT-VALUE}).")
    private URI url;

    @Option(names = "--sample-from", description = "The TrialGraph to sample NCT ids from (default: --url). "
            + "For a server that is not TrialGraph, e.g. the @neo4j/graphql peer, so both are asked for the same trials.")
    private URI sampleFrom;

    @Option(names = "--queries", description = "Query file (default: the one in the jar, bench/queries.graphql).")
    private Path queries;

    @Option(names = "--only", split = ",", description = "Run only these queries (names from the query file).")
    private List<String> only = new ArrayList<>();

    @Option(names = "--clients", split = ",", defaultValue = "1,8", description = "Concurrent clients per run (default ${DEFAULT-VALUE}).")
    private List<Integer> clients;

    @Option(names = "--seconds", defaultValue = "20", description = "Length of each measured run (default ${DEFAULT-VALUE}).")
    private double seconds;

    @Option(names = "--requests", defaultValue = "" + Long.MAX_VALUE, description = "At most this many requests per run.")
    private long requests;

    @Option(names = "--warmup-seconds", defaultValue = "5", description = "Unmeasured run before each query (default ${DEFAULT-VALUE}).")
    private double warmupSeconds;

    @Option(names = "--mix", description = "One run of all selected queries mixed (each request a query drawn at "
            + "random) instead of one run per query.")
    private boolean mix;

    @Option(names = "--pid", description = "The server's process id, for its RSS (and heap through jcmd when the actuator has no metrics).")
    private Long pid;

    @Option(names = "--report", defaultValue = "target/bench/report.md", description = "Markdown report (default ${DEFAULT-VALUE}).")
    private Path report;

    @Option(names = "--title", defaultValue = "TrialGraph query latency", description = "Heading of the report.")
    private String title;

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        return new CommandLine(new BenchCommand()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = new PrintWriter(System.err, true);
        if (clients.stream().anyMatch(c -> c < 1) || seconds <= 0 || requests < 1) {
            err.println("clients, seconds and requests must be positive");
            return 2;
        }
        List<BenchQuery> all = BenchQuery.parse(queryText());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI graphql = url.resolve("/graphql");
        Set<String> rootFields = rootFields(http, graphql);
        List<String> nctIds = sampleNctIds(http, sampleFrom == null ? graphql : sampleFrom.resolve("/graphql"));
        if (nctIds.isEmpty()) {
            err.println("the service at " + url + " holds no trials");
            return 1;
        }
        int most = clients.stream().mapToInt(Integer::intValue).max().orElse(1);
        try (LoadRunner runner = new LoadRunner(graphql, Map.of("nctId", nctIds), most)) {
            return measure(runner, selected(all, rootFields), most, http, nctIds.size(), err);
        }
    }

    private int measure(LoadRunner runner, Selection selection, int most, HttpClient http, int sampledIds,
            PrintWriter err) throws IOException, InterruptedException {
        ServerMemory memory = new ServerMemory(http, url, pid);
        ServerCost cost = new ServerCost(http, url, pid);
        ServerMemory.Snapshot before = memory.snapshot();
        List<LoadRunner.Measurement> measurements = new ArrayList<>();
        List<ServerCost.PerRequest> costs = new ArrayList<>();
        List<BenchQuery> selected = selection.queries();
        long seed = 1;
        List<List<BenchQuery>> runs = mix ? List.of(selected) : selected.stream().map(List::of).toList();
        for (List<BenchQuery> run : runs) {
            String name = run.size() == 1 ? run.get(0).name() : "mix of " + run.size();
            if (warmupSeconds > 0) {
                runner.run(name, run, most, new LoadRunner.Limits(millis(warmupSeconds), requests), seed++);
            }
            for (int count : clients) {
                ServerCost.Snapshot costBefore = cost.snapshot();
                LoadRunner.Measurement m = runner.run(name, run, count, new LoadRunner.Limits(millis(seconds), requests), seed++);
                ServerCost.PerRequest perRequest = costBefore.perRequest(cost.snapshot(), m.requests());
                err.printf("%-20s %d clients: %,d requests, %,d errors, %,.1f/s, p50 %.1f ms, p99 %.1f ms, "
                        + "%s queries/request, %s CPU ms/request%n", m.query(), m.clients(), m.requests(), m.errors(),
                        m.requestsPerSecond(), m.p50(), m.p99(), BenchReport.number(perRequest.queries()),
                        BenchReport.number(perRequest.cpuMillis()));
                if (m.firstError() != null) {
                    err.println("  first error: " + m.firstError());
                }
                measurements.add(m);
                costs.add(perRequest);
            }
        }
        ServerMemory.Snapshot after = memory.snapshot();
        String parameters = String.format("%s, %s; each run %s s (at most %s requests) after a %s s warm-up; "
                + "%,d sampled NCT ids; measured %s.", url, clients.size() == 1 ? clients.get(0) + " client(s)"
                : "clients " + clients, trim(seconds), requests == Long.MAX_VALUE ? "unlimited" : "" + requests,
                trim(warmupSeconds), sampledIds, Instant.now().toString().substring(0, 19) + "Z");
        BenchReport result = new BenchReport(title, parameters, measurements, costs, selection.skipped(), before,
                after);
        String markdown = result.markdown();
        System.out.print(markdown);
        System.out.flush();
        Path parent = report.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(report, markdown);
        err.println("report written to " + report);
        return result.errors() == 0 ? 0 : 1;
    }

    /** The queries to run, and those skipped because the running schema lacks their root field. */
    private record Selection(List<BenchQuery> queries, List<String> skipped) {
    }

    private Selection selected(List<BenchQuery> all, Set<String> rootFields) {
        List<BenchQuery> queries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (BenchQuery query : all) {
            if (!only.isEmpty() && !only.contains(query.name())) {
                continue;
            }
            if (query.requires() != null && !rootFields.contains(query.requires())) {
                skipped.add(query.name());
                continue;
            }
            queries.add(query);
        }
        return new Selection(queries, skipped);
    }

    private String queryText() throws IOException {
        if (queries != null) {
            return Files.readString(queries);
        }
        try (InputStream in = BenchCommand.class.getResourceAsStream(DEFAULT_QUERIES)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_QUERIES);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static Set<String> rootFields(HttpClient http, URI graphql) throws IOException, InterruptedException {
        JsonNode data = post(http, graphql, "{ __schema { queryType { fields { name } } } }");
        Set<String> names = new LinkedHashSet<>();
        data.path("__schema").path("queryType").path("fields").forEach(field -> names.add(field.path("name").asString()));
        return names;
    }

    /** NCT ids to fill {{nctId}}: the first page by id and the most recently updated page, without repeats. */
    private static List<String> sampleNctIds(HttpClient http, URI graphql) throws IOException, InterruptedException {
        Set<String> ids = new LinkedHashSet<>();
        for (String order : List.of("NCT_ID", "LAST_UPDATED")) {
            JsonNode data = post(http, graphql, "{ trials(first: 100, orderBy: [{field: " + order
                    + ", direction: DESC}]) { edges { node { nctId } } } }");
            data.path("trials").path("edges").forEach(edge -> ids.add(edge.path("node").path("nctId").asString()));
        }
        return List.copyOf(ids);
    }

    private static JsonNode post(HttpClient http, URI graphql, String document) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + BenchQuery.jsonEscape(document) + "\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + graphql + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        if (body.has("errors")) {
            throw new IOException("GraphQL errors from " + graphql + ": " + body.get("errors"));
        }
        return body.path("data");
    }
}
