package org.trialgraph.criteria;

/** Whether a section lists requirements to meet, reasons to be excluded, or something else. */
public enum CriterionKind {
    INCLUSION,
    EXCLUSION,
    /** Headings such as "Infusion Criteria", "DISEASE CHARACTERISTICS:", "Cohort A:", and text without headings. */
    OTHER
}
