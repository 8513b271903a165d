package org.trialgraph.criteria;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where numeric concepts are named in normalised text ("absolute neutrophil count", "alt/ast", "lansky"). */
final class ConceptMentions {

    record Mention(int start, int end, List<Concept> concepts) {
    }

    private record Rule(Pattern pattern, List<Concept> concepts) {
    }

    private static final List<Rule> RULES = List.of(
            rule("glycated h(?:a)?emoglobin|glycosylated h(?:a)?emoglobin|h(?:a)?emoglobin a1c|glycoh(?:a)?emoglobin|\\bhb ?a1c\\b|\\ba1c\\b|\\bhba1c", Concept.HBA1C),
            rule("\\bh(?:a)?emoglobin\\b|\\bhgb\\b|\\bhb\\b", Concept.HEMOGLOBIN),
            rule("eastern cooperative oncology group(?: \\(ecog\\))?(?: performance status| performance score| ps)?|\\becog(?:[- ]performance status| ps| performance score| score| status| grade)?"
                    + "|\\bwho performance status|\\bzubrod(?: performance status)?|\\bwho ps\\b", Concept.ECOG),
            rule("\\bkarnofsky(?: performance status| performance scale| performance score| score| index)?|\\bkps\\b", Concept.KARNOFSKY),
            rule("\\blansky(?: play[- ]performance (?:status|scale|score)| performance status| performance scale| score)?|\\blps\\b", Concept.LANSKY),
            rule("(?:left ventricular |lv )?ejection fraction|\\blvef\\b", Concept.LVEF),
            rule("creatinine clearance|\\bcr ?cl\\b|\\bcl ?cr\\b|calculated clearance|\\bccr\\b", Concept.CREATININE_CLEARANCE),
            rule("(?:estimated )?glomerular filtration rate|\\begfr\\b|\\bgfr\\b", Concept.EGFR),
            rule("(?:serum |plasma |blood )?creatinine(?! clearance| kinase)|\\bscr\\b", Concept.CREATININE),
            rule("(?:total |serum |direct |conjugated |indirect )?bilirubin|\\bt\\.? ?bili\\b|\\btbil\\b|\\bbili\\b", Concept.BILIRUBIN),
            rule("\\balt\\s*(?:and|/|or|,|&)\\s*ast\\b|\\bast\\s*(?:and|/|or|,|&)\\s*alt\\b|\\bsgot\\s*(?:and|/|or|,)\\s*sgpt\\b|\\bsgpt\\s*(?:and|/|or|,)\\s*sgot\\b"
                    + "|transaminases|aminotransferases|\\bliver enzymes|aminotransferase levels|transaminase levels", Concept.ALT, Concept.AST),
            rule("alanine (?:amino)?transaminase|alanine aminotransferase|\\balt\\b|\\bsgpt\\b|\\bgpt\\b", Concept.ALT),
            rule("aspartate (?:amino)?transaminase|aspartate aminotransferase|\\bast\\b|\\bsgot\\b|\\bgot\\b", Concept.AST),
            rule("alkaline phosphatase|\\balp\\b|\\balk phos\\b", Concept.ALP),
            rule("absolute neutrophil(?:s)? count|\\banc\\b|(?:absolute )?neutrophils?(?: count| counts)?|(?:absolute )?granulocytes?(?: count)?|\\bagc\\b|polymorphonuclear (?:leukocytes|neutrophils|cells)", Concept.ANC),
            rule("absolute lymphocyte count|\\balc\\b|(?<!cd4\\+? |cd4 t |cd4\\+ t |cd8 )(?:absolute )?lymphocytes?(?: count)?", Concept.ALC),
            rule("white blood cells?(?: count)?|white blood count|white cell count|\\bwbc\\b|\\bwcc\\b|leu[ck]ocytes?(?: count)?|leu[ck]ocyte count", Concept.WBC),
            rule("platelets?(?: count| counts)?|\\bplt\\b|thrombocytes?(?: count)?", Concept.PLATELETS),
            rule("\\bpt\\s*/\\s*inr\\b", Concept.PT, Concept.INR),
            rule("international normali[sz]ed ratio|\\binr\\b", Concept.INR),
            rule("activated partial thromboplastin time|partial thromboplastin time|\\ba?ptt\\b", Concept.APTT),
            rule("prothrombin time|\\bpt\\b(?=\\s*(?:\\(|<|>|=|and|or|/|,|no|not|less|greater|within|of|\\d))", Concept.PT),
            rule("\\bqtc[fb]?\\b(?: interval)?|corrected qt(?: interval)?|qt interval corrected|\\bqt\\b(?: interval)?", Concept.QTC),
            rule("body mass index|\\bbmi\\b", Concept.BMI),
            rule("(?:body )?weight(?! loss| gain| bearing|-bearing| based|-based)|\\bweighs?\\b|\\bweighing\\b", Concept.WEIGHT),
            rule("minimal residual disease|measurable residual disease|\\bmrd\\b", Concept.MRD),
            rule("life expectancy|expected survival|expected to live|anticipated survival|estimated survival|survival expectancy|survival of", Concept.LIFE_EXPECTANCY),
            rule("gestational age|\\bga\\b", Concept.GESTATIONAL_AGE));

    private static final Set<Concept> SCORES = Set.of(Concept.ECOG, Concept.KARNOFSKY, Concept.LANSKY);
    static final List<Concept> GENERIC_PERFORMANCE_STATUS = List.of(Concept.ECOG, Concept.KARNOFSKY);
    private static final Pattern GENERIC_PS = Pattern.compile("\\bperformance status\\b|\\bperformance score\\b|\\bps\\b");

    private static Rule rule(String regex, Concept... concepts) {
        return new Rule(Pattern.compile(regex), List.of(concepts));
    }

    private ConceptMentions() {
    }

    static boolean isScore(Concept c) {
        return SCORES.contains(c);
    }

    /** Non-overlapping mentions in text order; at equal start the longer (or earlier rule) wins. */
    static List<Mention> find(String s) {
        List<Mention> all = new ArrayList<>();
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(s);
            while (m.find()) {
                all.add(new Mention(m.start(), m.end(), r.concepts()));
            }
        }
        all.sort(Comparator.comparingInt(Mention::start).thenComparing(Comparator.comparingInt(Mention::end).reversed()));
        List<Mention> kept = new ArrayList<>();
        int coveredTo = -1;
        for (Mention m : all) {
            if (m.start() >= coveredTo) {
                kept.add(m);
                coveredTo = m.end();
            }
        }
        return addGenericPerformanceStatus(s, kept);
    }

    /** "performance status 0-1" without a scale name: decided later by the value (ECOG up to 5, Karnofsky above). */
    private static List<Mention> addGenericPerformanceStatus(String s, List<Mention> kept) {
        Matcher m = GENERIC_PS.matcher(s);
        List<Mention> out = new ArrayList<>(kept);
        while (m.find()) {
            int start = m.start();
            boolean covered = kept.stream().anyMatch(k -> start >= k.start() && start < k.end() + 3 && k.concepts().stream().anyMatch(SCORES::contains));
            boolean nearScale = kept.stream().anyMatch(k -> Math.abs(k.start() - start) < 25 && k.concepts().stream().anyMatch(SCORES::contains));
            if (!covered && !nearScale) {
                out.add(new Mention(m.start(), m.end(), GENERIC_PERFORMANCE_STATUS));
            }
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }
}
