package org.trialgraph.facets;

/**
 * The criteria a trial states and the constraints they express, as the loader reads them: per edge
 * {@code id(node) * 4 + kind code} (0: no kind, 1: INCLUSION, 2: EXCLUSION, 3: OTHER; {@link CriteriaColumns}).
 */
record TrialCriteria(String nctId, long[] criteria, long[] constraints) {
}
