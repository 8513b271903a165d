package org.trialgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedNeo4jHomeTest {

    @TempDir
    Path parent;

    @Test
    void aThrowawayHomeIsRemovedWithEverythingInItWhenClosed() throws IOException {
        Path folder = storeIn("throwaway");

        new EmbeddedNeo4jHome(folder, true).close();

        assertThat(folder).doesNotExist();
    }

    @Test
    void aKeptHomeStaysWhenClosed() throws IOException {
        Path folder = storeIn("kept");

        new EmbeddedNeo4jHome(folder, false).close();

        assertThat(folder.resolve("data/databases/neo4j/neostore")).exists();
    }

    private Path storeIn(String name) throws IOException {
        Path folder = parent.resolve(name);
        Files.createDirectories(folder.resolve("data/databases/neo4j"));
        Files.writeString(folder.resolve("data/databases/neo4j/neostore"), "store");
        return folder;
    }
}
