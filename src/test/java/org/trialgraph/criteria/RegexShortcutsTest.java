package org.trialgraph.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the engine's hand-written shortcuts, which answer for a regex without running it, against that regex: on
 * every criterion line of the API v2 records (in the form the rules read) and on random text made of the characters
 * the regexes care about, including non-ASCII letters, a combining mark and a surrogate pair.
 */
class RegexShortcutsTest {

    private static final List<String> REAL = new ArrayList<>();

    @BeforeAll
    static void readEveryCriterionLine() throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        CriteriaBenchmark.forEachEligibilityText(EngineOutputGoldenTest.data().resolve("ctgov-v2"),
                (id, text) -> text.lines().map(ConstraintExtractor::matchable).forEach(lines::add));
        REAL.addAll(lines);
    }

    @Test
    void ageRuleWorthALookFindsWhatItsRegexFinds() {
        assertAgrees(AgeRule::worthALook, AgeRule.WORTH_A_LOOK,
                new String[] {"age", "old", "aged", "older", "young", "younger", "y", "mo", "mth", "w", "d", "m", "years",
                        "months", "weeks", "days", "boat", "ago", "of", "a", "o", "and", "é", "\u0301", "\uD83D\uDE00"});
    }

    @Test
    void ageRuleWorthALookKeepsTheRegexWindowOfTwelveCharacters() {
        for (String s : List.of("1" + " ".repeat(12) + "y", "1" + " ".repeat(13) + "y", "1" + ")".repeat(12) + "mth",
                "1" + "\uD83D\uDE00".repeat(6) + "d", "1" + "\uD83D\uDE00".repeat(7) + "d", "x\u0301age", "\u0301age")) {
            assertThat(AgeRule.worthALook(s)).as(s).isEqualTo(AgeRule.WORTH_A_LOOK.matcher(s).find());
        }
    }

    @Test
    void wordStartsNeverRuleOutAnAnchorThatIsThere() {
        ConceptMentions.Anchors anchors = ConceptMentions.anchors("\\bast", "\\bpt", "\\bga", "\\bhb", "\\bcd4", "\\bt.bili",
                "\\bqt", "\\bmale", "\\bx", "\\b(", "\\bé", "emoglobin", "neutrophil", "pregnan", "a1c", "who p", "bili", "x", "é",
                "\uD83D\uDE00", "hepatitis b");
        int ruledOut = 0;
        Random random = new Random(20261127);
        for (String s : REAL) {
            ConceptMentions.WordStarts starts = new ConceptMentions.WordStarts(s);
            for (int i = 0; i < anchors.words().length; i++) {
                ConceptMentions.Anchors one = ConceptMentions.anchors((anchors.atWordStart()[i] ? "\\b" : "") + anchors.words()[i]);
                assertThat(ConceptMentions.containsAny(s, one, starts)).as(s + " / " + anchors.words()[i])
                        .isEqualTo(ConceptMentions.containsAny(s, one, null));
                ruledOut += starts.mayStart(anchors.words()[i]) ? 0 : 1;
            }
            int p = random.nextInt(s.length() + 1);
            String word = s.substring(p, Math.min(s.length(), p + 2 + random.nextInt(3)));
            boolean atStart = p == 0 || !(s.charAt(p - 1) == '_' || Character.isLetterOrDigit(s.charAt(p - 1)));
            if (atStart && !word.isEmpty()) {
                assertThat(starts.mayStart(word)).as(s + " / " + word).isTrue();
            }
            String inside = s.substring(p, Math.min(s.length(), p + 1 + random.nextInt(12)));
            assertThat(starts.mayContain(inside)).as(s + " / " + inside).isTrue();
        }
        assertThat(ruledOut).as("anchors ruled out without a search").isGreaterThan(REAL.size() * 5);
    }

    @Test
    void keyOperatorSpacingGivesWhatItsRegexGives() {
        Pattern regex = Pattern.compile(" ?([<>=/%]) ?");
        assertSameResult(CriterionKeys::dropSpacesAroundOperators, s -> regex.matcher(s).replaceAll("$1"),
                new String[] {" ", "  ", "<", ">", "=", "/", "%", " < ", "< =", " >= ", "a", "x", "é", "\uD83D\uDE00"});
    }

    @Test
    void expressionStartEndsWhereItsRegexEnds() {
        String[] words = {"at", "no", "not", "note", "or", "in", "ink", "of", "up", "min", "max", "maximum", "exceeding", "between",
                "fewer", "1", "12", ".", ".5", ",", "_", "<", ">=", "=", " ", "-", "(", "a", "é", "\u0301", "\uD83D\uDE00", "Not", "x"};
        assertSameResult(s -> startEnds(s, false), s -> startEnds(s, true), words);
    }

    /** ExpressionParser.startEnd at every position, within the whole text and within the shortest window allowed. */
    private static String startEnds(String s, boolean byRegex) {
        StringBuilder ends = new StringBuilder();
        for (int p = 0; p < s.length(); p++) {
            for (int searchEnd : new int[] {s.length(), Math.min(s.length(), p + ExpressionParser.START_MAX_LENGTH)}) {
                int end;
                if (byRegex) {
                    Matcher m = ExpressionParser.START.matcher(s).useTransparentBounds(true).useAnchoringBounds(false).region(p, searchEnd);
                    end = m.lookingAt() ? m.end() : -1;
                } else {
                    end = ExpressionParser.startEnd(s, p, searchEnd);
                }
                ends.append(end).append(' ');
            }
        }
        return ends.toString();
    }

    @Test
    void sectionWordPreCheckHoldsWheneverTheHeadingPatternsMatch() {
        Pattern strict = Pattern.compile("(?i)^(?:[a-z]+\\s+){0,2}(?:inclusion|exclusion|eligibility|infusion)(?:\\s+criteria)?\\s*:?$");
        Pattern inline = Pattern.compile("(?i)^((?:[a-z]+\\s+){0,3}?(?:inclusion|exclusion|eligibility)\\s+criteria)\\s*(?::|-\\s)\\s*(\\S.*)$");
        String[] words = {"Inclusion", "EXCLUSION", "eligibility", "Infusion", "inclusio", "clusion", "criteria", "Criteria", " ",
                ":", "- ", "a", "K", "\u212A", "\u0130", "é", "x", "\t", "\u000B", "\u00a0", "1", "key", "(", "Criteria:"};
        assertSameResult(s -> SectionParser.namesASectionWord(s) || !(strict.matcher(s).matches() || inline.matcher(s).matches()),
                s -> true, words);
        for (String heading : List.of("Key Exclusion Criteria:", "INCLUSION", "a b Infusion criteria :", "a b c eligibility criteria - x")) {
            assertThat(strict.matcher(heading).matches() || inline.matcher(heading).matches()).as(heading).isTrue();
            assertThat(SectionParser.namesASectionWord(heading)).as(heading).isTrue();
        }
        assertThat(SectionParser.namesASectionWord("Age >= 18")).isFalse();
    }

    @Test
    void bulletLinesReadAsTheFullLineRegexReadThem() throws IOException {
        List<String> raw = new ArrayList<>();
        CriteriaBenchmark.forEachEligibilityText(EngineOutputGoldenTest.data().resolve("ctgov-v2"), (id, text) -> raw.addAll(text.lines().toList()));
        assertThat(raw).hasSizeGreaterThan(30_000);
        for (String line : raw) {
            assertThat(describe(SectionParser.Line.of(line))).as(line).isEqualTo(lineByFullRegex(line));
        }
        String[] words = {"*", "- ", "+", "•", "o", "o ", "1.", "12)", "123.", "1234.", "(", "a.", "B)", "iv.", "XII)", "vi", " ", "  ",
                "\t", "\u00a0", "Age", "x", "é", "\u0085", "\u2028", "\u2029", "\u000B", "\uD83D\uDE00", "2.5"};
        assertSameResult(s -> describe(SectionParser.Line.of(s)), RegexShortcutsTest::lineByFullRegex, words);
    }

    private static String describe(SectionParser.Line l) {
        return l.indent + "|" + l.bullet + "|" + l.type + "|" + l.marker + "|" + l.body;
    }

    private static final Pattern FULL_LINE_BULLET = Pattern.compile("^(?:([*•·▪◦●○■□➢►\\-+])(?:\\s+|(?=[A-Za-z(]))|(o)\\s+|\\(?(\\d{1,3})[.)]\\s+|\\(?([a-zA-Z])[.)]\\s+"
                + "|\\(?([ivxIVX]{1,5})[.)]\\s+)(.*)$");

    /** SectionParser.Line.of as written before, with matches() of the whole line. */
    private static String lineByFullRegex(String raw) {
        int indent = 0;
        int i = 0;
        while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t' || raw.charAt(i) == '\u00a0')) {
            indent += raw.charAt(i) == '\t' ? 4 : 1;
            i++;
        }
        String content = raw.substring(i).strip();
        Matcher m = FULL_LINE_BULLET.matcher(content);
        if (!content.isEmpty() && m.matches() && !m.group(6).isBlank()) {
            String type = m.group(1) != null ? "sym" + m.group(1) : m.group(2) != null ? "symo" : m.group(3) != null ? "num"
                    : m.group(4) != null ? (Character.isUpperCase(m.group(4).charAt(0)) ? "ALPHA" : "alpha") : "roman";
            String marker = content.substring(0, content.length() - m.group(6).length()).strip();
            return indent + "|true|" + type + "|" + marker + "|" + m.group(6).strip();
        }
        return indent + "|false|||" + content;
    }

    @Test
    void plainAsciiTextIsSpelledAsTheCharacterLoopSpellsIt() {
        String[] words = {"Age", "AGE", "x", "Z", "@", "[", "{", "~", "`", "\t", " ", ">=", "≥", "µ", "\u00a0", "İ", "É", "Σ", "\uD83D\uDE00", "\u007f", "1"};
        assertSameResult(s -> TextNormalizer.isPlainAscii(s) ? s.toLowerCase(Locale.ROOT) : TextNormalizer.spellInAscii(s),
                TextNormalizer::spellInAscii, words);
    }

    @Test
    void markdownUnescapingGivesWhatItsRegexGives() {
        String[] words = {"\\", "\\\\", "\\>", "\\.", "12\\.", "\\[", "\\]", "\\a", "\\ ", "\\\uD83D\uDE00", "a", " ", ">", "é",
                "\\`", "\\*", "\\_", "\\{", "\\}", "\\(", "\\)", "\\#", "\\+", "\\-", "\\!", "\\<", "\\^", "\\~", "\\|", "\\=", "\\%", "\\&", "\\$", "\\\n"};
        Pattern markdownEscape = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>^~|=%&])"); // the regex it replaced
        assertSameResult(TextNormalizer::unescapeMarkdown,
                s -> markdownEscape.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1))), words);
    }

    @Test
    void textIsSplitIntoLinesAsTheLineBreakRegexSplitsIt() {
        Pattern lineBreak = Pattern.compile("\r\n|\r|\n");
        String[] words = {"\r", "\n", "\r\n", "\n\r", "\r\r", "\n\n", "* a", "1. b", " ", "x", "\\>", "é"};
        assertSameResult(s -> SectionParser.toLines(s).stream().map(RegexShortcutsTest::describe).toList(),
                s -> Stream.of(lineBreak.split(s, -1)).map(l -> describe(SectionParser.Line.of(TextNormalizer.unescapeMarkdown(l)))).toList(),
                words);
    }

    @Test
    void clauseEndIsWhereTheRegionSearchFindsIt() {
        String[] words = {";", ".", ". ", "1. ", " if ", "if", "unless", "except", " in patients", "for the patients", "or <", "or >=",
                "within", " range", "prior to", "x", " ", "é", "\uD83D\uDE00", "patients", "5"};
        Function<String, String> ends = s -> {
            StringBuilder out = new StringBuilder();
            for (int from = 0; from <= s.length(); from += 3) {
                out.append(ConstraintExtractor.clauseEnd(s, from, Math.min(s.length(), from + 40))).append(' ');
            }
            return out.toString();
        };
        Function<String, String> byRegion = s -> {
            StringBuilder out = new StringBuilder();
            for (int from = 0; from <= s.length(); from += 3) {
                Matcher m = ConstraintExtractor.CLAUSE_END.pattern().matcher(s).region(from, Math.min(s.length(), from + 40));
                out.append(m.find() ? m.start() : Math.min(s.length(), from + 40)).append(' ');
            }
            return out.toString();
        };
        assertSameResult(ends, byRegion, words);
    }

    @Test
    void suffixesAfterSpacesMatchWhereTheirRegexMatches() throws ClassNotFoundException {
        Class.forName(ExpressionParser.class.getName(), true, getClass().getClassLoader());
        List<FirstChars.AfterSpaces> made = FirstChars.afterSpacesMade();
        assertThat(made).hasSizeGreaterThanOrEqualTo(5); // GE, LE, "or better", unit echo, number range join
        String[] words = {" ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u00a0", "-", "+", ",", "&", "(", ")", "or", "and", "and/or",
                "more", "less", "over", "above", "under", "minimum", "maximum", "better", "of age", "of-age", "inclusive", "to",
                "through", "kg", "(kg)", "(%)", "mg/dl", "1", "12", "x", "é", "\uD83D\uDE00", "o", "a", "m", "i", "t"};
        for (FirstChars.AfterSpaces a : made) {
            Function<String, String> ends = s -> {
                StringBuilder out = new StringBuilder();
                for (int p = 0; p <= s.length(); p++) {
                    for (int to : new int[] {s.length(), Math.min(s.length(), p + 3)}) {
                        Matcher m = a.lookingAt(s, p, to);
                        out.append(m == null ? -1 : m.end()).append(' ');
                    }
                }
                return out.toString();
            };
            Function<String, String> byRegex = s -> {
                StringBuilder out = new StringBuilder();
                for (int p = 0; p <= s.length(); p++) {
                    for (int to : new int[] {s.length(), Math.min(s.length(), p + 3)}) {
                        Matcher m = a.pattern().matcher(s).region(p, to);
                        out.append(m.lookingAt() ? m.end() : -1).append(' ');
                    }
                }
                return out.toString();
            };
            assertSameResult(ends, byRegex, words);
        }
    }

    @Test
    void ageWordJustBeforeIsWhereTheLastFindEnds() {
        Predicate<String> byFind = before -> {
            Matcher m = AgeRule.AGE_WORD.matcher(before);
            int lastEnd = -1;
            while (m.find()) {
                lastEnd = m.end();
            }
            return lastEnd >= 0 && before.length() - lastEnd <= 16;
        };
        String[] words = {"age", "aged", "ages", "agent", "page", " ", "  ", "-", "for ", "bone ", "gestational ", "age-related",
                "age and sex", " group", "x", "é", "\u0301", "\uD83D\uDE00", "18", ">=", "years", "at screening", "ag", "e"};
        // every 30-character window before a position of a real line, as AgeRule.extract reads it, and random windows
        assertSameResult(s -> windowsBefore(s, AgeRule::ageWordJustBefore), s -> windowsBefore(s, byFind), words);
    }

    private static String windowsBefore(String s, Predicate<String> test) {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p <= s.length(); p++) {
            out.append(test.test(s.substring(Math.max(0, p - 30), p)) ? '1' : '0');
        }
        out.append(test.test(s) ? '1' : '0');
        return out.toString();
    }

    @Test
    void anchoredPatternsLookingAtFindWhatFindFinds() {
        String[] words = {" ", ")", ":", "-", "(", "of age", "old", "years of age", "in age", "gestation", "ga", "pma", "'", "of ",
                "completed ", "prior", "before", "ago", "negative", "seronegative", "non-reactive", "not detected", "neg", "positive",
                "detected", "reactive", "x", "hbsag", "é", "\uD83D\uDE00", "\n", "\r\n"};
        for (Pattern p : List.of(AgeRule.OF_AGE_AFTER, AgeRule.GESTATION_AFTER, AgeRule.BEFORE_AN_EVENT, PresenceRule.NEGATIVE_AFTER,
                PresenceRule.STATED_POSITIVE_AFTER)) {
            assertThat(p.pattern()).startsWith("^");
            // at every suffix of a line: the "after" windows the rules read start anywhere
            assertSameResult(s -> suffixResults(s, t -> p.matcher(t).lookingAt()), s -> suffixResults(s, t -> p.matcher(t).find()), words);
        }
    }

    private static String suffixResults(String s, Predicate<String> test) {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < s.length(); p += 7) {
            out.append(test.test(s.substring(p, Math.min(s.length(), p + 40))) ? '1' : '0');
        }
        return out.toString();
    }

    /** A shortcut that computes a value must give exactly what the regex-based code gives, on real and random text. */
    private static <T> void assertSameResult(Function<String, T> shortcut, Function<String, T> regexVersion, String[] words) {
        for (String s : REAL) {
            assertThat(shortcut.apply(s)).as(s).isEqualTo(regexVersion.apply(s));
        }
        assertThat(REAL).hasSizeGreaterThan(30_000);
        Random random = new Random(20261128);
        for (int run = 0; run < 100_000; run++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(10);
            for (int i = 0; i < parts; i++) {
                text.append(words[random.nextInt(words.length)]);
            }
            String s = text.toString();
            assertThat(shortcut.apply(s)).as(s).isEqualTo(regexVersion.apply(s));
        }
    }

    private static void assertAgrees(Predicate<String> shortcut, Pattern regex, String[] words) {
        int found = 0;
        for (String s : REAL) {
            boolean expected = regex.matcher(s).find();
            assertThat(shortcut.test(s)).as(s).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(REAL).hasSizeGreaterThan(30_000);
        assertThat(found).as("real lines the regex finds").isBetween(REAL.size() / 20, REAL.size() - REAL.size() / 20);

        Random random = new Random(20261127);
        String[] glue = {" ", "", "", "-", "(", ")", ",", ".", "/", " >= ", "_", "1", "18", "2.5", "12345678901234", "x", "é"};
        for (int run = 0; run < 100_000; run++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(8);
            for (int i = 0; i < parts; i++) {
                text.append(random.nextBoolean() ? words[random.nextInt(words.length)] : glue[random.nextInt(glue.length)]);
            }
            String s = text.toString();
            assertThat(shortcut.test(s)).as(s).isEqualTo(regex.matcher(s).find());
        }
    }
}
