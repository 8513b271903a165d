package org.trialgraph.criteria;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical key of a criterion: its text with case, whitespace, bullets/numbering, Markdown escapes, Unicode
 * operators, spacing around operators and trailing punctuation normalised. Keys up to {@value #MAX_PLAIN}
 * characters are the normalised text itself; longer ones are the first {@value #PREFIX} characters, "~" and
 * 16 hex digits of the SHA-256 of the whole normalised text.
 */
public final class CriterionKeys {

    static final int MAX_PLAIN = 200;
    static final int PREFIX = 160;

    private static final Pattern LEADING_MARKER = Pattern.compile(
            "^(?:[*•·▪◦●○■□➢►\\-+]|o(?= )|\\(?(?:\\d{1,3}|[a-z]|[ivx]{1,5})[.)](?!\\d))\\s*");

    private CriterionKeys() {
    }

    public static String keyOf(String criterionText) {
        return keyOfMatchable(ConstraintExtractor.matchable(criterionText));
    }

    /** The key of text already passed through {@link ConstraintExtractor#matchable}. */
    static String keyOfMatchable(String matchable) {
        String s = matchable;
        for (int i = 0; i < 3; i++) {
            Matcher marker = LEADING_MARKER.matcher(s);
            String stripped = marker.lookingAt() ? s.substring(marker.end()) : s; // replaceFirst("") of a pattern anchored at ^
            if (stripped.equals(s)) {
                break;
            }
            s = stripped;
        }
        if (hasOperatorChar(s)) {
            s = dropSpacesAroundOperators(s);
        }
        s = stripTrailingPunctuation(s);
        if (s.length() <= MAX_PLAIN) {
            return s;
        }
        return s.substring(0, PREFIX) + "~" + sha256(s).substring(0, 16);
    }

    /** Whether s has one of the characters {@link #dropSpacesAroundOperators} acts on (most criteria have none). */
    private static boolean hasOperatorChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isOperatorChar(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOperatorChar(char c) {
        return c == '<' || c == '>' || c == '=' || c == '/' || c == '%';
    }

    /**
     * The regex replacement {@code " ?([<>=/%]) ?"} -&gt; {@code "$1"} as a plain scan: an operator character keeps itself and
     * drops one space before and one after it. Left to right like the regex, which resumes after each match (so in
     * "a &lt; = b" the space after "&lt;" goes with it and "=" keeps its own). The regex, whose optional leading space
     * lets a match begin anywhere, was tried at every position: ~5 % of the engine's time.
     */
    static String dropSpacesAroundOperators(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' && i + 1 < n && isOperatorChar(s.charAt(i + 1))) {
                i++; // the space before is dropped
                c = s.charAt(i);
            }
            out.append(c);
            i++;
            if (isOperatorChar(c) && i < n && s.charAt(i) == ' ') {
                i++; // the space after is dropped
            }
        }
        return out.toString();
    }

    static String stripTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".;,: !".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String sha256(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
