package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.neo4j.driver.Driver;

/** What must hold of the whole graph after any sequence of imports: counts kept in step, nothing orphaned, no derived text stored. */
final class GraphInvariants {

    private GraphInvariants() {
    }

    static void assertConsistent(Driver driver) {
        assertThat(count(driver, """
                MATCH (c:Criterion)
                WHERE c.trialCount <> COUNT { MATCH (t:Trial)-[:HAS_CRITERION]->(c) RETURN DISTINCT t }
                RETURN count(c) AS n""")).as("criteria whose trialCount differs from their linked trials").isZero();
        assertThat(count(driver, "MATCH (c:Criterion) WHERE NOT EXISTS { (:Trial)-[:HAS_CRITERION]->(c) } RETURN count(c) AS n"))
                .as("criteria no trial states").isZero();
        assertThat(count(driver, "MATCH (c:Criterion) WHERE c.plainText IS NOT NULL RETURN count(c) AS n"))
                .as("criteria storing a plain text beside their text (it is rendered when read)").isZero();
        assertThat(count(driver, "MATCH (n:Constraint) WHERE NOT EXISTS { (:Criterion)-[:EXPRESSES]->(n) } RETURN count(n) AS n"))
                .as("constraints no criterion expresses").isZero();
        assertThat(count(driver, """
                MATCH (n) WHERE (n:Sponsor OR n:Condition OR n:Intervention OR n:Site) AND NOT EXISTS { (:Trial)-->(n) }
                RETURN count(n) AS n""")).as("sponsors, conditions, interventions and sites no trial uses").isZero();
        assertThat(count(driver, "MATCH (n) WHERE (n:Arm OR n:Outcome) AND NOT EXISTS { (:Trial)-->(n) } RETURN count(n) AS n"))
                .as("arms and outcomes without their trial").isZero();
    }

    private static long count(Driver driver, String cypher) {
        return driver.executableQuery(cypher).execute().records().get(0).get("n").asLong();
    }
}
