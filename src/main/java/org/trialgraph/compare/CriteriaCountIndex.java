package org.trialgraph.compare;

import java.util.List;

/**
 * An index kept beside the graph that counts, per criterion and per constraint, the trials of a condition or MeSH
 * subtree stating it, without Cypher (package {@code facets}). Like {@code trial.TrialIndex} it answers only while
 * it is in step with the graph; otherwise it says so and the Cypher query answers, with the same result.
 *
 * <p>It knows nodes by their id, not their key, so it cannot break ties by key itself: it returns every item
 * counted at least as often as the {@code first}-th most counted one, and the caller orders those by count, then
 * key, and keeps the first {@code first}.
 */
public interface CriteriaCountIndex {

    /** A criterion or constraint node (its {@code id()}) and how many of the trials state it. */
    record Count(long node, int trials) {
    }

    /**
     * @param trialCount  the trials of the condition or subtree
     * @param criteria    every criterion stated by at least as many of them as the {@code first}-th most stated one
     * @param constraints the same for constraints
     */
    record Counts(int trialCount, List<Count> criteria, List<Count> constraints) {
    }

    /**
     * Counts over the trials naming the condition (by its key, {@code Keys.of(name)}).
     *
     * @param kind INCLUSION, EXCLUSION or OTHER: only criteria stated in sections of that kind; null: any
     * @return the counts, or null when this index cannot answer now
     */
    Counts ofCondition(String conditionKey, String kind, int first);

    /** As {@link #ofCondition}, over the trials whose condition MeSH terms are the term (canonical id) or narrower. */
    Counts ofMeshTerm(String meshId, String kind, int first);
}
