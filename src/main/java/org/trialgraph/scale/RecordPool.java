package org.trialgraph.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.trialgraph.criteria.CriterionKeys;

/**
 * The real API v2 records the generator draws from: the newest version of each NCT id, in NCT id order (so a
 * draw depends only on the seed), grouped by study type, with how many records state each criterion line.
 * Its size is that of the source data, whatever the number of records generated.
 */
final class RecordPool {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> records;
    private final Map<String, List<JsonNode>> byStudyType = new HashMap<>();
    private final Map<String, Integer> criterionLineCounts = new HashMap<>();

    private RecordPool(List<JsonNode> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("from: no API v2 study records found");
        }
        this.records = records;
        for (JsonNode record : records) {
            byStudyType.computeIfAbsent(studyType(record), type -> new ArrayList<>()).add(record);
            EligibilityLines.split(criteriaText(record)).stream()
                    .filter(line -> !line.isBlank())
                    .map(CriterionKeys::keyOf)
                    .distinct()
                    .forEach(key -> criterionLineCounts.merge(key, 1, Integer::sum));
        }
    }

    /** Reads every {@code .json} (one study, an array or an API page) and {@code .jsonl} file under the paths. */
    static RecordPool read(List<Path> sources) {
        Map<String, JsonNode> newest = new TreeMap<>();
        for (Path source : sources) {
            if (!Files.exists(source)) {
                throw new IllegalArgumentException("from: no such file or directory: " + source);
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    readFile(file).forEach(study -> keepNewest(newest, study));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RecordPool(List.copyOf(newest.values()));
    }

    static RecordPool of(List<JsonNode> records) {
        Map<String, JsonNode> newest = new TreeMap<>();
        records.forEach(study -> keepNewest(newest, study));
        return new RecordPool(List.copyOf(newest.values()));
    }

    private static List<JsonNode> readFile(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<JsonNode> studies = new ArrayList<>();
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            try (Stream<String> lines = Files.lines(file)) {
                lines.filter(line -> !line.isBlank()).map(JSON::readTree).forEach(studies::add);
            }
            return studies;
        }
        if (!name.endsWith(".json")) {
            return studies;
        }
        JsonNode node = JSON.readTree(file.toFile());
        JsonNode list = node.isArray() ? node : node.path("studies");
        if (list.isArray()) {
            list.forEach(studies::add);
        } else if (node.isObject()) {
            studies.add(node);
        }
        return studies;
    }

    private static void keepNewest(Map<String, JsonNode> newest, JsonNode study) {
        String nctId = study.path("protocolSection").path("identificationModule").path("nctId").asString("");
        if (nctId.isEmpty()) {
            return;
        }
        newest.merge(nctId, study, (a, b) -> VERSION.compare(b, a) > 0 ? b : a);
    }

    private static final Comparator<JsonNode> VERSION = Comparator
            .comparing((JsonNode s) -> s.path("protocolSection").path("statusModule").path("lastUpdatePostDateStruct")
                    .path("date").asString(""))
            .thenComparing(s -> s.path("derivedSection").path("miscInfoModule").path("versionHolder").asString(""));

    int size() {
        return records.size();
    }

    JsonNode any(SplittableRandom random) {
        return records.get(random.nextInt(records.size()));
    }

    /** A record of the same study type, so that arms and interventions fit the design they are put beside. */
    JsonNode anyOfType(String studyType, SplittableRandom random) {
        List<JsonNode> sameType = byStudyType.getOrDefault(studyType, records);
        return sameType.get(random.nextInt(sameType.size()));
    }

    /** How many pool records state a criterion line with this canonical key. */
    int recordsStating(String criterionKey) {
        return criterionLineCounts.getOrDefault(criterionKey, 0);
    }

    static String studyType(JsonNode record) {
        return record.path("protocolSection").path("designModule").path("studyType").asString("");
    }

    static String criteriaText(JsonNode record) {
        return record.path("protocolSection").path("eligibilityModule").path("eligibilityCriteria").asString("");
    }
}
