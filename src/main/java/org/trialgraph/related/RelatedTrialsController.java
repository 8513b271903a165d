package org.trialgraph.related;

import java.util.Arrays;
import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.paging.Cursors;
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
            @Argument Integer first, DataFetchingFieldSelectionSet selection) {
        List<Relatedness> kinds = by == null || by.isEmpty() ? Arrays.asList(Relatedness.values()) : by;
        return finder.find(nctId, kinds, where, first == null ? 10 : Cursors.pageSize(first), shortTrials(selection));
    }

    /** Whether every field asked of {@code trial} is one of its short fields (then the long texts are not read). */
    static boolean shortTrials(DataFetchingFieldSelectionSet selection) {
        return selection.getFields("trial/*").stream().allMatch(f -> Trial.SHORT_FIELDS.contains(f.getName()));
    }
}
