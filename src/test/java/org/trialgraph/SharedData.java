package org.trialgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.trialgraph.ingest.ImportProgress;
import org.trialgraph.ingest.StudyImporter;

/**
 * The real ClinicalTrials.gov records in ../shared/data, read straight from the files with Jackson, so tests
 * compare what the application did with the raw records rather than with the importer's own view of them.
 */
public final class SharedData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SharedData() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("trialgraph.shared-data", "../shared/data"));
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("Shared data not found at " + root.toAbsolutePath()
                    + " (set -Dtrialgraph.shared-data)");
        }
        return root;
    }

    public static Path v2() {
        return root().resolve("ctgov-v2");
    }

    /** Every API v2 study object in the shared data, in file order (repeated ids appear more than once). */
    public static List<JsonNode> v2Studies() {
        List<JsonNode> studies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(v2())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode node = JSON.readTree(file.toFile());
                if (node.isArray()) {
                    node.forEach(studies::add);
                } else {
                    studies.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return studies;
    }

    private static Map<String, JsonNode> newestV2;

    /**
     * The newest version of each study by last-update date, then snapshot date: what an import must keep. Read
     * once per test run; the nodes are shared, so callers copy before changing one.
     */
    public static synchronized Map<String, JsonNode> newestV2StudiesById() {
        if (newestV2 == null) {
            Map<String, JsonNode> newest = new LinkedHashMap<>();
            for (JsonNode study : v2Studies()) {
                newest.merge(nctId(study), study, (a, b) -> versionOf(b).compareTo(versionOf(a)) > 0 ? b : a);
            }
            newestV2 = java.util.Collections.unmodifiableMap(newest);
        }
        return newestV2;
    }

    /**
     * Makes sure every API v2 record is in the graph (an import of what is already stored changes nothing) and
     * returns the raw records to compare with.
     */
    public static Map<String, JsonNode> importApiV2(StudyImporter importer) {
        importer.importPaths(List.of(v2()), ImportProgress.NONE);
        return newestV2StudiesById();
    }

    public static String nctId(JsonNode study) {
        return study.path("protocolSection").path("identificationModule").path("nctId").asString();
    }

    private static String versionOf(JsonNode study) {
        return study.path("protocolSection").path("statusModule").path("lastUpdatePostDateStruct").path("date")
                .asString("") + "|" + study.path("derivedSection").path("miscInfoModule").path("versionHolder").asString("");
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
