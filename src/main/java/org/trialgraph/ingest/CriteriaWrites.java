package org.trialgraph.ingest;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.TransactionContext;

import org.trialgraph.criteria.EligibilityEngine;

/**
 * Writes the shared criteria of a batch and their constraints, and links each trial to the criteria it states;
 * unlinks replaced trials, removing criteria no trial states and constraints no criterion expresses.
 * <p>
 * Costs stay proportional to the batch, not to the graph: {@code trialCount} is kept by increments and decrements
 * (never recounted over a criterion's trials, which for "pregnant or breastfeeding" reach tens of thousands at
 * registry scale), orphaned constraints are looked for only among those the batch touched, and a criterion's
 * constraints are written only when it is new or was read by another engine version.
 */
final class CriteriaWrites {

    // Criteria lose one count per distinct trial unlinked; those no trial states any more go, and with them the
    // constraints no other criterion expresses.
    private static final String UNLINK_CRITERIA = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[r:HAS_CRITERION]->(c:Criterion)
            WITH c, collect(r) AS links, count(DISTINCT id) AS trials
            FOREACH (r IN links | DELETE r)
            SET c.trialCount = c.trialCount - trials
            WITH c WHERE c.trialCount <= 0
            CALL (c) {
              MATCH (c)-[e:EXPRESSES]->(n:Constraint)
              DELETE e
              WITH n WHERE NOT EXISTS { (:Criterion)-[:EXPRESSES]->(n) }
              DETACH DELETE n
            }
            DETACH DELETE c
            """;

    // One row per distinct criterion of the batch, carrying the trials that state it. The constraints are the
    // engine's reading of the text, so they are (re)written only for a new criterion or after an engine change.
    // The trial's own wording is kept on its edge only where it differs from the shared criterion's text.
    private static final String WRITE_CRITERIA = """
            UNWIND $criteria AS x
            MERGE (c:Criterion {key: x.key})
              ON CREATE SET c.text = x.text, c.trialCount = 0
            SET c.trialCount = c.trialCount + x.trialCount
            WITH c, x
            CALL (c, x) {
              WITH c, x WHERE c.engineVersion IS NULL OR c.engineVersion <> $engine
              SET c.engineVersion = $engine
              WITH c, x
              CALL (c, x) {
                MATCH (c)-[e:EXPRESSES]->(n:Constraint)
                WHERE NOT n.key IN x.constraintKeys
                DELETE e
                WITH n WHERE NOT EXISTS { (:Criterion)-[:EXPRESSES]->(n) }
                DETACH DELETE n
              }
              CALL (c, x) {
                UNWIND x.constraints AS k
                MERGE (n:Constraint {key: k.key})
                  ON CREATE SET n += k.props
                MERGE (c)-[:EXPRESSES]->(n)
              }
            }
            CALL (c, x) {
              UNWIND x.links AS l
              MATCH (t:Trial {nctId: l.nctId})
              CREATE (t)-[r:HAS_CRITERION {kind: l.kind, section: l.section, sectionIndex: l.sectionIndex,
                                           position: l.position}]->(c)
              SET r.text = CASE WHEN l.text = c.text THEN null ELSE l.text END
            }
            """;

    private CriteriaWrites() {
    }

    static void unlink(TransactionContext tx, List<String> replacedIds) {
        TrialGraphWriter.run(tx, UNLINK_CRITERIA, Map.of("ids", replacedIds));
    }

    /** @param criteria the batch's distinct criteria, each with its constraints and the trials stating it */
    static void write(TransactionContext tx, List<Map<String, Object>> criteria) {
        TrialGraphWriter.run(tx, WRITE_CRITERIA, Map.of("criteria", criteria, "engine", EligibilityEngine.VERSION));
    }
}
