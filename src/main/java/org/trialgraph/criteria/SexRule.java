package org.trialgraph.criteria;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEX EQ with value null and unit "FEMALE" or "MALE", only when the criterion restricts participants to one sex
 * ("Female participants aged ...", "Postmenopausal women", "Sex: male", "Must be male", "women only", "18-65 years,
 * male", "men 40 to 65 years"). "Male or female", "women of childbearing potential must ...", "pregnant women" and a
 * criterion that names both sexes ("creatinine &lt; 1.5 in men, &lt; 1.4 in women") give no SEX constraint.
 */
final class SexRule {

    /**
     * Words that end the noun phrase a leading sex word may close ("Forty married diabetic type 2 men", "Sexually active
     * men"): function words and verbs, and the states that describe a subgroup rather than restrict to a sex
     * ("pregnant women", "lactating females").
     */
    private static final String NOT_A_MODIFIER = "(?:of|with|without|for|in|on|at|by|from|to|than|and|or|nor|but|who|whose|which|that|"
            + "if|when|where|as|not|no|non|any|other|their|his|her|its|is|are|be|been|was|were|has|have|had|will|can|may|must|"
            + "should|would|could|do|does|did|including|include|includes|except|between|versus|vs|[a-z-]*pregnan[a-z]*|lactating|"
            + "breast-?feeding|nursing|childbearing|(?!non-?smoking\\b|consenting\\b)[a-z'-]+ing|fertile|partners?|wives|husbands?|spouses?|mothers?|fathers?|sons?|daughters?)";
    /** What may follow "male and" when the sex is a requirement: "Male and at least 18 years old". */
    private static final String AN_AGE = "\\s*(?:at least|aged?|older|over|between|(?:[<>]=?\\s*)?\\d)";
    private static final Pattern LEADING = Pattern.compile(
            "^(?:\\d{1,2}[.,)]\\s+|[*\u2022-]\\s*)?(?:(?:is|are|be)\\s+(?=(?:female|male)\\s+and\\s))?(?:(?!" + NOT_A_MODIFIER + "\\b)[a-z0-9][a-z0-9'-]*\\s+){0,5}?"
                    + "(female|females|women|woman|girls|male|males|men|man|boys)\\b(?!\\s+(?:or|and|and/or|/)\\s(?!" + AN_AGE + "))(?!\\s*/)"
                    + "(?=\\s*(?:$|and\\s" + AN_AGE + "|[,;.(:\\d<>]|(?:participants?|patients?|subjects?|volunteers?|adults?|individuals?|persons?|aged?|ages|between|only|with|without|who|of|over|under|older|younger|at least|from|sex|gender|children|adolescents|infants|healthy|smokers|diagnosed|undergoing|scheduled|presenting|having|in|and|\\()\\b|(?:(?!" + NOT_A_MODIFIER + "\\b)\\S+\\s+){1,3}(?:participants?|patients?|subjects?|volunteers?|survivors?|smokers?|athletes?|veterans?|workers?|students?)\\b))");
    /** "Postmenopausal female who has ...": a modifier that only one sex can have makes the noun phrase a restriction. */
    private static final Pattern ONE_SEX_MODIFIER = Pattern.compile("\\b(?:post|pre|peri)-?menopausal\\s+$");
    private static final FirstChars.Search EXPLICIT = FirstChars.search("gimopsv", "\\b(?:sex|gender)\\s*[:=]?\\s*(?:is\\s+|must be\\s+)?(female|male|women|men)\\b(?!\\s+(?:or|and)\\s)|\\bmust be (?:a\\s+)?(female|male|woman|man)\\b(?!\\s+(?:or|and)\\s)|\\bonly (female|male|women|men)\\b"
            + "|\\b(?:patient|participant|subject|volunteer|individual|person)\\s+(?:is|must be)\\s+(?:an?\\s+)?(?:adult\\s+|healthy\\s+)?(female|male|woman|man)\\b"
            + "(?=\\s*(?:$|[,;.(\\d<>=]|(?:between|aged?|ages|at least|over|under|older|younger|from|diagnosed|having|with\\b(?!\\s+(?:child|reproductive|(?:a\\s+)?partner)))\\b))");
    /** "women only", "male subjects only", "(men only)". */
    private static final FirstChars.Search ONLY_AFTER = FirstChars.search("fmw", "\\b(female|females|women|male|males|men)(?:\\s+(?:participants?|patients?|subjects?|volunteers?))?\\s+only\\b");
    /** A sex on its own as an item of a demographic list: "18-65 years of age, male,". */
    private static final FirstChars.Search LIST_ITEM = FirstChars.search(",;", "(?:,|;)\\s*(female|male)\\s*(?:$|[,;.])");
    /** A sex noun directly followed by an age: "consists of men 40 to 65 years of age", "women aged 18-45". */
    private static final FirstChars.Search WITH_AGE = FirstChars.search("fmw",
            "\\b(?<!and |or |and/or |/)(females|women|males|men)\\s+(?:(?:participants?|patients?|subjects?|volunteers?)\\s+)?(?:aged?\\s+|between\\s+(?:the\\s+)?(?:ages?\\s+(?:of\\s+)?)?|from\\s+)?(?:>=?\\s*|<=?\\s*)?\\d{1,2}\\s*(?:-|to|and|years|yrs|\\+)");
    private static final FirstChars.Search MALE_WORD = FirstChars.search("bm", "\\b(?:male|males|men|man|boys)\\b");
    private static final FirstChars.Search FEMALE_WORD = FirstChars.search("fgw", "\\b(?:female|females|women|woman|girls)\\b");
    private static final Pattern NOT_A_RESTRICTION = Pattern.compile(
            "^[a-z]+\\s*,\\s*who\\b|^[^\\s,;]+\\s+(?:[^\\s,;]+\\s+)?(?:of\\s+(?:child|reproductive|non-?child)|who\\b|with\\s+(?:\\w+\\s+){0,2}(?:child|reproductive|partners?|pregnan|lactat|breast)|without\\s+(?:\\S+\\s+){0,4}?(?:contracepti\\w*|potential|desire|birth control)|capable|able\\s+to|planning\\b|intending\\b|wishing\\b|trying\\b|partners?|must\\b|should\\b|will\\b|agrees?\\b|need\\b|using\\b|use\\b|(?:participants?|patients?|subjects?)\\s+(?:of\\s+child|who|with\\s+partners?|must|should|will|agree))");

    void extract(String s, ConceptMentions.WordStarts starts, List<Constraint> out) {
        if (!mentionsASexWord(s, starts)) {
            return; // most criteria: spares the patterns below, the engine's costliest step
        }
        if (MALE_WORD.first(s) != null && FEMALE_WORD.first(s) != null) {
            return; // both sexes named: subgroups ("50 kg for men; 45 kg for women"), not a restriction to one
        }
        Matcher m = restriction(s);
        if (m == null) {
            return;
        }
        String sex = null;
        for (int g = 1; g <= m.groupCount() && sex == null; g++) {
            sex = m.group(g);
        }
        String unit = sex.startsWith("f") || sex.startsWith("wom") || sex.startsWith("girl") ? "FEMALE" : "MALE";
        out.add(new Constraint(Concept.SEX, Comparator.EQ, null, null, unit, m.group()));
    }

    /** Whether any word the patterns look for could be there (lower-case text): female/male, women/men, woman/man, boys, girls. */
    private static boolean mentionsASexWord(String s, ConceptMentions.WordStarts starts) {
        return ConceptMentions.containsAny(s, SEX_WORDS, starts);
    }

    /**
     * The patterns find a sex word at the start of a word (after a word boundary, ^, whitespace, "," or ";"), except
     * EXPLICIT, which also reads it glued to "sex"/"gender" ("sexmale").
     */
    private static final ConceptMentions.Anchors SEX_WORDS = ConceptMentions.anchors("\\bmale", "\\bfemale", "\\bmen",
            "\\bwomen", "\\bman", "\\bwoman", "\\bboys", "\\bgirls", "sexmale", "sexfemale", "sexmen", "sexwomen", "gendermale",
            "genderfemale", "gendermen", "genderwomen");

    /** The first restriction found, with the sex word in its first matched group; null if the criterion restricts to no sex. */
    private static Matcher restriction(String s) {
        Matcher lead = LEADING.matcher(s);
        // lookingAt: every alternative of NOT_A_RESTRICTION starts with ^, so find() could only match at the start
        if (lead.lookingAt() && (!NOT_A_RESTRICTION.matcher(s.substring(lead.start(1))).lookingAt()
                || s.contains("menopaus") && ONE_SEX_MODIFIER.matcher(s.substring(0, lead.start(1))).find())) {
            return lead;
        }
        if (s.contains("sex") || s.contains("gender") || s.contains("must be") || s.contains("only ") || s.contains(" is ")) {
            Matcher m = EXPLICIT.first(s);
            if (m != null) {
                return m;
            }
        }
        if (s.contains("only")) {
            Matcher m = ONLY_AFTER.first(s);
            if (m != null) {
                return m;
            }
        }
        if (s.indexOf(',') >= 0 || s.indexOf(';') >= 0) {
            Matcher m = LIST_ITEM.first(s);
            if (m != null) {
                return m;
            }
        }
        return TextNormalizer.hasDigit(s) ? WITH_AGE.first(s) : null;
    }
}
