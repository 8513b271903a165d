package org.trialgraph.criteria;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link Constraint}s from one criterion. Numeric concepts: a concept mention takes the first comparison
 * in the text after it (up to the next mention or clause end); mentions joined by "/", "and", "or" or "," share the
 * comparison of the last one ("ALT/AST &lt;= 3 x ULN"). Age, sex and presence concepts have their own rules.
 */
final class ConstraintExtractor {

    /** Longer criteria are read only this far (guards against pathological input). */
    static final int MAX_CHARS = 20_000;
    private static final int WINDOW = 110;

    /**
     * "and"/"or"/"but" after an optional unit repeated in brackets ("170 millimeters of mercury (mm hg) or &lt; 90"), "/" before
     * an operator ("&lt;60/&gt;90"), or a comma before one ("not less than 19 kg/m2, no more than 27 kg/m2").
     */
    private static final Pattern CHAIN_JOIN = Pattern.compile("(?:\\s*\\([a-z /.^]{1,20}\\))?\\s*,?\\s*(?:and|or|but)\\s+|\\s*/\\s*(?=[<>])|\\s*to\\s*(?=[<>])|\\s*to\\s+(?=(?:less|more|greater|lower|higher|no|not)\\b)|\\s*,\\s*(?=[<>]|(?:no|not|less|more|greater|lower|higher|at)\\b)");
    /** "outside the normal range (150 to 400)": a range not to be in. */
    private static final Pattern OUTSIDE = Pattern.compile("\\boutside\\b");
    /**
     * A value measured from a reference, not a level: "0.3 mg/dl above upper limit of normal", "45 kg (100 lbs.) over
     * ideal body weight".
     */
    private static final Pattern RELATIVE_AFTER = Pattern.compile(
            "\\s*(?:\\([^)]{1,15}\\)\\s*)?(?:over|above|below|under|more than|less than|greater than)\\s+(?:the\\s+)?(?:institutional\\s+)?(?:ideal|upper limit|lower limit|uln|lln|normal|baseline|predicted)\\b");
    private static final Pattern CONNECTOR = Pattern.compile("[\\s/,&()]*(?:and/or|and|or|&)?[\\s/,()]*(?:the\\s+)?(?:serum\\s+)?");
    static final FirstChars.Search CLAUSE_END = FirstChars.search(";.efiopuw", ";|\\.(?:\\s|$)(?<!\\d\\.\\s)|\\bif\\b|\\bunless\\b|\\bexcept\\b|\\bin patients\\b|\\bfor (?:the\\s+)?(?:patients?|subjects?|participants?)\\b|\\bor\\s+(?:<|>|<=|>=)|\\bwithin\\b(?![^;]{0,30}\\brange\\b)|\\bprior to\\b");

