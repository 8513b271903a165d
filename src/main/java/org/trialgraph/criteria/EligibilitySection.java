package org.trialgraph.criteria;

import java.util.List;

/** A run of criteria under one heading; heading is "" for text before any heading or text without headings. */
public record EligibilitySection(String heading, CriterionKind kind, List<ParsedCriterion> criteria) {

    public EligibilitySection {
        criteria = List.copyOf(criteria);
    }
}
