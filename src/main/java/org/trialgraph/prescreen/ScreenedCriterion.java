package org.trialgraph.prescreen;

import java.util.List;

import org.trialgraph.criteria.CriterionKind;

/**
 * One criterion of a trial, screened: its verdict, the reason in plain words, the constraint that decided it
 * (null when the criterion has none) and every constraint check.
 */
public record ScreenedCriterion(CriterionKind kind, String section, int position, String text, CriterionVerdict verdict,
        String reason, ScreeningConstraint constraint, List<ConstraintCheck> checks) {
}
