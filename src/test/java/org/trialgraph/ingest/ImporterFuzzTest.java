package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.criteria.EligibilityEngine;

/**
 * A seeded-random fuzz of the importer with mutated real records (missing modules, wrong types, huge strings,
 * invalid dates, unknown enums, duplicate ids) plus broken files (non-UTF-8, truncated, a zip bomb). Every
 * record is imported or rejected with its file, line and field; nothing escapes as an exception; the graph stays
 * consistent and every imported mutated trial is complete. The seed is printed; rerun one with -Dfuzz.seed=N.
 * (jqwik is not used: its engine targets the JUnit Platform 1.x, this project runs JUnit 6.)
 */
@TrialGraphTest
class ImporterFuzzTest {

    private static final int RECORDS = 1_200;
    private static final int PER_FILE = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> MODULES = List.of("identificationModule", "statusModule",
            "sponsorCollaboratorsModule", "descriptionModule", "conditionsModule", "designModule",
            "armsInterventionsModule", "outcomesModule", "eligibilityModule", "contactsLocationsModule");
    private static final List<String> DATE_STRUCTS = List.of("startDateStruct", "primaryCompletionDateStruct",
            "completionDateStruct", "lastUpdatePostDateStruct", "studyFirstPostDateStruct");
    private static final List<String> BAD_DATES = List.of("2024-13-45", "yesterday", "2024-02-30", "20240101",
            "", "0000-00-00", "2024-1-1", "9999999999-01-01");

    enum Mutation { MISSING_MODULE, WRONG_TYPE, HUGE_STRING, INVALID_DATE, UNKNOWN_ENUM, DUPLICATE_ID, NONE }

    @Autowired
    StudyImporter importer;

    @Autowired
    TrialGraphWriter writer;

    @Autowired
    EligibilityEngine engine;

    @Autowired
    Driver driver;

    @TempDir
    Path dir;

    private record Mutant(Path file, int line, JsonNode record, List<Mutation> mutations) {
        String id() {
            return SharedData.nctId(record);
        }

        String location() {
            return file + ":" + line;
        }
    }

