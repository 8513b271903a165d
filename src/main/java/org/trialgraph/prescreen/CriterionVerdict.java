package org.trialgraph.prescreen;

/** What a patient's profile says about one criterion. */
public enum CriterionVerdict {
    MEETS, FAILS, UNKNOWN
}
