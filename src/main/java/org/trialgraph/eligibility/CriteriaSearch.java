package org.trialgraph.eligibility;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.trialgraph.fulltext.LuceneQueryText;

/**
 * Which criteria {@code criteria(search:)} lists: those whose key contains the search (lower-cased, trimmed), found
 * through the word index {@code criterion_key_words} (migration V008). Every word of the search is a required term
 * and the last one a prefix (it may be cut: "pregnan" finds "pregnant"); {@code CONTAINS} then keeps the exact
 * substring semantics. A search that starts inside a word as the standard tokenizer sees words ("5 mg" inside
 * "2.5 mg", "ancy" inside "pregnancy") no longer finds that place, unless the key also has the search's words
 * elsewhere. A search without any word (only symbols: "%", "*", "≥") has no term to look up and is answered by a
 * scan of all criteria.
 *
 * @param cypher     the clause binding {@code c} to each matching criterion, ending in a WHERE that more can be ANDed to
 * @param parameters its parameters
 */
record CriteriaSearch(String cypher, Map<String, Object> parameters) {

    private static final String ALL = "MATCH (c:Criterion) WHERE true";

    private static final String BY_WORDS = """
            CALL db.index.fulltext.queryNodes('criterion_key_words', $words) YIELD node AS c
            WHERE c.key CONTAINS $search""";

    private static final String BY_SCAN = """
            MATCH (c:Criterion) WHERE c.key CONTAINS $search""";

    /** Whether this lists every criterion (no search). */
    boolean all() {
        return ALL.equals(cypher);
    }

    static CriteriaSearch of(String search) {
        if (search == null || search.isBlank()) {
            return new CriteriaSearch(ALL, Map.of());
        }
        String normalised = search.strip().toLowerCase(Locale.ROOT);
        List<String> terms = LuceneQueryText.standardTerms(normalised);
        if (terms.isEmpty()) {
            return new CriteriaSearch(BY_SCAN, Map.of("search", normalised));
        }
        return new CriteriaSearch(BY_WORDS, Map.of("search", normalised, "words", luceneQuery(terms)));
    }

    /** All terms required; the last as a prefix, since the search may end inside a word. */
    static String luceneQuery(List<String> terms) {
        List<String> whole = terms.subList(0, terms.size() - 1).stream().map(LuceneQueryText::escape).toList();
        String last = LuceneQueryText.prefix(terms.get(terms.size() - 1));
        return whole.isEmpty() ? last : String.join(" AND ", whole) + " AND " + last;
    }
}
