package org.trialgraph.compare;

import java.util.List;

import org.trialgraph.eligibility.EligibilityView.Constraint;
import org.trialgraph.eligibility.EligibilityView.Criterion;
import org.trialgraph.trial.Trial;

/** What 2 to 10 trials share in their eligibility, what only one of them states, and where thresholds differ. */
public record EligibilityComparison(List<Trial> trials, Shared shared, List<Unique> unique,
        List<ConceptDifference> conceptDifferences) {

    /** Criteria and constraints stated by two or more of the trials. */
    public record Shared(List<SharedCriterion> criteria, List<SharedConstraint> constraints) {
    }

    /** One trial stating one criterion, in a section of some kind. */
    public record CriterionStatement(Trial trial, Criterion criterion, String kind, String section, String text) {
    }

    /** One trial stating one constraint, through one of its criteria. */
    public record ConstraintStatement(Trial trial, Constraint constraint, String kind, String section,
            String criterionText, String criterionKey) {
    }

    public record SharedCriterion(Criterion criterion, boolean sharedByAll, List<CriterionStatement> statedBy) {
    }

    public record SharedConstraint(Constraint constraint, boolean sharedByAll, List<ConstraintStatement> statedBy) {
    }

    /** What one trial states and none of the others does. */
    public record Unique(Trial trial, List<CriterionStatement> criteria, List<ConstraintStatement> constraints) {
    }

    /** A concept two or more trials constrain, not all in the same way. */
    public record ConceptDifference(String concept, List<ConstraintStatement> values, List<Trial> notConstrainedBy) {
    }
}