    @Test
    void everyMutatedRecordIsImportedCompleteOrRejectedNamingFileRecordAndField() throws IOException {
        long seed = Long.getLong("fuzz.seed", 20261108L);
        System.out.println("ImporterFuzzTest seed " + seed + " (-Dfuzz.seed to repeat)");
        Random random = new Random(seed);
        List<JsonNode> real = new ArrayList<>(SharedData.newestV2StudiesById().values());
        List<Mutant> mutants = writeMutants(random, real);

        ImportSummary summary = importer.importPaths(List.of(dir.resolve("records")), ImportProgress.NONE);

        Map<String, Rejection> rejectedAt = summary.rejected().stream()
                .collect(Collectors.toMap(Rejection::location, r -> r, (a, b) -> a));
        assertThat(summary.read()).isEqualTo(mutants.size());
        assertThat(summary.rejected()).hasSize(rejectedAt.size());
        Map<String, Map<String, Object>> stored = storedTrials(mutants);
        Map<Mutation, int[]> tally = new TreeMap<>();
        SoftAssertions softly = new SoftAssertions();
        for (Mutant mutant : mutants) {
            Rejection rejection = rejectedAt.get(mutant.location());
            Map<String, Object> trial = stored.get(mutant.id());
            boolean imported = rejection == null;
            mutant.mutations().forEach(m -> tally.computeIfAbsent(m, k -> new int[2])[imported ? 0 : 1]++);
            if (!imported) {
                softly.assertThat(rejection.reason()).as("reason of " + rejection)
                        .containsAnyOf("protocolSection", "derivedSection", "hasResults", "malformed JSON", "documentSection",
                                "resultsSection", "annotationSection");
                if (!mutant.id().isEmpty() && mutant.id().matches("NCT\\d{8}")) {
                    softly.assertThat(rejection.nctId()).as("id named in " + rejection).isEqualTo(mutant.id());
                }
                continue;
            }
            softly.assertThat(trial).as(mutant.location() + " " + mutant.id() + " imported").isNotNull();
            if (trial != null && trial.get("hash").equals(hash(mutant.record()))) {
                complete(softly, mutant, trial);
            } else if (trial != null) {
                // Another version of the same id won: it must be one of this file's records with that id.
                softly.assertThat(mutants.stream().filter(m -> m.id().equals(mutant.id()))
                        .anyMatch(m -> hash(m.record()).equals(trial.get("hash"))))
                        .as(mutant.id() + " holds one of its imported versions").isTrue();
            }
        }
        softly.assertAll();
        System.out.println("ImporterFuzzTest imported/rejected by mutation: " + tally.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()[0] + "/" + e.getValue()[1]).collect(Collectors.joining(", ")));
        assertThat(tally.get(Mutation.UNKNOWN_ENUM)[1]).as("unknown enums rejected").isPositive();
        assertThat(tally.get(Mutation.NONE)[0]).as("untouched records imported").isPositive();
        GraphInvariants.assertConsistent(driver);
    }

    @Test
    void brokenFilesKeepTheRecordsBeforeTheFaultAndNameWhereItIs() throws IOException {
        List<JsonNode> real = new ArrayList<>(SharedData.newestV2StudiesById().values()).subList(200, 210);
        Path latin1 = dir.resolve("latin1.jsonl");
        try (OutputStream out = Files.newOutputStream(latin1)) {
            out.write((withId(real.get(0), "NCT89000001") + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(("{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT89000002\",\"briefTitle\":\"caf")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xE9, (byte) 0xFF, '"', '}', '}', '}', '\n'});
            out.write((withId(real.get(1), "NCT89000003") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String array = "[" + withId(real.get(2), "NCT89000004") + "," + withId(real.get(3), "NCT89000005") + "]";
        Path truncated = Files.writeString(dir.resolve("truncated.json"), array.substring(0, array.length() * 3 / 4));

        ImportSummary summary = importer.importPaths(List.of(latin1, truncated), ImportProgress.NONE);

        assertThat(summary.imported()).isEqualTo(3);
        assertThat(summary.rejected()).extracting(Rejection::toString).satisfiesExactly(
                r -> assertThat(r).isEqualTo(latin1 + ":2: not UTF-8 text"),
                r -> assertThat(r).startsWith(truncated + "#[1]").contains("malformed JSON"));
        assertThat(stored(List.of("NCT89000001", "NCT89000003", "NCT89000004"))).hasSize(3);
        assertThat(stored(List.of("NCT89000002", "NCT89000005"))).isEmpty();
        GraphInvariants.assertConsistent(driver);
    }

    @Test
    void aZipBombIsStoppedAtTheConfiguredLimitNamingTheMember() throws IOException {
        JsonNode study = withId(new ArrayList<>(SharedData.newestV2StudiesById().values()).get(220), "NCT89000011");
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("studies/bomb.json"));
            out.write(("[" + study + ",").getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) { // 64 MB of whitespace deflates to about 64 KB
                out.write(spaces);
            }
            out.write(("" + withId(study, "NCT89000012") + "]").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(1 << 20);
        StudyImporter limited = new StudyImporter(writer, engine, 500, DataSize.ofMegabytes(8));

        ImportSummary summary = limited.importPaths(List.of(zip), ImportProgress.NONE);

        assertThat(summary.rejected()).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo(zip + "!studies/bomb.json");
            assertThat(r.reason()).contains("inflates to more than 8388608 bytes", "max-inflated-size");
        });
        assertThat(stored(List.of("NCT89000011"))).hasSize(1);
        assertThat(stored(List.of("NCT89000012"))).isEmpty();
    }

    // --- mutants ----------------------------------------------------------------------------------------------

    private List<Mutant> writeMutants(Random random, List<JsonNode> real) throws IOException {
        Path records = Files.createDirectories(dir.resolve("records"));
        List<Mutant> mutants = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            ObjectNode record = withId(real.get(random.nextInt(real.size())), String.format("NCT8%07d", i));
            List<Mutation> applied = new ArrayList<>();
            int count = random.nextInt(4); // 0 to 3 mutations; 0 keeps a control group of intact records
            for (int m = 0; m < count; m++) {
                Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length - 1)];
                mutate(random, record, mutation, ids);
                applied.add(mutation);
            }
            if (applied.isEmpty()) {
                applied.add(Mutation.NONE);
            }
            ids.add(SharedData.nctId(record));
            Path file = records.resolve(String.format("part-%02d.jsonl", i / PER_FILE));
            mutants.add(new Mutant(file, i % PER_FILE + 1, record, applied));
        }
        Map<Path, List<Mutant>> byFile = mutants.stream()
                .collect(Collectors.groupingBy(Mutant::file, LinkedHashMap::new, Collectors.toList()));
        for (var file : byFile.entrySet()) {
            Files.write(file.getKey(), file.getValue().stream().map(m -> m.record().toString()).toList(),
                    StandardCharsets.UTF_8);
        }
        return mutants;
    }

    private static void mutate(Random random, ObjectNode record, Mutation mutation, List<String> ids) {
        ObjectNode protocol = (ObjectNode) record.path("protocolSection");
        switch (mutation) {
            case MISSING_MODULE -> {
                if (random.nextInt(10) == 0) {
                    record.remove("derivedSection");
                } else {
                    protocol.remove(MODULES.get(random.nextInt(MODULES.size())));
                }
            }
            case WRONG_TYPE -> {
                List<ObjectNode> parents = new ArrayList<>();
                List<String> names = new ArrayList<>();
                fields(protocol, parents, names);
                int at = random.nextInt(names.size());
                JsonNode old = parents.get(at).get(names.get(at));
                parents.get(at).set(names.get(at), wrongType(random, old));
            }
            case HUGE_STRING -> {
                List<ObjectNode> parents = new ArrayList<>();
                List<String> names = new ArrayList<>();
                fields(protocol, parents, names);
                List<Integer> texts = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    if (parents.get(i).get(names.get(i)).isString() && !names.get(i).equals("nctId")) {
                        texts.add(i);
                    }
                }
                if (texts.isEmpty()) {
                    return;
                }
                int at = texts.get(random.nextInt(texts.size()));
                String base = parents.get(at).get(names.get(at)).asString() + " ";
                parents.get(at).put(names.get(at), base.repeat(1 + 200_000 / base.length()));
            }
            case INVALID_DATE -> {
                ObjectNode status = protocol.path("statusModule").isObject() ? (ObjectNode) protocol.path("statusModule")
                        : protocol.putObject("statusModule");
                status.putObject(DATE_STRUCTS.get(random.nextInt(DATE_STRUCTS.size())))
                        .put("date", BAD_DATES.get(random.nextInt(BAD_DATES.size())));
            }
            case UNKNOWN_ENUM -> {
                String bogus = "BOGUS_" + random.nextInt(100);
                switch (random.nextInt(4)) {
                    case 0 -> module(protocol, "statusModule").put("overallStatus", bogus);
                    case 1 -> module(protocol, "designModule").putArray("phases").add(bogus);
                    case 2 -> module(protocol, "designModule").put("studyType", bogus);
                    default -> module(protocol, "eligibilityModule").put("sex", bogus);
                }
            }
            case DUPLICATE_ID -> {
                if (!ids.isEmpty()) {
                    module(protocol, "identificationModule").put("nctId", ids.get(random.nextInt(ids.size())));
                }
            }
            case NONE -> {
            }
        }
    }

    private static ObjectNode module(ObjectNode protocol, String name) {
        return protocol.path(name).isObject() ? (ObjectNode) protocol.path(name) : protocol.putObject(name);
    }

    /** Every object field below the node, as (parent, name) pairs. */
    private static void fields(JsonNode node, List<ObjectNode> parents, List<String> names) {
        if (node instanceof ObjectNode object) {
            for (String name : new TreeSet<>(object.propertyNames())) {
                parents.add(object);
                names.add(name);
                fields(object.get(name), parents, names);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> fields(element, parents, names));
        }
    }

    private static JsonNode wrongType(Random random, JsonNode old) {
        List<JsonNode> candidates = new ArrayList<>(List.of(NODES.numberNode(random.nextInt(1000) - 500),
                NODES.stringNode("x" + random.nextInt(10)), NODES.booleanNode(random.nextBoolean()), NODES.nullNode(),
                NODES.objectNode().put("unexpected", 1), NODES.arrayNode().add(1).add("two"),
                NODES.numberNode(1e308 * 10 * (random.nextBoolean() ? 1 : 0))));
        candidates.removeIf(c -> c.getNodeType() == old.getNodeType());
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static ObjectNode withId(JsonNode study, String nctId) {
        ObjectNode copy = (ObjectNode) study.deepCopy();
        ((ObjectNode) copy.path("protocolSection").path("identificationModule")).put("nctId", nctId);
        return copy;
    }

    // --- what the graph holds ---------------------------------------------------------------------------------

    private static String hash(JsonNode study) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(study)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Map<String, Object>> storedTrials(List<Mutant> mutants) {
        return stored(mutants.stream().map(Mutant::id).distinct().toList());
    }

    private Map<String, Map<String, Object>> stored(List<String> ids) {
        Map<String, Map<String, Object>> trials = new HashMap<>();
        for (Record row : driver.executableQuery("""
                MATCH (t:Trial) WHERE t.nctId IN $ids
                RETURN t.nctId AS id, t.sourceHash AS hash,
                       [(t)-[:SPONSORED_BY]->(s) | s.key] AS sponsors,
                       [(t)-[:STUDIES]->(c) | c.key] AS conditions,
                       COUNT { (t)-[:MEASURES]->() } AS outcomes,
                       COUNT { (t)-[:HAS_ARM]->() } AS arms,
                       COUNT { (t)-[:TESTS]->() } AS interventions""")
                .withParameters(Map.of("ids", ids)).execute().records()) {
            trials.put(row.get("id").asString(), row.asMap());
        }
        return trials;
    }

    /** The stored trial carries everything its record lists: no half-written trial. */
    private static void complete(SoftAssertions softly, Mutant mutant, Map<String, Object> trial) {
        JsonNode p = mutant.record().path("protocolSection");
        String what = mutant.location() + " " + mutant.id() + " " + mutant.mutations();
        Set<String> sponsors = new TreeSet<>();
        JsonNode lead = p.path("sponsorCollaboratorsModule").path("leadSponsor").path("name");
        if (lead.isString()) {
            sponsors.add(Keys.of(lead.asString()));
        }
        p.path("sponsorCollaboratorsModule").path("collaborators")
                .forEach(c -> sponsors.add(Keys.of(c.path("name").asString())));
        Set<String> conditions = new TreeSet<>();
        p.path("conditionsModule").path("conditions").forEach(c -> conditions.add(Keys.of(c.asString())));
        int outcomes = p.path("outcomesModule").path("primaryOutcomes").size()
                + p.path("outcomesModule").path("secondaryOutcomes").size()
                + p.path("outcomesModule").path("otherOutcomes").size();
        softly.assertThat(new TreeSet<>(strings(trial.get("sponsors")))).as(what + " sponsors").isEqualTo(sponsors);
        softly.assertThat(new TreeSet<>(strings(trial.get("conditions")))).as(what + " conditions").isEqualTo(conditions);
        softly.assertThat(((Number) trial.get("outcomes")).intValue()).as(what + " outcomes").isEqualTo(outcomes);
        softly.assertThat(((Number) trial.get("arms")).intValue()).as(what + " arms")
                .isEqualTo(p.path("armsInterventionsModule").path("armGroups").size());
        Set<String> interventions = new TreeSet<>();
        p.path("armsInterventionsModule").path("interventions").forEach(i -> {
            String description = i.path("description").asString("").strip();
            String fallback = !description.isEmpty() && description.length() <= 120 ? description : "Unnamed intervention";
            String name = i.path("name").asString("").strip();
            interventions.add(Keys.of(i.path("type").asString(""), name.isEmpty() ? fallback : name));
        });
        softly.assertThat(((Number) trial.get("interventions")).intValue()).as(what + " interventions")
                .isEqualTo(interventions.size());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }
}