    private static final Pattern BEFORE_GAP = Pattern.compile("\\s*\\(?\\s*");
    /** "less than 15 kg in weight". */
    private static final Pattern BEFORE_GAP_IN_WEIGHT = Pattern.compile("\\s+in\\s+(?:body\\s+)?");
    /** "Minimum weight 16 kg", "maximum BMI 30 kg/m2": the word before the concept is the operator. */
    private static final Pattern MIN_OR_MAX_BEFORE = Pattern.compile("\\b(minimum|maximum)\\s+$");
    private static final Pattern BARE_GAP = Pattern.compile("\\s*(?:\\([^)]{1,12}\\)\\s*)?(?::|-|,)?\\s*(?:(?:of|level|levels|count|value|is)\\s+)*");
    private static final Pattern CHANGE_BEFORE = Pattern.compile("\\b(?:increase|increases|decrease|decreases|drop|reduction|rise|fall|change|decline|elevation)\\s+(?:in|of)\\s+(?:the\\s+)?$");
    private static final Pattern SUBGROUP_BEFORE = Pattern.compile(
            "(?:\\b(?:for|in|if)\\s+(?:the\\s+|those\\s+)?|(?<!\\d)\\.\\s+)(?:patients?|participants?|subjects?|those|individuals?|men|women)\\s+(?:with|who have|whose)\\s+(?:[a-z]+\\s+){0,2}$"
                    + "|\\bprovid(?:ed|ing)\\s+(?:that\\s+)?(?:the\\s+)?(?:[a-z]+\\s+)?$");
    private static final Pattern PARTNER_SUBJECT = Pattern.compile(
            "(?:\\d{1,2}[.)]\\s+)?(?:(?:the|their|his|her|a|any|participant's|patient's|subject's)\\s+)?(?:(?:female|male|sexual|sex|current|regular|primary|steady|main)\\s+){0,2}(?:partners?|spouses?|wife|wives|husbands?)\\b(?!\\s+of\\b)");
    private static final Pattern SPLIT_READING = Pattern.compile("\\s*(?:/|,|and)\\s*(\\d{2,3})\\s*(?:mm\\s*hg)?\\s*\\(?\\s*");
    private static final Pattern PRESSURE_PAIR = Pattern.compile("\\s*/\\s*\\d{2,3}\\b");
    private static final Set<Concept> BARE_MINIMUM = EnumSet.of(Concept.ANC, Concept.ALC, Concept.WBC, Concept.PLATELETS,
            Concept.HEMOGLOBIN, Concept.LVEF, Concept.CREATININE_CLEARANCE, Concept.EGFR, Concept.CD4);
    private static final Set<Concept> BARE_MAXIMUM = EnumSet.of(Concept.CREATININE, Concept.BILIRUBIN, Concept.ALT,
            Concept.AST, Concept.ALP, Concept.INR, Concept.PT, Concept.APTT);
    /** What HAS_NUMBER needs when there is no digit (speed only: one of them occurs in every such match). */
    private static final ConceptMentions.Anchors NUMBER_WORDS = ConceptMentions.anchors("\\bone", "\\btwo", "\\bthree",
            "\\bfour", "\\bfive", "\\bsix", "\\bseven", "\\beight", "\\bnine", "\\bten", "\\beleven", "\\btwelve", "\\btwenty",
            "\\buln", "upper limit");
    private static final Pattern HAS_NUMBER = FirstChars.compile("0-9efnostu",
            "\\d|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty)\\b|\\buln\\b|upper limit");

    private final AgeRule ageRule = new AgeRule();
    private final PresenceRule presenceRule = new PresenceRule();
    private final SexRule sexRule = new SexRule();
    private final NyhaRule nyhaRule = new NyhaRule();
    private final BloodPressureRule bloodPressureRule = new BloodPressureRule();

    List<Constraint> extract(String criterionText) {
        return extractMatchable(matchable(criterionText));
    }

    /** The form every rule reads: {@link TextNormalizer#forMatching}, whitespace collapsed. The key starts from it too. */
    static String matchable(String criterionText) {
        return TextNormalizer.collapseWhitespace(TextNormalizer.forMatching(criterionText));
    }

    List<Constraint> extractMatchable(String matchable) {
        String s = matchable;
        if (s.length() > MAX_CHARS) {
            s = s.substring(0, MAX_CHARS);
        }
        if (isAboutAPartner(s)) {
            return List.of();
        }
        List<Constraint> out = new ArrayList<>();
        ConceptMentions.WordStarts starts = new ConceptMentions.WordStarts(s);
        sexRule.extract(s, starts, out);
        ageRule.extract(s, out);
        numeric(s, starts, out);
        nyhaRule.extract(s, out);
        bloodPressureRule.extract(s, out);
        presenceRule.extract(s, starts, out);
        return mergeAndDedupe(out);
    }

    /**
     * "Partners who are &lt; 18 years of age, who are nursing, ...", "The participant's spouse is pregnant": the criterion
     * describes someone other than the participant, so its ages, sex and conditions are not the participant's.
     */
    static boolean isAboutAPartner(String s) {
        return (s.contains("partner") || s.contains("spouse") || s.contains("wife") || s.contains("wives") || s.contains("husband"))
                && PARTNER_SUBJECT.matcher(s).lookingAt();
    }

