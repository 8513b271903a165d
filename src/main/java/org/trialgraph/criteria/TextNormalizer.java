package org.trialgraph.criteria;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text clean-up shared by the parser, the key builder and the extractor. */
final class TextNormalizer {

    /** The characters ClinicalTrials.gov escapes with a backslash in eligibility text: \&gt; \&lt; \^ 12\. \[ ... */
    private static final String MARKDOWN_ESCAPABLE = "\\`*_{}[]()#+-.!<>^~|=%&";
    private static final Pattern HTML_ENTITY = Pattern.compile("&(gt|lt|ge|le|amp|nbsp);");
    private static final Pattern SUPERSCRIPTS = Pattern.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+");
    private static final String SUPERSCRIPT_CHARS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻";
    private static final String SUPERSCRIPT_PLAIN = "0123456789-";

    private TextNormalizer() {
    }

    /** Whether s has an ASCII digit (what \\d matches). */
    static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    static String unescapeMarkdown(String text) {
        int first = text.indexOf('\\');
        if (first < 0) {
            return text; // nothing escaped: most lines
        }
        // the regex \\([escapable]) replaced by its group, as a scan (~1.5 % of the engine's time as a regex): left to
        // right, a backslash before an escapable character is dropped and that character kept, even a backslash
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && MARKDOWN_ESCAPABLE.indexOf(text.charAt(i + 1)) >= 0) {
                i++;
                c = text.charAt(i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Lower-cases and spells Unicode operators, superscripts and dashes in ASCII so that rules need one form:
     * "≥" becomes "&gt;=", "×10⁹/L" becomes "x10^9/l", "µ" becomes "u". Length may change.
     */
    static String forMatching(String text) {
        String s = unescapeMarkdown(text);
        if (s.indexOf('&') >= 0) {
            s = HTML_ENTITY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1))));
            if (s.indexOf('&') >= 0) {
                // encoded twice: "&amp;gt;" is "&gt;" after the first pass
                s = HTML_ENTITY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1))));
            }
        }
        if (hasSuperscript(s)) {
            s = SUPERSCRIPTS.matcher(s).replaceAll(m -> "^" + plainSuperscript(m.group()));
        }
        if (isPlainAscii(s)) {
            return s.toLowerCase(Locale.ROOT); // what the loop below gives for such text, in one pass
        }
        return spellInAscii(s);
    }

    /** Whether s is ASCII without the characters {@link #spellInAscii} replaces (~ ` and tab): most criteria. */
    static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || c == '~' || c == '`' || c == '\t') {
                return false;
            }
        }
        return true;
    }

    /** Lower case, with operators, dashes, quotes, spaces and full-width forms in ASCII. */
    static String spellInAscii(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '≥', '⩾', '≧' -> out.append(">=");
                case '≤', '⩽', '≦' -> out.append("<=");
                case '×', '✕', '∗', '⋅' -> out.append('x');
                case 'µ', 'μ' -> out.append('u');
                case '–', '—', '‐', '‑', '−', '~', '～' -> out.append('-');
                case '’', '‘', '`' -> out.append('\'');
                case '“', '”' -> out.append('"');
                case '\u00a0', '\t', '\u2009', '\u202f' -> out.append(' ');
                case '＞' -> out.append('>');
                case '＜' -> out.append('<');
                case '％' -> out.append('%');
                case '，' -> out.append(',');
                case '：' -> out.append(':');
                case '（' -> out.append('(');
                case '）' -> out.append(')');
                default -> out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** Some records carry HTML entities in the text ("Life expectancy &amp;gt;= 8 weeks"). */
    private static String entity(String name) {
        return switch (name) {
            case "gt" -> ">";
            case "lt" -> "<";
            case "ge" -> "≥";
            case "le" -> "≤";
            case "amp" -> "&";
            default -> " ";
        };
    }

    private static boolean hasSuperscript(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // every superscript character is at or above '²' (U+00B2): most characters need no look-up
            if (c >= '\u00b2' && SUPERSCRIPT_CHARS.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String plainSuperscript(String superscripts) {
        StringBuilder sb = new StringBuilder(superscripts.length());
        for (char c : superscripts.toCharArray()) {
            sb.append(SUPERSCRIPT_PLAIN.charAt(SUPERSCRIPT_CHARS.indexOf(c)));
        }
        return sb.toString();
    }

    static String collapseWhitespace(String text) {
        if (isCollapsed(text)) {
            return text; // most texts: nothing to collapse, no copy
        }
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether collapseWhitespace would return text unchanged: single spaces only, none at either end. */
    private static boolean isCollapsed(String text) {
        int n = text.length();
        boolean previousSpace = true; // a space at the start is not collapsed
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (c < '!' || c >= '\u007f' && (Character.isWhitespace(c) || c == '\u00a0')) {
                return false; // below '!' only control characters and whitespace remain; both go to the slow path
            } else {
                previousSpace = false;
            }
        }
        return !previousSpace || n == 0;
    }
}
