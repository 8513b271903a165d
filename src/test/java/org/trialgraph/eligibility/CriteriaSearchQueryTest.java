package org.trialgraph.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a criteria search becomes a word-index query: Lucene syntax searched as written, the last word a prefix. */
class CriteriaSearchQueryTest {

    @Test
    void everyWordIsRequiredAndTheLastIsAPrefix() {
        CriteriaSearch search = CriteriaSearch.of("  ECOG Performance stat ");

        assertThat(search.parameters()).containsEntry("search", "ecog performance stat")
                .containsEntry("words", "ecog AND performance AND stat*");
    }

    @Test
    void symbolsAreNotWordsAndOperatorsAreWords() {
        assertThat(CriteriaSearch.of("≥ 18 years").parameters()).containsEntry("words", "18 AND years*");
        assertThat(CriteriaSearch.of("(a+b) AND not").parameters()).containsEntry("words", "a AND b AND \"and\" AND not*");
        assertThat(CriteriaSearch.of("0.5 mg/dl").parameters()).containsEntry("words", "0.5 AND mg AND dl*");
    }

    @Test
    void aSearchWithoutWordsScansWithContainsAndABlankOneListsAll() {
        assertThat(CriteriaSearch.of("*").parameters()).containsOnlyKeys("search").containsEntry("search", "*");
        assertThat(CriteriaSearch.of("\\").cypher()).doesNotContain("fulltext");
        assertThat(CriteriaSearch.of(" ").parameters()).isEmpty();
        assertThat(CriteriaSearch.of(null).parameters()).isEmpty();
    }
}
