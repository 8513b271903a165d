package org.trialgraph.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.trial.TrialFilterCypher;
import org.trialgraph.trial.TrialWhere;

/**
 * Groups of trials: from the in-memory index (package {@code facets}, {@link StatsIndex}) when it can answer, otherwise
 * by Cypher. Group-by over trials in one Cypher query: each trial's values per dimension, unwound and aggregated. The
 * distinct lead sponsors per group, when asked for, come from a second subquery that walks the lead-sponsor
 * edges (from the sponsors' side when the filter allows): looking up each trial's lead sponsor from the trial
 * expands all of the trial's relationships and cost twice the rest of the query.
 */
@Repository
class TrialStatsRepository {

    static final String NONE = StatsBucket.NONE;
    static final String OTHER = StatsBucket.OTHER;

    private static final String GROUPS = """
            CALL () {
              %s  WITH t, [%s] AS dimensions
              UNWIND (CASE WHEN size(dimensions[0]) = 0 THEN [$none] ELSE dimensions[0] END) AS k0
              UNWIND (CASE WHEN size(dimensions[1]) = 0 THEN [$none] ELSE dimensions[1] END) AS k1
              WITH k0, k1, count(t) AS trials, sum(coalesce(t.enrollmentCount, 0)) AS enrollment
              ORDER BY trials DESC, k0, k1
              RETURN collect([k0, k1, trials, enrollment]) AS groups
            }
            """;

    private static final String LEAD_SPONSORS = """
            CALL () {
              %s  MATCH (t)-[r:SPONSORED_BY]->(s:Sponsor) WHERE r.role = 'LEAD'
              WITH t, s, [%s] AS dimensions
              UNWIND (CASE WHEN size(dimensions[0]) = 0 THEN [$none] ELSE dimensions[0] END) AS k0
              UNWIND (CASE WHEN size(dimensions[1]) = 0 THEN [$none] ELSE dimensions[1] END) AS k1
              WITH k0, k1, count(DISTINCT s) AS sponsors
              RETURN collect([k0, k1, sponsors]) AS leads
            }
            """;

    private final AutoCommitReads reads;
    private final ObjectProvider<StatsIndex> index;

    TrialStatsRepository(AutoCommitReads reads, ObjectProvider<StatsIndex> index) {
        this.reads = reads;
        this.index = index;
    }

    /** The groups, largest first; {@code sponsors} is null in each unless {@code withSponsors}. */
    List<StatsBucket> stats(TrialWhere where, List<StatsDimension> groupBy, int top, boolean withSponsors) {
        StatsIndex available = index.getIfAvailable();
        List<StatsBucket> indexed = available == null ? null : available.groups(where, groupBy, withSponsors ? top : 0);
        if (indexed == null) {
            return statsFromGraph(where, groupBy, top, withSponsors);
        }
        return topWithOther(indexed, top, groupBy.size());
    }

    /** The groups computed by Cypher alone. */
    List<StatsBucket> statsFromGraph(TrialWhere where, List<StatsDimension> groupBy, int top, boolean withSponsors) {
        TrialFilterCypher.Match match = TrialFilterCypher.match(where);
        Map<String, Object> params = new HashMap<>(match.parameters());
        params.put("none", NONE);
        // With one dimension the second is a constant, so every query has the same shape.
        String dimensions = groupBy.get(0).values + ", " + (groupBy.size() == 2 ? groupBy.get(1).values : "['']");
        String trials = match.cypher("true");
        String cypher = GROUPS.formatted(trials, dimensions)
                + (withSponsors ? LEAD_SPONSORS.formatted(trials, dimensions) + "RETURN groups, leads" : "RETURN groups, [] AS leads");
        Record result = reads.read(cypher, params).get(0);
        Map<List<String>, Long> sponsors = new HashMap<>();
        result.get("leads").asList(Value::asList).forEach(l -> sponsors.put(List.of((String) l.get(0), (String) l.get(1)),
                ((Number) l.get(2)).longValue()));
        List<StatsBucket> all = new ArrayList<>();
        result.get("groups").asList(Value::asList).forEach(g -> {
            String k0 = (String) g.get(0);
            String k1 = (String) g.get(1);
            Long leads = withSponsors ? sponsors.getOrDefault(List.of(k0, k1), 0L) : null;
            all.add(new StatsBucket(groupBy.size() == 1 ? List.of(k0) : List.of(k0, k1), ((Number) g.get(2)).longValue(),
                    ((Number) g.get(3)).doubleValue(), leads));
        });
        return topWithOther(all, top, groupBy.size());
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
