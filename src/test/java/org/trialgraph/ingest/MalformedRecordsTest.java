package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;

/**
 * Real records, each broken in one way, between intact ones: each broken record is rejected naming where it
 * is and which field is wrong, the intact ones still import, and nothing of a rejected record is written.
 */
@TrialGraphTest
class MalformedRecordsTest {

    @Autowired
    StudyImporter importer;

    @Autowired
    Driver driver;

    @TempDir
    Path dir;

    private final List<JsonNode> real = SharedData.v2Studies().subList(100, 110);

    @Test
    void rejectsEachBrokenRecordNamingItsFieldAndImportsTheRest() throws IOException {
        String lines = String.join("\n",
                withId(real.get(0), "NCT90000001").toString(),
                "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT90000002\"", // truncated JSON
                broken(real.get(1), "NCT90000003", "statusModule", "overallStatus", "ALMOST_DONE").toString(),
                broken(real.get(2), "NCT90000004", "designModule", "phases", "PHASE9").toString(),
                withoutId(real.get(3)).toString(),
                brokenEnrollment(real.get(4), "NCT90000005").toString(),
                broken(real.get(5), "NCT90000006", "statusModule", "startDateStruct", "2024-13-45").toString(),
                withId(real.get(6), "NCT90000007").toString());
        Path file = Files.writeString(dir.resolve("mixed.jsonl"), lines, StandardCharsets.UTF_8);

        ImportSummary summary = importer.importPaths(List.of(file), ImportProgress.NONE);

        assertThat(summary.read()).isEqualTo(8);
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.rejected()).extracting(Rejection::toString).satisfiesExactly(
                r -> assertThat(r).startsWith(file + ":2").contains("malformed JSON"),
                r -> assertThat(r).startsWith(file + ":3 (NCT90000003)")
                        .contains("protocolSection.statusModule.overallStatus", "ALMOST_DONE"),
                r -> assertThat(r).startsWith(file + ":4 (NCT90000004)")
                        .contains("protocolSection.designModule.phases[0]", "PHASE9"),
                r -> assertThat(r).startsWith(file + ":5").contains("protocolSection.identificationModule.nctId: is missing"),
                r -> assertThat(r).startsWith(file + ":6 (NCT90000005)")
                        .contains("protocolSection.designModule.enrollmentInfo.count", "a non-negative integer"),
                r -> assertThat(r).startsWith(file + ":7 (NCT90000006)")
                        .contains("protocolSection.statusModule.startDateStruct"));
        assertThat(trialsWithIds("NCT90000001", "NCT90000007")).isEqualTo(2);
        assertThat(nodesOfRejectedTrials()).isZero();
    }

    @Test
    void aSyntaxErrorInAnArrayKeepsTheRecordsBeforeItAndNamesTheIndex() throws IOException {
        String array = "[" + withId(real.get(7), "NCT90000011") + "," + withId(real.get(8), "NCT90000012")
                + ", {\"protocolSection\": ]";
        Path file = Files.writeString(dir.resolve("download.json"), array, StandardCharsets.UTF_8);

        ImportSummary summary = importer.importPaths(List.of(file), ImportProgress.NONE);

        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.rejected()).singleElement().extracting(Rejection::location).isEqualTo(file + "#[2]");
        assertThat(summary.rejected().get(0).reason()).contains("malformed JSON at line 1");
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedNotImportedAsGarbage() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, (byte) 0xFF, '"', '}'});

        ImportSummary summary = importer.importPaths(List.of(file), ImportProgress.NONE);

        assertThat(summary.imported()).isZero();
        assertThat(summary.rejected()).singleElement().extracting(Rejection::reason).asString().contains("malformed JSON");
    }

    private long trialsWithIds(String... ids) {
        return driver.executableQuery("MATCH (t:Trial) WHERE t.nctId IN $ids RETURN count(t) AS n")
                .withParameters(Map.of("ids", List.of(ids))).execute().records().get(0).get("n").asLong();
    }

    /** Nothing that belongs to a rejected record: no trial, no arm or outcome with its id. */
    private long nodesOfRejectedTrials() {
        return driver.executableQuery("""
                MATCH (n) WHERE n.nctId IN $ids OR any(id IN $ids WHERE n.id STARTS WITH id)
                RETURN count(n) AS n""")
                .withParameters(Map.of("ids", List.of("NCT90000002", "NCT90000003", "NCT90000004", "NCT90000005",
                        "NCT90000006")))
                .execute().records().get(0).get("n").asLong();
    }

    private static ObjectNode withId(JsonNode study, String nctId) {
        ObjectNode copy = (ObjectNode) study.deepCopy();
        ((ObjectNode) copy.path("protocolSection").path("identificationModule")).put("nctId", nctId);
        return copy;
    }

    private static ObjectNode withoutId(JsonNode study) {
        ObjectNode copy = (ObjectNode) study.deepCopy();
        ((ObjectNode) copy.path("protocolSection").path("identificationModule")).remove("nctId");
        return copy;
    }

    private static ObjectNode broken(JsonNode study, String nctId, String module, String field, String value) {
        ObjectNode copy = withId(study, nctId);
        ObjectNode protocol = (ObjectNode) copy.path("protocolSection");
        ObjectNode moduleNode = protocol.path(module).isObject() ? (ObjectNode) protocol.path(module)
                : protocol.putObject(module);
        switch (field) {
            case "phases" -> moduleNode.putArray("phases").add(value);
            case "startDateStruct" -> moduleNode.putObject("startDateStruct").put("date", value);
            default -> moduleNode.put(field, value);
        }
        return copy;
    }

    private static ObjectNode brokenEnrollment(JsonNode study, String nctId) {
        ObjectNode copy = withId(study, nctId);
        ObjectNode protocol = (ObjectNode) copy.path("protocolSection");
        ObjectNode design = protocol.path("designModule").isObject() ? (ObjectNode) protocol.path("designModule")
                : protocol.putObject("designModule");
        design.putObject("enrollmentInfo").put("count", "ten");
        return copy;
    }
}
