package org.trialgraph.eligibility;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.paging.Connection;
import org.trialgraph.paging.Cursors;
import org.trialgraph.trial.Trial;

/** The trials of one criterion or constraint, a page at a time in NCT id order. */
final class TrialPages {

    private static final String PAGE = """
            %s
            WHERE $after IS NULL OR t.nctId > $after
            WITH DISTINCT t
            ORDER BY t.nctId
            LIMIT $limit
            RETURN t
            """;

    private TrialPages() {
    }

    /** The page query for trials {@code t} that a pattern reaches from the node with key {@code $key}. */
    static String of(String match) {
        return PAGE.formatted(match);
    }

    static Connection<Trial> byNctId(AutoCommitReads reads, String cypher, String key, long total, int first,
            String after) {
        List<String> cursor = Cursors.decode(after, 1);
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        params.put("after", cursor.isEmpty() ? null : cursor.get(0));
        params.put("limit", first + 1);
        List<Trial> rows = reads.read(cypher, params).stream().map(r -> Trial.from(r.get("t"))).toList();
        return Connection.of(rows, first, total, t -> Cursors.encode(t.nctId()));
    }
}
