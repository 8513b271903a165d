package org.trialgraph.criteria;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The participant's age. A comparison counts as AGE when it is close after an age word ("aged &gt; 28 days",
 * "age 18-75"), ends in "of age"/"old"/"or older" ("18 years of age or older"), follows a population noun with a
 * time unit ("adults (&gt;= 18 years)"), or is chained to one of those ("&gt; 28 days to &lt;= 24 months"). Not
 * counted: gestational/postmenstrual/bone age, ages of someone else ("mother of a patient &lt; 12 years").
 * Weeks followed by "gestation" become GESTATIONAL_AGE.
 */
final class AgeRule {

    static final Pattern AGE_WORD = Pattern.compile(
            "(?<!gestational |postmenstrual |post-menstrual |corrected |bone |mental |menstrual |chronological |reading |developmental |skeletal |for |-)\\bage[ds]?\\b(?![- ](?:related|appropriate|adjusted|matched|specific|and sex|group))");
    private static final Pattern POPULATION_BEFORE = Pattern.compile(
            "\\b(?:patients?|participants?|subjects?|adults?|children|child|men|women|man|woman|males?|females?|volunteers?|individuals?|persons?|people|boys|girls|infants?|adolescents?|neonates?|newborns?|toddlers?|youths?|pediatric patients|paediatric patients)"
                    + "\\s*(?:\\(|,)?\\s*(?:who are\\s+|aged?\\s+|of\\s+|between\\s+|from\\s+|ages\\s+)?(?:of\\s+)?$");
    // the ^-anchored patterns are tried by lookingAt(): what find() gives for them, without its walk over every later
    // position where ^ fails
    static final Pattern OF_AGE_AFTER = Pattern.compile("^\\s*\\)?\\s*(?:of age|old\\b|in age|of age or older|years? of age|years? old)");
    static final Pattern GESTATION_AFTER = Pattern.compile("^\\s*'?\\s*(?:of\\s+)?(?:completed\\s+)?(?:gestation|gestational|ga\\b|postmenstrual|pma\\b)");
    private static final Pattern SOMEONE_ELSE = Pattern.compile(
            "\\b(?:mother|father|parent|caregiver|caretaker|guardian|carer|sibling|partner)s?(?:'s)?\\s+(?:\\w+\\s+){0,2}?(?:of|for|to)\\b");
    /** "for participants under the age of 18", "in the case of subjects &lt; 18 years": a subgroup, not a requirement. */
    private static final Pattern SUBGROUP_BEFORE = Pattern.compile(
            "\\b(?:in the case of|for|if|when|from all|from|in)\\s+(?:all\\s+)?(?:the\\s+)?(?:study\\s+)?(?:participants?|patients?|subjects?|those|children|minors|individuals|siblings)\\s*(?:who are\\s+|aged\\s+)?$"
                    + "|\\b(?:if|when|in)\\s+(?:(?:the\\s+)?(?!they\\b)[a-z]+\\s+(?:is|are)\\s+)?$");
    /** An age in brackets right after another value qualifies that value: "Lansky 50-100% (age 10 and under)", "CD4 of at least 750 (under 12 months of age)". */
    private static final Pattern QUALIFIES_A_VALUE = Pattern.compile("(?:\\d|%)\\s*\\(\\s*(?:age[ds]?\\s+)?$");
    private static final Pattern CHAIN = Pattern.compile("^\\s*(?:,|and|to|but|-|or|until|through)?\\s*(?:age\\s+)?$");
    private static final Pattern RANGE_TO = Pattern.compile("\\s*(?:to|-)\\s*");
    /** Where a bare number can start an age range: after an age word, a copula, a person noun or at the start. */
    private static final Pattern RANGE_START = Pattern.compile(
            "(?:^|[,;(:]|\\b(?:age[ds]?|be|are|is|from|participants?|patients?|subjects?|children|adults?|males?|females?|men|women|boys|girls))\\s*$");
    private static final Pattern TIME_SINCE = Pattern.compile("\\b(?:for|since|within|past|last|after|before|prior|ago|during|duration|least|history|treated|diagnosed|interval)\\s*$");

    /** "(applicable only to female subjects age 11 and older)": the subgroup a statement applies to. */
    private static final Pattern APPLIES_TO = Pattern.compile(
            "\\bapplica(?:ble|bility)\\s+(?:only\\s+)?(?:to\\s+)?(?:only\\s+)?(?:to|for)\\s+(?:the\\s+)?(?:(?:female|male)\\s+)?(?:participants?|patients?|subjects?|women|men|children|those)\\s*(?:who are\\s+|aged?\\s+|ages\\s+)?$");
    /** A leading label with a clause after its colon: "Subjects age 11 and older: Subject is known to be pregnant ...". */
    private static final Pattern LABEL_COLON = Pattern.compile("\\s*\\)?\\s*:\\s*(?:\\S+\\s+){3}");

