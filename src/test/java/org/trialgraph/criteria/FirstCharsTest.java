package org.trialgraph.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The first-character sets written beside the engine's regexes ({@link FirstChars}) must name every character a match
 * can begin with, or the pre-check would drop matches. Checked per character: with only that character in the text
 * (after a few kinds of text before it, for lookbehinds and word boundaries), the regex must fail without reading
 * past it; then no text starting with that character can match there.
 */
class FirstCharsTest {

    private static final String[] BEFORE = {"", "a", " ", "1"};
    private static final int[] SUPPLEMENTARY = {0x1F600, 0x10000, 0x20000};

    @Test
    void everyDeclaredSetNamesAllCharactersAMatchCanBeginWith() throws ClassNotFoundException {
        for (String name : List.of("ConceptMentions", "ExpressionParser", "AgeRule", "ConstraintExtractor", "RawUnit",
                "GlossaryPlainLanguageRenderer", "SexRule")) {
            Class.forName(FirstChars.class.getPackageName() + "." + name, true, getClass().getClassLoader());
        }
        List<FirstChars.Declared> declared = FirstChars.declared();
        assertThat(declared).hasSizeGreaterThanOrEqualTo(76); // 32 concept rules, generic performance status, 25 unit rules, START, OPERATOR, HAS_NUMBER, CLAUSE_END, WORTH_A_LOOK, 6 of the sex rule, 7 of the renderer

        List<String> missed = new ArrayList<>();
        for (FirstChars.Declared d : declared) {
            List<String> chars = missedFirstChars(d);
            if (!chars.isEmpty()) {
                missed.add("[" + d.chars() + "] misses " + chars + " of " + d.regex());
            }
        }
        assertThat(missed).isEmpty();
    }

    /**
     * The same for the declared pairs of first characters: with a pair of ASCII characters left out (its first one
     * in the set), the regex must fail there without reading past the second, after each kind of text before it.
     */
    @Test
    void everyDeclaredPairListNamesAllAsciiPairsAMatchCanBeginWith() throws ClassNotFoundException {
        Class.forName(FirstChars.class.getPackageName() + ".ConceptMentions", true, getClass().getClassLoader());
        List<FirstChars.Declared> withPairs = FirstChars.declared().stream().filter(d -> !d.pairs().isEmpty()).toList();
        assertThat(withPairs).hasSizeGreaterThanOrEqualTo(33); // 32 concept rules, generic performance status

        List<String> missed = new ArrayList<>();
        for (FirstChars.Declared d : withPairs) {
            List<String> pairs = missedPairs(d);
            if (!pairs.isEmpty()) {
                missed.add(d.pairs() + " misses " + pairs + " of " + d.regex());
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void aPairListLeavingOutAPairIsCaught() {
        assertThat(missedPairs(new FirstChars.Declared("ap", "apple|\\bpear|\\bp ?q", List.of("ap", "pe"))))
                .containsExactly("'p '", "'pq'");
        assertThat(missedPairs(new FirstChars.Declared("a", "ab|(?<=x)ac", List.of("ab")))).isEmpty(); // 'ac' never after the BEFORE texts
    }

    private static List<String> missedPairs(FirstChars.Declared d) {
        Pattern regex = Pattern.compile(d.regex());
        Pattern set = Pattern.compile("[" + d.chars() + "]");
        List<String> missed = new ArrayList<>();
        for (char c = 0; c < 128; c++) {
            if (!set.matcher(String.valueOf(c)).matches()) {
                continue;
            }
            for (char e = 0; e < 128; e++) {
                String pair = "" + c + e;
                if (!d.pairs().contains(pair) && mayBeginAMatch(regex, pair)) {
                    missed.add("'" + pair + "'");
                }
            }
        }
        return missed;
    }

    private static boolean mayBeginAMatch(Pattern regex, String start) {
        for (String before : BEFORE) {
            String text = before + start;
            Matcher m = regex.matcher(text).region(before.length(), text.length())
                    .useTransparentBounds(true).useAnchoringBounds(false);
            if (m.lookingAt() || m.hitEnd()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aSetLeavingOutAFirstCharacterIsCaught() {
        assertThat(missedFirstChars(new FirstChars.Declared("a", "apple|\\bpear"))).containsExactly("p");
        assertThat(missedFirstChars(new FirstChars.Declared("x", "(?:y\\s+)?x"))).containsExactly("y");
        assertThat(missedFirstChars(new FirstChars.Declared("a-c", "[abc]d|\\s*b"))).contains("\\u0020", "\\u0009");
    }

    /** Characters outside the declared set that may begin a match (or that the check cannot rule out). */
    private static List<String> missedFirstChars(FirstChars.Declared d) {
        Pattern regex = Pattern.compile(d.regex());
        Pattern set = Pattern.compile("[" + d.chars() + "]");
        List<String> missed = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            check(regex, set, c, missed);
        }
        for (int c : SUPPLEMENTARY) {
            check(regex, set, c, missed);
        }
        return missed;
    }

    private static void check(Pattern regex, Pattern set, int c, List<String> missed) {
        String ch = new String(Character.toChars(c));
        if (set.matcher(ch).matches()) {
            return;
        }
        for (String before : BEFORE) {
            String text = before + ch;
            Matcher m = regex.matcher(text).region(before.length(), text.length())
                    .useTransparentBounds(true).useAnchoringBounds(false);
            if (m.lookingAt() || m.hitEnd()) {
                missed.add(Character.isLetterOrDigit(c) ? ch : String.format("\\u%04X", c));
                return;
            }
        }
    }
}
