package org.trialgraph.bulk;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import org.trialgraph.ingest.ImportCommand;
import org.trialgraph.ingest.ImportSummary;
import org.trialgraph.ingest.StudyImporter;
import org.trialgraph.neo4j.EmbeddedNeo4jProperties;

/**
 * {@code java -jar trialgraph.jar bulk-import PATH...}: the initial load of an empty store through Neo4j's batch
 * importer, then the application's normal start-up (schema migrations build the constraints and indexes). Exit
 * codes as for {@code import}: 0 all imported, 1 some records rejected or the import could not run (a non-empty
 * store, legacy XML, an external Neo4j), 2 usage error.
 */
@Command(name = "bulk-import", mixinStandardHelpOptions = true,
        description = "Loads ClinicalTrials.gov API v2 studies into an EMPTY embedded store with Neo4j's batch "
                + "importer (much faster than `import`), then creates the indexes and exits.",
        footer = {"", "PATH is as for `import`: .json, .jsonl/.ndjson, .zip or .tar.gz of those, or a directory. "
                + "Legacy XML is refused: load it with `import` afterwards.",
                "The data dir (--trialgraph.neo4j.data-dir=..., default ./data/neo4j) must not hold a database yet.",
                "Exit codes: 0 all imported, 1 some records rejected or import refused/failed, 2 usage error."})
public final class BulkImportCommand implements Callable<Integer> {

    static final int FAILED = 1;
    static final int USAGE = 2;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories or archives to import.")
    private List<Path> paths = new ArrayList<>();

    @Unmatched
    private List<String> springProperties = new ArrayList<>();

    private final Class<?> application;

    public BulkImportCommand(Class<?> application) {
        this.application = application;
    }

    public static int execute(Class<?> application, String... args) {
        return new CommandLine(new BulkImportCommand(application)).setUnmatchedArgumentsAllowed(true).execute(args);
    }

    /** Only binds the settings (data dir, external URI) the bulk phase needs before anything starts. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
    static class Settings {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = new PrintWriter(System.err, true);
        PrintWriter out = new PrintWriter(System.out, true);
        for (String property : springProperties) {
            if (!property.startsWith("--") || !property.contains("=")) {
                err.println("Unknown argument: " + property + " (options are --name=value)");
                return USAGE;
            }
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println("No such file or directory: " + path);
                return USAGE;
            }
        }
        List<String> arguments = ImportCommand.commandLineArguments(springProperties);
        String[] args = arguments.toArray(String[]::new);
        Path home;
        long maxInflatedBytes;
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            String uri = settings.getEnvironment().getProperty("spring.neo4j.uri", "");
            if (!uri.isBlank()) {
                err.println("bulk-import writes the embedded store (trialgraph.neo4j.data-dir) before the database "
                        + "starts; with an external Neo4j (" + uri + ") use `import`.");
                return FAILED;
            }
            home = settings.getBean(EmbeddedNeo4jProperties.class).dataDir().toAbsolutePath().normalize();
            // As for `import`: a registry export in one zip member inflates to far more than the 1GB default.
            maxInflatedBytes = settings.getEnvironment().getProperty("trialgraph.import.max-inflated-size",
                    DataSize.class, DataSize.ofGigabytes(1)).toBytes();
            if (maxInflatedBytes <= 0) {
                err.println("trialgraph.import.max-inflated-size must be positive");
                return USAGE;
            }
        }
        StoreWriter store = new StoreWriter(home);
        if (store.hasStore()) {
            err.println("The data dir " + home + " already holds a Neo4j database: bulk-import only fills an empty "
                    + "store. Use `import` to add studies to it, or give --trialgraph.neo4j.data-dir an empty folder.");
            return FAILED;
        }
        BulkImporter.Result bulk;
        try (ProgressBar progress = new ProgressBar(err, System.console() != null)) {
            bulk = new BulkImporter(progress, maxInflatedBytes).run(paths, home, store);
        } catch (BulkImporter.UnsupportedFormatException e) {
            err.println();
            err.println(e.getMessage());
            return FAILED;
        }
        long started = System.nanoTime();
        err.println("starting the database: schema migrations build the constraints and indexes ...");
        ImportSummary repeated;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(args)) {
            // Repeated NCT ids go through the normal writer, which decides which version wins.
            repeated = context.getBean(StudyImporter.class).importRecords(bulk.setAside());
        }
        double startSeconds = (System.nanoTime() - started) / 1e9;
        bulk.rejected().forEach(rejection -> out.println("rejected " + rejection));
        repeated.rejected().forEach(rejection -> out.println("rejected " + rejection));
        double seconds = bulk.readSeconds() + bulk.storeSeconds() + startSeconds;
        ImportSummary summary = new ImportSummary(bulk.read(), bulk.staged() + repeated.imported(), repeated.updated(),
                repeated.unchanged(), concat(bulk, repeated), seconds);
        out.println(summary.describe());
        out.printf("bulk: %,d nodes and %,d relationships; reading and staging %s, writing the store %s, start-up "
                + "with constraints and indexes %s; %,d repeated NCT ids left to the normal writer%n", bulk.nodes(),
                bulk.relationships(), ProgressBar.duration(bulk.readSeconds()),
                ProgressBar.duration(bulk.storeSeconds()), ProgressBar.duration(startSeconds), bulk.setAside().size());
        return summary.rejected().isEmpty() ? 0 : FAILED;
    }

    private static List<org.trialgraph.ingest.Rejection> concat(BulkImporter.Result bulk, ImportSummary repeated) {
        List<org.trialgraph.ingest.Rejection> all = new ArrayList<>(bulk.rejected());
        all.addAll(repeated.rejected());
        return all;
    }
}
