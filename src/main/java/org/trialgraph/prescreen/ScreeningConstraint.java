package org.trialgraph.prescreen;

import org.trialgraph.criteria.Comparator;
import org.trialgraph.criteria.Concept;

/** A structured requirement as stored on a Constraint node (or read from the trial's age and sex limits). */
public record ScreeningConstraint(String key, Concept concept, Comparator comparator, Double value, Double upperValue,
        String unit, String label) {
}
