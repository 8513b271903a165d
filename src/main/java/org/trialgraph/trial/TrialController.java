package org.trialgraph.trial;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Looks up single trials. */
@Controller
class TrialController {

    private final TrialRepository trials;

    TrialController(TrialRepository trials) {
        this.trials = trials;
    }

    @QueryMapping
    Trial trial(@Argument String nctId) {
        return trials.findTrial(nctId).orElse(null);
    }
}
