package org.trialgraph.neo4j;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * The folder the embedded Neo4j keeps its store in. A throwaway home is removed when the application context closes,
 * after the database that depends on it has shut down.
 *
 * @param folder    Neo4j's home folder
 * @param throwaway whether to remove the folder on close
 */
record EmbeddedNeo4jHome(Path folder, boolean throwaway) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jHome.class);

    @Override
    public void close() {
        if (!throwaway) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            log.warn("Could not remove the throwaway Neo4j home {}: {}", folder, e.toString());
        }
    }
}
