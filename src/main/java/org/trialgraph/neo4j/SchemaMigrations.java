package org.trialgraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
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

    private static final String AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)";

    private static final String LOOKUP_INDEXES = "SHOW INDEXES YIELD name, type WHERE type = 'LOOKUP' RETURN name";

    private static final String AWAIT_INDEX = "CALL db.awaitIndex($name, $seconds)";

    /** CREATE or DROP of an index or constraint, and the name it gives (group 3: absent, IF or FOR when unnamed). */
    private static final Pattern SCHEMA_STATEMENT = Pattern.compile(
            "(CREATE|DROP)(?:\\s+\\w+)*?\\s+(INDEX|CONSTRAINT)\\b(?:\\s+(`[^`]+`|\\w+))?", Pattern.CASE_INSENSITIVE);

    private static final Pattern IF_EXISTS = Pattern.compile("\\bIF\\s+EXISTS\\s*$", Pattern.CASE_INSENSITIVE);

    private static final String NOT_ONLINE = """
            SHOW INDEXES YIELD name, state, populationPercent WHERE state <> 'ONLINE'
            RETURN name, state, populationPercent ORDER BY name
            """;

    /** One wait per transaction, short enough for any transaction timeout; progress is logged between them. */
    private static final int AWAIT_STEP_SECONDS = 60;

    private record Migration(int version, String description, String script) {
    }

    private final Driver driver;

    private final Duration indexWait;

    SchemaMigrations(Driver driver, @Value("${trialgraph.neo4j.index-wait:3h}") Duration indexWait) {
        this.driver = driver;
        this.indexWait = indexWait;
    }

    /**
     * Applies what is new; returns the versions applied now. All pending scripts run first (in the order of
     * {@link #runOrder}) and the indexes are awaited once before any of them is recorded: an index that a later
     * pending script drops (V004's trigram index, dropped by V008) is never built, so a bulk-loaded store never pays
     * for it. A script is still recorded only once every index is online; a start-up interrupted before that runs
     * the scripts again (they are idempotent).
     */
    public List<Integer> migrate() {
        // Reading SchemaMigration nodes is a label scan, which refuses a lookup index that is still populating
        // (one created by an earlier, interrupted start-up of a bulk-loaded store).
        awaitLookupIndexes();
        List<Migration> pending = migrations().stream().filter(this::isNew).toList();
        List<String> statements = pending.stream().flatMap(migration -> statements(migration.script()).stream())
                .toList();
        for (String statement : runOrder(statements)) {
            if (!isSchemaStatement(statement)) {
                awaitIndexes(); // a statement that reads or writes the graph may need the indexes created so far
            }
            driver.executableQuery(statement).execute();
        }
        awaitIndexes();
        for (Migration migration : pending) {
            driver.executableQuery(RECORD).withParameters(Map.of("version", migration.version(), "description",
                    migration.description(), "checksum", checksum(migration.script()))).execute();
        }
        List<Integer> applied = pending.stream().map(Migration::version).toList();
        if (!applied.isEmpty()) {
            log.info("Applied schema migrations {}", applied);
        }
        return applied;
    }

    private boolean isNew(Migration migration) {
        var known = driver.executableQuery(APPLIED).withParameters(Map.of("version", migration.version())).execute()
                .records();
        if (known.isEmpty()) {
            return true;
        }
        if (!known.get(0).get("checksum").asString().equals(checksum(migration.script()))) {
            throw new IllegalStateException("Schema migration V" + migration.version() + " (" + migration.description()
                    + ") was changed after it was applied; add a new migration instead");
        }
        return false;
    }

    /**
     * The order in which the pending statements run. When all of them create or drop indexes and constraints (so
     * none reads the graph in between), two changes leave the same schema in less time; otherwise they run as
     * written.
     * <ul>
     * <li>A CREATE whose name the next statement naming it drops with IF EXISTS is left out: the schema is the same
     * either way, and nothing is built only to be dropped (V001's {@code arm_id} and {@code outcome_id}, dropped by
     * V007; V004's trigram index, dropped by V008).</li>
     * <li>A constraint that no later statement names is created after everything else. Creating a constraint waits
     * for its index to be built, while a plain index builds in the background: so the full-text indexes build
     * beside the constraints instead of after them (a bulk-loaded 580k store: docs/BENCHMARKS.md, "580k, session
     * 13"). Neo4j refuses a uniqueness constraint where an index on the same label and property exists, so a
     * script must not create such an index in the same start-up as the constraint (every test store is fresh and
     * runs all scripts at once: it would fail at once).</li>
     * </ul>
     */
    static List<String> runOrder(List<String> statements) {
        if (!statements.stream().allMatch(SchemaMigrations::isSchemaStatement)) {
            return statements;
        }
        List<SchemaName> names = statements.stream().map(SchemaName::of).toList();
        List<String> first = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            SchemaName name = names.get(i);
            SchemaName next = name == null ? null : nextNaming(names, i);
            if (name != null && name.created() && next != null && next.dropsIfExists(name)) {
                continue;
            }
            if (name != null && name.created() && name.constraint() && next == null) {
                constraints.add(statements.get(i));
            } else {
                first.add(statements.get(i));
            }
        }
        first.addAll(constraints);
        return first;
    }

    /** The name a CREATE or DROP of an index or constraint gives; null for an unnamed CREATE. */
    private record SchemaName(String name, boolean created, boolean constraint, boolean ifExists) {

        static SchemaName of(String statement) {
            Matcher m = SCHEMA_STATEMENT.matcher(statement);
            if (!m.lookingAt() || m.group(3) == null || m.group(3).equalsIgnoreCase("IF")
                    || m.group(3).equalsIgnoreCase("FOR")) {
                return null;
            }
            return new SchemaName(m.group(3), m.group(1).equalsIgnoreCase("CREATE"),
                    m.group(2).equalsIgnoreCase("CONSTRAINT"), IF_EXISTS.matcher(statement).find());
        }

        /** A DROP ... IF EXISTS of what {@code created} creates (an index's drop does not drop a constraint). */
        boolean dropsIfExists(SchemaName created) {
            return !this.created && ifExists && constraint == created.constraint();
        }
    }

    /** The next statement after {@code from} that names the same index or constraint, if any. */
    private static SchemaName nextNaming(List<SchemaName> names, int from) {
        String name = names.get(from).name();
        for (int j = from + 1; j < names.size(); j++) {
            if (names.get(j) != null && names.get(j).name().equals(name)) {
                return names.get(j);
            }
        }
        return null;
    }

    /** CREATE/DROP of an index or constraint: starts or cancels an index build, reads no data itself. */
    static boolean isSchemaStatement(String statement) {
        return SCHEMA_STATEMENT.matcher(statement).lookingAt();
    }

    /**
     * Waits until every index is online. Building the indexes of a bulk-loaded registry takes many minutes (a
     * 580k-study store: more than the five a single {@code db.awaitIndexes} call may take), so the wait is a loop
     * that logs which indexes are still populating, bounded by {@code trialgraph.neo4j.index-wait}.
     */
    void awaitIndexes() {
        awaitIndexes(() -> driver.executableQuery(AWAIT_INDEXES).withParameters(Map.of("seconds", AWAIT_STEP_SECONDS))
                .execute(), "Indexes");
    }

    private void awaitLookupIndexes() {
        List<String> names = driver.executableQuery(LOOKUP_INDEXES).execute().records().stream()
                .map(r -> r.get("name").asString()).toList();
        awaitIndexes(() -> names.forEach(name -> driver.executableQuery(AWAIT_INDEX)
                .withParameters(Map.of("name", name, "seconds", AWAIT_STEP_SECONDS)).execute()), "Lookup indexes");
    }

    /** Runs awaitStep (one bounded wait) until it succeeds, logging the indexes still populating between steps. */
    private void awaitIndexes(Runnable awaitStep, String which) {
        Instant deadline = Instant.now().plus(indexWait);
        while (true) {
            try {
                awaitStep.run();
                return;
            } catch (ClientException stillPopulating) {
                List<Record> notOnline = driver.executableQuery(NOT_ONLINE).execute().records();
                if (notOnline.isEmpty()) {
                    return;
                }
                String states = notOnline.stream().map(SchemaMigrations::indexState).collect(Collectors.joining(", "));
                if (notOnline.stream().anyMatch(index -> "FAILED".equals(index.get("state").asString()))) {
                    throw new IllegalStateException("An index failed to build: " + states, stillPopulating);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(which + " not online after trialgraph.neo4j.index-wait ("
                            + indexWait + "): " + states, stillPopulating);
                }
                log.info("Indexes still populating: {}", states);
            }
        }
    }

    private static String indexState(Record index) {
        return "%s %s %.0f %%".formatted(index.get("name").asString(), index.get("state").asString(),
                index.get("populationPercent").asDouble(0));
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
