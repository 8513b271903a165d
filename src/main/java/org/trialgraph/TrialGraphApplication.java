package org.trialgraph;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import org.trialgraph.bench.BenchCommand;
import org.trialgraph.bulk.BulkImportCommand;
import org.trialgraph.ingest.ImportCommand;
import org.trialgraph.scale.GenerateCommand;

/**
 * Runs the GraphQL service; with {@code import PATH...} as the first arguments imports studies and exits (or
 * {@code bulk-import PATH...} into an empty store), with {@code generate ...} writes synthetic registry-sized data
 * and exits, with {@code bench ...} measures a running service and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrialGraphApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.execute(TrialGraphApplication.class, Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(GenerateCommand.execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("bench")) {
            System.exit(BenchCommand.execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("bulk-import")) {
            System.exit(BulkImportCommand.execute(TrialGraphApplication.class, Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(TrialGraphApplication.class, args);
    }
}
