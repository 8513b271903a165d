package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphApplication;

/**
 * kill -9 in the middle of {@code import}, then the same import again: the store ends identical to a clean import
 * into another fresh data dir. Both imports run as child processes of the real command line; the stores are then
 * opened here and compared by node counts per label, relationship counts per type, and per trial its sourceHash,
 * criteriaEngineVersion and number of relationships of each type.
 *
 * <p>Slow (three imports of the 2,519 shared records): only in {@code ./mvnw -Preliability test}.
 */
@Tag("reliability")
class ImportKillResumeTest {

    private static final Logger log = LoggerFactory.getLogger(ImportKillResumeTest.class);

    private static final Pattern PROGRESS = Pattern.compile("importing: ([\\d,]+) studies read");
    private static final int KILL_AFTER_READ = 800;

    private final Path work = Path.of("target/kill-resume-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void anImportKilledMidwayAndRunAgainEndsIdenticalToACleanImport() throws Exception {
        Path killedStore = work.resolve("killed");
        Process first = importInto(killedStore, "killed-run");
        long readWhenKilled = waitForProgress(first, work.resolve("killed-run.err"));
        first.destroyForcibly().waitFor(); // SIGKILL on Unix: no shutdown hook, no clean Neo4j shutdown
        Graph afterKill = Graph.of(killedStore);
        log.info("Killed after {} studies read: {} trials stored", readWhenKilled, afterKill.trials().size());

        int resumed = finish(importInto(killedStore, "resumed-run"));
        int clean = finish(importInto(work.resolve("clean"), "clean-run"));
        Graph resumedGraph = Graph.of(killedStore);
        Graph cleanGraph = Graph.of(work.resolve("clean"));

        assertThat(afterKill.trials().size()).as("trials stored when killed").isPositive()
                .isLessThan(cleanGraph.trials().size());
        assertThat(resumed).isEqualTo(clean);
        assertThat(resumedGraph.labels()).isEqualTo(cleanGraph.labels());
        assertThat(resumedGraph.relationships()).isEqualTo(cleanGraph.relationships());
        assertThat(resumedGraph.trials()).isEqualTo(cleanGraph.trials());
        log.info("Resumed and clean stores equal: {} labels {}, relationships {}", cleanGraph.trials().size(),
                cleanGraph.labels(), cleanGraph.relationships());
    }

    private Process importInto(Path store, String name) throws IOException {
        Files.createDirectories(work);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx1g");
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TrialGraphApplication.class.getName(),
                "import", SharedData.v2().toAbsolutePath().toString(),
                "--trialgraph.neo4j.data-dir=" + store, "--trialgraph.neo4j.bolt-port=0",
                "--trialgraph.import.batch-size=100", "--trialgraph.neo4j.throwaway=false"));
        return new ProcessBuilder(command)
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".err").toFile())
                .start();
    }

    /** Waits until the import reports (after a committed batch) that enough studies were read; returns how many. */
    private static long waitForProgress(Process process, Path stderr) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("import still running before the kill").isTrue();
            Matcher progress = PROGRESS.matcher(Files.exists(stderr) ? Files.readString(stderr) : "");
            long read = 0;
            while (progress.find()) {
                read = Long.parseLong(progress.group(1).replace(",", ""));
            }
            if (read >= KILL_AFTER_READ) {
                return read;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no import progress within 10 minutes");
    }

    private static int finish(Process process) throws InterruptedException {
        assertThat(process.waitFor(20, TimeUnit.MINUTES)).as("import finished").isTrue();
        return process.exitValue();
    }

    /** The counts compared between the two stores. */
    private record Graph(Map<String, Long> labels, Map<String, Long> relationships, Map<String, List<Object>> trials) {

        static Graph of(Path store) {
            DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(store)
                    .setConfig(BoltConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024).build();
            try {
                GraphDatabaseService db = dbms.database("neo4j");
                Map<String, Long> labels = new TreeMap<>();
                Map<String, Long> relationships = new TreeMap<>();
                Map<String, List<Object>> trials = new TreeMap<>();
                db.executeTransactionally("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n", Map.of(),
                        result -> {
                            result.forEachRemaining(row -> labels.put((String) row.get("label"), (Long) row.get("n")));
                            return null;
                        });
                db.executeTransactionally("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n", Map.of(),
                        result -> {
                            result.forEachRemaining(row -> relationships.put((String) row.get("type"), (Long) row.get("n")));
                            return null;
                        });
                db.executeTransactionally("""
                        MATCH (t:Trial)
                        OPTIONAL MATCH (t)-[r]-()
                        WITH t, type(r) + CASE WHEN startNode(r) = t THEN '>' ELSE '<' END AS type, count(r) AS n
                        ORDER BY type
                        RETURN t.nctId AS nctId, t.sourceHash AS hash, t.criteriaEngineVersion AS engine,
                               collect(type + '=' + n) AS counts
                        """, Map.of(), result -> {
                            result.forEachRemaining(row -> trials.put((String) row.get("nctId"),
                                    List.of(String.valueOf(row.get("hash")), String.valueOf(row.get("engine")),
                                            row.get("counts"))));
                            return null;
                        });
                return new Graph(labels, relationships, trials);
            } finally {
                dbms.shutdown();
            }
        }
    }
}
