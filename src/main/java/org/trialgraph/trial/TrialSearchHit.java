package org.trialgraph.trial;

import java.util.List;

import org.trialgraph.paging.Connection;

/** A trial found by full-text search: its relevance and which fields hold a searched word. */
public record TrialSearchHit(Trial node, double score, List<String> matchedFields) {

    /** Search results as a GraphQL {@code TrialConnection} whose edges also carry the score and matched fields. */
    public record Results(List<Edge> edges, Connection.PageInfo pageInfo, long totalCount) {

        static Results of(Connection<TrialSearchHit> hits) {
            return new Results(hits.edges().stream()
                    .map(e -> new Edge(e.cursor(), e.node().node(), e.node().score(), e.node().matchedFields()))
                    .toList(), hits.pageInfo(), hits.totalCount());
        }
    }

    public record Edge(String cursor, Trial node, double score, List<String> matchedFields) {
    }
}
