package org.trialgraph.related;

import java.util.List;

import org.trialgraph.trial.Trial;

/** A trial related to another: its score from 0 to 1 and the shared items that make it. */
public record RelatedTrial(Trial trial, double score, List<Reason> reasons) {

    /** One shared item and its part of the score. */
    public record Reason(Relatedness kind, String label, String key, double contribution) {
    }
}