    private void numeric(String s, ConceptMentions.WordStarts starts, List<Constraint> out) {
        if (!TextNormalizer.hasDigit(s) && !(ConceptMentions.containsAny(s, NUMBER_WORDS, starts) && HAS_NUMBER.matcher(s).find())) {
            return;
        }
        List<ConceptMentions.Mention> mentions = ConceptMentions.find(s, starts);
        ValueExpression[] own = new ValueExpression[mentions.size()];
        ValueExpression[] before = new ValueExpression[mentions.size()];
        for (int i = 0; i < mentions.size(); i++) {
            ConceptMentions.Mention m = mentions.get(i);
            int next = i + 1 < mentions.size() ? mentions.get(i + 1).start() : s.length();
            int end = clauseEnd(s, m.end(), Math.min(next, m.end() + WINDOW));
            boolean score = m.concepts().stream().anyMatch(ConceptMentions::isScore);
            own[i] = ExpressionParser.first(s, m.end(), end, score);
            if (own[i] == null) {
                own[i] = bareWithUnit(s, m, end);
            }
            if (own[i] == null || own[i].form() == ValueExpression.Form.BARE) {
                ValueExpression bounded = boundNamedBefore(s, m, end);
                own[i] = bounded != null ? bounded : own[i];
            }
            int previousEnd = i > 0 ? mentions.get(i - 1).end() : 0;
            before[i] = valueBefore(s, m, previousEnd);
        }
        ValueExpression[] found = new ValueExpression[mentions.size()];
        for (int i = mentions.size() - 1; i >= 0; i--) {
            ConceptMentions.Mention m = mentions.get(i);
            ValueExpression e = own[i];
            if (e != null && before[i] != null && i + 1 < mentions.size() && before[i + 1] != null && before[i + 1].start() == e.start()) {
                e = null; // "150 mmHg (systolic) and/or 100 mmHg (diastolic)": that value belongs to the next mention
            }
            if (e == null && before[i] != null && (i == 0 || own[i - 1] == null || own[i - 1].start() != before[i].start())) {
                e = before[i];
            }
            if (isChange(s, m.start()) || isSubgroupCondition(s, m.start())) {
                e = null;
            }
            int next = i + 1 < mentions.size() ? mentions.get(i + 1).start() : s.length();
            if (e == null && i + 1 < mentions.size() && found[i + 1] != null && found[i + 1].start() > m.end()
                    && connects(s, m.end(), next)) {
                e = found[i + 1];
            }
            found[i] = e;
        }
        for (int i = 1; i < mentions.size(); i++) {
            if (found[i] == null && found[i - 1] != null) {
                found[i] = secondReading(s, mentions.get(i - 1), found[i - 1], mentions.get(i));
            }
        }
        for (int i = 0; i < mentions.size(); i++) {
            ValueExpression e = found[i];
            if (e == null) {
                continue;
            }
            ConceptMentions.Mention m = mentions.get(i);
            List<Concept> concepts = m.concepts();
            if (concepts == ConceptMentions.GENERIC_PERFORMANCE_STATUS) {
                double max = e.upper() == null ? e.value() : e.upper();
                concepts = List.of(max <= 5 ? Concept.ECOG : Concept.KARNOFSKY);
            }
            List<ValueExpression> expressions = new ArrayList<>(outsideRange(s, m, e));
            int limit = s.length();
            for (ConceptMentions.Mention later : mentions) {
                if (later.start() >= e.end()) {
                    limit = later.start();
                    break;
                }
            }
            ValueExpression second = chained(s, e, limit);
            if (second != null) {
                expressions.add(second);
                if (e.unit() == null && second.unit() != null && expressions.size() == 2) {
                    // "weight >= 20 to <= 150 kg": the unit written once serves both bounds
                    expressions.set(0, e.withUnit(second.unit(), second.factor()));
                }
            }
            for (ValueExpression x : expressions) {
                if (RELATIVE_AFTER.matcher(s).region(x.end(), s.length()).lookingAt()) {
                    continue;
                }
                String source = s.substring(m.start(), Math.max(m.end(), x.end()));
                for (Concept c : concepts) {
                    if (c == Concept.GESTATIONAL_AGE && x.unit() == null || isPressure(c) && PRESSURE_PAIR.matcher(s).region(x.end(), s.length()).lookingAt()) {
                        continue;
                    }
                    Constraint constraint = toConstraint(c, x, source);
                    if (constraint != null) {
                        out.add(constraint);
                    }
                }
            }
        }
    }

