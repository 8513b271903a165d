package org.trialgraph.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds comparisons in normalised (see {@link TextNormalizer#forMatching}) text. All patterns are anchored at a
 * known position or bounded, so the cost is linear in the window length.
 */
final class ExpressionParser {

    private static final String NUM = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+\\.\\d+|\\d+,\\d{1,2}(?![\\d,])|\\d+|\\.\\d+)";
    private static final String START_WORDS = "at|no|not|greater|more|longer|less|fewer|lower|higher|above|below|over|under|up|maximum|minimum|max|min|exceed|exceeding|exceeds|equal|older|younger|between|in|inferior|superior|of|from";
    /** Where an expression may start. */
    private static final String START_REGEX = "(?<![\\w.,])\\d|\\.\\d|[<>=]|\\b(?:" + START_WORDS + ")\\b";
    static final Pattern START = Pattern.compile(START_REGEX);
    /** START's words by their first letter, for {@link #startEnd}. */
    private static final String[][] START_WORDS_BY_FIRST = byFirstLetter(START_WORDS.split("\\|"));
    /** Digits, ".", operators and the words' first letters (see {@link FirstChars}). */
    private static final boolean[] START_FIRST = FirstChars.asciiTable("0-9.<>=abefghilmnosuy", START_REGEX);
    /** Longer than any match of {@link #START} ("exceeding" and the boundary after it). */
    static final int START_MAX_LENGTH = 16;
    private static final String OPERATOR_REGEX =
            "(>\\s*or\\s*equal(?:\\s+to)?|<\\s*or\\s*equal(?:\\s+to)?|>\\s*or\\s*=|<\\s*or\\s*=|(?:at|of) or (?:above|over|below|under)|>\\s*/\\s*=|<\\s*/\\s*=|>\\s*=|<\\s*=|=\\s*>|=\\s*<|>|<|=(?!=)"
                    + "|greater than or equal to|greater than or equal|more than or equal to|equal to or greater than|equal or greater than"
                    + "|equal to or more than|equal to or higher than|equal to or above|higher than or equal to|equal to or older than|older than or equal to|no younger than|not younger than|at least|no less than|not less than|not lower than|no lower than|not below"
                    + "|of at least|minimum of|a minimum of|minimum|min\\.?"
                    + "|less than or equal to|less than or equal|equal to or younger than|younger than or equal to|equal to or less than|equal or less than|equal to or lower than|equal to or below|lower than or equal to"
                    + "|no more than|not more than|no older than|not older than|no greater than|not greater than|not exceeding|not to exceed|not exceed|no higher than|not higher than|not above"
                    + "|at most|up to|maximum of|a maximum of|maximum|max\\.?"
                    + "|greater than|more than|longer than|higher than|older than|above|over|exceeding|exceeds|in excess of|superior to"
                    + "|less than|lower than|fewer than|younger than|below|under|inferior to|equal to|equals)(?![a-z])";
    private static final Pattern OPERATOR = Pattern.compile(OPERATOR_REGEX);
    /**
     * The characters an OPERATOR match can begin with (see {@link FirstChars}): at a digit, where most expressions
     * start, its 85 alternatives are not tried one by one.
     */
    private static final boolean[] OPERATOR_FIRST = FirstChars.asciiTable("<=>abefghilmnosuy", OPERATOR_REGEX);
    private static final Pattern NUMBER = Pattern.compile(NUM);
    private static final Pattern FILLER = Pattern.compile("(?:\\s|:|\\(\\s*[<>]=?\\s*\\)|\\(|of\\b|the\\b|a\\b|an\\b|value\\b|level\\b|score\\b|age\\b|ages\\b)*");
    private static final Pattern SCI_NEGATIVE = Pattern.compile("(?:(\\d+(?:\\.\\d+)?)\\s*x\\s*)?10\\s*(?:\\^|e)\\s*\\(?\\s*-\\s*(\\d{1,2})\\)?");
    private static final Pattern RANGE_JOIN = Pattern.compile("\\s*(?:-|to|through|until|and)\\s*");
    private static final FirstChars.AfterSpaces GE_SUFFIX = FirstChars.afterSpaces("-oi,a&+m",
            "\\s*(?:-?\\s*of[- ]age\\s+|inclusive\\s+|,\\s*)?(?:or|and|&|and/or)\\s+(?:more|greater|higher|older|over|above|larger|longer|up|upwards|beyond)\\b|\\s*\\+|\\s+(?:or|and)\\s+(?:over|above)\\b|\\s+minimum\\b|\\s+or\\s+more\\b");
    private static final FirstChars.AfterSpaces LE_SUFFIX = FirstChars.afterSpaces("-oi,a&m",
            "\\s*(?:-?\\s*of[- ]age\\s+|inclusive\\s+|,\\s*)?(?:or|and|&)\\s+(?:less|fewer|lower|younger|under|below|smaller|shorter)\\b|\\s+maximum\\b");
    private static final Pattern RANGE_FILLER = Pattern.compile("\\s*(?:the\\s+)?(?:ages?\\s+)?(?:of\\s+)?");
    private static final FirstChars.AfterSpaces BETTER_SUFFIX = FirstChars.afterSpaces("o", "\\s+or\\s+better\\b");
    private static final Pattern WORD_NUMBER = Pattern.compile("(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-one|twenty|twenty-four)\\b(?=\\s*\\(?\\s*\\d*\\s*\\)?\\s*(?:years?|months?|weeks?|days?)\\b)"
            + "|(one|two|three|four|five)(?=\\s+times\\s+(?:the\\s+)?(?:institutional\\s+)?(?:upper|uln|normal))|(twice|double|thrice)(?=\\s+(?:the\\s+)?(?:institutional\\s+)?(?:upper|uln|normal))");
    /** A unit abbreviation repeated in brackets after the unit: "50 kilogram (kg) or above". */
    private static final FirstChars.AfterSpaces UNIT_ECHO = FirstChars.afterSpaces("(", "\\s*\\((?:kg|lbs?|g/dl|mg/dl|ml/min|mmhg|ms|%)\\)");
    private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");
    private static final Pattern DIGITS_ECHO = Pattern.compile("\\s*\\(\\s*\\d{1,2}\\s*\\)");
    static final Pattern YEARS_OLD = Pattern.compile("(?:\\s*-\\s*|\\s+)old\\b");
    private static final FirstChars.AfterSpaces NUMBER_RANGE_JOIN = FirstChars.afterSpaces("-t", "\\s*(?:-|to|through)\\s*");
    private static final Pattern LIST_NEXT = Pattern.compile("\\s*(?:,|/|or|and|,\\s*or|,\\s*and)\\s*(\\d)(?![\\d.])");

    // compiled once (String.matches and replaceAll compile their pattern on every call)
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d{1,2}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern GE_SYMBOLS = Pattern.compile(">\\s*or\\s*=|>\\s*=|=\\s*>|>\\s*/\\s*=");
    private static final Pattern LE_SYMBOLS = Pattern.compile("<\\s*or\\s*=|<\\s*=|=\\s*<|<\\s*/\\s*=");

    private ExpressionParser() {
    }

    /** All expressions in s[from, to), in order, not overlapping. */
    static List<ValueExpression> all(String s, int from, int to) {
        List<ValueExpression> out = new ArrayList<>();
        int pos = from;
        // What find(pos) on the whole text gave (it drops any region) when the start is before `to`: the first start at
        // or after pos, with the text around it in view. Matching only up to a match's length past `to` finds the same
        // starts without scanning the rest of the text when there is none.
        int searchEnd = Math.min(s.length(), to + START_MAX_LENGTH);
        int at;
        while (pos < to && (at = nextStart(s, pos, to, searchEnd)) >= 0) {
            ValueExpression e = at(s, at, to);
            if (e != null) {
                out.add(e);
                pos = Math.max(e.end(), at + 1);
            } else {
                pos = Math.max(startEnd(s, at, searchEnd), at + 1);
            }
            if (out.size() > 50) {
                break;
            }
        }
        return out;
    }

    /**
     * The first position in [pos, to) where START matches (within searchEnd), or -1. Only positions where a match can
     * begin are looked at: a first character of START, and for a word the start of a word (its \\b); elsewhere find()
     * would fail too.
     */
    private static int nextStart(String s, int pos, int to, int searchEnd) {
        for (int p = pos; p < to; p++) {
            char c = s.charAt(p);
            boolean candidate = c >= 128 || START_FIRST[c] && (c < 'a' || c > 'z' || p == 0 || !isWordChar(s.charAt(p - 1)));
            if (candidate && startEnd(s, p, searchEnd) >= 0) {
                return p;
            }
        }
        return -1;
    }

    /**
     * Where START's match at p (region [p, searchEnd), the text around it in view) ends, or -1 if it does not match
     * there; searchEnd must be at least min(length, p + {@link #START_MAX_LENGTH}). The regex's reading spelt out:
     * trying the regex at every candidate (most words start with one of its letters) cost ~7 % of the engine's time.
     * Where a non-ASCII character touches a word, the regex decides (its \\b treats letters and combining marks
     * specially).
     */
    static int startEnd(String s, int p, int searchEnd) {
        char c = s.charAt(p);
        if (c >= 128) {
            return regexStartEnd(s, p, searchEnd);
        }
        if (!START_FIRST[c]) {
            return -1;
        }
        if (c >= '0' && c <= '9') { // (?<![\\w.,])\\d
            return p > 0 && isAsciiWordCharOrPointOrComma(s.charAt(p - 1)) ? -1 : p + 1;
        }
        if (c == '.') { // \\.\\d
            return p + 1 < searchEnd && s.charAt(p + 1) >= '0' && s.charAt(p + 1) <= '9' ? p + 2 : -1;
        }
        if (c == '<' || c == '>' || c == '=') {
            return p + 1;
        }
        // \\b(?:words)\\b: the whole word from p must be one of them
        if (p > 0 && s.charAt(p - 1) >= 128) {
            return regexStartEnd(s, p, searchEnd);
        }
        if (p > 0 && isWordChar(s.charAt(p - 1))) {
            return -1;
        }
        int q = p;
        while (q < s.length() && s.charAt(q) < 128 && isWordChar(s.charAt(q))) {
            q++;
        }
        if (q < s.length() && s.charAt(q) >= 128) {
            return regexStartEnd(s, p, searchEnd);
        }
        String[] words = START_WORDS_BY_FIRST[c];
        for (int i = 0; words != null && i < words.length; i++) {
            if (words[i].length() == q - p && s.startsWith(words[i], p)) {
                return q;
            }
        }
        return -1;
    }

    private static int regexStartEnd(String s, int p, int searchEnd) {
        Matcher m = START.matcher(s).useTransparentBounds(true).useAnchoringBounds(false).region(p, searchEnd);
        return m.lookingAt() ? m.end() : -1;
    }

    /** What [\\w.,] matches (\\w is ASCII only). */
    private static boolean isAsciiWordCharOrPointOrComma(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == ',';
    }

    private static String[][] byFirstLetter(String[] words) {
        String[][] table = new String[128][];
        Stream.of(words).collect(Collectors.groupingBy(w -> w.charAt(0)))
                .forEach((first, same) -> table[first] = same.toArray(String[]::new));
        return table;
    }

    /** What \\b counts as a word character at least (letters, digits, '_'). */
    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** The first expression in the window that is not a bare number or list, unless allowBare. */
    static ValueExpression first(String s, int from, int to, boolean allowBare) {
        for (ValueExpression e : all(s, from, to)) {
            if (allowBare || e.form() != ValueExpression.Form.BARE && e.form() != ValueExpression.Form.LIST) {
                return e;
            }
        }
        return null;
    }

    /** An expression starting exactly at pos, or null. */
    static ValueExpression at(String s, int pos, int to) {
        if (pos >= to || pos >= s.length()) {
            return null;
        }
        if (s.startsWith("between", pos) || s.startsWith("from", pos)) {
            return range(s, pos, pos + (s.startsWith("between", pos) ? 7 : 4), to);
        }
        char first = s.charAt(pos);
        Matcher op = first >= 128 || OPERATOR_FIRST[first] ? OPERATOR.matcher(s).region(pos, to) : null;
        if (op != null && op.lookingAt()) {
            Comparator cmp = comparatorOf(op.group(1));
            if (cmp == Comparator.EQ) {
                // "ECOG=0-1": an equals sign before a range or list introduces it
                int p = skipSpaces(s, op.end(), to);
                ValueExpression range = p < to && Character.isDigit(s.charAt(p)) ? number(s, p, to) : null;
                if (range != null && (range.form() == ValueExpression.Form.RANGE || range.form() == ValueExpression.Form.LIST)) {
                    return range;
                }
            }
            return operator(s, pos, op.end(), cmp, to);
        }
        if (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.') {
            return number(s, pos, to);
        }
        return null;
    }

    private static ValueExpression operator(String s, int start, int afterOp, Comparator cmp, int to) {
        Matcher filler = FILLER.matcher(s).region(afterOp, to);
        int p = filler.lookingAt() ? filler.end() : afterOp;
        RawUnit.Match uln = RawUnit.at(s, p, to);
        if (uln != null && uln.unit() == RawUnit.ULN) {
            return new ValueExpression(ValueExpression.Form.OPERATOR, cmp, 1, null, RawUnit.ULN, 1, start, uln.end());
        }
        Matcher sci = SCI_NEGATIVE.matcher(s).region(p, to);
        if (sci.lookingAt()) {
            double mantissa = sci.group(1) == null ? 1 : Double.parseDouble(sci.group(1));
            double v = mantissa * Math.pow(10, -Integer.parseInt(sci.group(2)));
            return new ValueExpression(ValueExpression.Form.OPERATOR, cmp, v, null, RawUnit.FRACTION, 1, start, sci.end());
        }
        Matcher num = NUMBER.matcher(s).region(p, to);
        Matcher word = WORD_NUMBER.matcher(s).region(p, to);
        double v;
        int numEnd;
        if (num.lookingAt()) {
            v = parseNumber(num.group(1));
            numEnd = num.end();
        } else if (word.lookingAt()) {
            String w = word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3);
            v = wordValue(w);
            numEnd = word.end();
            Matcher echo = DIGITS_ECHO.matcher(s).region(numEnd, to);
            if (echo.lookingAt()) {
                numEnd = echo.end(); // "one (1) year": the digits repeat the word, the unit follows them
            }
        } else {
            return null;
        }
        RawUnit.Match unit = RawUnit.at(s, numEnd, to);
        int end = unit == null ? numEnd : unit.end();
        return new ValueExpression(ValueExpression.Form.OPERATOR, cmp, v, null, unit == null ? null : unit.unit(),
                unit == null ? 1 : unit.factor(), start, end);
    }

    /** Length of a time unit in days, 0 for other units. */
    private static double days(RawUnit u) {
        return switch (u) {
            case YEARS -> 365.25;
            case MONTHS -> 30.4375;
            case WEEKS -> 7;
            case DAYS -> 1;
            default -> 0;
        };
    }

    private static double wordValue(String w) {
        return switch (w) {
            case "eighteen" -> 18;
            case "twenty" -> 20;
            case "twenty-one" -> 21;
            case "twenty-four" -> 24;
            case "twice", "double" -> 2;
            case "thrice" -> 3;
            default -> WORDS.indexOf(w);
        };
    }

    private static ValueExpression range(String s, int start, int afterWord, int to) {
        if (afterWord > to) {
            return null;
        }
        Matcher filler = RANGE_FILLER.matcher(s).region(afterWord, to);
        int p0 = filler.lookingAt() ? filler.end() : skipSpaces(s, afterWord, to);
        Matcher num = NUMBER.matcher(s).region(p0, to);
        if (!num.lookingAt()) {
            return null;
        }
        double low = parseNumber(num.group(1));
        RawUnit.Match unit1 = RawUnit.at(s, num.end(), to);
        int p = unit1 == null ? num.end() : afterOld(s, unit1, unit1.end(), to);
        Matcher join = RANGE_JOIN.matcher(s).region(p, to);
        if (!join.lookingAt()) {
            return null;
        }
        Matcher num2 = NUMBER.matcher(s).region(join.end(), to);
        if (!num2.lookingAt()) {
            return null;
        }
        double high = parseNumber(num2.group(1));
        RawUnit.Match unit2 = RawUnit.at(s, num2.end(), to);
        RawUnit.Match unit = unit2 != null ? unit2 : unit1;
        int end = unit2 == null ? num2.end() : afterOld(s, unit2, unit2.end(), to);
        // "between 150 - 90" means the same as "between 90 and 150"
        return new ValueExpression(ValueExpression.Form.RANGE, Comparator.BETWEEN, Math.min(low, high), Math.max(low, high),
                unit == null ? null : unit.unit(), unit == null ? 1 : unit.factor(), start, end);
    }

    private static ValueExpression number(String s, int pos, int to) {
        Matcher num = NUMBER.matcher(s).region(pos, to);
        if (!num.lookingAt()) {
            return null;
        }
        double v = parseNumber(num.group(1));
        RawUnit.Match unit = RawUnit.at(s, num.end(), to);
        int p = unit == null ? num.end() : unit.end();
        Matcher echo = unit == null ? null : UNIT_ECHO.lookingAt(s, p, to);
        if (echo != null) {
            p = echo.end();
        }
        p = afterOld(s, unit, p, to);
        RawUnit raw = unit == null ? null : unit.unit();
        double factor = unit == null ? 1 : unit.factor();
        Matcher better = BETTER_SUFFIX.lookingAt(s, p, to);
        if (better != null) {
            return new ValueExpression(ValueExpression.Form.OR_BETTER, Comparator.GE, v, null, raw, factor, pos, better.end());
        }
        Matcher ge = GE_SUFFIX.lookingAt(s, p, to);
        if (ge != null) {
            return new ValueExpression(ValueExpression.Form.OPERATOR, Comparator.GE, v, null, raw, factor, pos, ge.end());
        }
        Matcher le = LE_SUFFIX.lookingAt(s, p, to);
        if (le != null) {
            return new ValueExpression(ValueExpression.Form.OPERATOR, Comparator.LE, v, null, raw, factor, pos, le.end());
        }
        Matcher join = NUMBER_RANGE_JOIN.lookingAt(s, p, to);
        if (join != null) {
            Matcher num2 = NUMBER.matcher(s).region(join.end(), to);
            if (num2.lookingAt()) {
                double high = parseNumber(num2.group(1));
                RawUnit.Match unit2 = RawUnit.at(s, num2.end(), to);
                if (unit != null && unit2 != null && unit.unit() != unit2.unit() && days(unit.unit()) > 0 && days(unit2.unit()) > 0) {
                    // "31 days to 30 years": express the lower bound in the upper bound's unit
                    v = UnitNormalizer.round(v * days(unit.unit()) / days(unit2.unit()), 3);
                }
                if (high > v || (high == v && unit2 != null)) {
                    RawUnit.Match u = unit2 != null ? unit2 : unit;
                    int end = unit2 == null ? num2.end() : afterOld(s, unit2, unit2.end(), to);
                    return new ValueExpression(ValueExpression.Form.RANGE, Comparator.BETWEEN, v, high,
                            u == null ? null : u.unit(), u == null ? 1 : u.factor(), pos, end);
                }
            }
        }
        if (raw == null && v == Math.rint(v) && v < 10) {
            // "0, 1 or 2": small integers joined by commas/or/and
            double max = v;
            int end = num.end();
            Matcher next = LIST_NEXT.matcher(s);
            int guard = 0;
            while (guard++ < 10) {
                next.region(end, to);
                if (!next.lookingAt()) {
                    break;
                }
                max = Math.max(max, next.group(1).charAt(0) - '0');
                end = next.end();
            }
            if (end > num.end()) {
                return new ValueExpression(ValueExpression.Form.LIST, Comparator.BETWEEN, v, max, null, 1, pos, end);
            }
        }
        return new ValueExpression(ValueExpression.Form.BARE, Comparator.EQ, v, null, raw, factor, pos, p);
    }

    /** "18 years old", "60 years-old": the "old" after a time unit belongs to the expression (and marks it as an age). */
    private static int afterOld(String s, RawUnit.Match unit, int p, int to) {
        if (unit == null || !isTime(unit.unit())) {
            return p;
        }
        Matcher old = YEARS_OLD.matcher(s).region(p, to);
        return old.lookingAt() ? old.end() : p;
    }

    private static boolean isTime(RawUnit u) {
        return u == RawUnit.YEARS || u == RawUnit.MONTHS || u == RawUnit.WEEKS || u == RawUnit.DAYS;
    }

    private static int skipSpaces(String s, int p, int to) {
        while (p < to && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    static double parseNumber(String text) {
        if (DECIMAL_COMMA.matcher(text).matches()) {
            return Double.parseDouble(text.replace(',', '.'));
        }
        return Double.parseDouble(text.replace(",", ""));
    }

    static Comparator comparatorOf(String op) {
        String o = SPACES.matcher(op).replaceAll(" ").trim();
        if (o.contains("or equal") && (o.startsWith(">") || o.startsWith("<"))) {
            return o.startsWith(">") ? Comparator.GE : Comparator.LE; // "> or equal 18"
        }
        if (o.startsWith("at or ") || o.startsWith("of or ")) {
            // "at or above 40", "of or above the age of 40": the bound itself is included
            return o.endsWith("above") || o.endsWith("over") ? Comparator.GE : Comparator.LE;
        }
        if (GE_SYMBOLS.matcher(o).matches() || o.startsWith("greater than or") || o.startsWith("more than or")
                || o.startsWith("equal to or greater") || o.startsWith("equal or greater") || o.startsWith("equal to or more")
                || o.startsWith("equal to or higher") || o.startsWith("equal to or above") || o.startsWith("higher than or")
                || o.startsWith("equal to or older") || o.endsWith(" younger than") && (o.startsWith("no ") || o.startsWith("not ")) || o.startsWith("older than or") || o.equals("at least") || o.equals("of at least") || o.startsWith("no less") || o.startsWith("not less")
                || o.startsWith("not lower") || o.startsWith("no lower") || o.equals("not below") || o.contains("minimum")
                || o.startsWith("min")) {
            return Comparator.GE;
        }
        if (LE_SYMBOLS.matcher(o).matches() || o.startsWith("less than or") || o.startsWith("equal to or less")
                || o.startsWith("equal or less") || o.startsWith("equal to or lower") || o.startsWith("equal to or below")
                || o.startsWith("lower than or") || o.startsWith("equal to or younger") || o.startsWith("younger than or") || o.startsWith("no ") || o.startsWith("not ") || o.equals("at most")
                || o.equals("up to") || o.contains("maximum") || o.startsWith("max")) {
            return Comparator.LE;
        }
        if (o.equals(">") || o.equals("greater than") || o.equals("more than") || o.equals("longer than") || o.equals("higher than") || o.equals("older than") || o.equals("above")
                || o.equals("over") || o.startsWith("exceed") || o.equals("in excess of") || o.equals("superior to")) {
            return Comparator.GT;
        }
        if (o.equals("=") || o.startsWith("equal")) {
            return Comparator.EQ;
        }
        return Comparator.LT;
    }
}
