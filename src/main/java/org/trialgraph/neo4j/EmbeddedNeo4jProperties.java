package org.trialgraph.neo4j;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the in-process Neo4j that runs when no external server is configured.
 *
 * @param dataDir           the Neo4j home folder (store files, transaction logs, Neo4j's own debug.log)
 * @param boltPort          the loopback Bolt port; 0 picks any free port
 * @param pageCache         memory Neo4j uses to cache the store files (off-heap)
 * @param transactionMemory the most heap all running transactions may use together
 * @param transactionTimeout a transaction running longer than this is terminated
 * @param throwaway         remove the data folder once the database has stopped (test contexts, whose stores no one
 *                          reads again and which would otherwise pile up, ~600 MB each with preallocated logs)
 */
@ConfigurationProperties("trialgraph.neo4j")
public record EmbeddedNeo4jProperties(
        @DefaultValue("./data/neo4j") Path dataDir,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("512MB") DataSize pageCache,
        @DefaultValue("1GB") DataSize transactionMemory,
        @DefaultValue("5m") Duration transactionTimeout,
        @DefaultValue("false") boolean throwaway) {
}