    /**
     * A comparison written before the concept with a unit that fits it: "&gt;= 1,500 neutrophils/mm3", "&lt;= 200
     * CD4/uL", "&gt; 140 mm Hg systolic". Only directly before the mention (spaces or an opening bracket between).
     */
    private static ValueExpression valueBefore(String s, ConceptMentions.Mention m, int previousEnd) {
        int from = Math.max(previousEnd, m.start() - 40);
        ValueExpression last = null;
        for (ValueExpression e : ExpressionParser.all(s, from, Math.min(s.length(), m.end() + 15))) {
            if (e.start() >= m.start()) {
                break;
            }
            last = e;
        }
        if (last == null || last.form() != ValueExpression.Form.OPERATOR) {
            return null;
        }
        boolean contains = last.end() > m.start();
        String gap = contains ? "" : s.substring(last.end(), m.start());
        if (!contains && !BEFORE_GAP.matcher(gap).matches()
                && !(m.concepts().contains(Concept.WEIGHT) && BEFORE_GAP_IN_WEIGHT.matcher(gap).matches())) {
            return null;
        }
        if (last.unit() != null) {
            return last;
        }
        RawUnit.Match unit = RawUnit.at(s, m.end(), Math.min(s.length(), m.end() + 20));
        return unit == null ? null : last.withUnit(unit.unit(), unit.factor());
    }

    /**
     * A value with a unit right after a lab mention but no operator ("Platelet count 100,000 cells/uL", "bilirubin 1.5
     * x ULN"): a minimum for counts, hemoglobin and function, a maximum for the blood chemistry that must stay low.
     */
    private static ValueExpression bareWithUnit(String s, ConceptMentions.Mention m, int end) {
        Comparator direction = null;
        for (Concept c : m.concepts()) {
            direction = BARE_MINIMUM.contains(c) ? Comparator.GE : BARE_MAXIMUM.contains(c) ? Comparator.LE : null;
        }
        if (direction == null) {
            return null;
        }
        Matcher gap = BARE_GAP.matcher(s).region(m.end(), end);
        if (!gap.lookingAt()) {
            return null;
        }
        ValueExpression e = ExpressionParser.at(s, gap.end(), end);
        if (e == null || e.form() != ValueExpression.Form.BARE || e.unit() == null) {
            return null;
        }
        return new ValueExpression(ValueExpression.Form.OPERATOR, direction, e.value(), null, e.unit(), e.factor(), e.start(), e.end());
    }

    /**
     * "&lt; 90 mmHg systolic / 50 mmHg diastolic": a reading split by words; the diastolic value shares the systolic
     * one's comparator.
     */
    private static ValueExpression secondReading(String s, ConceptMentions.Mention previous, ValueExpression first,
            ConceptMentions.Mention m) {
        if (first.form() != ValueExpression.Form.OPERATOR || first.end() > previous.start()
                || !m.concepts().stream().allMatch(ConstraintExtractor::isPressure)
                || !previous.concepts().stream().allMatch(ConstraintExtractor::isPressure)) {
            return null;
        }
        Matcher r = SPLIT_READING.matcher(s).region(previous.end(), m.start());
        if (!r.matches()) {
            return null;
        }
        return new ValueExpression(ValueExpression.Form.OPERATOR, first.comparator(), Double.parseDouble(r.group(1)), null,
                first.unit(), first.factor(), r.start(1), r.end());
    }

