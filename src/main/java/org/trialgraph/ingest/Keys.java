package org.trialgraph.ingest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keys of shared nodes: the same sponsor, condition or site written slightly differently is one node. Queries
 * normalise what a client asks for the same way.
 */
public final class Keys {

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:]+$");

    private Keys() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (isTidy(folded)) {
            return folded; // most names: the patterns below would change nothing
        }
        folded = SPACE.matcher(folded).replaceAll(" ").strip();
        return TRAILING_PUNCTUATION.matcher(folded).replaceAll("");
    }

    /**
     * Whether the patterns of {@link #of(String)} leave text as it is: single spaces between other characters, no
     * other white space, and no trailing punctuation they remove.
     */
    private static boolean isTidy(String text) {
        int n = text.length();
        if (n == 0) {
            return true;
        }
        if (text.charAt(0) == ' ' || ".,;: ".indexOf(text.charAt(n - 1)) >= 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' ? text.charAt(i - 1) == ' ' : isSpaceOrLineEnd(c)) { // no space at 0: checked above
                return false;
            }
        }
        return true;
    }

    /**
     * A character \\s, strip() or the $ of TRAILING_PUNCTUATION could act on (control characters, Unicode spaces and
     * line ends; no-break spaces too, to be safe).
     */
    private static boolean isSpaceOrLineEnd(char c) {
        return c <= ' ' || c >= '\u0085' && (c == '\u0085' || Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    public static String of(String... parts) {
        StringBuilder key = new StringBuilder();
        for (String part : parts) {
            if (!key.isEmpty()) {
                key.append('|');
            }
            key.append(of(part));
        }
        return key.toString();
    }
}
