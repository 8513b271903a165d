package org.trialgraph.compare;

import java.util.HashMap;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Repository;

import org.trialgraph.compare.CommonCriteria.ConstraintUsage;
import org.trialgraph.compare.CommonCriteria.CriterionUsage;
import org.trialgraph.eligibility.EligibilityView.Constraint;
import org.trialgraph.eligibility.EligibilityView.Criterion;
import org.trialgraph.ingest.Keys;
import org.trialgraph.ingest.MeshIds;

/**
 * Counts criteria and constraints over the trials of a condition or a MeSH subtree, in one query that starts
 * from the condition's or term's unique index and walks only that subtree's trials.
 */
@Repository
class CommonCriteriaRepository {

    // The trials a filter trials(where: {condition: {name}}) finds: those naming the condition.
    private static final String CONDITION_TRIALS = "MATCH (:Condition {key: $key})<-[:STUDIES]-(t:Trial)";

    // As trials(where: {condition: {meshId}}): the term's own trials and, through the BROADER closure (one hop to
    // every ancestor), those of every narrower term.
    private static final String MESH_TRIALS = """
            MATCH (:MeshTerm {id: $key})<-[:BROADER*0..1]-(:MeshTerm)<-[:STUDIES_MESH]-(t:Trial)""";

    private static final String COUNTS = """
            %s
            WITH collect(DISTINCT t) AS trials
            CALL (trials) {
              UNWIND trials AS t
              MATCH (t)-[r:HAS_CRITERION]->(c:Criterion)
              WHERE $kind IS NULL OR r.kind = $kind
              WITH c, count(DISTINCT t) AS n
              ORDER BY n DESC, c.key
              LIMIT $first
              RETURN collect({n: n, criterion: c {.key, .text, .plainText, .trialCount,
                                                  constraints: [(c)-[:EXPRESSES]->(k:Constraint) | k {.*}]}}) AS criteria
            }
            CALL (trials) {
              UNWIND trials AS t
              MATCH (t)-[r:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(k:Constraint)
              WHERE $kind IS NULL OR r.kind = $kind
              WITH k, count(DISTINCT t) AS n
              ORDER BY n DESC, k.key
              LIMIT $first
              RETURN collect({n: n, constraint: k {.*}}) AS constraints
            }
            RETURN size(trials) AS total, criteria, constraints
            """;

    static final String BY_CONDITION = COUNTS.formatted(CONDITION_TRIALS);
    static final String BY_MESH = COUNTS.formatted(MESH_TRIALS);

    private final Driver driver;

    CommonCriteriaRepository(Driver driver) {
        this.driver = driver;
    }

    CommonCriteria ofCondition(String name, String kind, int first) {
        return count(BY_CONDITION, Keys.of(name), kind, first);
    }

    CommonCriteria ofMeshTerm(String meshId, String kind, int first) {
        return count(BY_MESH, MeshIds.canonical(meshId), kind, first);
    }

    private CommonCriteria count(String cypher, String key, String kind, int first) {
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        params.put("kind", kind);
        params.put("first", first);
        Record r = driver.executableQuery(cypher).withParameters(params).execute().records().get(0);
        long total = r.get("total").asLong();
        return new CommonCriteria(total,
                r.get("criteria").asList(v -> new CriterionUsage(Criterion.from(v.get("criterion")), v.get("n").asLong(),
                        share(v.get("n").asLong(), total))),
                r.get("constraints").asList(v -> new ConstraintUsage(Constraint.from(v.get("constraint")),
                        v.get("n").asLong(), share(v.get("n").asLong(), total))));
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }
}
