package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphApplication;

/** {@code trialgraph.jar import PATH...}: exit codes 0, 1 and 2, a summary, and each rejection listed. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void exitsWith2WithoutAPath() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required parameter", "PATH");
    }

    @Test
    void exitsWith2ForAPathThatDoesNotExist() {
        assertThat(run(dir.resolve("nothing-here.json").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No such file or directory");
    }

    @Test
    void importsADirectoryThenExitsWith1WhenAFileHasARejectedRecord() throws IOException {
        Path graph = dir.resolve("graph");
        Path data = SharedData.v2().resolve("aact-fixtures");

        assertThat(run(data.toString(), "--trialgraph.neo4j.data-dir=" + graph)).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("read 10, imported 10, updated 0, unchanged 0, rejected 0");

        out.reset();
        Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"protocolSection\": {}}\n",
                StandardCharsets.UTF_8);
        assertThat(run(data.toString(), broken.toString(), "--trialgraph.neo4j.data-dir=" + graph)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("rejected " + broken + ":1: protocolSection.identificationModule.nctId: is missing")
                .contains("read 11, imported 0, updated 0, unchanged 10, rejected 1");
    }

    private static int run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        if (all.stream().anyMatch(a -> a.startsWith("--trialgraph.neo4j.data-dir"))) {
            all.add("--trialgraph.neo4j.bolt-port=0");
            all.add("--trialgraph.neo4j.page-cache=64MB");
            all.add("--trialgraph.neo4j.throwaway=false"); // the test reads the store afterwards
        }
        return ImportCommand.execute(TrialGraphApplication.class, all.toArray(String[]::new));
    }
}
