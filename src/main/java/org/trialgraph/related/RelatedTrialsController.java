package org.trialgraph.related;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.paging.Cursors;
import org.trialgraph.trial.SelectedFields;
import org.trialgraph.trial.Trial;
import org.trialgraph.trial.TrialWhere;

/** Answers {@code relatedTrials}: scored and explained. */
@Controller
class RelatedTrialsController {

    private final RelatedTrialsFinder finder;

    RelatedTrialsController(RelatedTrialsFinder finder) {
        this.finder = finder;
    }

    @QueryMapping
    List<RelatedTrial> relatedTrials(@Argument String nctId, @Argument List<Relatedness> by, @Argument TrialWhere where,
            @Argument Integer first, DataFetchingEnvironment env) {
        List<Relatedness> kinds = by == null || by.isEmpty() ? Arrays.asList(Relatedness.values()) : by;
        // Only the selected short fields of the page's trials are read, unless a long text is asked for.
        Set<String> trialFields = SelectedFields.names(env, List.of("trial"));
        return finder.find(nctId, kinds, where, first == null ? 10 : Cursors.pageSize(first),
                Trial.SHORT_FIELDS.containsAll(trialFields) ? trialFields : null);
    }
}
