package org.trialgraph.compare;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Answers {@code compareEligibility}: shared, unique and differing eligibility of 2 to 10 trials. */
@Controller
class CompareEligibilityController {

    private final EligibilityComparisons comparisons;

    CompareEligibilityController(EligibilityComparisons comparisons) {
        this.comparisons = comparisons;
    }

    @QueryMapping
    EligibilityComparison compareEligibility(@Argument List<String> nctIds) {
        return comparisons.compare(nctIds);
    }
}
