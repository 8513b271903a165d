package org.trialgraph.criteria;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Units as written after a number, before they are normalised for a concept. */
enum RawUnit {
    /** Cell count given with an explicit power of ten: the expression's factor converts it to 10^9/L. */
    COUNT_SCALED,
    PER_UL, K_PER_UL, GIGA_OR_G_PER_L, ULN, G_DL, MG_DL, UMOL_L, MMOL_L, MMOL_MOL, ML_MIN, PERCENT,
    YEARS, MONTHS, WEEKS, DAYS, KG_M2, KG, LB, MS, SECONDS, U_L, FRACTION, NG_ML, MMHG;

    record Match(RawUnit unit, double factor, int end) {
    }

    /** startsWith: which ASCII characters can begin a match (see {@link FirstChars}); others are tried. */
    private record Rule(Pattern pattern, RawUnit unit, boolean[] startsWith) {
    }

    private static final String VOL = "(?:l|ul|mcl|mm\\^?3|mm\\(3\\)|cu\\.? ?mm|cmm|ml)\\b";
    private static final List<Rule> RULES = List.of(
            rule("x*\\s1", "(?:x|\\*)?\\s*10\\s*(?:\\^|e|\\*\\*)?\\s*\\(?\\s*(\\d{1,2})\\s*\\)?\\s*(?:cells\\s*|/?\\s*)?/\\s*(" + VOL + ")", COUNT_SCALED),
            rule("tx\\siulns", "(?:times|x)?\\s*(?:the\\s+)?(?:institutional\\s+|laboratory\\s+|local\\s+|site\\s+|normal\\s+)?"
                    + "(?:upper\\s+limits?\\s+(?:of\\s+)?(?:the\\s+)?(?:normal|nl)(?:\\s+range)?|upper\\s+normal\\s+limits?|normal\\s+upper\\s+limits?|uln\\b)", ULN),
            rule("tx", "(?:times|x)\\s*(?:the\\s+)?(?:upper\\s+)?normal\\b(?:\\s+limits?|\\s+values?)?", ULN),
            rule("ktx", "(?:k|thousand|x\\s*1000|x\\s*103)\\s*/\\s*(?:ul|mcl|mm\\^?3|mm3|cu\\.? ?mm)\\b", K_PER_UL),
            rule("cnp\\s/", "(?:cells?|neutrophils|platelets)?\\s*/\\s*(?:ul|mcl|mm\\^?3|mm\\(3\\)|mm3|cu\\.? ?mm|cmm|microlit(?:re|er))\\b", PER_UL),
            rule("num", "(?:ng|nanograms?)\\s*/\\s*ml\\b|(?:ug|mcg)\\s*/\\s*l\\b", NG_ML),
            rule("m", "mm\\s*hg\\b(?:\\.?\\s*art\\b\\.?)?|millimet(?:er|re)s? of mercury", MMHG),
            rule("g", "(?:gm?|gr|grams?)\\s*/\\s*dl\\b|g\\s+per\\s+deciliter", G_DL),
            rule("m", "mg\\s*/\\s*dl\\b|mg\\s*%", MG_DL),
            rule("um", "(?:umol|micromol|mcmol|umo)\\s*/\\s*l\\b", UMOL_L),
            rule("m", "mmol\\s*/\\s*mol\\b", MMOL_MOL),
            rule("m", "mmol\\s*/\\s*l\\b", MMOL_L),
            rule("g", "(?:gm?|gr|giga)\\s*/\\s*l\\b|g\\s+per\\s+liter", GIGA_OR_G_PER_L),
            rule("mc", "(?:ml|cc)\\s*/\\s*min(?:ute)?\\b(?:\\s*/\\s*1[.,]73\\s*m\\^?2|\\s+per\\s+1[.,]73\\s*m\\^?2)?|ml/mn\\b", ML_MIN),
            rule("%p", "%|percent\\b|per\\s+cent\\b", PERCENT),
            rule("y", "(?:years?|yrs?|y\\.?o\\.?|y)\\b", YEARS),
            rule("m", "(?:months?|mos?|mths?)\\b", MONTHS),
            rule("cw", "(?:completed\\s+)?(?:weeks?|wks?)\\b", WEEKS),
            rule("d", "days?\\b", DAYS),
            rule("k", "kg\\s*/\\s*m\\^?2|kg\\s*/\\s*m\\b|kg\\s*/\\s*sq\\.?\\s*m|kilograms?\\s+per\\s+(?:square\\s+met(?:er|re)|met(?:er|re)\\s+squared?)", KG_M2),
            rule("k", "(?:kg|kgs|kilograms?)\\b", KG),
            rule("lp", "(?:lbs?|pounds?)\\b", LB),
            rule("m", "(?:ms|msec|milliseconds?)\\b", MS),
            rule("s", "(?:seconds?|secs?|s)\\b", SECONDS),
            rule("iu", "i?u\\s*/\\s*l\\b", U_L));

    private static Rule rule(String firstChars, String regex, RawUnit unit) {
        return new Rule(Pattern.compile(regex), unit, FirstChars.asciiTable(firstChars, regex));
    }

    /** The unit starting at {@code from} (after optional spaces), or null. */
    static Match at(String s, int from, int limit) {
        int i = from;
        while (i < limit && s.charAt(i) == ' ') {
            i++;
        }
        if (i >= limit) {
            return null;
        }
        char first = s.charAt(i);
        for (Rule r : RULES) {
            if (first < 128 && !r.startsWith()[first]) {
                continue; // cannot match here: spares a matcher per rule
            }
            Matcher m = r.pattern().matcher(s).region(i, limit);
            if (m.lookingAt() && m.end() > i) {
                double factor = 1;
                if (r.unit() == COUNT_SCALED) {
                    factor = countFactor(Integer.parseInt(m.group(1)), m.group(2));
                }
                return new Match(r.unit(), factor, m.end());
            }
        }
        return null;
    }

    /** Multiplier from value x 10^exp per volume to 10^9/L. */
    private static double countFactor(int exp, String volume) {
        double perLiter = volume.startsWith("l") ? 1 : volume.startsWith("ml") ? 1e3 : 1e6;
        return Math.pow(10, exp) * perLiter / 1e9;
    }
}
