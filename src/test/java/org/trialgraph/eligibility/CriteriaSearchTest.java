package org.trialgraph.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.fulltext.LuceneQueryText;
import org.trialgraph.ingest.StudyImporter;

/**
 * criteria(search:) over all real API v2 records: every page walked, against a scan of the graph without any index.
 * A criterion is found when its key contains the search and has the search's words as words (the last one as the
 * beginning of a word), checked with Lucene's standard tokenizer on the key; and every key where the search starts at
 * the beginning of a word, by a word-boundary check written here, is among them.
 */
@TrialGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class CriteriaSearchTest {

    private static final String SCAN = """
            MATCH (c:Criterion) WHERE c.key CONTAINS $search
            RETURN c.key AS key ORDER BY c.trialCount DESC, c.key
            """;

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    StudyImporter importer;

    @Autowired
    Driver driver;

    Map<String, JsonNode> raw;

    @BeforeAll
    void importApiV2Records() {
        raw = SharedData.importApiV2(importer);
    }

    @Test
    void wordsAndWordPrefixesFindExactlyTheCriteriaContainingThemInTheListOrder() {
        for (String search : List.of("pregnan", "Pregnant OR breast", "ecog performance status", "18 years",
                "mg/d", "x uln", "hiv", "hepatitis b", "no ", "not", "informed consent", "1.5")) {
            assertThat(expected(search)).as(search).isNotEmpty();
            assertSearchFinds(search, expected(search));
            assertThat(expected(search)).as(search).containsAll(startingAtAWord(search));
        }
    }

    @Test
    void luceneSyntaxInTheSearchIsSearchedAsWritten() {
        for (String search : List.of("(a+b)", "AND", "and", "or", "*", "\\", "a*", "hiv-", "\"hiv\"", "\"", "[1",
                "title:x", "ecog~", "%", ">=", "~ ^", "||", "&&", "!", "?", "/")) {
            assertSearchFinds(search, expected(search));
            assertThat(expected(search)).as(search).containsAll(startingAtAWord(search));
        }
    }

    @Test
    void aSearchStartingInsideAWordDoesNotFindThatWord() {
        // "or" is inside "for", "prior", "disorder": only criteria with a word starting with "or" are found.
        List<String> containing = scan("or");
        List<String> expected = expected("or");
        assertThat(expected).isNotEmpty().containsAll(startingAtAWord("or"));
        assertThat(containing).hasSizeGreaterThan(expected.size()).containsAll(expected);
        assertThat(containing).filteredOn(key -> !expected.contains(key))
                .allSatisfy(key -> assertThat(LuceneQueryText.standardTerms(key)).noneMatch(t -> t.startsWith("or")));
        assertSearchFinds("or", expected);
    }

    @Test
    void aBlankSearchListsEveryCriterion() {
        long all = driver.executableQuery("MATCH (c:Criterion) RETURN count(c) AS n").execute().records().get(0)
                .get("n").asLong();
        for (String search : new String[] {"", "   "}) {
            Map<String, Object> page = graphQl.documentName("criteria").variable("search", search)
                    .variable("first", 5).execute().path("criteria").entity(Map.class).get();
            assertThat(((Number) page.get("totalCount")).longValue()).isEqualTo(all);
        }
    }

    @Test
    void aTotalKeptFromAnEarlierPageChangesWithTheNextImportAndDelete() {
        long before = total("pregnan");
        assertThat(before).isEqualTo(expected("pregnan").size()).isGreaterThan(1);
        assertThat(total("pregnan")).isEqualTo(before);
        String nctId = "NCT90000413";
        ObjectNode study = (ObjectNode) raw.values().iterator().next().deepCopy();
        ((ObjectNode) study.path("protocolSection").path("identificationModule")).put("nctId", nctId);
        ((ObjectNode) study.path("protocolSection").path("eligibilityModule")).put("eligibilityCriteria", """
                Inclusion Criteria:

                * Pregnant with a zyxqv-positive twin

                Exclusion Criteria:

                * None""");

        operator().documentName("importStudies").variable("json", study.toString()).execute()
                .path("importStudies.imported").entity(Integer.class).isEqualTo(1);
        assertThat(total("pregnan")).isEqualTo(before + 1).isEqualTo(expected("pregnan").size());

        operator().documentName("deleteTrials").variable("nctIds", List.of(nctId)).execute()
                .path("deleteTrials").entityList(String.class).containsExactly(nctId);
        assertThat(total("pregnan")).isEqualTo(before);
    }

    private long total(String search) {
        return graphQl.documentName("criteria").variable("search", search).variable("first", 1).execute()
                .path("criteria.totalCount").entity(Long.class).get();
    }

    private HttpGraphQlTester operator() {
        return graphQl.mutate().header("Authorization", "Bearer test-operator-token").build();
    }

    /** Walks every page of criteria(search:) and checks keys, order and totalCount. */
    private void assertSearchFinds(String search, List<String> expected) {
        List<String> found = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = graphQl.documentName("criteria").variable("search", search)
                    .variable("first", 100).variable("after", after).execute().path("criteria").entity(Map.class).get();
            totals.add(((Number) page.get("totalCount")).longValue());
            for (Map<String, Object> edge : (List<Map<String, Object>>) page.get("edges")) {
                found.add((String) ((Map<String, Object>) edge.get("node")).get("key"));
            }
            Map<String, Object> pageInfo = (Map<String, Object>) page.get("pageInfo");
            after = Boolean.TRUE.equals(pageInfo.get("hasNextPage")) ? (String) pageInfo.get("endCursor") : null;
        } while (after != null);
        assertThat(found).as("criteria(search: %s)", search).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(found).as("order of criteria(search: %s)", search).containsExactlyElementsOf(expected);
        assertThat(totals).as("totalCount of %s", search).containsOnly((long) expected.size());
    }

    /**
     * The keys containing the search that also have its words (Lucene's standard tokenizer) among their words, the
     * last as a word's beginning; all keys containing it if it has no words.
     */
    private List<String> expected(String search) {
        String s = search.strip().toLowerCase(Locale.ROOT);
        List<String> words = LuceneQueryText.standardTerms(s);
        if (words.isEmpty()) {
            return scan(s);
        }
        List<String> whole = words.subList(0, words.size() - 1);
        String last = words.get(words.size() - 1);
        return scan(s).stream().filter(key -> {
            List<String> keyWords = LuceneQueryText.standardTerms(key);
            return keyWords.containsAll(whole) && keyWords.stream().anyMatch(w -> w.startsWith(last));
        }).toList();
    }

    /** The keys containing the search where its first letter or digit begins a word; all of them if it has none. */
    private List<String> startingAtAWord(String search) {
        String s = search.strip().toLowerCase(Locale.ROOT);
        int firstWordChar = 0;
        while (firstWordChar < s.length() && !isWordChar(s.charAt(firstWordChar))) {
            firstWordChar++;
        }
        int offset = firstWordChar;
        boolean hasWord = offset < s.length();
        return scan(s).stream().filter(key -> !hasWord || occursAtWordStart(key, s, offset)).toList();
    }

    private List<String> scan(String search) {
        return driver.executableQuery(SCAN).withParameters(Map.of("search", search.strip().toLowerCase(Locale.ROOT)))
                .execute().records().stream().map(r -> r.get("key").asString()).toList();
    }

    private static boolean occursAtWordStart(String key, String search, int offset) {
        for (int i = key.indexOf(search); i >= 0; i = key.indexOf(search, i + 1)) {
            if (!insideWord(key, i + offset)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether position p of the text continues a word as Unicode word boundaries (Lucene's standard tokenizer) see
     * it: after a letter or digit, or after "." "'" ":" between letters, or "." "'" "," ";" between digits.
     */
    private static boolean insideWord(String text, int p) {
        if (p == 0) {
            return false;
        }
        char before = text.charAt(p - 1);
        if (isWordChar(before)) {
            return true;
        }
        if (p < 2) {
            return false;
        }
        char a = text.charAt(p - 2);
        char b = text.charAt(p);
        boolean betweenLetters = Character.isLetter(a) && Character.isLetter(b) && ".':".indexOf(before) >= 0;
        boolean betweenDigits = Character.isDigit(a) && Character.isDigit(b) && ".',;".indexOf(before) >= 0;
        return betweenLetters || betweenDigits;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
