package org.trialgraph.ingest;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.TransactionContext;

/**
 * Writes the shared criteria of a batch and their constraints, and links each trial to the criteria it states;
 * unlinks replaced trials, removing criteria no trial states and constraints no criterion expresses.
 */
final class CriteriaWrites {

    // Criteria that lose a trial are recounted; those no trial states any more are removed.
    private static final String UNLINK_CRITERIA = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[r:HAS_CRITERION]->(c:Criterion)
            DELETE r
            WITH DISTINCT c
            SET c.trialCount = COUNT { MATCH (t:Trial)-[:HAS_CRITERION]->(c) RETURN DISTINCT t }
            WITH c WHERE c.trialCount = 0
            DETACH DELETE c
            """;

    private static final String DELETE_UNUSED_CONSTRAINTS = """
            MATCH (n:Constraint)
            WHERE NOT EXISTS { (:Criterion)-[:EXPRESSES]->(n) }
            DETACH DELETE n
            """;

    // One row per distinct criterion of the batch: its constraints are the engine's reading of its text, so a
    // re-import with a better engine replaces them.
    private static final String MERGE_CRITERIA = """
            UNWIND $criteria AS x
            MERGE (c:Criterion {key: x.key})
              ON CREATE SET c.text = x.text, c.plainText = x.plainText, c.trialCount = 0
            WITH c, x
            CALL (c, x) {
              MATCH (c)-[e:EXPRESSES]->(n:Constraint)
              WHERE NOT n.key IN x.constraintKeys
              DELETE e
            }
            CALL (c, x) {
              UNWIND x.constraints AS k
              MERGE (n:Constraint {key: k.key})
                ON CREATE SET n += k.props
              MERGE (c)-[:EXPRESSES]->(n)
            }
            """;

    // The trial's own wording is kept on its edge only where it differs from the shared criterion's text.
    private static final String LINK_CRITERIA = """
            UNWIND $rows AS row
            MATCH (t:Trial {nctId: row.nctId})
            UNWIND row.items AS x
            MATCH (c:Criterion {key: x.key})
            CREATE (t)-[r:HAS_CRITERION {kind: x.kind, section: x.section, sectionIndex: x.sectionIndex,
                                         position: x.position}]->(c)
            SET r.text = CASE WHEN x.text = c.text THEN null ELSE x.text END
            """;

    private static final String COUNT_CRITERION_TRIALS = """
            UNWIND $keys AS key
            MATCH (c:Criterion {key: key})
            SET c.trialCount = COUNT { MATCH (t:Trial)-[:HAS_CRITERION]->(c) RETURN DISTINCT t }
            """;

    private CriteriaWrites() {
    }

    static void unlink(TransactionContext tx, List<String> replacedIds) {
        TrialGraphWriter.run(tx, UNLINK_CRITERIA, Map.of("ids", replacedIds));
        TrialGraphWriter.run(tx, DELETE_UNUSED_CONSTRAINTS, Map.of());
    }

    /**
     * @param criteria    the batch's distinct criteria with their constraints
     * @param trialLinks  per trial, the criteria it states (section, position, wording)
     */
    static void write(TransactionContext tx, List<Map<String, Object>> criteria, List<Map<String, Object>> trialLinks) {
        TrialGraphWriter.run(tx, MERGE_CRITERIA, Map.of("criteria", criteria));
        TrialGraphWriter.run(tx, LINK_CRITERIA, Map.of("rows", trialLinks));
        TrialGraphWriter.run(tx, COUNT_CRITERION_TRIALS, Map.of("keys", criteria.stream().map(c -> c.get("key")).toList()));
    }
}
