package org.trialgraph.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.trialgraph.SharedData;

/** The generator: deterministic by seed, unique NCT9 ids, and every part of a study taken from real records. */
class ScaleGeneratorTest {

    private static final long SIZE = 300;

    private static List<JsonNode> real;
    private static RecordPool pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void readRealRecords() {
        real = List.copyOf(SharedData.newestV2StudiesById().values());
        pool = RecordPool.of(real);
    }

    @Test
    void sameSeedAndSizeWriteIdenticalBytes() throws IOException {
        for (String name : List.of("a.jsonl", "a.jsonl.zip")) {
            Path first = Files.createDirectories(dir.resolve("first")).resolve(name);
            Path second = Files.createDirectories(dir.resolve("second")).resolve(name);
            ScaleWriter.write(generator(42), SIZE, first, written -> { });
            ScaleWriter.write(new ScaleGenerator(RecordPool.of(real), 42, ScaleGenerator.CriteriaSharing.REALISTIC),
                    SIZE, second, written -> { });
            assertThat(Files.mismatch(first, second)).as(name).isEqualTo(-1L);
        }
    }

    @Test
    void anotherSeedWritesOtherStudies() throws IOException {
        List<String> a = lines(42, SIZE);
        List<String> b = lines(43, SIZE);
        long same = 0;
        for (int i = 0; i < SIZE; i++) {
            same += a.get(i).equals(b.get(i)) ? 1 : 0;
        }
        assertThat(same).isZero();
    }

    @Test
    void aSmallerSizeIsAPrefixOfALargerOne() throws IOException {
        assertThat(lines(42, SIZE)).startsWith(lines(42, 100).toArray(String[]::new));
    }

