package org.trialgraph.criteria;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Deterministic plain-language rendering: Markdown escapes removed, abbreviations from the {@link Glossary}
 * expanded (first occurrence "expansion", later ones left short; skipped when the text already spells the
 * expansion out), operators in words ("&gt;=" "at least", "&lt;=" "no more than", "&lt;" "less than", "&gt;" "more
 * than"), "x ULN" as "times the upper limit of normal", "x10^9/L" as "billion per litre", "0-1" as "0 to 1".
 */
public final class GlossaryPlainLanguageRenderer implements PlainLanguageRenderer {

    /** requiredChars: one of them is in every match (speed only). */
    private record Operator(Pattern pattern, String replacement, String requiredChars) {
    }

    private record Entry(String abbreviation, String expansion, String spelled) {
    }

    private static final List<Operator> OPERATORS = List.of(
            new Operator(FirstChars.compile("\\s≥>=⩾", "\\s*(?:≥|>=|=>|> or =|⩾)\\s*"), " at least ", "≥>⩾"),
            new Operator(FirstChars.compile("\\s≤<=⩽", "\\s*(?:≤|<=|=<|< or =|⩽)\\s*"), " no more than ", "≤<⩽"),
            new Operator(FirstChars.compile("\\s<", "\\s*<\\s*"), " less than ", "<"),
            new Operator(FirstChars.compile("\\s>", "\\s*>\\s*"), " more than ", ">"));
    private static final Pattern TEN_POWER = FirstChars.compile("\\s×xX*", "\\s*[×xX*]\\s*10\\s*(?:\\^|⁹|e)?\\s*(9|⁹)\\s*/\\s*L\\b");
    private static final Pattern TIMES_ULN = FirstChars.compile("\\s×xX*", "\\s*[×xX*]\\s*(?=(?:the\\s+)?(?:institutional\\s+)?(?:ULN|upper limit of normal))");
    private static final Pattern RANGE = FirstChars.compile("\\s\\-–", "(?<=\\d)\\s*[-–]\\s*(?=\\d)");

    private static final GlossaryPlainLanguageRenderer STANDARD = new GlossaryPlainLanguageRenderer();

    private final List<Entry> glossary;

    /** The shipped glossary's renderer, loaded once (it is immutable and thread-safe). */
    public static GlossaryPlainLanguageRenderer standard() {
        return STANDARD;
    }

    public GlossaryPlainLanguageRenderer() {
        this(Glossary.standard());
    }

    public GlossaryPlainLanguageRenderer(Glossary glossary) {
        this.glossary = glossary.entries().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .map(e -> new Entry(e.getKey(), e.getValue(),
                        e.getValue().replaceAll("\\s*\\(.*\\)$", "").toLowerCase(Locale.ROOT)))
                .toList();
    }

    @Override
    public String render(String criterionText, CriterionKind kind) {
        return render(criterionText);
    }

    /** The glossary's rendering does not depend on the section's kind: a stored criterion's text is enough. */
    public String render(String criterionText) {
        String s = TextNormalizer.unescapeMarkdown(criterionText == null ? "" : criterionText);
        // Each pattern runs only if the text has what it needs (most criteria have no operator, range or ULN).
        if (s.contains("10") && s.indexOf('/') >= 0 && s.indexOf('L') >= 0) {
            s = TEN_POWER.matcher(s).replaceAll(" billion per litre");
        }
        if (s.contains("ULN") || s.contains("upper limit of normal")) {
            s = TIMES_ULN.matcher(s).replaceAll(" times ");
        }
        for (Operator op : OPERATORS) {
            if (containsAnyChar(s, op.requiredChars())) {
                s = op.pattern().matcher(s).replaceAll(op.replacement());
            }
        }
        if ((s.indexOf('-') >= 0 || s.indexOf('–') >= 0) && TextNormalizer.hasDigit(s)) {
            s = RANGE.matcher(s).replaceAll(" to ");
        }
        s = expandAbbreviations(s);
        return TextNormalizer.collapseWhitespace(s.replace(" ,", ",").replace("( ", "("));
    }

    private static boolean containsAnyChar(String s, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (s.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the first whole-word occurrence of abbr starts in s, or -1 (no letter, digit, '_' or '-' either side): what
     * the regex {@code (?<![\w-])abbr(?![\w-])} finds, by indexOf rather than trying a regex at every position.
     */
    private static int findWord(String s, String abbr) {
        for (int i = s.indexOf(abbr); i >= 0; i = s.indexOf(abbr, i + 1)) {
            int end = i + abbr.length();
            if ((i == 0 || !isWordOrHyphen(s.charAt(i - 1))) && (end >= s.length() || !isWordOrHyphen(s.charAt(end)))) {
                return i;
            }
        }
        return -1;
    }

    /** [\w-] without UNICODE_CHARACTER_CLASS: ASCII letters, digits, '_' and '-'. */
    private static boolean isWordOrHyphen(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private String expandAbbreviations(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (Entry e : glossary) {
            String abbr = e.abbreviation();
            String expansion = e.expansion();
            String spelled = e.spelled();
            if (!s.contains(abbr)) {
                continue;
            }
            int start = findWord(s, abbr);
            if (start < 0 || (!spelled.equals(abbr.toLowerCase(Locale.ROOT)) && lower.contains(spelled))) {
                continue;
            }
            int end = start + abbr.length();
            // Expand the first occurrence; "(ALT)" after its own expansion is already handled above.
            String replacement = expansion.toLowerCase(Locale.ROOT).startsWith(abbr.toLowerCase(Locale.ROOT))
                    ? expansion : expansion + " (" + abbr + ")";
            boolean inParens = start > 0 && s.charAt(start - 1) == '(' && end < s.length() && s.charAt(end) == ')';
            if (inParens) {
                continue;
            }
            s = s.substring(0, start) + replacement + s.substring(end);
            lower = s.toLowerCase(Locale.ROOT);
        }
        return s;
    }
}
