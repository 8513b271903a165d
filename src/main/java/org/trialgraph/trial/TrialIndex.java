package org.trialgraph.trial;

import java.util.List;
import java.util.function.Consumer;

/**
 * An index kept beside the graph that can answer a page of {@code trials(where, orderBy)} without Cypher (package
 * {@code facets}). It answers only when it is in step with the graph and covers every field of the filter and the
 * order; otherwise it says so and the Cypher path answers, with the same result.
 */
public interface TrialIndex {

    /** The NCT ids of a page in order (up to the limit asked), and how many trials match in all. */
    record Page(List<String> nctIds, long total) {
    }

    /**
     * A page: the first {@code limit} matching trials in {@code order} strictly after {@code cursor}.
     *
     * @param order  the sort keys, NCT id last (as the list's Cypher sorts)
     * @param cursor the decoded cursor values, one per sort key, or empty for the first page
     * @return the page, or null when this index cannot answer the request now
     */
    Page page(TrialWhere where, List<TrialOrder> order, List<String> cursor, int limit);

    /**
     * Every trial matching the filter, given by NCT id in no order; or none, when this index cannot answer now.
     *
     * @return whether it answered (every match given)
     */
    boolean matching(TrialWhere where, Consumer<String> nctIds);

    /**
     * The part of the filter this index holds: a filter matching every trial the given one matches (and maybe more),
     * that {@link #matching} can answer; the filter itself when the index holds all of it, null when none of it.
     */
    TrialWhere coveredPart(TrialWhere where);
}
