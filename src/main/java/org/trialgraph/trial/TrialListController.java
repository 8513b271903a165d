package org.trialgraph.trial;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.paging.Connection;
import org.trialgraph.paging.Cursors;

/** Filtered, sorted, paged lists of trials, and full-text search. */
@Controller
class TrialListController {

    private final TrialListRepository trials;

    TrialListController(TrialListRepository trials) {
        this.trials = trials;
    }

    @QueryMapping
    Connection<Trial> trials(@Argument TrialWhere where, @Argument List<TrialOrder> orderBy, @Argument Integer first,
            @Argument String after) {
        return trials.page(where, orderBy, Cursors.pageSize(first), after);
    }

    @QueryMapping
    TrialSearchHit.Results search(@Argument String text, @Argument TrialWhere where,
            @Argument List<TrialOrder> orderBy, @Argument Integer first, @Argument String after) {
        return TrialSearchHit.Results.of(trials.search(text, where, orderBy, Cursors.pageSize(first), after));
    }
}
