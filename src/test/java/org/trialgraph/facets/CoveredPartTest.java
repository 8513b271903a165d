package org.trialgraph.facets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.trialgraph.trial.TrialWhere;

/**
 * The part of a filter the facet index holds matches every trial the filter matches: uncovered fields and partly
 * covered AND members shrink to what is covered, a NOT or an OR not covered whole is left out, not shrunk.
 */
class CoveredPartTest {

    private static final List<String> RECRUITING = List.of("RECRUITING");

    @Test
    void aFilterTheIndexHoldsWholeIsItsOwnCoveredPart() {
        TrialWhere where = where(RECRUITING, null, null, List.of(where(null, null, "Lung Neoplasms", null, null, null)), null, null);
        assertThat(FacetFilter.coveredPart(where)).isSameAs(where);
        assertThat(FacetFilter.coveredPart(null)).isNull();
    }

    @Test
    void agesAreCovered() {
        TrialWhere where = new TrialWhere(null, RECRUITING, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, 40.0, null, null, null, null, null, null);
        assertThat(FacetFilter.covers(where)).isTrue();
        assertThat(FacetFilter.coveredPart(where)).isSameAs(where);
    }

    @Test
    void uncoveredFieldsAreLeftOut() {
        assertThat(FacetFilter.coveredPart(where(RECRUITING, "Pfizer", null, null, null, null)))
                .isEqualTo(where(RECRUITING, null, null, null, null, null));
        assertThat(FacetFilter.coveredPart(where(null, "Pfizer", null, null, null, null))).isNull();
    }

    @Test
    void andMembersShrinkToTheirCoveredParts() {
        TrialWhere where = where(null, null, null,
                List.of(where(RECRUITING, "Pfizer", null, null, null, null), where(null, "Novartis", null, null, null, null)),
                null, null);
        assertThat(FacetFilter.coveredPart(where))
                .isEqualTo(where(null, null, null, List.of(where(RECRUITING, null, null, null, null, null)), null, null));
    }

    @Test
    void aNotOrAnOrNotCoveredWholeIsLeftOutNotShrunk() {
        // NOT {RECRUITING, sponsor Pfizer} matches trials that are recruiting but not Pfizer's; NOT {RECRUITING}
        // would leave them out.
        TrialWhere not = where(null, null, "Asthma", null, null,
                List.of(where(RECRUITING, "Pfizer", null, null, null, null)));
        assertThat(FacetFilter.coveredPart(not)).isEqualTo(where(null, null, "Asthma", null, null, null));
        TrialWhere or = where(null, null, null, null,
                List.of(where(RECRUITING, null, null, null, null, null), where(null, "Pfizer", null, null, null, null)),
                null);
        assertThat(FacetFilter.coveredPart(or)).isNull();
    }

    @Test
    void theCoveredPartIsCovered() {
        TrialWhere where = where(RECRUITING, "Pfizer", "Asthma",
                List.of(where(null, "Merck", "Lung Neoplasms", null, null, null)),
                List.of(where(null, null, "Asthma", null, null, null), where(null, "Roche", null, null, null, null)),
                List.of(where(RECRUITING, null, null, null, null, null)));
        assertThat(FacetFilter.covers(where)).isFalse();
        assertThat(FacetFilter.covers(FacetFilter.coveredPart(where))).isTrue();
    }

    private static TrialWhere where(List<String> status, String sponsor, String condition, List<TrialWhere> and,
            List<TrialWhere> or, List<TrialWhere> not) {
        return new TrialWhere(null, status, null, null, null, null, condition, null, null, null, null, sponsor, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, and, or, not);
    }
}