    /** "MRI not older than 4 years prior to enrolment": the age of a thing, not of the participant. */
    static final Pattern BEFORE_AN_EVENT = Pattern.compile("^\\s*(?:prior|before|ago|after|since)\\b");
    private static final Pattern OLDER_OR_YOUNGER = Pattern.compile(".*\\b(?:older|younger)\\b.*");
    static final Pattern WORTH_A_LOOK = FirstChars.compile("0-9aoy", "\\d[^a-z]{0,12}(?:y|mo|mth|w|d)|\\bage|\\bold|older|younger");

    void extract(String s, List<Constraint> out) {
        boolean maybe = TextNormalizer.hasDigit(s) || s.contains("age") || s.contains("old") || s.contains("younger");
        if (!maybe || !worthALook(s)) {
            return;
        }
        int lastAgeEnd = -100;
        ValueExpression previous = null;
        for (ValueExpression e : ExpressionParser.all(s, 0, s.length())) {
            ValueExpression candidateBefore = previous;
            previous = e;
            if (e.form() == ValueExpression.Form.BARE || e.form() == ValueExpression.Form.LIST) {
                continue;
            }
            boolean timeUnit = isTime(e.unit());
            if (!(timeUnit || e.unit() == null)) {
                continue;
            }
            String after = s.substring(e.end(), Math.min(s.length(), e.end() + 30));
            if (timeUnit && GESTATION_AFTER.matcher(after).lookingAt()) {
                add(out, Concept.GESTATIONAL_AGE, e, s);
                continue;
            }
            String before = s.substring(Math.max(0, e.start() - 30), e.start());
            String expression = s.substring(e.start(), e.end());
            boolean ageWordBefore = ageWordJustBefore(before) || expression.contains("age") && AGE_WORD.matcher(expression).find();
            boolean ofAgeAfter = OF_AGE_AFTER.matcher(after).lookingAt() || timeUnit && expression.contains("old")
                    && ExpressionParser.YEARS_OLD.matcher(expression).find();
            boolean olderSuffix = (expression.contains("older") || expression.contains("younger"))
                    && OLDER_OR_YOUNGER.matcher(expression).matches() && !BEFORE_AN_EVENT.matcher(after).lookingAt();
            boolean population = timeUnit && POPULATION_BEFORE.matcher(before).find() && !TIME_SINCE.matcher(before).find();
            boolean chained = e.start() - lastAgeEnd <= 12 && CHAIN.matcher(s.substring(lastAgeEnd, e.start())).matches();
            if (!(ageWordBefore || ofAgeAfter || olderSuffix || population || chained)) {
                continue;
            }
            if (!ageWordBefore && e.unit() == null && !olderSuffix && !chained && !ofAgeAfter) {
                continue;
            }
            if (aboutSomeoneElse(s, e.start()) && !ageWordBefore) {
                continue;
            }
            if (SUBGROUP_BEFORE.matcher(before).find() || QUALIFIES_A_VALUE.matcher(before).find() || isSubgroupLabel(s, e)
                    || s.contains("applica") && APPLIES_TO.matcher(s.substring(Math.max(0, e.start() - 60), e.start())).find()) {
                continue;
            }
            if (add(out, Concept.AGE, e, s)) {
                addChainedBefore(out, candidateBefore, e, lastAgeEnd, s);
                lastAgeEnd = e.end();
            }
        }
    }

    /**
     * An age that ends a leading label followed by a clause ("Subjects age 11 and older: Subject is known to be
     * pregnant, ..."): the group the rest of the criterion applies to, not a requirement. "Age: 18-65" has its colon
     * before the value and is read.
     */
    private static boolean isSubgroupLabel(String s, ValueExpression e) {
        int colon = s.indexOf(':');
        return colon >= e.end() && colon - e.end() <= 3 && LABEL_COLON.matcher(s).region(e.end(), s.length()).lookingAt();
    }

