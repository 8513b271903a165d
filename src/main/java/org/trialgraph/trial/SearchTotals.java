package org.trialgraph.trial;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.trialgraph.ingest.AnswersUntilWritten;
import org.trialgraph.ingest.GraphWritten;

/**
 * Totals of {@code search}, kept by words and filter until the next write: a user paging through the hits of a
 * broad word asks the same total on every page, and counting it walks every hit in the full-text index again
 * (~100k hits of a common word at the registry's size).
 */
@Component
class SearchTotals {

    /** What decides a total: the escaped Lucene query and the filter. */
    record Key(String query, TrialWhere where) {
    }

    private final AnswersUntilWritten<Key, Long> totals;

    SearchTotals(@Value("${trialgraph.search.total-cache-size:1000}") int maxSize) {
        this.totals = new AnswersUntilWritten<>(maxSize);
    }

    Long get(Key key) {
        return totals.get(key);
    }

    long generation() {
        return totals.generation();
    }

    void keep(Key key, long total, long countedAt) {
        totals.keep(key, total, countedAt);
    }

    @EventListener
    void graphWritten(GraphWritten event) {
        totals.written();
    }
}
