package org.trialgraph.related;

import java.util.BitSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import org.trialgraph.ingest.AnswersUntilWritten;
import org.trialgraph.ingest.KeptAnswers;
import org.trialgraph.trial.TrialIndex;
import org.trialgraph.trial.TrialWhere;

/**
 * The {@link RelatedIndex}'s ordinals of the trials passing a {@code where} filter, from the facet index (package
 * {@code facets}), so that the index search prunes among them as it does without a filter (or, for a filter the
 * facet index holds only part of, adds the items only to the trials of that part). Mapping the matches' NCT
 * ids to ordinals is a hash lookup per match (at 580k, for "recruiting", more than the pruned search itself), so the
 * sets are kept by filter until the next write ({@code trialgraph.related.filter-cache-size}, default 1000; a set is
 * one bit per trial, ~72 KB at 580k), and only for the index generation they were computed on.
 */
@Component
class PassingOrdinals {

    /** Ordinals hold for one generation of the related index: a set is kept for the generation it was made on. */
    private record Key(TrialWhere where, long indexGeneration) {
    }

    private final RelatedIndex index;
    private final ObjectProvider<TrialIndex> trials;
    private final AnswersUntilWritten<Key, BitSet> kept;

    PassingOrdinals(RelatedIndex index, ObjectProvider<TrialIndex> trials, KeptAnswers keptAnswers) {
        this.index = index;
        this.trials = trials;
        this.kept = keptAnswers.untilWritten("trialgraph.related.filter-cache-size");
    }

    /** A filter's trials as ordinals (read only): exactly them, or, not exact, a set holding every one of them. */
    record Passing(BitSet ordinals, boolean exact) {
    }

    /**
     * The filter's trials from the facet index: exactly, or, when it holds only part of the filter, the trials of
     * that part; null when it can tell nothing now (not built, behind the graph, or holding no field of the filter).
     */
    Passing of(TrialWhere where) {
        TrialIndex facets = trials.getIfAvailable();
        TrialWhere part = facets == null ? null : facets.coveredPart(where);
        if (part == null) {
            return null;
        }
        BitSet ordinals = exactly(part, facets);
        return ordinals == null ? null : new Passing(ordinals, part.equals(where));
    }

    /** The ordinals of the trials of a filter the facet index holds whole, or null when it cannot answer now. */
    private BitSet exactly(TrialWhere where, TrialIndex facets) {
        return kept.get(new Key(where, index.generation()), () -> fromFacets(where, facets));
    }

    private BitSet fromFacets(TrialWhere where, TrialIndex facets) {
        BitSet passing = new BitSet(index.capacity());
        boolean answered = facets.matching(where, nctId -> {
            int ordinal = index.ordinal(nctId);
            if (ordinal >= 0) {
                passing.set(ordinal);
            }
        });
        return answered ? passing : null;
    }
}
