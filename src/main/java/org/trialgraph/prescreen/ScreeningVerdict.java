package org.trialgraph.prescreen;

/** What a patient's profile says about a trial as a whole. */
public enum ScreeningVerdict {
    /** No criterion fails and none is unknown. */
    ELIGIBLE_SO_FAR,
    /** At least one criterion fails. */
    NOT_ELIGIBLE,
    /** No criterion fails, but some cannot be told from the profile. */
    NEEDS_REVIEW
}
