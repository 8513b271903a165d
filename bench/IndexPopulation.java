import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Builds each candidate index on Criterion.key on a COPY of a store (never the original: it drops the store's own
 * criterion indexes) and reports the process CPU and wall until it is ONLINE, then drops it again; "scan" is an
 * index on a property no criterion has (the store scan alone). docs/BENCHMARKS.md, "criteria(search:) from a word
 * index". Run with the project's classpath:
 *
 *   ./mvnw -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   cp -r target/bench/store-10000 /tmp/store-copy
 *   java -Xmx2g --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
 *        --add-opens=java.base/java.io=ALL-UNNAMED -cp "$(cat /tmp/cp.txt)" bench/IndexPopulation.java /tmp/store-copy [KINDS]
 *   rm -rf /tmp/store-copy
 */
public class IndexPopulation {
    static final Map<String, String> CREATE = Map.of(
            "scan", "CREATE INDEX bench_scan FOR (c:Criterion) ON (c.noSuchProperty)",
            "trigram", "CREATE TEXT INDEX bench_trigram FOR (c:Criterion) ON (c.key)",
            "words", "CREATE FULLTEXT INDEX bench_words FOR (c:Criterion) ON EACH [c.key] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}");

    public static void main(String[] args) throws Exception {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(args[0]))
                .setConfig(BoltConnector.enabled, false).setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 1024L * 1024 * 1024).build();
        GraphDatabaseService db = dbms.database("neo4j");
        try {
            db.executeTransactionally("DROP INDEX criterion_key_text IF EXISTS");
            db.executeTransactionally("DROP INDEX criterion_key_words IF EXISTS");
            db.executeTransactionally("CALL db.awaitIndexes(600)");
            System.out.println((String) db.executeTransactionally(
                    "MATCH (c:Criterion) RETURN count(c) AS criteria, avg(size(c.key)) AS avgKeyLength",
                    Map.of(), r -> (String) r.next().toString()));
            // The kinds to build, in order (default: each four times, alternating), e.g. "words,trigram".
            String[] kinds = args.length > 1 ? args[1].split(",")
                    : "trigram,words,scan,words,trigram,scan,trigram,words,scan,words,trigram,scan".split(",");
            for (String kind : kinds) {
                String name = "bench_" + kind;
                var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                db.executeTransactionally(CREATE.get(kind));
                db.executeTransactionally("CALL db.awaitIndex($name, 3600)", Map.of("name", name));
                long cpu = os.getProcessCpuTime() - cpu0;
                long wall = System.nanoTime() - wall0;
                double load = os.getSystemLoadAverage();
                long size;
                try (var files = java.nio.file.Files.walk(Path.of(args[0], "data/databases/neo4j/schema/index"))) {
                    size = files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                }
                System.out.printf("%s: CPU %.2f s, wall %.2f s, load average %.1f, all index files %.1f MB%n", kind, cpu / 1e9, wall / 1e9, load, size / 1e6);
                db.executeTransactionally("DROP INDEX " + name);
                Thread.sleep(2000);
            }
        } finally {
            dbms.shutdown();
        }
    }
}
