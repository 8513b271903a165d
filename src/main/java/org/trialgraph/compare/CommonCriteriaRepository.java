package org.trialgraph.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

import org.trialgraph.compare.CommonCriteria.ConstraintUsage;
import org.trialgraph.compare.CommonCriteria.CriterionUsage;
import org.trialgraph.eligibility.EligibilityView.Constraint;
import org.trialgraph.eligibility.EligibilityView.Criterion;
import org.trialgraph.ingest.Keys;
import org.trialgraph.ingest.MeshIds;
import org.trialgraph.neo4j.AutoCommitReads;

/**
 * Counts criteria and constraints over the trials of a condition or a MeSH subtree: from the in-memory forward
 * index ({@link CriteriaCountIndex}, package {@code facets}) when it can answer, then one query for the details of
 * the page's criteria and constraints by node id; otherwise in one query that starts from the condition's or term's
 * unique index and walks only that subtree's trials. Both give the same answer.
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
              RETURN collect({n: n, criterion: c {.key, .text, .trialCount,
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

    // The index's candidates (every item counted at least as often as the first-th), ordered as COUNTS orders them,
    // with the same details. A node deleted since the count (a concurrent write) is left out.
    static final String DETAILS = """
            CALL () {
              UNWIND $criteria AS counted
              MATCH (c:Criterion) WHERE id(c) = counted.node
              WITH c, counted.trials AS n
              ORDER BY n DESC, c.key
              LIMIT $first
              RETURN collect({n: n, criterion: c {.key, .text, .trialCount,
                                                  constraints: [(c)-[:EXPRESSES]->(k:Constraint) | k {.*}]}}) AS criteria
            }
            CALL () {
              UNWIND $constraints AS counted
              MATCH (k:Constraint) WHERE id(k) = counted.node
              WITH k, counted.trials AS n
              ORDER BY n DESC, k.key
              LIMIT $first
              RETURN collect({n: n, constraint: k {.*}}) AS constraints
            }
            RETURN $total AS total, criteria, constraints
            """;

    private final AutoCommitReads reads;
    private final ObjectProvider<CriteriaCountIndex> index;

    CommonCriteriaRepository(AutoCommitReads reads, ObjectProvider<CriteriaCountIndex> index) {
        this.reads = reads;
        this.index = index;
    }

    CommonCriteria ofCondition(String name, String kind, int first) {
        return count(BY_CONDITION, Keys.of(name), kind, first, CriteriaCountIndex::ofCondition);
    }

    CommonCriteria ofMeshTerm(String meshId, String kind, int first) {
        return count(BY_MESH, MeshIds.canonical(meshId), kind, first, CriteriaCountIndex::ofMeshTerm);
    }

    /** How the index counts over the trials of one key (a condition key or a MeSH id). */
    private interface IndexCount {
        CriteriaCountIndex.Counts count(CriteriaCountIndex index, String key, String kind, int first);
    }

    /** From the index when it can answer now, else by the Cypher query. */
    private CommonCriteria count(String cypher, String key, String kind, int first, IndexCount byIndex) {
        CriteriaCountIndex available = index.getIfAvailable();
        CriteriaCountIndex.Counts counts = available == null ? null : byIndex.count(available, key, kind, first);
        return counts != null ? details(counts, first) : countByCypher(cypher, key, kind, first);
    }

    /** The Cypher answer alone, whatever the index could say (tests compare the two). */
    CommonCriteria countByCypher(String cypher, String key, String kind, int first) {
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        params.put("kind", kind);
        params.put("first", first);
        return read(reads.read(cypher, params).get(0));
    }

    private CommonCriteria details(CriteriaCountIndex.Counts counts, int first) {
        Map<String, Object> params = new HashMap<>();
        params.put("criteria", asMaps(counts.criteria()));
        params.put("constraints", asMaps(counts.constraints()));
        params.put("first", first);
        params.put("total", counts.trialCount());
        return read(reads.read(DETAILS, params).get(0));
    }

    private static List<Map<String, Object>> asMaps(List<CriteriaCountIndex.Count> counts) {
        return counts.stream().map(c -> Map.<String, Object>of("node", c.node(), "trials", c.trials())).toList();
    }

    private static CommonCriteria read(Record r) {
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
