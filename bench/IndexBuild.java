import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.api.impl.index.LuceneSettings;

/**
 * What building the schema of a loaded store costs, index by index: on a COPY of a store (never the original: it drops
 * every index and constraint but the lookup indexes), creates them all again from their own create statements and
 * reports wall and process CPU. docs/BENCHMARKS.md, "580k, session 18". Modes:
 * <ul>
 * <li>{@code each}: every index in its own transaction, then the constraints one by one, as the migrations do;</li>
 * <li>{@code one}: every index in one transaction (one population, one scan of the store), then the constraints;</li>
 * <li>{@code single}: one at a time, each awaited, with its own wall and CPU ({@code -Donly=NAME} keeps those whose
 * create statement contains NAME).</li>
 * </ul>
 * Neo4j settings: WORKERS ({@code internal.dbms.index_population.workers}, 0 = one per core), PARALLELISM
 * ({@code internal.dbms.index_population.parallelism}), and {@code -Dmf=} (Lucene merge factor), {@code -Dram=}
 * (population RAM buffer, MB), {@code -Dnocfs=} (Lucene's no-compound-file ratio). The service's own settings are
 * {@code lucene_population_serial_merge_scheduler=false} and merge factor 10 (EmbeddedNeo4jConfiguration). Run with the
 * project's classpath:
 *
 *   ./mvnw -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   cp -r target/bench/store-100000 /tmp/store-copy
 *   java -Xms4g -Xmx4g -XX:+UseParallelGC -Dmf=10 -cp "$(cat /tmp/cp.txt)" bench/IndexBuild.java /tmp/store-copy each 1 2
 *   rm -rf /tmp/store-copy
 */
public class IndexBuild {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String mode = args[1];
        int workers = Integer.parseInt(args[2]);
        int parallelism = Integer.parseInt(args[3]);
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, false).setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 2L << 30)
                .setConfig(LuceneSettings.lucene_population_serial_merge_scheduler, false)
                .setConfig(GraphDatabaseInternalSettings.index_population_workers, workers)
                .setConfig(GraphDatabaseInternalSettings.index_population_parallelism, parallelism);
        if (System.getProperty("mf") != null) {
            builder.setConfig(LuceneSettings.lucene_merge_factor, Integer.getInteger("mf"));
        }
        if (System.getProperty("ram") != null) {
            builder.setConfig(LuceneSettings.lucene_population_ram_buffer_size, Double.parseDouble(System.getProperty("ram")));
        }
        if (System.getProperty("nocfs") != null) {
            builder.setConfig(LuceneSettings.lucene_nocfs_ratio, Double.parseDouble(System.getProperty("nocfs")));
        }
        DatabaseManagementService dbms = builder.build();
        try {
            run(dbms.database("neo4j"), mode);
        } finally {
            dbms.shutdown();
        }
    }

    private static void run(GraphDatabaseService db, String mode) {
        List<String> indexes = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        try (var tx = db.beginTx()) {
            tx.execute("SHOW CONSTRAINTS YIELD createStatement RETURN createStatement")
                    .forEachRemaining(r -> constraints.add((String) r.get("createStatement")));
            tx.execute("SHOW INDEXES YIELD type, owningConstraint, createStatement "
                    + "WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN createStatement")
                    .forEachRemaining(r -> indexes.add((String) r.get("createStatement")));
        }
        System.out.println(indexes.size() + " indexes, " + constraints.size() + " constraints");
        try (var tx = db.beginTx()) {
            tx.execute("SHOW CONSTRAINTS YIELD name RETURN name").stream().toList()
                    .forEach(r -> tx.execute("DROP CONSTRAINT `" + r.get("name") + "`"));
            tx.commit();
        }
        try (var tx = db.beginTx()) {
            tx.execute("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name").stream().toList()
                    .forEach(r -> tx.execute("DROP INDEX `" + r.get("name") + "`"));
            tx.commit();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        switch (mode) {
            case "single" -> {
                List<String> all = new ArrayList<>(indexes);
                all.addAll(constraints);
                String only = System.getProperty("only");
                all.removeIf(statement -> only != null && !statement.contains(only));
                for (String statement : all) {
                    long c0 = os.getProcessCpuTime();
                    long w0 = System.nanoTime();
                    db.executeTransactionally(statement);
                    awaitIndexes(db);
                    System.out.printf("%6.1f s wall %6.1f s cpu %s%n", (System.nanoTime() - w0) / 1e9,
                            (os.getProcessCpuTime() - c0) / 1e9, statement);
                }
            }
            case "one", "each" -> {
                if (mode.equals("one")) {
                    try (var tx = db.beginTx()) {
                        indexes.forEach(tx::execute);
                        tx.commit();
                    }
                } else {
                    indexes.forEach(db::executeTransactionally);
                }
                for (String statement : constraints) {
                    long w0 = System.nanoTime();
                    db.executeTransactionally(statement);
                    System.out.printf("%6.1f s %s%n", (System.nanoTime() - w0) / 1e9, statement);
                }
                awaitIndexes(db);
            }
            default -> throw new IllegalArgumentException("mode: each, one or single, not " + mode);
        }
        System.out.printf("mode=%s: wall %.1f s, cpu %.1f s%n", mode, (System.nanoTime() - wall) / 1e9,
                (os.getProcessCpuTime() - cpu) / 1e9);
    }

    private static void awaitIndexes(GraphDatabaseService db) {
        try (var tx = db.beginTx()) {
            tx.schema().awaitIndexesOnline(3, TimeUnit.HOURS);
        }
    }
}
