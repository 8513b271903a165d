package org.trialgraph.criteria;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speed only: a regex together with the characters its matches can begin with, so that a search fails at once at
 * other positions instead of trying every alternative (and its word boundaries and lookbehinds) there. Java's regex
 * engine does no such pre-check itself for patterns that start with alternatives or boundaries. The sets are written
 * by hand beside each regex; {@code FirstCharsTest} checks every one registered here against its regex, so a
 * character left out fails a test instead of silently losing matches.
 */
final class FirstChars {

    /**
     * A regex, its first characters as the body of a character class ("0-9a-c&lt;") and, where declared, the ASCII
     * pairs of characters its matches can begin with (empty: not declared).
     */
    record Declared(String chars, String regex, List<String> pairs) {

        Declared(String chars, String regex) {
            this(chars, regex, List.of());
        }
    }

    private static final List<Declared> DECLARED = new CopyOnWriteArrayList<>();

    private FirstChars() {
    }

    /** The regex behind a lookahead on its first characters: finds exactly what the regex alone finds. */
    static Pattern compile(String chars, String regex) {
        DECLARED.add(new Declared(chars, regex));
        return behindLookahead(chars, regex);
    }

    private static Pattern behindLookahead(String chars, String regex) {
        return Pattern.compile("(?=[" + chars + "])(?:" + regex + ")");
    }

    /**
     * For callers that test the first character themselves: which ASCII characters can begin a match of regex
     * (index = character). Characters from 128 up are not covered: callers try the regex for those.
     */
    static boolean[] asciiTable(String chars, String regex) {
        DECLARED.add(new Declared(chars, regex));
        return asciiSet(chars);
    }

    private static boolean[] asciiSet(String chars) {
        Pattern set = Pattern.compile("[" + chars + "]");
        boolean[] table = new boolean[128];
        for (char c = 0; c < 128; c++) {
            table[c] = set.matcher(String.valueOf(c)).matches();
        }
        return table;
    }

    /** A regex and its first characters, for {@link Search#forEachMatch}. */
    static Search search(String chars, String regex) {
        return new Search(compile(chars, regex), asciiSet(chars), null);
    }

    /**
     * As {@link #search(String, String)}, and a position whose two characters are ASCII is tried only if they are one
     * of pairs: a stronger filter where first letters are common ("a", "p", "c") but the words behind them are not.
     */
    static Search search(String chars, String[] pairs, String regex) {
        DECLARED.add(new Declared(chars, regex, List.of(pairs)));
        boolean[] pairTable = new boolean[128 * 128];
        for (String pair : pairs) {
            if (pair.length() != 2 || pair.charAt(0) >= 128 || pair.charAt(1) >= 128) {
                throw new IllegalArgumentException("not a pair of ASCII characters: '" + pair + "'");
            }
            pairTable[pair.charAt(0) << 7 | pair.charAt(1)] = true;
        }
        return new Search(behindLookahead(chars, regex), asciiSet(chars), pairTable);
    }

    /** A match's bounds. */
    interface MatchSink {
        void found(int start, int end);
    }

    /**
     * A regex searched by trying it only where its first characters occur: the matches of
     * {@code pattern.matcher(s).find()}, in order, without the regex engine's walk over every position (several
     * megamorphic calls per position even when the lookahead on the first characters fails at once).
     */
    record Search(Pattern pattern, boolean[] firstAscii, boolean[] pairAscii) {

        /** What successive find() calls on the whole of s give, each match given to sink. */
        void forEachMatch(String s, MatchSink sink) {
            Matcher m = matcher(s);
            int from = 0;
            while (next(m, s, from)) {
                sink.found(m.start(), m.end());
                from = Math.max(m.start() + 1, m.end()); // find() goes on at the end of a match
            }
        }

        /** A matcher on the match a first find() would give (its groups readable), or null if there is none. */
        Matcher first(String s) {
            Matcher m = matcher(s);
            return next(m, s, 0) ? m : null;
        }

        private Matcher matcher(String s) {
            // transparent bounds: lookbehinds and word boundaries see the text before the position, as find() does
            return pattern.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        }

        /** Whether c followed by the character at next may begin a match (true if there is none or it is not ASCII). */
        private boolean mayBeginPair(char c, String s, int next, int n) {
            if (next >= n) {
                return true;
            }
            char d = s.charAt(next);
            return d >= 128 || pairAscii[c << 7 | d];
        }

        /** Leaves m on the first match at or after from (the patterns cannot match the empty string), or returns false. */
        private boolean next(Matcher m, String s, int from) {
            int n = s.length();
            for (int p = from; p < n; p++) {
                char c = s.charAt(p);
                // below 128 the table says whether a match can begin here; from 128 up the pattern's own lookahead decides
                if (c < 128 && (!firstAscii[c] || pairAscii != null && !mayBeginPair(c, s, p + 1, n))) {
                    continue;
                }
                if (m.region(p, n).lookingAt()) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<AfterSpaces> AFTER_SPACES = new CopyOnWriteArrayList<>();

    /**
     * A regex that is only ever tried by lookingAt and whose matches are leading whitespace (\\s: space, \\t, \\n,
     * \\x0B, \\f, \\r) and then one of chars (ASCII; a non-ASCII character is left to the regex).
     */
    static AfterSpaces afterSpaces(String chars, String regex) {
        AfterSpaces a = new AfterSpaces(Pattern.compile(regex), asciiSet(chars), chars);
        AFTER_SPACES.add(a);
        return a;
    }

    /**
     * The suffixes read after a number ("or more", "- 75", "years old") start with spaces and one of a few
     * characters: checking that character spares a matcher and a regex attempt where they cannot match, as at most
     * numbers. {@code RegexShortcutsTest} compares {@link #lookingAt} with the regex at every position of real and
     * random text for every one made.
     */
    record AfterSpaces(Pattern pattern, boolean[] firstAscii, String chars) {

        /** A matcher on the match of lookingAt in [p, to), or null if there is none. */
        Matcher lookingAt(String s, int p, int to) {
            int q = p;
            while (q < to && isRegexSpace(s.charAt(q))) {
                q++;
            }
            if (q >= to || s.charAt(q) < 128 && !firstAscii[s.charAt(q)]) {
                return null;
            }
            Matcher m = pattern.matcher(s).region(p, to);
            return m.lookingAt() ? m : null;
        }
    }

    /** What the regex class \\s matches without UNICODE_CHARACTER_CLASS: ASCII white space. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Every {@link AfterSpaces} made so far. */
    static List<AfterSpaces> afterSpacesMade() {
        return List.copyOf(AFTER_SPACES);
    }

    /** Everything declared so far (the classes that declare them must have been initialised). */
    static List<Declared> declared() {
        return List.copyOf(DECLARED);
    }
}
