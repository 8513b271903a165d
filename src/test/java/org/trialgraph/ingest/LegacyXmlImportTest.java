package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Driver;
import org.w3c.dom.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;

/**
 * Imports all legacy XML records in ../shared/data/ctgov-xml (directories and the .tar.gz, read as it is) and
 * checks the graph against the raw XML read independently with DOM/XPath: counts per status and phase, sampled
 * trials field by field over HTTP, and the records present in both formats ending with the newer version
 * whichever format is imported first.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacyXmlImportTest {

    @Autowired
    StudyImporter importer;

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    Driver driver;

    final Map<String, String> statusById = new LinkedHashMap<>();
    final Map<String, List<String>> phasesById = new LinkedHashMap<>();
    final Map<String, Document> sample = new LinkedHashMap<>();
    final Map<String, String> xmlLocationById = new HashMap<>();
    Map<String, List<Map<String, String>>> bothFormats;
    ImportSummary xmlImport;

    @BeforeAll
    void importAllXmlRecords() {
        int[] index = {0};
        RawXmlRecords.forEach(xml(), (location, doc) -> {
            String nctId = RawXmlRecords.text(doc, "/clinical_study/id_info/nct_id");
            statusById.put(nctId, RawXmlRecords.constant(RawXmlRecords.text(doc, "/clinical_study/overall_status")));
            phasesById.put(nctId, RawXmlRecords.phases(RawXmlRecords.text(doc, "/clinical_study/phase")));
            xmlLocationById.put(nctId, location);
            boolean withResults = !RawXmlRecords.nodes(doc, "/clinical_study/clinical_results").isEmpty();
            if (index[0]++ % 250 == 0 || (withResults && sample.size() < 36 && index[0] % 7 == 0)) {
                sample.put(nctId, doc);
            }
        });
        bothFormats = recordsInBothFormats();
        // Other test classes may already have imported the API v2 versions: start these ids from nothing.
        deleteTrials(bothFormats.keySet());
        xmlImport = importer.importPaths(List.of(xml()), ImportProgress.NONE);
    }

    @Test
    @Order(1)
    void importsEveryRecordOfTheArchiveAndTheDirectoriesWithoutRejections() {
        assertThat(xmlImport.rejected()).isEmpty();
        assertThat(xmlImport.read()).isEqualTo(6851);
        assertThat(statusById).hasSize(6851);
        long trials = driver.executableQuery("MATCH (t:Trial) WHERE t.nctId IN $ids RETURN count(t) AS n")
                .withParameters(Map.of("ids", List.copyOf(statusById.keySet()))).execute().records().get(0).get("n")
                .asLong();
        assertThat(trials).isEqualTo(6851);
    }

    @Test
    @Order(2)
    void countsPerStatusAndPhaseEqualTheRawCounts() {
        Map<String, Long> rawStatus = new TreeMap<>();
        statusById.values().forEach(status -> rawStatus.merge(status, 1L, Long::sum));
        Map<String, Long> rawPhase = new TreeMap<>();
        phasesById.values().forEach(phases -> {
            if (phases.isEmpty()) {
                rawPhase.merge("(none)", 1L, Long::sum);
            }
            phases.forEach(phase -> rawPhase.merge(phase, 1L, Long::sum));
        });
        Map<String, Long> graphStatus = counts("""
                MATCH (t:Trial) WHERE t.nctId IN $ids RETURN t.overallStatus AS key, count(*) AS n""");
        Map<String, Long> graphPhase = counts("""
                MATCH (t:Trial) WHERE t.nctId IN $ids
                UNWIND CASE WHEN size(coalesce(t.phases, [])) = 0 THEN ['(none)'] ELSE t.phases END AS key
                RETURN key, count(*) AS n""");
        assertThat(rawStatus).containsEntry("UNKNOWN", 475L).containsEntry("COMPLETED", 5697L);
        assertThat(rawPhase).containsEntry("PHASE1", 1077L + 225L).containsEntry("NA", 791L);
        assertThat(graphStatus).isEqualTo(rawStatus);
        assertThat(graphPhase).isEqualTo(rawPhase);
    }

    @Test
    @Order(3)
    void sampledTrialsEqualTheirRawXmlRecords() {
        SoftAssertions softly = new SoftAssertions();
        for (var entry : sample.entrySet()) {
            Map<String, Object> trial = graphQl.documentName("trialDetail").variable("nctId", entry.getKey()).execute()
                    .path("trial").entity(Map.class).get();
            new XmlRecordComparison(softly, entry.getKey(), entry.getValue(), trial).compare();
        }
        softly.assertAll();
        assertThat(sample).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    @Order(4)
    void aSecondImportOfAnArchiveMemberChangesNothing() {
        String nctId = "NCT00000102";
        String location = xmlLocationById.get(nctId);
        ImportSummary again = importFromTar(Set.of(nctId));
        assertThat(location).contains(".tar.gz!");
        assertThat(again.unchanged()).isEqualTo(1);
        Map<String, Object> trial = sources(nctId);
        assertThat(listOf(trial.get("sources"))).singleElement().satisfies(s -> assertThat(s.get("location"))
                .isEqualTo(location));
    }

    @Test
    @Order(5)
    void recordsInBothFormatsEndWithTheNewerVersionWhicheverComesFirst() {
        assertThat(bothFormats).hasSizeGreaterThanOrEqualTo(12);
        // XML first (imported above), then API v2 JSON.
        importJsonVersions();
        assertNewestWins("XML then JSON");

        // JSON first, then XML.
        deleteTrials(bothFormats.keySet());
        importJsonVersions();
        importXmlVersions();
        assertNewestWins("JSON then XML");
        GraphInvariants.assertConsistent(driver);
    }

    @Test
    @Order(6)
    void meshTermsNamedByXmlJoinTheTermsThatJsonRecordsGiveWithIds() {
        // The API v2 records imported above name many of the XML trials' MeSH terms with their ids.
        long placeholdersWithARealTwin = driver.executableQuery("""
                MATCH (p:MeshTerm) WHERE p.id STARTS WITH 'term:'
                MATCH (m:MeshTerm {term: p.term}) WHERE NOT m.id STARTS WITH 'term:'
                RETURN count(*) AS n""").execute().records().get(0).get("n").asLong();
        long xmlTrialsOnRealTerms = driver.executableQuery("""
                MATCH (t:Trial {sourceFormat: 'ctgov-legacy-xml'})-[:STUDIES_MESH]->(m:MeshTerm)
                WHERE NOT m.id STARTS WITH 'term:'
                RETURN count(DISTINCT t) AS n""").execute().records().get(0).get("n").asLong();
        long xmlTrialsOnPlaceholders = driver.executableQuery("""
                MATCH (t:Trial {sourceFormat: 'ctgov-legacy-xml'})-[:STUDIES_MESH]->(m:MeshTerm)
                WHERE m.id STARTS WITH 'term:'
                RETURN count(DISTINCT t) AS n""").execute().records().get(0).get("n").asLong();
        assertThat(placeholdersWithARealTwin).isZero();
        assertThat(xmlTrialsOnRealTerms).isGreaterThan(50);
        assertThat(xmlTrialsOnPlaceholders).isGreaterThan(0);
    }

    private void assertNewestWins(String order) {
        SoftAssertions softly = new SoftAssertions();
        for (var entry : bothFormats.entrySet()) {
            Map<String, String> newest = entry.getValue().stream().reduce((a, b) -> versionOf(b).compareTo(versionOf(a)) > 0
                    ? b : a).orElseThrow();
            Map<String, Object> trial = sources(entry.getKey());
            Map<?, ?> source = (Map<?, ?>) trial.get("source");
            softly.assertThat(source.get("format")).as(order + " " + entry.getKey() + " format")
                    .isEqualTo(newest.get("format"));
            softly.assertThat(trial.get("lastUpdated")).as(order + " " + entry.getKey() + " lastUpdated")
                    .isEqualTo(newest.get("lastUpdated"));
            List<Map<String, Object>> sources = listOf(trial.get("sources"));
            softly.assertThat(sources).as(order + " " + entry.getKey() + " sources")
                    .extracting(s -> s.get("format")).contains("ctgov-api-v2-json", "ctgov-legacy-xml");
            softly.assertThat(sources).as(order + " " + entry.getKey() + " current")
                    .filteredOn(s -> Boolean.TRUE.equals(s.get("current"))).singleElement()
                    .satisfies(s -> assertThat(s.get("format")).isEqualTo(newest.get("format")));
        }
        softly.assertAll();
    }

    /** Last update, then snapshot date: both formats' dates as ISO text, as the raw manifest gives them. */
    private static String versionOf(Map<String, String> row) {
        return row.get("lastUpdated") + "|" + row.get("snapshot");
    }

    /** The ids MANIFEST.csv lists in both formats, each with its rows (format, path, last update, snapshot). */
    private static Map<String, List<Map<String, String>>> recordsInBothFormats() {
        Map<String, List<Map<String, String>>> byId = new TreeMap<>();
        try {
            List<String> lines = Files.readAllLines(SharedData.root().resolve("MANIFEST.csv"));
            List<String> header = csv(lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = csv(line);
                Map<String, String> row = new HashMap<>();
                String format = cells.get(header.indexOf("format"));
                row.put("format", format);
                row.put("path", cells.get(header.indexOf("path")));
                String lastUpdate = cells.get(header.indexOf("last_update_posted"));
                String snapshot = cells.get(header.indexOf("data_version"));
                boolean xml = format.equals("ctgov-legacy-xml");
                row.put("lastUpdated", xml ? RawXmlRecords.isoDate(lastUpdate) : lastUpdate);
                row.put("snapshot", xml ? RawXmlRecords.isoDate(snapshot) : snapshot);
                byId.computeIfAbsent(cells.get(header.indexOf("nct_id")), id -> new ArrayList<>()).add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byId.values().removeIf(rows -> rows.stream().map(r -> r.get("format")).distinct().count() < 2);
        return byId;
    }

    /** A CSV line with quoted cells. */
    private static List<String> csv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private void importJsonVersions() {
        Set<Path> files = new LinkedHashSet<>();
        bothFormats.values().forEach(rows -> rows.stream().filter(r -> r.get("format").equals("ctgov-api-v2-json"))
                .forEach(r -> files.add(SharedData.root().resolve(r.get("path").replaceFirst("#.*$", "")))));
        ImportSummary summary = importer.importPaths(List.copyOf(files), ImportProgress.NONE);
        assertThat(summary.rejected()).isEmpty();
    }

    private void importXmlVersions() {
        List<Path> files = new ArrayList<>();
        for (String nctId : bothFormats.keySet()) {
            String location = xmlLocationById.get(nctId);
            if (!location.contains("!")) {
                files.add(Path.of(location));
            }
        }
        assertThat(importer.importPaths(files, ImportProgress.NONE).rejected()).isEmpty();
        assertThat(importFromTar(bothFormats.keySet()).rejected()).isEmpty();
    }

    /** Imports the members of the archive that hold these ids, one by one, as the importer names them. */
    private ImportSummary importFromTar(Set<String> nctIds) {
        Path tarGz = xml().resolve("reesewang25/AllPublicXML/NCT0000xxxx.tar.gz");
        List<ImportSummary> summaries = new ArrayList<>();
        RawXmlRecords.forEachMember(tarGz, (member, bytes) -> {
            if (nctIds.stream().anyMatch(id -> member.endsWith(id + ".xml"))) {
                summaries.add(importer.importStream(tarGz + "!" + member, member, new ByteArrayInputStream(bytes)));
            }
        });
        return summaries.stream().reduce((a, b) -> new ImportSummary(a.read() + b.read(), a.imported() + b.imported(),
                a.updated() + b.updated(), a.unchanged() + b.unchanged(), concat(a.rejected(), b.rejected()), 0))
                .orElse(new ImportSummary(0, 0, 0, 0, List.of(), 0));
    }

    private static List<Rejection> concat(List<Rejection> a, List<Rejection> b) {
        List<Rejection> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void deleteTrials(Set<String> nctIds) {
        importer.deleteTrials(List.copyOf(nctIds));
    }

    private Map<String, Object> sources(String nctId) {
        return graphQl.documentName("trialSources").variable("nctId", nctId).execute().path("trial")
                .entity(Map.class).get();
    }

    private Map<String, Long> counts(String cypher) {
        Map<String, Long> counts = new TreeMap<>();
        driver.executableQuery(cypher).withParameters(Map.of("ids", List.copyOf(statusById.keySet()))).execute()
                .records().forEach(r -> counts.put(r.get("key").asString(), r.get("n").asLong()));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    private static Path xml() {
        return SharedData.root().resolve("ctgov-xml");
    }
}
