package org.trialgraph.fulltext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Query text for Neo4j full-text indexes ({@code db.index.fulltext.queryNodes}), which parse it with Lucene's
 * classic query parser: user words are escaped so that Lucene's operators and special characters lose their
 * meaning, and words can be cut the way the index's analyzer cuts them.
 */
public final class LuceneQueryText {

    private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

    /**
     * Neo4j's {@code standard-no-stop-words} analyzer (its default for full-text indexes): Lucene's standard
     * tokenizer (Unicode word boundaries), lower-cased, no stop words removed. Thread-safe.
     */
    private static final Analyzer STANDARD_NO_STOP_WORDS = new StandardAnalyzer(CharArraySet.EMPTY_SET);

    private LuceneQueryText() {
    }

    /** One word searched as written: Lucene's operators and special characters lose their meaning. */
    public static String escape(String word) {
        String escaped = escapeSpecialCharacters(word);
        return switch (escaped) {
            case "and", "or", "not" -> "\"" + escaped + "\"";
            default -> escaped;
        };
    }

    /** A word prefix as a prefix query ({@code word*}); the operator words need no quotes there. */
    public static String prefix(String word) {
        return escapeSpecialCharacters(word) + "*";
    }

    /**
     * The terms a {@code standard-no-stop-words} index holds for this text, in order: "≥ 18 years" gives
     * {@code 18, years}; "0.5 mg/dl" gives {@code 0.5, mg, dl}; text of symbols only gives none.
     */
    public static List<String> standardTerms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = STANDARD_NO_STOP_WORDS.tokenStream("", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return terms;
    }

    private static String escapeSpecialCharacters(String word) {
        return LUCENE_SPECIAL.matcher(word).replaceAll("\\\\$1");
    }
}
