package org.trialgraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned schema scripts in {@code classpath:neo4j/migrations} (V001__name.cypher, ...) in
 * order, once each, recording each as a {@code SchemaMigration} node with its checksum. Every statement is
 * idempotent (IF NOT EXISTS), so a script interrupted half-way is simply run again. A script changed after
 * it was applied is an error: add a new version instead.
 */
@Component
public class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(.+)\\.cypher");

    private static final String APPLIED = """
            MATCH (m:SchemaMigration {version: $version}) RETURN m.checksum AS checksum
            """;

    private static final String RECORD = """
            MERGE (m:SchemaMigration {version: $version})
            SET m.description = $description, m.checksum = $checksum, m.appliedAt = datetime()
            """;

    private static final String AWAIT_INDEXES = "CALL db.awaitIndexes(300)";

    private record Migration(int version, String description, String script) {
    }

    private final Driver driver;

    SchemaMigrations(Driver driver) {
        this.driver = driver;
    }

    /** Applies what is new; returns the versions applied now. */
    public List<Integer> migrate() {
        List<Integer> applied = migrations().stream().filter(this::applyIfNew).map(Migration::version).toList();
        driver.executableQuery(AWAIT_INDEXES).execute();
        if (!applied.isEmpty()) {
            log.info("Applied schema migrations {}", applied);
        }
        return applied;
    }

    private boolean applyIfNew(Migration migration) {
        String checksum = checksum(migration.script());
        var known = driver.executableQuery(APPLIED).withParameters(Map.of("version", migration.version())).execute()
                .records();
        if (!known.isEmpty()) {
            String recorded = known.get(0).get("checksum").asString();
            if (!recorded.equals(checksum)) {
                throw new IllegalStateException("Schema migration V" + migration.version() + " (" + migration.description()
                        + ") was changed after it was applied; add a new migration instead");
            }
            return false;
        }
        for (String statement : statements(migration.script())) {
            driver.executableQuery(statement).execute();
        }
        driver.executableQuery(RECORD).withParameters(Map.of("version", migration.version(), "description",
                migration.description(), "checksum", checksum)).execute();
        return true;
    }

    private static List<Migration> migrations() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:neo4j/migrations/V*.cypher");
            return Arrays.stream(resources).map(SchemaMigrations::migration)
                    .sorted(Comparator.comparingInt(Migration::version)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list schema migrations", e);
        }
    }

    private static Migration migration(Resource resource) {
        Matcher name = FILE_NAME.matcher(resource.getFilename());
        if (!name.matches()) {
            throw new IllegalStateException("Schema migration file not named V<version>__<name>.cypher: "
                    + resource.getFilename());
        }
        try {
            return new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '),
                    resource.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getFilename(), e);
        }
    }

    /** Statements end with a semicolon at the end of a line; lines starting with // are comments. */
    static List<String> statements(String script) {
        String withoutComments = script.lines().filter(line -> !line.strip().startsWith("//"))
                .reduce("", (a, b) -> a + b + "\n");
        return Arrays.stream(withoutComments.split(";\\s*(\\n|$)")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static String checksum(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
