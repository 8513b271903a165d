package org.trialgraph.prescreen;

import java.util.List;

import org.trialgraph.trial.Trial;

/** A trial screened against a patient profile. */
public record TrialScreening(Trial trial, ScreeningVerdict verdict, int unknowns, int fails,
        List<ScreenedCriterion> criteria) {
}
