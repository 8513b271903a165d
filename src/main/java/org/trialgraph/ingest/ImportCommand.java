package org.trialgraph.ingest;

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

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar trialgraph.jar import PATH...}: imports studies and exits with 0 when nothing was
 * rejected, 1 when some records were rejected (or the import could not run), 2 on a usage error.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports ClinicalTrials.gov studies (API v2 JSON or legacy XML) into the graph and exits.",
        footer = {"", "PATH is a .json file (one study, an array of studies or an API page), a .jsonl/.ndjson file, "
                + "a legacy <clinical_study> .xml file, a .zip or .tar.gz of those, or a directory of any of them "
                + "(recursively). JSON and XML are told apart by content.",
                "Spring properties are accepted as --name=value, e.g. --trialgraph.neo4j.data-dir=./data/neo4j "
                + "or --spring.neo4j.uri=bolt://host:7687.",
                "Exit codes: 0 all imported, 1 some records rejected or import failed, 2 usage error."})
public final class ImportCommand implements Callable<Integer> {

    static final int REJECTED = 1;
    static final int USAGE = 2;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories or archives to import.")
    private List<Path> paths = new ArrayList<>();

    @Unmatched
    private List<String> springProperties = new ArrayList<>();

    private final Class<?> application;

    public ImportCommand(Class<?> application) {
        this.application = application;
    }

    /**
     * What a command-line process (import, bulk-import) runs the application with: no seed data, and none of the
     * in-memory read indexes (facets, related trials). Those serve GraphQL, which such a process never does; built
     * and then updated after every batch they cost more CPU than the writes themselves (docs/BENCHMARKS.md,
     * "Incremental import: CPU per study"). A server started on the store later builds them from the graph. The
     * caller's own {@code --name=value} wins over these.
     */
    public static List<String> commandLineArguments(List<String> springProperties) {
        List<String> arguments = new ArrayList<>();
        for (String setting : List.of("trialgraph.seed.enabled=false", "trialgraph.facets.enabled=false",
                "trialgraph.related.index.enabled=false")) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            if (springProperties.stream().noneMatch(property -> property.startsWith("--" + name))) {
                arguments.add("--" + setting);
            }
        }
        arguments.addAll(springProperties);
        return arguments;
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(Class<?> application, String... args) {
        // picocli exits with 2 on invalid input and 1 when the command throws: the codes this command promises.
        CommandLine commandLine = new CommandLine(new ImportCommand(application)).setUnmatchedArgumentsAllowed(true);
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter err = new PrintWriter(System.err, true);
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
        List<String> arguments = commandLineArguments(springProperties);
        arguments.add("--spring.main.banner-mode=off");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new))) {
            ImportSummary summary = context.getBean(StudyImporter.class).importPaths(paths, new ProgressLine(err));
            PrintWriter out = new PrintWriter(System.out, true);
            summary.rejected().forEach(rejection -> out.println("rejected " + rejection));
            out.println(summary.describe());
            return summary.rejected().isEmpty() ? 0 : REJECTED;
        }
    }

    /** Prints how far the import has come, in place on a terminal and once every few seconds otherwise. */
    private static final class ProgressLine implements ImportProgress {

        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private double lastPrinted = -10;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long read, long rejected, double seconds) {
            if (!terminal && seconds - lastPrinted < 5) {
                return;
            }
            lastPrinted = seconds;
            String line = String.format("importing: %,d studies read, %,d rejected, %.0f s, %,.0f studies/s", read,
                    rejected, seconds, seconds > 0 ? read / seconds : 0);
            if (terminal) {
                err.print("\r" + line);
                err.flush();
            } else {
                err.println(line);
            }
        }
    }
}
