package org.trialgraph.eligibility;

/**
 * How many distinct trials state each constraint, counted in memory (the facet index, package {@code facets})
 * instead of walking every trial-criterion-constraint path of the graph: at ~580k trials the age constraints alone
 * take ~1 s that way.
 */
public interface ConstraintTrialCounts {

    /**
     * @param constraintNodes Constraint nodes by their {@code id()}
     * @return for each node, in the same order, the trials stating it in any section (0 where none does); null when
     *         this index cannot answer now (still building, or a write not applied yet)
     */
    int[] trialsStating(long[] constraintNodes);
}
