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
 * logged, in order): V004's trigram index is created and V008 drops it with no wait for indexes in between, so it is
 * never built; the wait comes after all scripts, before any is recorded. (Same properties as SlowQueryLogTest, so
 * the two share a context.)
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
        driver.executableQuery("MATCH (m:SchemaMigration) WHERE m.version IN [4, 8] DETACH DELETE m").execute();
        int before = output.getOut().length();

        assertThat(migrations.migrate()).containsExactly(4, 8);

        List<String> statements = output.getOut().substring(before).lines()
                .filter(line -> line.contains("org.trialgraph.slow-query")).toList();
        int createTrigram = indexOf(statements, "CREATE TEXT INDEX criterion_key_text");
        int dropTrigram = indexOf(statements, "DROP INDEX criterion_key_text");
        int createWords = indexOf(statements, "CREATE FULLTEXT INDEX criterion_key_words");
        int firstWait = indexOf(statements, "db.awaitIndexes(");
        int firstRecord = indexOf(statements, "MERGE (m:SchemaMigration");
        assertThat(createTrigram).isNotNegative();
        assertThat(createTrigram).isLessThan(createWords).isLessThan(dropTrigram);
        assertThat(firstWait).as("the wait comes after V008's drop").isGreaterThan(dropTrigram);
        assertThat(firstRecord).as("records come after the wait").isGreaterThan(firstWait);
        assertThat(statements.subList(createTrigram, dropTrigram)).noneMatch(line -> line.contains("awaitIndex"));
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
