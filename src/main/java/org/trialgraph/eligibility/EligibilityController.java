package org.trialgraph.eligibility;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.eligibility.EligibilityView.Eligibility;
import org.trialgraph.trial.Trial;

/** A trial's eligibility as the graph stores it, and any text as the criteria engine would read it. */
@Controller
class EligibilityController {

    private final EligibilityService eligibility;

    EligibilityController(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    @BatchMapping(typeName = "Trial", field = "eligibility")
    List<Eligibility> eligibility(List<Trial> trials) {
        return eligibility.storedEligibility(trials);
    }

    @QueryMapping
    Eligibility parseEligibility(@Argument String text) {
        return eligibility.parse(text);
    }
}
