package org.trialgraph.trial;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Looks up single trials, with the parts the query selects read in the same database query. */
@Controller
class TrialController {

    private final TrialPartsPrimer trials;

    TrialController(TrialPartsPrimer trials) {
        this.trials = trials;
    }

    @QueryMapping
    Trial trial(@Argument String nctId, DataFetchingEnvironment env) {
        return trials.trial(nctId, env).orElse(null);
    }
}
