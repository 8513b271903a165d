package org.trialgraph.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;

import org.neo4j.batchimport.api.BatchImporter;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexConfig;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.internal.NullLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.storageengine.api.StorageEngineFactory;

/**
 * Writes the default database ({@code neo4j}) of a Neo4j home with the batch importer that
 * {@code neo4j-admin database import full} uses: store files and an initial transaction log, written before the
 * database ever starts. On the next start the DBMS adopts the store as its default database.
 */
final class StoreWriter {

    /**
     * As neo4j-admin's import: the label and relationship-type lookup indexes are written with the store. Without
     * them the first start-up scanned all nodes for every constraint it created and every migration it looked up,
     * and then built both lookup indexes from another scan (migration V006, now a no-op on such a store).
     */
    private static final Configuration WITH_LOOKUP_INDEXES = new Configuration() {
        @Override
        public IndexConfig indexConfig() {
            return IndexConfig.create().withLabelIndex().withRelationshipTypeIndex();
        }
    };

    private final Path home;

    StoreWriter(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    private Config config() {
        return Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
    }

    private DatabaseLayout layout(Config config) {
        return Neo4jLayout.of(config).databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** Whether the home already holds a database (store files or transaction logs). */
    boolean hasStore() throws IOException {
        DatabaseLayout layout = layout(config());
        return holdsFiles(layout.databaseDirectory()) || holdsFiles(layout.getTransactionLogsDirectory())
                || holdsFiles(Neo4jLayout.of(config()).databasesDirectory());
    }

    private static boolean holdsFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.findAny().isPresent();
        }
    }

    /** Writes the graph; on failure removes what was written, so the home is left without a store. */
    void write(StagedGraph graph, IntConsumer percentDone) throws IOException {
        Config config = config();
        DatabaseLayout layout = layout(config);
        try (var fs = new DefaultFileSystemAbstraction();
                var jobs = JobSchedulerFactory.createInitialisedScheduler();
                var quiet = new PrintStream(OutputStream.nullOutputStream())) {
            BatchImporter importer = StorageEngineFactory.selectStorageEngine(config).batchImporter(layout, fs,
                    PageCacheTracer.NULL, WITH_LOOKUP_INDEXES, NullLogService.getInstance(), quiet, false,
                    DefaultAdditionalIds.EMPTY, config, new Monitor() {
                        @Override
                        public void percentageCompleted(int percentage) {
                            percentDone.accept(percentage);
                        }
                    }, jobs, Collector.STRICT, TransactionLogInitializer.getLogFilesInitializer(),
                    new IndexImporterFactoryImpl(), EmptyMemoryTracker.INSTANCE, CursorContextFactory.NULL_CONTEXT_FACTORY);
            try {
                importer.doImport(graph);
            } catch (IOException | RuntimeException e) {
                fs.deleteRecursively(layout.databaseDirectory());
                fs.deleteRecursively(layout.getTransactionLogsDirectory());
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
