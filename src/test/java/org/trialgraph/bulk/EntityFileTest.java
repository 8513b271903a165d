package org.trialgraph.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.values.storable.CoordinateReferenceSystem;
import org.neo4j.values.storable.TextValue;
import org.neo4j.values.storable.Values;

/** Staging files give back every entity as written, whatever the batch size and however large an entity is. */
class EntityFileTest {

    @TempDir
    Path dir;

    @Test
    void entitiesComeBackAsWrittenInBatchesOfAnySize() throws IOException {
        EntityFile file = new EntityFile(dir.resolve("nodes.bin"), new EntityFile.Names());
        List<Map<String, Object>> written = new ArrayList<>();
        try (EntityFile.Writer writer = file.writer()) {
            for (int i = 0; i < 500; i++) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("key", "criterion " + i + " ≥ 18 years");
                properties.put("count", i);
                properties.put("ratio", i / 4.0);
                properties.put("open", i % 2 == 0);
                properties.put("missing", null);
                properties.put("names", List.of("a" + i, "β"));
                properties.put("location", Values.pointValue(CoordinateReferenceSystem.WGS_84, 10.5, -(i % 90)));
                if (i == 250) {
                    properties.put("text", "x".repeat(200_000)); // larger than a batch's first buffer
                }
                writer.write(i % 3 == 0 ? "Trial" : "Criterion", i, i - 1, properties);
                written.add(properties);
            }
        }

        for (int batchSize : new int[] {1, 7, 2_000}) {
            List<Entity> read = readAll(file, batchSize);
            assertThat(read).hasSize(500);
            for (int i = 0; i < 500; i++) {
                Entity entity = read.get(i);
                assertThat(entity.name()).isEqualTo(i % 3 == 0 ? "Trial" : "Criterion");
                assertThat(entity.start()).isEqualTo(i);
                assertThat(entity.end()).isEqualTo(i - 1);
                Map<String, Object> properties = new LinkedHashMap<>();
                for (int k = 0; k < entity.keys().length; k++) {
                    properties.put(entity.keys()[k], entity.values()[k]);
                }
                assertThat(properties.keySet()).as("nulls left out").doesNotContain("missing");
                assertThat(properties).as("strings as the UTF-8 values the importer writes")
                        .containsEntry("key", Values.utf8Value(((String) written.get(i).get("key")).getBytes(StandardCharsets.UTF_8)))
                        .containsEntry("count", (long) i).containsEntry("ratio", i / 4.0)
                        .containsEntry("open", i % 2 == 0)
                        .containsEntry("location", written.get(i).get("location"));
                assertThat((String[]) properties.get("names")).containsExactly("a" + i, "β");
                assertThat(properties.get("text")).isEqualTo(i == 250 ? Values.stringValue("x".repeat(200_000)) : null);
                assertThat(((TextValue) properties.get("key")).stringValue()).isEqualTo(written.get(i).get("key"));
            }
        }
        assertThat(file.count()).isEqualTo(500);
    }

    private static List<Entity> readAll(EntityFile file, int batchSize) throws IOException {
        List<Entity> entities = new ArrayList<>();
        EntityFile.Batch batch = new EntityFile.Batch();
        try (EntityFile.Reader reader = file.reader()) {
            while (reader.read(batch, batchSize)) {
                assertThat(batch.count()).isBetween(1, batchSize);
                for (int i = 0; i < batch.count(); i++) {
                    entities.add(reader.decode(batch, i));
                }
            }
        }
        return entities;
    }
}
