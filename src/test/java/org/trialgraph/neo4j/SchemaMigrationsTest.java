package org.trialgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import org.trialgraph.TrialGraphTest;

/**
 * Schema migrations: all pending scripts run before the single wait for indexes, so an index that a later pending
 * script drops is gone when they are recorded (V004's trigram index on Criterion.key, dropped by V008).
 */
@TrialGraphTest
class SchemaMigrationsTest {

    private static final String INDEXES = """
            SHOW INDEXES YIELD name, type, state, options
            RETURN name, type, state, options.indexConfig['fulltext.analyzer'] AS analyzer
            """;

    @Autowired
    Driver driver;

    @Autowired
    SchemaMigrations migrations;

    @Test
    void aFreshStoreHasTheCriterionWordIndexOnlineAndNoTrigramIndex() {
        Map<String, Map<String, Object>> indexes = indexes();

        assertThat(indexes).doesNotContainKey("criterion_key_text");
        assertThat(indexes.get("criterion_key_words")).containsEntry("type", "FULLTEXT").containsEntry("state", "ONLINE")
                .containsEntry("analyzer", "standard-no-stop-words");
        assertThat(recordedVersions()).contains(4L, 8L);
    }

    @Test
    void pendingScriptsThatCreateAndDropAnIndexOnAPopulatedGraphLeaveItDroppedAndRecordBoth() {
        assertThat(driver.executableQuery("MATCH (c:Criterion) RETURN count(c) AS n").execute().records().get(0)
                .get("n").asLong()).isPositive();
        driver.executableQuery("MATCH (m:SchemaMigration) WHERE m.version IN [4, 8] DETACH DELETE m").execute();

        List<Integer> applied = migrations.migrate();

        assertThat(applied).containsExactly(4, 8);
        Map<String, Map<String, Object>> indexes = indexes();
        assertThat(indexes).doesNotContainKey("criterion_key_text");
        assertThat(indexes.get("criterion_key_words")).containsEntry("state", "ONLINE");
        assertThat(indexes.values()).allSatisfy(index -> assertThat(index).containsEntry("state", "ONLINE"));
        assertThat(recordedVersions()).contains(4L, 8L);
        assertThat(migrations.migrate()).isEmpty();
    }

    @Test
    void onlyIndexAndConstraintStatementsRunWithoutWaitingForIndexes() {
        assertThat(SchemaMigrations.isSchemaStatement("CREATE INDEX a IF NOT EXISTS FOR (t:Trial) ON (t.x)")).isTrue();
        assertThat(SchemaMigrations.isSchemaStatement("CREATE FULLTEXT INDEX b FOR (c:Criterion) ON EACH [c.key]"))
                .isTrue();
        assertThat(SchemaMigrations.isSchemaStatement("create constraint c for (n:N) require n.k is unique")).isTrue();
        assertThat(SchemaMigrations.isSchemaStatement("DROP INDEX criterion_key_text IF EXISTS")).isTrue();
        assertThat(SchemaMigrations.isSchemaStatement("DROP CONSTRAINT arm_id IF EXISTS")).isTrue();
        assertThat(SchemaMigrations.isSchemaStatement("MATCH (c:Criterion) SET c.index = 1")).isFalse();
        assertThat(SchemaMigrations.isSchemaStatement("CREATE (n:Note {text: 'an index'})")).isFalse();
    }

    private Map<String, Map<String, Object>> indexes() {
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        driver.executableQuery(INDEXES).execute().records().forEach(r -> byName.put(r.get("name").asString(), r.asMap()));
        return byName;
    }

    private List<Long> recordedVersions() {
        return driver.executableQuery("MATCH (m:SchemaMigration) RETURN m.version AS v").execute().records().stream()
                .map(r -> r.get("v").asLong()).toList();
    }
}
