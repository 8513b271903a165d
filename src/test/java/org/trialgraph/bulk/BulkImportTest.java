package org.trialgraph.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphApplication;
import org.trialgraph.ingest.ImportCommand;

/**
 * {@code bulk-import} writes the graph {@code import} writes: all API v2 records of ../shared/data imported both
 * ways into two fresh stores give the same nodes, relationships and properties (all of them, not a sample), and
 * a later {@code import} of the same records finds them all unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkImportTest {

    @TempDir
    static Path dir;

    private Path bulkHome;
    private Path normalHome;
    private Run bulk;
    private Run normal;

    @BeforeAll
    void importAllApiV2RecordsBothWays() {
        bulkHome = dir.resolve("bulk");
        normalHome = dir.resolve("normal");
        bulk = run(BulkImportCommand::execute, SharedData.v2().toString(), "--trialgraph.neo4j.data-dir=" + bulkHome);
        normal = run(ImportCommand::execute, SharedData.v2().toString(), "--trialgraph.neo4j.data-dir=" + normalHome);
    }

    @Test
    void bulkImportReadsAndRejectsWhatTheNormalImportReadsAndRejects() {
        assertThat(bulk.exitCode()).isEqualTo(normal.exitCode());
        assertThat(bulk.rejections()).isEqualTo(normal.rejections());
        assertThat(bulk.out()).contains("read " + String.format("%,d", SharedData.v2Studies().size()));
    }

    @Test
    void bulkImportWritesTheSameGraphAsTheNormalImport() {
        Graph expected = dump(normalHome);
        Graph actual = dump(bulkHome);

        assertThat(actual.labels()).isEqualTo(expected.labels());
        assertThat(actual.types()).isEqualTo(expected.types());
        assertThat(expected.labels()).containsKeys("Trial", "Criterion", "Constraint", "MeshTerm", "Site", "Country");
        assertThat(expected.labels().get("Trial")).isEqualTo((long) SharedData.newestV2StudiesById().size());
        assertThat(difference(actual.nodes(), expected.nodes())).as("nodes only the bulk import wrote").isEmpty();
        assertThat(difference(expected.nodes(), actual.nodes())).as("nodes only the normal import wrote").isEmpty();
        assertThat(difference(actual.relationships(), expected.relationships()))
                .as("relationships only the bulk import wrote").isEmpty();
        assertThat(difference(expected.relationships(), actual.relationships()))
                .as("relationships only the normal import wrote").isEmpty();
    }

    @Test
    void bulkImportLeavesTheSameIndexesOnlineAndWritesTheLookupIndexesWithTheStore() {
        Graph expected = dump(normalHome);
        Graph actual = dump(bulkHome);

        assertThat(actual.indexes()).isEqualTo(expected.indexes()).contains("LOOKUP NODE null null ONLINE",
                "LOOKUP RELATIONSHIP null null ONLINE");
        // Written by the batch importer, migration V006's CREATE ... IF NOT EXISTS found them and named none.
        assertThat(actual.lookupIndexNames()).hasSize(2).doesNotContain("node_label_lookup", "relationship_type_lookup");
    }

    @Test
    void aLaterNormalImportOfTheSameRecordsFindsThemAllUnchanged() {
        Run again = run(ImportCommand::execute, SharedData.v2().toString(), "--trialgraph.neo4j.data-dir=" + bulkHome);

        int read = SharedData.v2Studies().size();
        int rejected = bulk.rejections().size();
        assertThat(again.out()).contains(String.format("read %,d, imported 0, updated 0, unchanged %,d, rejected %,d",
                read, read - rejected, rejected));
    }

    @Test
    void aStoreThatHoldsADatabaseIsRefused() {
        Run refused = run(BulkImportCommand::execute, SharedData.v2().resolve("aact-fixtures").toString(),
                "--trialgraph.neo4j.data-dir=" + normalHome);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("The data dir " + normalHome.toAbsolutePath().normalize()
                + " already holds a Neo4j database");
    }

    @Test
    void aMalformedRecordIsRejectedWithItsFieldNamedAndTheOthersImported() throws IOException {
        List<JsonNode> real = SharedData.v2Studies().subList(0, 3);
        ObjectNode broken = (ObjectNode) real.get(1).deepCopy();
        ((ObjectNode) broken.path("protocolSection").path("statusModule")).put("overallStatus", "ALMOST_DONE");
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, real.get(0) + "\n" + broken + "\n" + real.get(2) + "\n", StandardCharsets.UTF_8);

        Run bulkRun = run(BulkImportCommand::execute, file.toString(), "--trialgraph.neo4j.data-dir=" + dir.resolve("m1"));
        Run normalRun = run(ImportCommand::execute, file.toString(), "--trialgraph.neo4j.data-dir=" + dir.resolve("m2"));

        assertThat(bulkRun.exitCode()).isEqualTo(1);
        assertThat(bulkRun.rejections()).singleElement().asString()
                .startsWith("rejected " + file + ":2 (" + SharedData.nctId(real.get(1)) + "): ")
                .contains("protocolSection.statusModule.overallStatus", "ALMOST_DONE");
        assertThat(bulkRun.rejections()).isEqualTo(normalRun.rejections());
        assertThat(bulkRun.out()).contains("read 3, imported 2, updated 0, unchanged 0, rejected 1");
        assertThat(dump(dir.resolve("m1")).labels().get("Trial")).isEqualTo(2L);
    }

    // --- running the commands and reading the stores

    private record Run(int exitCode, String out, String err) {
        List<String> rejections() {
            return out.lines().filter(line -> line.startsWith("rejected ")).toList();
        }
    }

    private interface Command {
        int execute(Class<?> application, String... args);
    }

    private static synchronized Run run(Command command, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--trialgraph.neo4j.bolt-port=0");
        all.add("--trialgraph.neo4j.page-cache=64MB");
        all.add("--trialgraph.neo4j.throwaway=false"); // the tests open the stores afterwards
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = command.execute(TrialGraphApplication.class, all.toArray(String[]::new));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            originalOut.print(out.toString(StandardCharsets.UTF_8));
        }
    }

    /** Counts per label and type, and every node and relationship as canonical text (import times left out). */
    private record Graph(Map<String, Long> labels, Map<String, Long> types, List<String> nodes,
            List<String> relationships, List<String> indexes, List<String> lookupIndexNames) {
    }

    private static final String IDENTITY = "coalesce(%1$s.nctId, %1$s.key, %1$s.id, %1$s.name, toString(%1$s.version))";

    private static Graph dump(Path home) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home.toAbsolutePath())
                .setConfig(BoltConnector.enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .build();
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            Map<String, Long> labels = counts(db, "MATCH (n) UNWIND labels(n) AS k RETURN k, count(*) AS n");
            Map<String, Long> types = counts(db, "MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n");
            List<String> nodes = rows(db, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props",
                    row -> row.get("labels") + " " + canonical(row.get("props")));
            List<String> relationships = rows(db, ("MATCH (a)-[r]->(b) RETURN labels(a)[0] + ':' + " + IDENTITY.formatted("a")
                    + " AS a, type(r) AS type, properties(r) AS props, labels(b)[0] + ':' + " + IDENTITY.formatted("b")
                    + " AS b"), row -> row.get("a") + " -[" + row.get("type") + " " + canonical(row.get("props"))
                            + "]-> " + row.get("b"));
            List<String> indexes = rows(db, "SHOW INDEXES YIELD type, entityType, labelsOrTypes, properties, state",
                    row -> row.get("type") + " " + row.get("entityType") + " " + row.get("labelsOrTypes") + " "
                            + row.get("properties") + " " + row.get("state"));
            List<String> lookupIndexNames = rows(db, "SHOW INDEXES YIELD name, type WHERE type = 'LOOKUP' RETURN name",
                    row -> (String) row.get("name"));
            return new Graph(labels, types, nodes, relationships, indexes, lookupIndexNames);
        } finally {
            dbms.shutdown();
        }
    }

    private static Map<String, Long> counts(GraphDatabaseService db, String query) {
        Map<String, Long> counts = new TreeMap<>();
        db.executeTransactionally(query, Map.of(), result -> {
            result.forEachRemaining(row -> counts.put((String) row.get("k"), (Long) row.get("n")));
            return null;
        });
        return counts;
    }

    private static List<String> rows(GraphDatabaseService db, String query, Function<Map<String, Object>, String> line) {
        List<String> lines = new ArrayList<>();
        db.executeTransactionally(query, Map.of(), result -> {
            result.forEachRemaining(row -> lines.add(line.apply(row)));
            return null;
        });
        lines.sort(null);
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static String canonical(Object props) {
        Map<String, Object> sorted = new TreeMap<>((Map<String, Object>) props);
        sorted.remove("importedAt");
        sorted.remove("appliedAt");
        StringBuilder text = new StringBuilder("{");
        sorted.forEach((key, value) -> text.append(key).append('=').append(value(value)).append(", "));
        return text.append('}').toString();
    }

    private static String value(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
            return items.toString();
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }

    /** The lines of {@code a} not in {@code b} (the first 20, for a readable failure). */
    private static List<String> difference(List<String> a, List<String> b) {
        TreeSet<String> missing = new TreeSet<>(a);
        b.forEach(missing::remove);
        return missing.stream().limit(20).toList();
    }
}
