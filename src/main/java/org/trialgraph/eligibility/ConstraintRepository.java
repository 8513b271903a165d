package org.trialgraph.eligibility;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import org.trialgraph.eligibility.EligibilityView.Constraint;
import org.trialgraph.eligibility.EligibilityView.Criterion;
import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.paging.Connection;
import org.trialgraph.trial.Trial;

/** Structured requirements: one by key, those of a concept, and their criteria and trials. */
@Repository
class ConstraintRepository {

    private static final String CONSTRAINT = "MATCH (n:Constraint {key: $key}) RETURN n {.*} AS constraint";

    private static final String OF_CONCEPT = """
            MATCH (n:Constraint {concept: $concept})
            WITH n, COUNT { MATCH (t:Trial)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(n) RETURN DISTINCT t } AS trials
            RETURN n {.*} AS constraint
            ORDER BY trials DESC, n.key
            LIMIT $limit
            """;

    private static final String TRIAL_COUNTS = """
            UNWIND $keys AS key
            MATCH (n:Constraint {key: key})
            RETURN key, COUNT { MATCH (t:Trial)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(n) RETURN DISTINCT t } AS trials
            """;

    private static final String CRITERIA = """
            MATCH (n:Constraint {key: $key})<-[:EXPRESSES]-(c:Criterion)
            RETURN c {.key, .text, .plainText, .trialCount,
                      constraints: [(c)-[:EXPRESSES]->(k:Constraint) | k {.*}]} AS criterion
            ORDER BY c.trialCount DESC, c.key
            LIMIT $limit
            """;

    private static final String TRIALS = TrialPages.of(
            "MATCH (n:Constraint {key: $key})<-[:EXPRESSES]-(:Criterion)<-[:HAS_CRITERION]-(t:Trial)");

    private final AutoCommitReads reads;

    ConstraintRepository(AutoCommitReads reads) {
        this.reads = reads;
    }

    Optional<Constraint> find(String key) {
        return reads.read(CONSTRAINT, Map.of("key", key)).stream()
                .findFirst().map(r -> EligibilityRepository.constraint(r.get("constraint")));
    }

    List<Constraint> ofConcept(String concept, int limit) {
        return reads.read(OF_CONCEPT, Map.of("concept", concept, "limit", limit)).stream()
                .map(r -> EligibilityRepository.constraint(r.get("constraint"))).toList();
    }

    Map<String, Long> trialCounts(Collection<String> keys) {
        Map<String, Long> counts = new HashMap<>();
        reads.read(TRIAL_COUNTS, Map.of("keys", List.copyOf(keys)))
                .forEach(r -> counts.put(r.get("key").asString(), r.get("trials").asLong()));
        return counts;
    }

    List<Criterion> criteria(Constraint constraint, int limit) {
        return reads.read(CRITERIA, Map.of("key", constraint.key(), "limit", limit)).stream()
                .map(r -> EligibilityRepository.criterion(r.get("criterion"))).toList();
    }

    Connection<Trial> trials(Constraint constraint, long total, int first, String after) {
        return TrialPages.byNctId(reads, TRIALS, constraint.key(), total, first, after);
    }
}
