package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Keys of shared nodes fold case, Unicode compatibility forms, white space and trailing punctuation; the shortcut
 * for names already tidy gives what the patterns give.
 */
class KeysTest {

    @Test
    void foldsCaseSpacesAndTrailingPunctuation() {
        assertThat(Keys.of("  Breast   Cancer.\t")).isEqualTo("breast cancer");
        assertThat(Keys.of("Pfizer, Inc.;")).isEqualTo("pfizer, inc");
        assertThat(Keys.of("ﬁbrosis\u3000(IPF)")).isEqualTo("fibrosis (ipf)");
        assertThat(Keys.of("asthma")).isEqualTo("asthma");
        assertThat(Keys.of((String) null)).isEmpty();
        assertThat(Keys.of("Boston", "MA", "United States")).isEqualTo("boston|ma|united states");
    }

    @Test
    void givesWhatThePatternsGiveOnRandomNames() {
        String[] parts = {"a", "B", "cancer", " ", "  ", "\t", "\n", "\r\n", ".", ",", ";", ":", "-", "(", ")", "É", "ﬁ",
                "\u00a0", "\u3000", "\u2028", "\u0085", "\u2003", "\u001f", "1"};
        Random random = new Random(20261127);
        int tidy = 0;
        for (int run = 0; run < 200_000; run++) {
            StringBuilder name = new StringBuilder();
            int n = random.nextInt(7);
            for (int i = 0; i < n; i++) {
                name.append(parts[random.nextInt(parts.length)]);
            }
            String s = name.toString();
            String expected = byThePatterns(s);
            assertThat(Keys.of(s)).as("[%s]", s).isEqualTo(expected);
            tidy += expected.equals(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)) ? 1 : 0;
        }
        assertThat(tidy).as("names the patterns leave as they are").isBetween(10_000, 190_000);
    }

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:]+$");

    /** Keys.of as it was written before its shortcut. */
    private static String byThePatterns(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded = SPACE.matcher(folded).replaceAll(" ").strip();
        return TRAILING_PUNCTUATION.matcher(folded).replaceAll("");
    }
}
