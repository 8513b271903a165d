package org.trialgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import org.trialgraph.TrialGraphTest;

/**
 * The order in which pending migrations reach Neo4j, read from the slow-query log at threshold 0 (every statement
 * logged, in order): V004's trigram index, which V008 drops, is never created; the constraints come after the
 * indexes; the wait comes after all scripts, before any is recorded. (Same properties as SlowQueryLogTest, so the two
 * share a context.)
 */
@TrialGraphTest
@TestPropertySource(properties = {"trialgraph.slow-query.threshold=0", "trialgraph.seed.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class SchemaMigrationOrderTest {

    @Autowired
    Driver driver;

    @Autowired
    SchemaMigrations migrations;

    @Test
    void pendingScriptsAllRunBeforeTheOneWaitForIndexesAndTheirRecords(CapturedOutput output) {
        driver.executableQuery("MATCH (m:SchemaMigration) WHERE m.version IN [1, 4, 7, 8] DETACH DELETE m").execute();
        int before = output.getOut().length();

        assertThat(migrations.migrate()).containsExactly(1, 4, 7, 8);

        List<String> statements = output.getOut().substring(before).lines()
                .filter(line -> line.contains("org.trialgraph.slow-query")).toList();
        int createWords = indexOf(statements, "CREATE FULLTEXT INDEX criterion_key_words");
        int dropTrigram = indexOf(statements, "DROP INDEX criterion_key_text");
        int firstConstraint = indexOf(statements, "CREATE CONSTRAINT");
        int firstWait = indexOf(statements, "db.awaitIndexes(");
        int firstRecord = indexOf(statements, "MERGE (m:SchemaMigration");
        assertThat(indexOf(statements, "CREATE TEXT INDEX criterion_key_text")).as("never created").isNegative();
        assertThat(createWords).isNotNegative().isLessThan(dropTrigram);
        assertThat(firstConstraint).as("constraints after V008's index").isGreaterThan(dropTrigram);
        assertThat(firstWait).as("the wait comes after the constraints").isGreaterThan(firstConstraint);
        assertThat(firstRecord).as("records come after the wait").isGreaterThan(firstWait);
        assertThat(indexOf(statements, "CREATE CONSTRAINT arm_id")).as("V007 drops it").isNegative();
        assertThat(driver.executableQuery("SHOW CONSTRAINTS YIELD name WHERE name IN ['arm_id', 'outcome_id'] RETURN name")
                .execute().records()).isEmpty();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
