package org.trialgraph.eligibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

import org.trialgraph.eligibility.EligibilityView.Constraint;
import org.trialgraph.eligibility.EligibilityView.Criterion;
import org.trialgraph.ingest.AnswersUntilWritten;
import org.trialgraph.ingest.KeptAnswers;
import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.paging.Connection;
import org.trialgraph.trial.Trial;

/**
 * Structured requirements: one by key, those of a concept, and their criteria and trials. A constraint's trial count
 * is the number of distinct trials behind its criteria, counted when asked: in memory by the facet index
 * ({@link ConstraintTrialCounts}) when it is built and up to date, else over the graph (0.7-1.0 s for the age
 * constraints at ~580k trials). The concept's ranking and each constraint's count are kept until the next write
 * ({@code trialgraph.constraints.cache-size}).
 */
@Repository
class ConstraintRepository {

    private static final String CONSTRAINT = "MATCH (n:Constraint {key: $key}) RETURN n {.*} AS constraint";

    private static final String OF_CONCEPT = """
            MATCH (n:Constraint {concept: $concept})
            WITH n, COUNT { MATCH (t:Trial)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(n) RETURN DISTINCT t } AS trials
            RETURN n {.*} AS constraint, trials
            ORDER BY trials DESC, n.key
            LIMIT $limit
            """;

    private static final String NODES_OF_CONCEPT = """
            MATCH (n:Constraint {concept: $concept})
            RETURN id(n) AS node, n {.*} AS constraint
            """;

    private static final String NODES_OF_KEYS = """
            UNWIND $keys AS key
            MATCH (n:Constraint {key: key})
            RETURN id(n) AS node, n {.*} AS constraint
            """;

    private static final String TRIAL_COUNTS = """
            UNWIND $keys AS key
            MATCH (n:Constraint {key: key})
            RETURN key, COUNT { MATCH (t:Trial)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(n) RETURN DISTINCT t } AS trials
            """;

    private static final String CRITERIA = """
            MATCH (n:Constraint {key: $key})<-[:EXPRESSES]-(c:Criterion)
            RETURN %s AS criterion
            ORDER BY c.trialCount DESC, c.key
            LIMIT $limit
            """.formatted(Criterion.PROJECTION);

    private static final String TRIALS = TrialPages.of(
            "MATCH (n:Constraint {key: $key})<-[:EXPRESSES]-(:Criterion)<-[:HAS_CRITERION]-(t:Trial)");

    private final AutoCommitReads reads;
    private final ObjectProvider<ConstraintTrialCounts> index;
    private final AnswersUntilWritten<ConceptPage, List<Constraint>> ofConcept;
    private final AnswersUntilWritten<String, Long> trialCounts;

    private record ConceptPage(String concept, int limit) {
    }

    /** A constraint and the trials stating it. */
    record Counted(Constraint constraint, long trials) {
    }

    ConstraintRepository(AutoCommitReads reads, ObjectProvider<ConstraintTrialCounts> index, KeptAnswers keptAnswers) {
        this.reads = reads;
        this.index = index;
        this.ofConcept = keptAnswers.untilWritten("trialgraph.constraints.cache-size");
        this.trialCounts = keptAnswers.untilWritten("trialgraph.constraints.cache-size");
    }

    Optional<Constraint> find(String key) {
        return reads.read(CONSTRAINT, Map.of("key", key)).stream()
                .findFirst().map(r -> EligibilityRepository.constraint(r.get("constraint")));
    }

    /** The concept's constraints, most trials first; their trial counts are kept for {@link #trialCounts} too. */
    List<Constraint> ofConcept(String concept, int limit) {
        return ofConcept.get(new ConceptPage(concept, limit), () -> {
            long computedAt = trialCounts.generation();
            List<Counted> counted = countedByIndex(NODES_OF_CONCEPT, Map.of("concept", concept));
            List<Counted> ranked = counted == null ? ofConceptByCypher(concept, limit) : counted.stream()
                    .sorted(Comparator.comparingLong(Counted::trials).reversed()
                            .thenComparing(c -> c.constraint().key()))
                    .limit(limit).toList();
            ranked.forEach(c -> trialCounts.keep(c.constraint().key(), c.trials(), computedAt));
            return ranked.stream().map(Counted::constraint).toList();
        });
    }

    /** The concept's ranking counted over the graph, whatever the index could say (tests compare the two). */
    List<Counted> ofConceptByCypher(String concept, int limit) {
        return reads.read(OF_CONCEPT, Map.of("concept", concept, "limit", limit)).stream()
                .map(r -> new Counted(EligibilityRepository.constraint(r.get("constraint")), r.get("trials").asLong()))
                .toList();
    }

    /** The constraints a statement finds ({@code node, constraint}), counted by the index; null when it cannot. */
    private List<Counted> countedByIndex(String cypher, Map<String, Object> params) {
        ConstraintTrialCounts available = index.getIfAvailable();
        if (available == null) {
            return null;
        }
        List<Record> rows = reads.read(cypher, params);
        int[] trials = available.trialsStating(rows.stream().mapToLong(r -> r.get("node").asLong()).toArray());
        if (trials == null) { // still building, or a write not applied yet: the graph answers
            return null;
        }
        List<Counted> counted = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            counted.add(new Counted(EligibilityRepository.constraint(rows.get(i).get("constraint")), trials[i]));
        }
        return counted;
    }

    /** Trials per constraint key; the counts not kept are read in one statement. */
    Map<String, Long> trialCounts(Collection<String> keys) {
        Map<String, Long> counts = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            Long kept = trialCounts.get(key);
            if (kept == null) {
                missing.add(key);
            } else {
                counts.put(key, kept);
            }
        }
        if (missing.isEmpty()) {
            return counts;
        }
        long computedAt = trialCounts.generation();
        countsOf(missing).forEach((key, trials) -> {
            counts.put(key, trials);
            trialCounts.keep(key, trials, computedAt);
        });
        return counts;
    }

    private Map<String, Long> countsOf(List<String> keys) {
        Map<String, Long> counts = new HashMap<>();
        List<Counted> counted = countedByIndex(NODES_OF_KEYS, Map.of("keys", keys));
        if (counted != null) {
            counted.forEach(c -> counts.put(c.constraint().key(), c.trials()));
        } else {
            reads.read(TRIAL_COUNTS, Map.of("keys", keys))
                    .forEach(r -> counts.put(r.get("key").asString(), r.get("trials").asLong()));
        }
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
