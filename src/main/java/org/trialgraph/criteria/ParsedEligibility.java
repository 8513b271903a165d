package org.trialgraph.criteria;

import java.util.List;

/** The result of parsing one eligibility text: the raw text as given and its sections in order. */
public record ParsedEligibility(String text, List<EligibilitySection> sections) {

    public ParsedEligibility {
        sections = List.copyOf(sections);
    }

    /** All criteria of all sections, in document order. */
    public List<ParsedCriterion> allCriteria() {
        return sections.stream().flatMap(s -> s.criteria().stream()).toList();
    }
}