    /** "Minimum weight 16 kg": a bare value with a unit after a concept that "minimum"/"maximum" introduces. */
    private static ValueExpression boundNamedBefore(String s, ConceptMentions.Mention m, int end) {
        if (m.start() < 8 || !s.startsWith("imum ", m.start() - 5)
                || !MIN_OR_MAX_BEFORE.matcher(s.substring(Math.max(0, m.start() - 12), m.start())).find()) {
            return null;
        }
        Matcher gap = BARE_GAP.matcher(s).region(m.end(), end);
        ValueExpression e = gap.lookingAt() ? ExpressionParser.at(s, gap.end(), end) : null;
        if (e == null || e.form() != ValueExpression.Form.BARE || e.unit() == null) {
            return null;
        }
        Comparator c = s.startsWith("min", m.start() - 8) ? Comparator.GE : Comparator.LE;
        return new ValueExpression(ValueExpression.Form.OPERATOR, c, e.value(), null, e.unit(), e.factor(), e.start(), e.end());
    }

    /** "Platelet count outside the normal range (150 to 400)" is LT 150 and GT 400; any other expression stays as it is. */
    private static List<ValueExpression> outsideRange(String s, ConceptMentions.Mention m, ValueExpression e) {
        if (e.form() != ValueExpression.Form.RANGE || e.start() <= m.end() || !OUTSIDE.matcher(s).region(m.end(), e.start()).find()) {
            return List.of(e);
        }
        return List.of(
                new ValueExpression(ValueExpression.Form.OPERATOR, Comparator.LT, e.value(), null, e.unit(), e.factor(), e.start(), e.end()),
                new ValueExpression(ValueExpression.Form.OPERATOR, Comparator.GT, e.upper(), null, e.unit(), e.factor(), e.start(), e.end()));
    }

    private static boolean isChange(String s, int mentionStart) {
        return CHANGE_BEFORE.matcher(s.substring(Math.max(0, mentionStart - 30), mentionStart)).find();
    }

    /**
     * "... or CrCl &gt;= 30 mL/min for participants with creatinine &gt; 1.5 x ULN", "... Men with PSA greater than 4 ...
     * must", "(4 times ULN provided transaminases no greater than ULN)": the condition of a subgroup or an alternative.
     */
    private static boolean isSubgroupCondition(String s, int mentionStart) {
        return SUBGROUP_BEFORE.matcher(s.substring(Math.max(0, mentionStart - 40), mentionStart)).find();
    }

    private static boolean isPressure(Concept c) {
        return c == Concept.SYSTOLIC_BP || c == Concept.DIASTOLIC_BP;
    }

    /** "&gt;= 20 kg and &lt;= 150 kg", "less than 30 kg or more than 120 kg": a second bound right after the first. */
    private static ValueExpression chained(String s, ValueExpression first, int limit) {
        Matcher join = CHAIN_JOIN.matcher(s).region(first.end(), Math.min(limit, s.length()));
        if (first.form() != ValueExpression.Form.OPERATOR || !join.lookingAt() || join.end() >= limit) {
            return null;
        }
        ValueExpression next = ExpressionParser.at(s, join.end(), Math.min(limit, join.end() + 40));
        // only the other side of a range; a same-direction bound after "or" is an alternative threshold
        if (next == null || next.form() != ValueExpression.Form.OPERATOR || isLower(next.comparator()) == isLower(first.comparator())
                || next.comparator() == Comparator.EQ || first.comparator() == Comparator.EQ) {
            return null;
        }
        return next.unit() == null && first.unit() != null ? next.withUnit(first.unit(), first.factor()) : next;
    }

    private static boolean isLower(Comparator c) {
        return c == Comparator.GE || c == Comparator.GT;
    }

    private static boolean connects(String s, int from, int to) {
        if (to - from > 20) {
            return false;
        }
        Matcher m = CONNECTOR.matcher(s).region(from, to);
        return m.matches();
    }

    static int clauseEnd(String s, int from, int to) {
        // find() in the region [from, to) with its default (opaque) bounds, which let no lookaround or \b see past it,
        // is find() in that part of the text alone; the search there tries only where a match can begin
        Matcher m = CLAUSE_END.first(s.substring(from, to));
        return m != null ? from + m.start() : to;
    }

