package org.trialgraph.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Repository;

import org.trialgraph.trial.TrialFilterCypher;
import org.trialgraph.trial.TrialWhere;

/** Group-by over trials in one Cypher query: each trial's values per dimension, unwound and aggregated. */
@Repository
class TrialStatsRepository {

    static final String NONE = "(none)";
    static final String OTHER = "(other)";

    private static final String STATS = """
            MATCH (t:Trial)
            WHERE %s
            WITH t, head([(t)-[:SPONSORED_BY {role: 'LEAD'}]->(s:Sponsor) | s.key]) AS lead, [%s] AS dimensions
            UNWIND (CASE WHEN size(dimensions[0]) = 0 THEN [$none] ELSE dimensions[0] END) AS k0
            UNWIND (CASE WHEN size(dimensions[1]) = 0 THEN [$none] ELSE dimensions[1] END) AS k1
            WITH k0, k1, count(t) AS trials, sum(coalesce(t.enrollmentCount, 0)) AS enrollment,
                 count(DISTINCT lead) AS sponsors
            RETURN k0, k1, trials, enrollment, sponsors
            ORDER BY trials DESC, k0, k1
            """;

    private final Driver driver;

    TrialStatsRepository(Driver driver) {
        this.driver = driver;
    }

    List<StatsBucket> stats(TrialWhere where, List<StatsDimension> groupBy, int top) {
        TrialFilterCypher.Predicate filter = TrialFilterCypher.of(where);
        Map<String, Object> params = new HashMap<>(filter.parameters());
        params.put("none", NONE);
        // With one dimension the second is a constant, so every query has the same shape.
        String dimensions = groupBy.get(0).values + ", " + (groupBy.size() == 2 ? groupBy.get(1).values : "['']");
        List<StatsBucket> all = new ArrayList<>();
        driver.executableQuery(STATS.formatted(filter.cypher(), dimensions)).withParameters(params).execute().records()
                .forEach(r -> all.add(new StatsBucket(keys(r.get("k0"), r.get("k1"), groupBy.size()), r.get("trials").asLong(),
                        r.get("enrollment").asDouble(), r.get("sponsors").asLong())));
        return topWithOther(all, top, groupBy.size());
    }

    private static List<String> keys(Value k0, Value k1, int dimensions) {
        return dimensions == 1 ? List.of(k0.asString()) : List.of(k0.asString(), k1.asString());
    }

    /** The largest groups, and the rest summed into one "(other)" group. */
    private static List<StatsBucket> topWithOther(List<StatsBucket> all, int top, int dimensions) {
        if (all.size() <= top) {
            return all;
        }
        List<StatsBucket> result = new ArrayList<>(all.subList(0, top));
        List<StatsBucket> rest = all.subList(top, all.size());
        result.add(new StatsBucket(Collections.nCopies(dimensions, OTHER), rest.stream().mapToLong(StatsBucket::trials).sum(),
                rest.stream().mapToDouble(StatsBucket::enrollmentSum).sum(), null));
        return result;
    }
}