    @Test
    void zipHoldsTheSameJsonLinesAsTheJsonlFile() throws IOException {
        Path jsonl = dir.resolve("registry.jsonl");
        Path zip = dir.resolve("registry.jsonl.zip");
        ScaleWriter.write(generator(7), 50, jsonl, written -> { });
        ScaleWriter.write(generator(7), 50, zip, written -> { });
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("registry.jsonl");
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(jsonl));
            assertThat(in.getNextEntry()).isNull();
        }
    }

    @Test
    void idsAreUniqueNct9IdsThatNoRealRecordHas() {
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < SIZE; i++) {
            ids.add(nctId(generator(42).study(i)));
        }
        assertThat(ids).hasSize((int) SIZE).allMatch(id -> id.matches("NCT9\\d{7}"));
        assertThat(ids).doesNotContainAnyElementsOf(SharedData.newestV2StudiesById().keySet());
    }

    @Test
    void sponsorsStatusArmsAndSitesAreEachThoseOfOneRealRecord() {
        for (String module : List.of("sponsorCollaboratorsModule", "statusModule", "armsInterventionsModule",
                "contactsLocationsModule")) {
            Set<JsonNode> realModules = real.stream().map(r -> r.path("protocolSection").path(module))
                    .filter(JsonNode::isObject).collect(Collectors.toSet());
            for (long i = 0; i < SIZE; i++) {
                JsonNode generated = generator(42).study(i).path("protocolSection").path(module);
                if (generated.isObject()) {
                    assertThat(realModules).as(module + " of study " + i).contains(generated);
                }
            }
        }
    }

    @Test
    void meshTermsComeWithTheConditionsThatCarryThemAndNoDirectTermIsAnAncestor() {
        int twoDonors = 0;
        for (long i = 0; i < SIZE; i++) {
            JsonNode study = generator(42).study(i);
            Set<String> conditions = lowerCase(study.path("protocolSection").path("conditionsModule").path("conditions"));
            // Real records whose conditions are all among the study's: the only possible donors of its MeSH terms.
            List<JsonNode> donors = real.stream()
                    .filter(r -> !lowerCase(conditionsOf(r)).isEmpty() && conditions.containsAll(lowerCase(conditionsOf(r))))
                    .toList();
            assertThat(donors).as("donors of study %d", i).isNotEmpty();
            JsonNode browse = study.path("derivedSection").path("conditionBrowseModule");
            Set<String> meshes = ids(browse.path("meshes"));
            Set<String> ancestors = ids(browse.path("ancestors"));
            Set<String> donorTerms = new HashSet<>();
            donors.forEach(d -> {
                donorTerms.addAll(ids(d.path("derivedSection").path("conditionBrowseModule").path("meshes")));
                donorTerms.addAll(ids(d.path("derivedSection").path("conditionBrowseModule").path("ancestors")));
            });
            assertThat(meshes).as("MeSH terms of study %d", i).isSubsetOf(donorTerms);
            assertThat(ancestors).as("MeSH ancestors of study %d", i).isSubsetOf(donorTerms);
            assertThat(ancestors.stream().filter(meshes::contains)).as("direct terms among the ancestors of study %d", i)
                    .isEmpty();
            twoDonors += conditions.size() > donors.stream().mapToInt(d -> lowerCase(conditionsOf(d)).size()).max().orElse(0)
                    ? 1 : 0;
        }
        assertThat(twoDonors).as("studies whose conditions combine two records").isPositive();
    }

    @Test
    void criteriaAreRealTextWithLinesOnlyOneRecordStatesMarkedAsTheStudysOwn() {
        Set<String> realTexts = real.stream().map(RecordPool::criteriaText).map(ScaleGeneratorTest::trimLines)
                .collect(Collectors.toSet());
        Map<String, Integer> marked = new HashMap<>();
        for (long i = 0; i < SIZE; i++) {
            JsonNode study = generator(42).study(i);
            String id = nctId(study);
            String text = RecordPool.criteriaText(study);
            marked.merge("lines", text.split(" \\(" + id + "\\)", -1).length - 1, Integer::sum);
            assertThat(realTexts).as("criteria of study %d without its marks", i)
                    .contains(trimLines(text.replace(" (" + id + ")", "")));
            assertThat(text.replaceAll(" \\(NCT9\\d{7}\\)", "")).as("only its own id").doesNotContain("NCT9");

            String pooled = RecordPool.criteriaText(
                    new ScaleGenerator(pool, 42, ScaleGenerator.CriteriaSharing.POOL).study(i));
            assertThat(realTexts).as("criteria of study %d copied as they are", i).contains(trimLines(pooled));
        }
        assertThat(marked.get("lines")).isPositive();
    }

    @Test
    void refusesSizesBeyondTheIdRangeAndUnknownFormats() {
        assertThatThrownBy(() -> ScaleWriter.write(generator(1), 0, dir.resolve("a.jsonl"), w -> { }))
                .hasMessageStartingWith("size:");
        assertThatThrownBy(() -> ScaleWriter.write(generator(1), 10, dir.resolve("a.json"), w -> { }))
                .hasMessageStartingWith("out:");
        assertThatThrownBy(() -> ScaleGenerator.nctId(ScaleGenerator.MAX_SIZE)).hasMessageStartingWith("size:");
    }

    @Test
    void commandExitsWith2ForBadArgumentsAndWritesNothing() {
        Path out = dir.resolve("none.jsonl");
        String from = SharedData.v2().toString();
        assertThat(GenerateCommand.execute("--size", "0", "--out", out.toString(), "--from", from)).isEqualTo(2);
        assertThat(GenerateCommand.execute("--size", "10", "--out", out.toString(), "--from", dir.resolve("missing").toString()))
                .isEqualTo(2);
        assertThat(GenerateCommand.execute("--out", out.toString())).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    private static ScaleGenerator generator(long seed) {
        return new ScaleGenerator(pool, seed, ScaleGenerator.CriteriaSharing.REALISTIC);
    }

    private List<String> lines(long seed, long size) throws IOException {
        Path file = dir.resolve("lines-" + seed + "-" + size + ".jsonl");
        ScaleWriter.write(generator(seed), size, file, written -> { });
        return Files.readAllLines(file);
    }

    private static String nctId(JsonNode study) {
        return SharedData.nctId(study);
    }

    private static JsonNode conditionsOf(JsonNode record) {
        return record.path("protocolSection").path("conditionsModule").path("conditions");
    }

    private static Set<String> lowerCase(JsonNode values) {
        Set<String> set = new HashSet<>();
        values.forEach(v -> set.add(v.asString().toLowerCase(Locale.ROOT)));
        return set;
    }

    private static Set<String> ids(JsonNode entries) {
        Set<String> set = new HashSet<>();
        entries.forEach(e -> set.add(e.path("id").asString().replaceFirst("^D0*", "D")));
        return set;
    }

    private static String trimLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.stripTrailing());
        }
        return String.join("\n", lines);
    }
}
