package org.trialgraph.eligibility;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;

import org.trialgraph.paging.Connection;
import org.trialgraph.paging.Cursors;
import org.trialgraph.trial.Trial;

/**
 * The trials of one criterion or constraint, a page at a time in NCT id order. The query finds them from the
 * node with key {@code $key}, keeps those after {@code $after}, and returns at most {@code $limit} as {@code t}.
 */
final class TrialPages {

    private TrialPages() {
    }

    static Connection<Trial> byNctId(Driver driver, String cypher, String key, long total, int first, String after) {
        List<String> cursor = Cursors.decode(after, 1);
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        params.put("after", cursor.isEmpty() ? null : cursor.get(0));
        params.put("limit", first + 1);
        List<Trial> rows = driver.executableQuery(cypher).withParameters(params).execute().records().stream()
                .map(r -> Trial.from(r.get("t"))).toList();
        return Connection.of(rows, first, total, t -> Cursors.encode(t.nctId()));
    }
}
