package org.trialgraph.stats;

import java.util.List;

import org.trialgraph.trial.TrialWhere;

/**
 * An index kept beside the graph that can group trials for {@code trialStats} without Cypher (package
 * {@code facets}). Like {@code trial.TrialIndex} it answers only while it is in step with the graph and covers every
 * field of the filter; otherwise it says so and the Cypher path answers, with the same buckets.
 */
public interface StatsIndex {

    /**
     * Every group of the matching trials, in {@link StatsBucket#ORDER}, as {@code TrialStatsRepository}'s Cypher
     * groups them (a trial in each of its values, "(none)" for a dimension without any).
     *
     * @param sponsorsFor how many of the first groups get their distinct lead sponsors counted (0: none); the
     *                    others' {@code sponsors} are null
     * @return the groups, or null when this index cannot answer now
     */
    List<StatsBucket> groups(TrialWhere where, List<StatsDimension> groupBy, int sponsorsFor);
}
