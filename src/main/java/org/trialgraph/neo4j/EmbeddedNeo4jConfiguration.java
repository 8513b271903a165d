package org.trialgraph.neo4j;

import java.net.URI;
import java.nio.file.Path;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.api.impl.index.LuceneSettings;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts Neo4j Community in-process when no external server is configured, and points Spring Boot's
 * driver at its loopback Bolt connector. The driver bean depends on the connection details, which depend on
 * the running database, so the driver connects only once Neo4j is up.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalNeo4jCondition.class)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    private static final String LOOPBACK = "127.0.0.1";

    /** The database depends on its home, so Spring stops the database before it closes the home. */
    @Bean
    EmbeddedNeo4jHome embeddedNeo4jHome(EmbeddedNeo4jProperties properties) {
        return new EmbeddedNeo4jHome(properties.dataDir().toAbsolutePath().normalize(), properties.throwaway());
    }

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedNeo4j(EmbeddedNeo4jHome embeddedNeo4jHome, EmbeddedNeo4jProperties properties) {
        Path home = embeddedNeo4jHome.folder();
        log.info("Starting embedded Neo4j in {}", home);
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, properties.boltPort()))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Neo4j 5.26's in-JVM local channel breaks on the Netty 4.2 that the driver needs: Bolt over TCP.
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                // Bolt's two Netty groups each wait a 5 s quiet period at shutdown, though the application's driver
                // is closed before the database: 10 s per stop of every service, test context and import.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                // Neo4j's data collector keeps the last 8,192 queries with their text and parameters for
                // db.stats.retrieve('QUERIES'), on the heap: ~23 MB that every young collection under load copied
                // again (most of a pause's time; docs/BENCHMARKS.md, "580k, session 10"). Nothing here reads it.
                .setConfig(GraphDatabaseInternalSettings.data_collector_max_recent_query_count, 0)
                // Lucene merges an index being populated on the populating thread by default, so building the
                // criterion word index over a bulk-loaded registry kept one core busy and left the other idle: with
                // Lucene's own concurrent merges it took 86 -> 71 s at 580k (docs/BENCHMARKS.md, "580k, session 13").
                .setConfig(LuceneSettings.lucene_population_serial_merge_scheduler, false)
                // Neo4j merges Lucene segments two at a time (merge factor 2): every indexed word was rewritten once
                // per doubling of an index. With Lucene's own default of 10 the criterion word index of a bulk-loaded
                // 100k store took 24 instead of 32 CPU-s, a 580k load's index building 2 m 08 s -> 1 m 43-46 s, with
                // searches as fast (docs/BENCHMARKS.md, "580k, session 18").
                .setConfig(LuceneSettings.lucene_merge_factor, 10)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // No authentication is safe only because Bolt listens on loopback alone.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, properties.pageCache().toBytes())
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
                        properties.transactionMemory().toBytes())
                .setConfig(GraphDatabaseSettings.transaction_timeout, properties.transactionTimeout())
                .build();
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(DatabaseManagementService embeddedNeo4j) {
        URI uri = URI.create("bolt://" + LOOPBACK + ":" + boltPort(embeddedNeo4j));
        log.info("Embedded Neo4j is up; Bolt at {} (Neo4j Browser or cypher-shell can attach, no auth)", uri);
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }
        };
    }

    /**
     * Reads without Bolt (AutoCommitReads): on by default; {@code trialgraph.neo4j.in-process-reads=false} sends them
     * over loopback Bolt like everything else (to compare, docs/BENCHMARKS.md).
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "trialgraph.neo4j.in-process-reads", matchIfMissing = true)
    InProcessReads inProcessReads(DatabaseManagementService embeddedNeo4j, EmbeddedNeo4jProperties properties) {
        GraphDatabaseAPI database = (GraphDatabaseAPI) embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        return new GraphDatabaseReads(database, properties.transactionTimeout());
    }

    private static int boltPort(DatabaseManagementService dbms) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        return system.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
    }
}
