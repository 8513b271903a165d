package org.trialgraph.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.trialgraph.SharedData;
import org.trialgraph.bench.BenchCommand;
import org.trialgraph.ingest.ImportProgress;
import org.trialgraph.ingest.ImportSummary;
import org.trialgraph.ingest.StudyImporter;

/**
 * Generated data goes through the real importer without a rejection, and the benchmark harness runs against a
 * server holding it. Its own application (empty, not seeded), so the generated trials never reach the graph
 * that other tests compare with the real records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "trialgraph.seed.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedRegistryTest {

    private static final int SIZE = 300;

    @Autowired
    StudyImporter importer;

    @Autowired
    Driver driver;

    @LocalServerPort
    int port;

    @TempDir
    static Path dir;

    private long trialsBefore;
    private ImportSummary summary;
    private Set<String> generatedIds;

    @BeforeAll
    void generateAndImport() throws IOException {
        Path zip = dir.resolve("registry-300.jsonl.zip");
        int exit = GenerateCommand.execute("--size", "" + SIZE, "--seed", "42", "--out", zip.toString(),
                "--from", SharedData.v2().toString());
        assertThat(exit).isZero();
        generatedIds = new HashSet<>();
        for (long i = 0; i < SIZE; i++) {
            generatedIds.add(ScaleGenerator.nctId(i));
        }
        trialsBefore = countTrials();
        summary = importer.importPaths(List.of(zip), ImportProgress.NONE);
    }

    @Test
    void everyGeneratedStudyImportsWithoutRejection() {
        assertThat(summary.rejected()).isEmpty();
        assertThat(summary.read()).isEqualTo(SIZE);
        assertThat(summary.imported()).isEqualTo(SIZE);
    }

    @Test
    void theGraphHoldsTheGeneratedTrialsBesideWhatWasThere() {
        assertThat(countTrials()).isEqualTo(trialsBefore + SIZE);
        List<String> stored = driver.executableQuery("MATCH (t:Trial) WHERE t.nctId STARTS WITH 'NCT9' RETURN t.nctId AS id")
                .execute().records().stream().map(r -> r.get("id").asString()).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(generatedIds);
    }

    @Test
    void benchHarnessMeasuresEveryQueryOfItsFileAgainstTheServer() throws IOException {
        Path report = dir.resolve("bench/report.md");
        int exit = BenchCommand.execute("--url", "http://127.0.0.1:" + port, "--clients", "1,2", "--requests", "3",
                "--seconds", "60", "--warmup-seconds", "0", "--pid", "" + ProcessHandle.current().pid(),
                "--report", report.toString());
        String markdown = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(exit).as(markdown).isZero();
        for (String query : List.of("trial-detail", "trials-filtered", "search", "search-plain", "related-trials",
                "related-trials-recruiting", "trial-stats", "trial-stats-filtered", "pre-screen",
                "trials-for-age")) {
            assertThat(markdown).contains("| " + query + " | 1 | 3 | 0 |", "| " + query + " | 2 | 3 | 0 |");
        }
        assertThat(markdown).containsPattern("\\| after the load \\| [\\d,]+ MB \\| [\\d,]+ MB \\| [\\d,]+ MB \\|");
    }

    private long countTrials() {
        return driver.executableQuery("MATCH (t:Trial) RETURN count(t) AS n").execute().records().get(0).get("n").asLong();
    }
}
