package org.trialgraph.trial;

import java.util.List;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.paging.Connection;
import org.trialgraph.paging.Cursors;

/**
 * Filtered, sorted, paged lists of trials, and full-text search. A page (with its total when selected) is one
 * query, and the parts selected on its trials one more (TrialPartsPrimer), however many parts.
 */
@Controller
class TrialListController {

    private final TrialListRepository trials;
    private final TrialPartsPrimer parts;

    TrialListController(TrialListRepository trials, TrialPartsPrimer parts) {
        this.trials = trials;
        this.parts = parts;
    }

    @QueryMapping
    Connection<Trial> trials(@Argument TrialWhere where, @Argument List<TrialOrder> orderBy, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        Connection<Trial> page = trials.page(where, orderBy, Cursors.pageSize(first), after,
                SelectedFields.selects(env, "totalCount"),
                TrialPartsPrimer.propertiesRead(env, TrialPartsPrimer.CONNECTION_NODES));
        parts.prime(page.edges().stream().map(Connection.Edge::node).toList(), TrialPartsPrimer.CONNECTION_NODES, env);
        return page;
    }

    @QueryMapping
    TrialSearchHit.Results search(@Argument String text, @Argument TrialWhere where,
            @Argument List<TrialOrder> orderBy, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        boolean matchedFields = SelectedFields.names(env, List.of("edges")).contains("matchedFields");
        TrialSearchHit.Results hits = TrialSearchHit.Results.of(trials.search(text, where, orderBy,
                Cursors.pageSize(first), after, SelectedFields.selects(env, "totalCount"),
                TrialPartsPrimer.propertiesRead(env, TrialPartsPrimer.CONNECTION_NODES), matchedFields));
        parts.prime(hits.edges().stream().map(TrialSearchHit.Edge::node).toList(), TrialPartsPrimer.CONNECTION_NODES, env);
        return hits;
    }
}