    /** Turns an expression into a constraint on the concept, applying score conventions and unit normalisation. */
    static Constraint toConstraint(Concept c, ValueExpression e, String source) {
        Comparator cmp = e.comparator();
        double value = e.value();
        Double upper = e.upper();
        if (e.form() == ValueExpression.Form.BARE && !ConceptMentions.isScore(c)) {
            return null;
        }
        if (e.form() == ValueExpression.Form.OR_BETTER) {
            // lower is better on ECOG, higher on Karnofsky/Lansky; "or better" means nothing for lab values
            if (!ConceptMentions.isScore(c)) {
                return null;
            }
            cmp = c == Concept.ECOG ? Comparator.LE : Comparator.GE;
        }
        if (cmp == Comparator.BETWEEN && upper != null && ConceptMentions.isScore(c)) {
            // "ECOG 0-1" is ECOG <= 1; "Karnofsky 70-100" is Karnofsky >= 70
            if (c == Concept.ECOG && value == 0) {
                cmp = Comparator.LE;
                value = upper;
                upper = null;
            } else if (c != Concept.ECOG && upper == 100) {
                cmp = Comparator.GE;
                upper = null;
            } else if (value == upper) {
                cmp = Comparator.EQ;
                upper = null;
            }
        }
        if (cmp == Comparator.BETWEEN && e.form() == ValueExpression.Form.LIST && !ConceptMentions.isScore(c)) {
            return null;
        }
        UnitNormalizer.Normalized lo = UnitNormalizer.normalize(c, value, e.unit(), e.factor());
        if (lo == null) {
            return null;
        }
        Double hi = null;
        if (cmp == Comparator.BETWEEN) {
            UnitNormalizer.Normalized h = UnitNormalizer.normalize(c, upper, e.unit(), e.factor());
            if (h == null || h.value() < lo.value()) {
                return null;
            }
            hi = h.value();
        }
        return new Constraint(c, cmp, lo.value(), hi, lo.unit(), source.trim());
    }

    /**
     * A one-sided bound after a range, at an end of it, on the same concept and unit restates that range: "between 18
     * and 80 years of age (&gt;= 18 years and &lt; 80 years)" is the range alone. A bound before the range stays
     * ("creatinine &lt; 1.5 x ULN. If creatinine 1.0 - 1.5 x ULN, ...").
     */
    private static boolean restatesAnEarlierRange(Constraint c, List<Constraint> all) {
        if (c.value() == null || c.upperValue() != null || c.comparator() == Comparator.EQ || c.concept().isPresence()) {
            return false;
        }
        for (Constraint range : all.subList(0, all.indexOf(c))) {
            if (range.comparator() == Comparator.BETWEEN && range.concept() == c.concept() && range.unit().equals(c.unit())
                    && (isLower(c.comparator()) ? c.value().equals(range.value()) : c.value().equals(range.upperValue()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Only the first threshold per concept, comparator and unit counts ("50 kg for men; 45 kg for women" is WEIGHT GE 50):
     * later ones are subgroup or alternative thresholds. Then same concept and unit with GE a and LE b become
     * BETWEEN a..b, and duplicates (same key) are dropped.
     */
    static List<Constraint> mergeAndDedupe(List<Constraint> in) {
        List<Constraint> merged = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Constraint c : in) {
            boolean threshold = c.value() != null && !c.concept().isPresence();
            if (!threshold || seen.add(c.concept() + "|" + c.comparator() + "|" + c.unit())) {
                merged.add(c);
            }
        }
        for (int i = 0; i < merged.size(); i++) {
            Constraint a = merged.get(i);
            if (a.comparator() != Comparator.GE) {
                continue;
            }
            for (int j = 0; j < merged.size(); j++) {
                Constraint b = merged.get(j);
                if (j != i && b.comparator() == Comparator.LE && b.concept() == a.concept() && b.unit().equals(a.unit())
                        && b.value() >= a.value()) {
                    merged.set(i, new Constraint(a.concept(), Comparator.BETWEEN, a.value(), b.value(), a.unit(),
                            a.sourceText() + " ... " + b.sourceText()));
                    merged.remove(j);
                    break;
                }
            }
        }
        Map<String, Constraint> byKey = new LinkedHashMap<>();
        for (Constraint c : merged) {
            if (!restatesAnEarlierRange(c, merged)) {
                byKey.putIfAbsent(c.key(), c);
            }
        }
        return List.copyOf(byKey.values());
    }
}
