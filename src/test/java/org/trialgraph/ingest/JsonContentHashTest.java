package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A study's content hash does not depend on how its JSON was laid out, nor on whether it was read from its own text
 * (JSON Lines) or from a parsed array: the hashes stored before the JSON Lines shortcut stay valid.
 */
class JsonContentHashTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void hashOfTheTextEqualsTheHashOfTheParsedTreeForEveryRealStudy() throws IOException {
        Path data = Path.of(System.getProperty("trialgraph.shared-data", "../shared/data"), "ctgov-v2");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(p -> p.getFileName().toString().matches("NCT\\d+\\.json")).toList();
        }
        assertThat(files).hasSizeGreaterThan(1_800);
        for (Path file : files) {
            byte[] pretty = Files.readAllBytes(file);
            JsonNode study = JSON.readTree(pretty);
            byte[] compact = JSON.writeValueAsBytes(study);
            String fromTree = JsonContentHash.ofTree(study);
            assertThat(JsonContentHash.ofText(pretty, pretty.length)).as(file.toString()).isEqualTo(fromTree);
            assertThat(JsonContentHash.ofText(compact, compact.length)).as(file.toString()).isEqualTo(fromTree);
        }
    }

    @Test
    void whiteSpaceInsideStringsCounts() {
        assertThat(hash("{\"a\": \"x y\"}")).isNotEqualTo(hash("{\"a\":\"xy\"}"));
        assertThat(hash("{\"a\": \"x\\\" y\"}")).as("after an escaped quote, still inside the string")
                .isNotEqualTo(hash("{\"a\":\"x\\\"y\"}"));
        assertThat(hash("{\"a\": \"x\\\\\", \"b\" : 1}")).as("an escaped backslash ends before the quote")
                .isEqualTo(hash("{\"a\":\"x\\\\\",\"b\":1}"));
    }

    @Test
    void whiteSpaceBetweenTokensDoesNot() {
        assertThat(hash("{\r\n\t\"a\" : [ 1 , 2 ] ,\n \"b\" : { } }\r")).isEqualTo(hash("{\"a\":[1,2],\"b\":{}}"));
        assertThat(hash("{\"a\":[1,2],\"b\":{}}")).isEqualTo(JsonContentHash.ofTree(JSON.readTree("{\"a\":[1,2],\"b\":{}}")));
    }

    @Test
    void onlyTheGivenLengthIsHashed() {
        byte[] padded = "{\"a\":1}garbage".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonContentHash.ofText(padded, 7)).isEqualTo(hash("{\"a\":1}"));
    }

    private static String hash(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return JsonContentHash.ofText(bytes, bytes.length);
    }
}
