package org.trialgraph.stats;

import java.util.List;

/**
 * One group of trials for a dashboard. {@code enrollment} is the sum as a GraphQL Int, null when it does not fit
 * (a registry-wide group can exceed 2^31 participants); {@code enrollmentSum} always holds it.
 */
public record StatsBucket(List<String> keys, long trials, double enrollmentSum, Long sponsors) {

    public Integer enrollment() {
        return enrollmentSum <= Integer.MAX_VALUE ? (int) enrollmentSum : null;
    }
}
