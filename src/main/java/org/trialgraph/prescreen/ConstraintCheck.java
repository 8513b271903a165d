package org.trialgraph.prescreen;

/** One constraint of a criterion held against the profile; exclusion constraints already inverted. */
public record ConstraintCheck(ScreeningConstraint constraint, CriterionVerdict verdict, String reason) {
}
