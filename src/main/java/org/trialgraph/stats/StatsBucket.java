package org.trialgraph.stats;

import java.util.Comparator;
import java.util.List;

/**
 * One group of trials for a dashboard. {@code enrollment} is the sum as a GraphQL Int, null when it does not fit
 * (a registry-wide group can exceed 2^31 participants); {@code enrollmentSum} always holds it.
 */
public record StatsBucket(List<String> keys, long trials, double enrollmentSum, Long sponsors) {

    /** The key of the group of trials without a value in a dimension. */
    public static final String NONE = "(none)";
    /** The keys of the group that sums the groups beyond {@code top}. */
    public static final String OTHER = "(other)";

    /**
     * The order of the groups: most trials first, then by keys as Cypher's {@code ORDER BY trials DESC, k0, k1}
     * sorts them (Neo4j compares strings as {@link String#compareTo} does).
     */
    public static final Comparator<StatsBucket> ORDER = Comparator.comparingLong(StatsBucket::trials).reversed()
            .thenComparing(StatsBucket::keys, StatsBucket::compareKeys);

    public Integer enrollment() {
        return enrollmentSum <= Integer.MAX_VALUE ? (int) enrollmentSum : null;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