    /** "under 18 or over 60 years of age": the first bound takes the age reading (and unit) of the second. */
    private static void addChainedBefore(List<Constraint> out, ValueExpression before, ValueExpression age, int lastAgeEnd, String s) {
        if (before == null || before.end() <= lastAgeEnd || age.start() - before.end() > 8
                || !CHAIN.matcher(s.substring(before.end(), age.start())).matches()) {
            return;
        }
        if (before.form() == ValueExpression.Form.BARE && (age.comparator() == Comparator.LT || age.comparator() == Comparator.LE)
                && (before.unit() == null || before.unit() == age.unit()) && RANGE_TO.matcher(s.substring(before.end(), age.start())).matches()
                && RANGE_START.matcher(s.substring(Math.max(0, before.start() - 20), before.start())).find()) {
            // "age 4 to < 8 years": the bare number starts a range whose upper end is written with an operator
            add(out, Concept.AGE, new ValueExpression(ValueExpression.Form.OPERATOR, Comparator.GE, before.value(), null,
                    age.unit(), age.factor(), before.start(), before.end()), s);
            return;
        }
        if (before.form() != ValueExpression.Form.OPERATOR) {
            return;
        }
        if (before.unit() == null) {
            add(out, Concept.AGE, before.withUnit(age.unit(), 1), s);
        } else if (isTime(before.unit())) {
            add(out, Concept.AGE, before, s);
        }
    }

    /**
     * "age 18-75", "aged between", "age at screening >= 18"; not "age or karnofsky score >= 50": the last AGE_WORD
     * match ends at most 16 characters before the end. Every match begins at an "age" and is at most 4 characters
     * long, so the last match is the one at the last "age" where the regex matches, and an "age" more than 20
     * characters from the end cannot end close enough: trying only those spares find()'s lookbehinds at every
     * position.
     */
    static boolean ageWordJustBefore(String before) {
        int n = before.length();
        Matcher m = null;
        for (int i = before.lastIndexOf("age"); i >= 0 && i >= n - 20; i = before.lastIndexOf("age", i - 1)) {
            if (m == null) {
                m = AGE_WORD.matcher(before).useTransparentBounds(true).useAnchoringBounds(false);
            }
            if (m.region(i, n).lookingAt()) {
                return n - m.end() <= 16;
            }
        }
        return false;
    }

    private static boolean aboutSomeoneElse(String s, int exprStart) {
        String before = s.substring(Math.max(0, exprStart - 60), exprStart);
        return SOMEONE_ELSE.matcher(before).find();
    }

    private static boolean add(List<Constraint> out, Concept concept, ValueExpression e, String s) {
        Constraint c = ConstraintExtractor.toConstraint(concept, e, s.substring(e.start(), e.end()));
        if (c == null) {
            return false;
        }
        if (concept == Concept.AGE && (c.value() > 120 || (c.upperValue() != null && c.upperValue() > 120))) {
            return false;
        }
        out.add(c);
        return true;
    }

    /**
     * WORTH_A_LOOK.matcher(s).find(), without the regex on plain text: "older"/"younger" anywhere, a digit followed by
     * a time unit, or "age"/"old" at the start of a word. Where non-ASCII characters could make {@code \\b} or a code
     * point count differ from the plain reading, the regex decides. Most criteria have many digits and words starting
     * with "a" or "o": trying the regex at each cost 9 % of the engine's time.
     */
    static boolean worthALook(String s) {
        if (s.contains("older") || s.contains("younger")) {
            return true;
        }
        for (int p = 0; p < s.length(); p++) {
            char c = s.charAt(p);
            if (c >= '0' && c <= '9') {
                int unit = timeUnitSoonAfter(s, p + 1);
                if (unit == 1 || unit == -1 && regexMatchesAt(s, p)) {
                    return true;
                }
            } else if (c == 'a' || c == 'o') {
                char before = p == 0 ? ' ' : s.charAt(p - 1);
                boolean found = before >= 128 ? regexMatchesAt(s, p)
                        : !isWordChar(before) && s.startsWith(c == 'a' ? "age" : "old", p);
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    /** WORTH_A_LOOK at exactly {@code p}, seeing the text before it (rare: only where the plain reading may differ). */
    private static boolean regexMatchesAt(String s, int p) {
        return WORTH_A_LOOK.matcher(s).useTransparentBounds(true).useAnchoringBounds(false).region(p, s.length())
                .lookingAt();
    }

    /**
     * Whether {@code [^a-z]{0,12}(?:y|mo|mth|w|d)} matches at {@code from}: 1 yes, 0 no, -1 a surrogate is in the way
     * (the regex counts code points, not chars).
     */
    private static int timeUnitSoonAfter(String s, int from) {
        int limit = Math.min(s.length(), from + 13);
        for (int i = from; i < limit; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                return -1;
            }
            if (c >= 'a' && c <= 'z') {
                boolean unit = c == 'y' || c == 'w' || c == 'd' || c == 'm' && (s.startsWith("o", i + 1) || s.startsWith("th", i + 1));
                return unit ? 1 : 0;
            }
        }
        return 0;
    }

    /** What \\b counts as a word character at least (letters, digits, '_'). */
    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static boolean isTime(RawUnit u) {
        return u == RawUnit.YEARS || u == RawUnit.MONTHS || u == RawUnit.WEEKS || u == RawUnit.DAYS;
    }
}
