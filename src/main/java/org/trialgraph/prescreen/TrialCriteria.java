package org.trialgraph.prescreen;

import java.util.List;

import org.trialgraph.criteria.CriterionKind;

/**
 * What a trial asks of participants, as the pre-screen reads it: the structured age and sex limits of its
 * record and each criterion with the constraints the criteria engine read from it.
 */
record TrialCriteria(String nctId, AgeLimit minimumAge, AgeLimit maximumAge, String sex, List<Stated> criteria) {

    /** An age limit as written ("18 Years") and in years. */
    record AgeLimit(String text, double years) {
    }

    /** One criterion as the trial states it. */
    record Stated(CriterionKind kind, String section, int position, String text, List<ScreeningConstraint> constraints) {
    }
}
