package org.trialgraph.prescreen;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.trialgraph.ingest.Keys;
import org.trialgraph.ingest.MeshIds;

/**
 * The patient's conditions as the candidate query matches them: a condition name (as TrialWhere.condition
 * normalises it), a MeSH id, or free text whose every word (small words such as "in", "of" left out) occurs as
 * a word in a trial's condition name or MeSH term: "T-lymphoblastic leukemia" finds "T-cell Acute Lymphoblastic
 * Leukemia" and the MeSH term "Precursor T-Cell Lymphoblastic Leukemia-Lymphoma".
 *
 * @param wordPatterns one Java regular expression per condition, matched against lower-case names
 */
record ConditionMatch(List<String> keys, List<String> meshIds, List<String> wordPatterns) {

    static final int MAX_CONDITIONS = 20;
    static final int MAX_LENGTH = 200;

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "the", "of", "in", "with", "without",
            "for", "or", "on", "at", "by", "to", "first", "second", "remission", "newly", "diagnosed", "nos");

    static ConditionMatch of(List<String> conditions) {
        List<String> keys = new ArrayList<>();
        List<String> meshIds = new ArrayList<>();
        List<String> words = new ArrayList<>();
        if (conditions == null) {
            return new ConditionMatch(keys, meshIds, words);
        }
        if (conditions.size() > MAX_CONDITIONS) {
            throw new IllegalArgumentException("patient.conditions: at most " + MAX_CONDITIONS + " conditions");
        }
        for (int i = 0; i < conditions.size(); i++) {
            String condition = conditions.get(i);
            if (condition == null || condition.isBlank() || condition.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("patient.conditions[" + i + "] must be 1 to " + MAX_LENGTH + " characters");
            }
            keys.add(Keys.of(condition));
            meshIds.add(MeshIds.canonical(condition));
            String pattern = wordPattern(condition);
            if (pattern != null) {
                words.add(pattern);
            }
        }
        return new ConditionMatch(keys, meshIds, words);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** Every word, as a whole word, anywhere: {@code (?s)(?=.*(?<![\p{L}\p{N}])leukemia(?![\p{L}\p{N}])).*}. */
    static String wordPattern(String condition) {
        String folded = Normalizer.normalize(condition, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder pattern = new StringBuilder("(?s)");
        int words = 0;
        for (String word : NOT_WORD.split(folded)) {
            if (word.isEmpty() || SMALL_WORDS.contains(word)) {
                continue;
            }
            pattern.append("(?=.*(?<![\\p{L}\\p{N}])").append(Pattern.quote(word)).append("(?![\\p{L}\\p{N}]))");
            words++;
        }
        return words == 0 ? null : pattern.append(".*").toString();
    }
}
