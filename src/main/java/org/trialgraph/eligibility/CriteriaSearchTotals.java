package org.trialgraph.eligibility;

import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.trialgraph.ingest.AnswersUntilWritten;
import org.trialgraph.ingest.GraphWritten;

/**
 * Totals of {@code criteria(search:)}, kept by search until the next write: a user paging through the criteria of
 * a common word asks the same total on every page, and counting it walks every match in the word index again
 * (30-170k criteria for a common word at the registry's size, most of the request's time).
 */
@Component
class CriteriaSearchTotals {

    private final AnswersUntilWritten<CriteriaSearch, Long> totals;

    CriteriaSearchTotals(@Value("${trialgraph.criteria.total-cache-size:1000}") int maxSize) {
        this.totals = new AnswersUntilWritten<>(maxSize);
    }

    /** The total kept for this search, or the one counted now. */
    long total(CriteriaSearch search, Supplier<Long> count) {
        return totals.get(search, count);
    }

    @EventListener
    void graphWritten(GraphWritten event) {
        totals.written();
    }
}
