package org.trialgraph.criteria;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blood pressure written as one reading, "blood pressure &gt;= 140/90 mmHg": a systolic and a diastolic bound with
 * the same comparator. Systolic and diastolic named on their own are ordinary numeric mentions.
 * Each reading is read, so a low and a high reading in one criterion give both sides. A reading may also follow
 * "hypertension"/"hypotension" directly ("uncontrolled hypertension (&gt;= 160/95 mmHg)"): the condition is named by
 * its defining reading.
 */
final class BloodPressureRule {

    private static final Pattern MENTION = Pattern.compile("\\bblood pressure\\b|\\bbp\\b|\\bhyper(?:-|\\s)?tension\\b|\\bhypo(?:-|\\s)?tension\\b");
    private static final Pattern SECOND = Pattern.compile("\\s*/\\s*(\\d{2,3})(?![\\d.])(?!\\s*/)\\s*(?:mm\\s*hg\\b)?");
    private static final int WINDOW = 40;

    void extract(String s, List<Constraint> out) {
        if (!s.contains("/") || !(s.contains("blood pressure") || s.contains("bp") || s.contains("tension"))) {
            return;
        }
        Matcher m = MENTION.matcher(s);
        while (m.find()) {
            int end = ConstraintExtractor.clauseEnd(s, m.end(), Math.min(s.length(), m.end() + WINDOW));
            ValueExpression e = ExpressionParser.first(s, m.end(), end, false);
            if (e == null || e.form() != ValueExpression.Form.OPERATOR || e.unit() != null) {
                continue;
            }
            Matcher second = SECOND.matcher(s).region(e.end(), s.length());
            if (!second.lookingAt()) {
                continue;
            }
            String source = s.substring(m.start(), second.end()).trim();
            Constraint systolic = ConstraintExtractor.toConstraint(Concept.SYSTOLIC_BP, e, source);
            ValueExpression d = new ValueExpression(e.form(), e.comparator(), Double.parseDouble(second.group(1)), null,
                    null, 1, second.start(1), second.end());
            Constraint diastolic = ConstraintExtractor.toConstraint(Concept.DIASTOLIC_BP, d, source);
            if (systolic != null && diastolic != null) {
                // every reading counts: "BP < 90/50 mm Hg or BP > 170/110 mm Hg" gives both sides; a later one with
                // the same direction is dropped as an alternative threshold when constraints are merged
                out.add(systolic);
                out.add(diastolic);
            }
        }
    }
}
