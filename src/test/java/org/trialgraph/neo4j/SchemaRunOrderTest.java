package org.trialgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The order in which pending schema statements run ({@link SchemaMigrations#runOrder}). */
class SchemaRunOrderTest {

    private static final String TRIAL_KEY = "CREATE CONSTRAINT trial_nct_id IF NOT EXISTS FOR (t:Trial) REQUIRE t.nctId IS UNIQUE";
    private static final String ARM_KEY = "CREATE CONSTRAINT arm_id IF NOT EXISTS FOR (a:Arm) REQUIRE a.id IS UNIQUE";
    private static final String START_YEAR = "CREATE INDEX trial_start_year IF NOT EXISTS FOR (t:Trial) ON (t.startYear)";
    private static final String STATUS = "CREATE INDEX trial_overall_status IF NOT EXISTS FOR (t:Trial) ON (t.overallStatus)";
    private static final String TRIGRAM = "CREATE TEXT INDEX criterion_key_text IF NOT EXISTS FOR (c:Criterion) ON (c.key)";
    private static final String WORDS = "CREATE FULLTEXT INDEX criterion_key_words IF NOT EXISTS FOR (c:Criterion) ON EACH [c.key]\n"
            + "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}";
    private static final String DROP_START_YEAR = "DROP INDEX trial_start_year IF EXISTS";
    private static final String DROP_ARM_KEY = "DROP CONSTRAINT arm_id IF EXISTS";
    private static final String DROP_TRIGRAM = "DROP INDEX criterion_key_text IF EXISTS";

    @Test
    void aFreshStoreBuildsNothingALaterScriptDropsAndCreatesConstraintsAfterTheIndexes() {
        List<String> pending = List.of(TRIAL_KEY, ARM_KEY, STATUS, START_YEAR, TRIGRAM, DROP_START_YEAR, DROP_ARM_KEY,
                WORDS, DROP_TRIGRAM);

        assertThat(SchemaMigrations.runOrder(pending))
                .containsExactly(STATUS, DROP_START_YEAR, DROP_ARM_KEY, WORDS, DROP_TRIGRAM, TRIAL_KEY);
    }

    @Test
    void statementsThatReadOrWriteTheGraphKeepEveryStatementInItsPlace() {
        String backfill = "MATCH (t:Trial) SET t.startYear = t.startDate.year";
        List<String> pending = List.of(TRIAL_KEY, START_YEAR, backfill, DROP_START_YEAR, STATUS);

        assertThat(SchemaMigrations.runOrder(pending)).isEqualTo(pending);
    }

    @Test
    void aDropWithoutIfExistsKeepsTheCreateItDrops() {
        String dropStrictly = "DROP INDEX trial_start_year";
        List<String> pending = List.of(START_YEAR, STATUS, dropStrictly);

        assertThat(SchemaMigrations.runOrder(pending)).isEqualTo(pending);
    }

    @Test
    void aConstraintALaterStatementNamesStaysInPlace() {
        String dropStrictly = "DROP CONSTRAINT arm_id";
        List<String> pending = List.of(ARM_KEY, STATUS, dropStrictly, TRIAL_KEY);

        assertThat(SchemaMigrations.runOrder(pending)).containsExactly(ARM_KEY, STATUS, dropStrictly, TRIAL_KEY);
    }

    @Test
    void anIndexDroppedAndCreatedAgainIsCreated() {
        List<String> pending = List.of(DROP_START_YEAR, START_YEAR, TRIAL_KEY, STATUS);

        assertThat(SchemaMigrations.runOrder(pending)).containsExactly(DROP_START_YEAR, START_YEAR, STATUS, TRIAL_KEY);
    }

    @Test
    void aDropOfAnotherKindDoesNotCancelACreate() {
        String dropIndexNamedLikeTheConstraint = "DROP INDEX arm_id IF EXISTS";
        List<String> pending = List.of(ARM_KEY, dropIndexNamedLikeTheConstraint);

        assertThat(SchemaMigrations.runOrder(pending)).containsExactly(ARM_KEY, dropIndexNamedLikeTheConstraint);
    }
}
