package org.trialgraph.criteria;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEX EQ with value null and unit "FEMALE" or "MALE", only when the criterion restricts participants to one sex
 * ("Female participants aged ...", "Postmenopausal women", "Sex: male", "Must be male"). "Male or female",
 * "women of childbearing potential must ..." and "pregnant women" give no SEX constraint.
 */
final class SexRule {

    private static final Pattern LEADING = Pattern.compile(
            "^(?:(?:healthy|adult|postmenopausal|post-menopausal|premenopausal|pre-menopausal|perimenopausal|ambulatory|biological|cisgender|caucasian|asian|chinese|japanese|korean)\\s+)*"
                    + "(female|females|women|woman|girls|male|males|men|man|boys)\\b(?!\\s+(?:or|and|and/or|/)\\s)(?!\\s*/)"
                    + "(?=\\s*(?:$|[,;.(:\\d<>]|(?:participants?|patients?|subjects?|volunteers?|adults?|individuals?|persons?|aged?|ages|between|only|with|who|of|over|under|older|younger|at least|from|sex|gender|children|adolescents|infants|healthy|smokers|diagnosed|undergoing|scheduled|presenting|having|in|and|\\()\\b|\\S+\\s+(?:participants?|patients?|subjects?|volunteers?)\\b))");
    private static final Pattern EXPLICIT = Pattern.compile("\\b(?:sex|gender)\\s*[:=]?\\s*(?:is\\s+|must be\\s+)?(female|male|women|men)\\b(?!\\s+(?:or|and)\\s)|\\bmust be (?:a\\s+)?(female|male|woman|man)\\b(?!\\s+(?:or|and)\\s)|\\bonly (female|male|women|men)\\b");
    private static final Pattern NOT_A_RESTRICTION = Pattern.compile(
            "^\\S+\\s+(?:\\S+\\s+)?(?:of\\s+(?:child|reproductive|non-?child)|who\\b|with\\s+(?:\\w+\\s+){0,2}(?:child|reproductive|partners?)|capable|able\\s+to|partners?|must\\b|should\\b|will\\b|agrees?\\b|need\\b|using\\b|use\\b|(?:and|or)\\s+(?:men|women|males?|females?)\\b|(?:participants?|patients?|subjects?)\\s+(?:of\\s+child|who|with\\s+partners?|must|should|will|agree))");

    void extract(String s, List<Constraint> out) {
        Matcher lead = LEADING.matcher(s);
        String sex = null;
        String source = null;
        if (lead.find() && !NOT_A_RESTRICTION.matcher(s.substring(lead.start(1))).find()) {
            sex = lead.group(1);
            source = lead.group();
        } else {
            Matcher explicit = EXPLICIT.matcher(s);
            if (explicit.find()) {
                sex = explicit.group(1) != null ? explicit.group(1) : explicit.group(2) != null ? explicit.group(2) : explicit.group(3);
                source = explicit.group();
            }
        }
        if (sex == null) {
            return;
        }
        String unit = sex.startsWith("f") || sex.startsWith("wom") || sex.startsWith("girl") ? "FEMALE" : "MALE";
        out.add(new Constraint(Concept.SEX, Comparator.EQ, null, null, unit, source));
    }
}
