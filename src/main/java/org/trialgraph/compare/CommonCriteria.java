package org.trialgraph.compare;

import java.util.List;

import org.trialgraph.eligibility.EligibilityView.Constraint;
import org.trialgraph.eligibility.EligibilityView.Criterion;

/** The criteria and constraints most often stated by the trials of a condition or MeSH subtree. */
public record CommonCriteria(long trialCount, List<CriterionUsage> criteria, List<ConstraintUsage> constraints) {

    /** A criterion and how many of the trials state it; share = trialCount / all trials of the subtree. */
    public record CriterionUsage(Criterion criterion, long trialCount, double share) {
    }

    /** A constraint and how many of the trials state it in any wording. */
    public record ConstraintUsage(Constraint constraint, long trialCount, double share) {
    }
}
