package org.trialgraph.related;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.paging.Cursors;
import org.trialgraph.trial.Trial;
import org.trialgraph.trial.TrialWhere;

/** Answers {@code relatedTrials}: scored and explained. */
@Controller
class RelatedTrialsController {

    private final RelatedTrialsRepository repository;
    private final long maxItemTrials;

    RelatedTrialsController(RelatedTrialsRepository repository,
            @Value("${trialgraph.related.max-item-trials:20000}") long maxItemTrials) {
        this.repository = repository;
        this.maxItemTrials = maxItemTrials;
    }

    @QueryMapping
    List<RelatedTrial> relatedTrials(@Argument String nctId, @Argument List<Relatedness> by, @Argument TrialWhere where,
            @Argument Integer first) {
        List<Relatedness> kinds = by == null || by.isEmpty() ? Arrays.asList(Relatedness.values()) : by;
        List<RelatedScoring.Item> items = repository.sharedItems(nctId, kinds, where, maxItemTrials);
        List<RelatedScoring.Scored> scored = RelatedScoring.score(items, repository.trialCount(),
                first == null ? 10 : Cursors.pageSize(first));
        Map<String, Trial> trials = repository.trials(scored.stream().map(RelatedScoring.Scored::nctId).toList());
        return scored.stream().map(s -> new RelatedTrial(trials.get(s.nctId()), s.score(), s.reasons())).toList();
    }
}
