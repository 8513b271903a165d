package org.trialgraph.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The New York Heart Association functional class (1 to 4, written I-IV or 1-4), read from the class expression
 * after the NYHA mention ("NYHA class III or IV", "NYHA &gt;= II") or, failing that, just before it ("Class III/IV
 * heart failure (New York Heart Association)"). Stated as written: "class III or IV" and "class III or higher" are
 * GE 3, "class I-II" and "class II or lower" are LE 2, "class III" alone is EQ 3. "Heart failure class II-IV" names
 * no scale but can only mean NYHA. Only the first mention that has a class counts.
 */
final class NyhaRule {

    private static final Pattern MENTION = Pattern.compile("\\bnyha\\b|new york heart association|heart failure(?=\\s*\\(?\\s*(?:functional\\s+)?(?:class|grade)\\b)");
    private static final String OP = "(>=|<=|=>|=<|>|<|greater than or equal to|less than or equal to|greater than|more than|less than|at least|at most|above|below|over)";
    private static final String NUM = "\\b(iv|iii|ii|i|[1-4])\\b(?:\\s*\\([a-z ]{1,20}\\))?";
    private static final String CLASS_WORD = "(?:functional\\s+)?(?:class(?:es|ification)?|grade|stage|category)\\.?";
    private static final Pattern CLASS = Pattern.compile(
            "(?:" + OP + "\\s*)?(" + CLASS_WORD + "\\s*(?:of\\s+|:\\s*)?)?(?:" + OP + "\\s*)?(?:" + CLASS_WORD + "\\s*)?" + NUM
                    + "(?:\\s*(?:,|/|-|to|through|or|and|and/or)\\s*(?:" + CLASS_WORD + "\\s*)?" + NUM + ")?"
                    + "(?:\\s*(?:,|/|-|or|and|and/or)\\s*(?:" + CLASS_WORD + "\\s*)?" + NUM + ")?"
                    + "(\\s+(?:or|and)\\s+(?:greater|higher|above|more|worse|over|lower|less|below|better|under)\\b)?");
    private static final Pattern WORSE_AFTER = Pattern.compile(".*\\b(?:greater|higher|above|more|worse|over)\\b.*");
    private static final Pattern AFTER_FILLER = Pattern.compile("^[\\s:,()-]*(?:nyha\\)?\\s*)?(?:defined\\s+|heart failure\\s+|cardiac disease\\s+)?");
    private static final int AFTER = 50;
    private static final int BEFORE = 70;

    void extract(String s, List<Constraint> out) {
        if (!s.contains("nyha") && !s.contains("new york heart") && !s.contains("heart failure")) {
            return;
        }
        Matcher m = MENTION.matcher(s);
        while (m.find()) {
            Constraint c = after(s, m.end());
            if (c == null) {
                c = before(s, m.start());
            }
            if (c != null) {
                out.add(c);
                return;
            }
        }
    }

    /** A class expression after the mention: at its start, or anywhere within the clause when it names a class. */
    private static Constraint after(String s, int from) {
        int to = ConstraintExtractor.clauseEnd(s, from, Math.min(s.length(), from + AFTER));
        Matcher filler = AFTER_FILLER.matcher(s.substring(from, to));
        int start = from + (filler.find() ? filler.end() : 0);
        Matcher c = CLASS.matcher(s).region(start, to);
        if (c.lookingAt()) {
            return toConstraint(c, s);
        }
        c = CLASS.matcher(s).region(from, to);
        while (c.find()) {
            if (c.group(2) != null) {
                return toConstraint(c, s);
            }
        }
        return null;
    }

    /** The last class expression (with a class word) in the clause before the mention. */
    private static Constraint before(String s, int mentionStart) {
        int from = Math.max(0, mentionStart - BEFORE);
        String window = s.substring(from, mentionStart);
        int cut = Math.max(window.lastIndexOf(';'), window.replace("class. ", "class  ").lastIndexOf(". "));
        if (cut >= 0) {
            from += cut + 1;
        }
        if (s.substring(from, mentionStart).contains("ctcae")) {
            return null;
        }
        Matcher c = CLASS.matcher(s).region(from, mentionStart);
        Constraint last = null;
        while (c.find()) {
            if (c.group(2) != null) {
                last = toConstraint(c, s);
            }
        }
        return last;
    }

    private static Constraint toConstraint(Matcher c, String s) {
        String op = c.group(1) != null ? c.group(1) : c.group(3);
        List<Integer> values = new ArrayList<>();
        for (int g : new int[] {4, 5, 6}) {
            if (c.group(g) != null) {
                values.add(classNumber(c.group(g)));
            }
        }
        int lo = values.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int hi = values.stream().mapToInt(Integer::intValue).max().orElseThrow();
        String suffix = c.group(7);
        Comparator cmp;
        double value;
        Double upper = null;
        if (suffix != null) {
            boolean up = WORSE_AFTER.matcher(suffix).matches();
            cmp = up ? Comparator.GE : Comparator.LE;
            value = up ? lo : hi;
        } else if (op != null && values.size() == 1) {
            cmp = ExpressionParser.comparatorOf(op);
            value = lo;
        } else if (lo == hi) {
            cmp = Comparator.EQ;
            value = lo;
        } else if (hi == 4) {
            cmp = Comparator.GE;
            value = lo;
        } else if (lo == 1) {
            cmp = Comparator.LE;
            value = hi;
        } else {
            cmp = Comparator.BETWEEN;
            value = lo;
            upper = (double) hi;
        }
        return new Constraint(Concept.NYHA, cmp, value, upper, "", s.substring(c.start(), c.end()).trim());
    }

    private static int classNumber(String n) {
        return switch (n) {
            case "i", "1" -> 1;
            case "ii", "2" -> 2;
            case "iii", "3" -> 3;
            default -> 4;
        };
    }
}
