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
