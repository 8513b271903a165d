package org.trialgraph.paging;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay-style page: edges with opaque cursors, whether more follow, and the total number of matches.
 *
 * @param <T> the node type
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    /**
     * Builds a page from up to {@code first + 1} rows fetched in order: the extra row only tells that another
     * page follows.
     */
    public static <T> Connection<T> of(List<T> rows, int first, long totalCount, Function<T, String> cursorOf) {
        return of(rows, first, totalCount, cursorOf, Function.identity());
    }

    /** As {@link #of(List, int, long, Function)}, for rows that carry their node and their sort keys. */
    public static <R, T> Connection<T> of(List<R> rows, int first, long totalCount, Function<R, String> cursorOf,
            Function<R, T> nodeOf) {
        boolean hasNext = rows.size() > first;
        List<Edge<T>> edges = rows.stream().limit(first).map(row -> new Edge<>(cursorOf.apply(row), nodeOf.apply(row)))
                .toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(hasNext, endCursor), totalCount);
    }
}
