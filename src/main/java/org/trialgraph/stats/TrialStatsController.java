package org.trialgraph.stats;

import java.util.List;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.trial.TrialWhere;

/** Answers {@code trialStats}: grouped counts for dashboards, kept until the graph changes (TrialStatsCache). */
@Controller
class TrialStatsController {

    private static final int MAX_GROUPS = 1000;

    private final TrialStatsCache stats;

    TrialStatsController(TrialStatsCache stats) {
        this.stats = stats;
    }

    @QueryMapping
    List<StatsBucket> trialStats(@Argument TrialWhere where, @Argument List<StatsDimension> groupBy, @Argument Integer top,
            DataFetchingEnvironment env) {
        if (groupBy.isEmpty() || groupBy.size() > 2) {
            throw new IllegalArgumentException("groupBy takes one or two dimensions, got " + groupBy.size());
        }
        int groups = top == null ? 50 : top;
        if (groups < 1 || groups > MAX_GROUPS) {
            throw new IllegalArgumentException("top must be between 1 and " + MAX_GROUPS + ", was " + groups);
        }
        // Counting distinct lead sponsors is the dearest part: only when the response selects it.
        return stats.stats(where, groupBy, groups, env.getSelectionSet().contains("sponsors"));
    }
}
