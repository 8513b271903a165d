package org.trialgraph.eligibility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;

import org.trialgraph.eligibility.EligibilityView.Criterion;
import org.trialgraph.neo4j.AutoCommitReads;

/**
 * Pages of every criterion, most stated first ({@code trialCount DESC, key}), bounded however deep the page.
 * <p>
 * One statement ordered by the {@code criterion_trial_count} index serves the criteria stated by more than
 * {@link #CROWDED} trials: there each count holds few criteria, and Neo4j sorts one count's keys at a time. The low
 * counts are crowded (at ~580k trials 90 % of the 6.5 M criteria are stated once): sorting the keys of such a count
 * took 5-7 s for any page that reached it. Those counts are paged one at a time by the key index instead, where a
 * page is the next keys: the keys after the cursor are walked in order, at most {@link #scan} of them, keeping those
 * of the count. A count too sparse to fill the page within that walk has few criteria, and its page is sorted from the
 * {@code trialCount} index as before.
 */
final class CriteriaCatalog {

    /** Counts at or below this are paged by the key index. */
    static final long CROWDED = 3;

    /**
     * Keys walked at most for a page of a crowded count: a count holding fewer than a page in that many keys (0.5 % of
     * the criteria for a page of 100) is sorted instead, ~32k criteria at ~580k trials.
     */
    static final int SCAN = 20_000;

    /** The criteria stated by more than {@link #CROWDED} trials, paged as a search's matches are. */
    static final String UNCROWDED = EligibilityRepository.CRITERIA_PAGE.formatted(
            "MATCH (c:Criterion) WHERE c.trialCount > $crowded");

    /** Among the next keys after $afterKey, at most $scan of them, the first $limit of the count; stops there. */
    static final String DENSE = """
            MATCH (c:Criterion) USING INDEX c:Criterion(key)
            WHERE c.key > $afterKey
            WITH c ORDER BY c.key LIMIT $scan
            WITH c WHERE c.trialCount = $count
            RETURN %s AS criterion
            LIMIT $limit
            """.formatted(Criterion.PROJECTION);

    /** As {@link #DENSE}, walking all $scan keys to tell how many there were (fewer: the keys' end). */
    static final String WALK = """
            MATCH (c:Criterion) USING INDEX c:Criterion(key)
            WHERE c.key > $afterKey
            WITH c ORDER BY c.key LIMIT $scan
            WITH collect(c) AS walked
            RETURN size(walked) AS walked,
                   [c IN [x IN walked WHERE x.trialCount = $count][0..$limit] | %s] AS criteria
            """.formatted(Criterion.PROJECTION);

    /** A sparse count's criteria after $afterKey, sorted (few: the walk above found fewer than a page). */
    static final String SPARSE = """
            MATCH (c:Criterion) USING INDEX c:Criterion(trialCount)
            WHERE c.trialCount = $count AND c.key > $afterKey
            RETURN %s AS criterion
            ORDER BY c.key
            LIMIT $limit
            """.formatted(Criterion.PROJECTION);

    private final AutoCommitReads reads;
    private final int scan;

    /** @param scan keys at most walked per page of a crowded count before it is taken for sparse ({@link #SCAN}) */
    CriteriaCatalog(AutoCommitReads reads, int scan) {
        this.reads = reads;
        this.scan = scan;
    }

    /** Up to {@code limit} criteria after the cursor ({@code afterCount} null: from the first). */
    List<Criterion> page(Long afterCount, String afterKey, int limit) {
        List<Criterion> page = new ArrayList<>(limit);
        boolean inCrowded = afterCount != null && afterCount <= CROWDED;
        if (!inCrowded) {
            Map<String, Object> params = new HashMap<>();
            params.put("crowded", CROWDED);
            params.put("afterCount", afterCount);
            params.put("afterKey", afterKey);
            params.put("limit", limit);
            page.addAll(criteria(UNCROWDED, params));
        }
        long count = inCrowded ? afterCount : CROWDED;
        String after = inCrowded ? afterKey : "";
        for (; count >= 1 && page.size() < limit; count--, after = "") {
            page.addAll(ofCount(count, after, limit - page.size()));
        }
        return page;
    }

    private List<Criterion> ofCount(long count, String afterKey, int limit) {
        Map<String, Object> params = Map.of("afterKey", afterKey, "scan", scan, "count", count, "limit", limit);
        List<Criterion> found = criteria(DENSE, params);
        if (found.size() == limit) {
            return found;
        }
        Record walk = reads.read(WALK, params).get(0);
        if (walk.get("walked").asInt() < scan) {
            return walk.get("criteria").asList(Criterion::from); // every key after the cursor walked
        }
        return criteria(SPARSE, Map.of("count", count, "afterKey", afterKey, "limit", limit));
    }

    /** The {@code criterion} column of a statement's rows. */
    private List<Criterion> criteria(String cypher, Map<String, Object> params) {
        return reads.read(cypher, params).stream().map(r -> Criterion.from(r.get("criterion"))).toList();
    }
}
