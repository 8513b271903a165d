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

    /** anchors: lower-case substrings of which one must occur before the pattern is tried (speed only). */
    private record Rule(String[] anchors, Pattern pattern, List<Concept> concepts) {
    }

    /** "diastolic dysfunction", "systolic murmur": the word alone names a pressure only when nothing else follows. */
    private static final String NOT_A_PRESSURE = "(?! (?:filling|dysfunction|function|murmur|heart failure|failure|ejection|volume|dimension|diameter))";

    private static final List<Rule> RULES = List.of(
            rule(new String[] {"glyc", "a1c"}, "glycated h(?:a)?emoglobin|glycosylated h(?:a)?emoglobin|h(?:a)?emoglobin a1c|glycoh(?:a)?emoglobin|\\bhb ?a1c\\b|\\ba1c\\b|\\bhba1c", Concept.HBA1C),
            rule(new String[] {"emoglobin", "hgb", "hb"}, "\\bh(?:a)?emoglobin\\b|\\bhgb\\b|\\bhb\\b", Concept.HEMOGLOBIN),
            rule(new String[] {"eastern", "ecog", "who p", "zubrod"}, "eastern cooperative oncology group(?: \\(ecog\\))?(?: performance status| performance score| ps)?|\\becog(?:[- ]performance status| ps| performance score| score| status| grade)?"
                    + "|\\bwho performance status|\\bzubrod(?: performance status)?|\\bwho ps\\b", Concept.ECOG),
            rule(new String[] {"karnofsky", "kps"}, "\\bkarnofsky(?: performance status| performance scale| performance score| score| index)?|\\bkps\\b", Concept.KARNOFSKY),
            rule(new String[] {"lansky", "lps"}, "\\blansky(?: play[- ]performance (?:status|scale|score)| performance status| performance scale| score)?|\\blps\\b", Concept.LANSKY),
            rule(new String[] {"ejection", "lvef"}, "(?:left ventricular |lv )?ejection fraction|\\blvef\\b", Concept.LVEF),
            rule(new String[] {"clearance", "cr", "cl", "cockcroft"}, "creatinine clearance|\\bcr ?cl\\b|\\bcl ?cr\\b|calculated clearance|\\bccr\\b|cockcroft(?:[- ]gault)?(?: formula| equation)?", Concept.CREATININE_CLEARANCE),
            rule(new String[] {"glomerular", "gfr"}, "(?:estimated )?glomerular filtration rate|\\begfr\\b|\\bgfr\\b", Concept.EGFR),
            rule(new String[] {"creatinine", "scr"}, "(?:serum |plasma |blood )?creatinine(?! clearance| kinase| ratio|-to-| to )|\\bscr\\b", Concept.CREATININE),
            rule(new String[] {"bili"}, "(?:total |serum |direct |conjugated |indirect )?bilirubin|\\bt\\.? ?bili\\b|\\btbil\\b|\\bbili\\b", Concept.BILIRUBIN),
            rule(new String[] {"alt", "ast", "sgot", "sgpt", "transaminase", "aminotransferase", "liver enzymes"}, "\\balt\\s*(?:and|/|or|,|&)\\s*ast\\b|\\bast\\s*(?:and|/|or|,|&)\\s*alt\\b|\\bsgot\\s*(?:and|/|or|,)\\s*sgpt\\b|\\bsgpt\\s*(?:and|/|or|,)\\s*sgot\\b"
                    + "|transaminases|aminotransferases|\\bliver enzymes|aminotransferase levels|transaminase levels", Concept.ALT, Concept.AST),
            rule(new String[] {"alanine", "alt", "gpt"}, "alanine (?:amino)?transaminase|alanine aminotransferase|\\balt\\b|\\bsgpt\\b|\\bgpt\\b", Concept.ALT),
            rule(new String[] {"aspartate", "ast", "got"}, "aspartate (?:amino)?transaminase|aspartate aminotransferase|\\bast\\b|\\bsgot\\b|\\bgot\\b", Concept.AST),
            rule(new String[] {"alkaline", "alp", "alk phos"}, "alkaline phosphatase|\\balp\\b|\\balk phos\\b", Concept.ALP),
            rule(new String[] {"neutrophil", "anc", "granulocyte", "agc", "polymorphonuclear"}, "absolute neutrophil(?:s)? count|\\banc\\b|(?:absolute )?neutrophils?(?: count| counts)?|(?:absolute )?granulocytes?(?: count)?|\\bagc\\b|polymorphonuclear (?:leukocytes|neutrophils|cells)", Concept.ANC),
            rule(new String[] {"lymphocyte", "alc"}, "absolute lymphocyte count|\\balc\\b|(?<!cd4\\+? |cd4 t |cd4\\+ t |cd8 )(?:absolute )?lymphocytes?(?: count)?", Concept.ALC),
            rule(new String[] {"white", "wbc", "wcc", "leu"}, "white blood cells?(?: count)?|white blood count|white cell count|\\bwbc\\b|\\bwcc\\b|leu[ck]ocytes?(?: count)?|leu[ck]ocyte count", Concept.WBC),
            rule(new String[] {"platelet", "plt", "thrombocyte"}, "platelets?(?: count| counts)?|\\bplt\\b|thrombocytes?(?: count)?", Concept.PLATELETS),
            rule(new String[] {"pt"}, "\\bpt\\s*/\\s*inr\\b", Concept.PT, Concept.INR),
            rule(new String[] {"normali", "inr"}, "international normali[sz]ed ratio|\\binr\\b", Concept.INR),
            rule(new String[] {"thromboplastin", "ptt"}, "activated partial thromboplastin time|partial thromboplastin time|\\ba?ptt\\b", Concept.APTT),
            rule(new String[] {"prothrombin", "pt"}, "prothrombin time|\\bpt\\b(?=\\s*(?:\\(|<|>|=|and|or|/|,|no|not|less|greater|within|of|\\d))", Concept.PT),
            rule(new String[] {"qt"}, "\\bqtc[fb]?\\b(?: interval)?|corrected qt(?: interval)?|qt interval corrected|\\bqt\\b(?: interval)?", Concept.QTC),
            rule(new String[] {"body mass", "bmi"}, "body mass index|\\bbmi\\b", Concept.BMI),
            rule(new String[] {"weigh"}, "(?:body )?weight(?! loss| gain| bearing|-bearing| based|-based)|\\bweighs?\\b|\\bweighing\\b", Concept.WEIGHT),
            rule(new String[] {"residual disease", "mrd"}, "minimal residual disease|measurable residual disease|\\bmrd\\b", Concept.MRD),
            rule(new String[] {"life expectancy", "survival", "expected to live"}, "life expectancy|expected survival|expected to live|anticipated survival|estimated survival|survival expectancy|survival of", Concept.LIFE_EXPECTANCY),
            rule(new String[] {"gestational", "ga"}, "gestational age|\\bga\\b", Concept.GESTATIONAL_AGE),
            rule(new String[] {"cd4", "cd 4", "helper"}, "\\bcd ?4\\+?(?:\\s*\\(\\+\\))?(?:[- ](?:positive\\s+)?(?:t[- ]?(?:helper\\s+)?(?:cells?|lymphocytes?)|t\\b|lymphocytes?|cells?)(?:\\s*\\(cd4\\+?\\))?)?(?:\\s+(?:cell\\s+)?counts?)?|\\bt[- ]helper (?:cell|lymphocyte) counts?", Concept.CD4),
            rule(new String[] {"psa", "prostate"}, "(?:serum\\s+)?(?:\\bpsa\\b|prostate[- ]specific antigen(?:\\s*\\(psa\\))?)(?!\\s*(?:\\(psa\\)\\s*)?(?:doubling|velocity|response|progression|nadir|kinetics|decline|density|recurrence|relapse|failure|persistence|rise|increase))", Concept.PSA),
            rule(new String[] {"systolic", "sbp"}, "systolic (?:blood )?(?:pressure|bp)(?:\\s*\\(sbp\\))?|blood pressure,? systolic|\\bsbp\\b|\\bsystolic\\b" + NOT_A_PRESSURE, Concept.SYSTOLIC_BP),
            rule(new String[] {"diastolic", "dbp"}, "diastolic (?:blood )?(?:pressure|bp)(?:\\s*\\(dbp\\))?|blood pressure,? diastolic|\\bdbp\\b|\\bdiastolic\\b" + NOT_A_PRESSURE, Concept.DIASTOLIC_BP));

    private static final Set<Concept> SCORES = Set.of(Concept.ECOG, Concept.KARNOFSKY, Concept.LANSKY);
    static final List<Concept> GENERIC_PERFORMANCE_STATUS = List.of(Concept.ECOG, Concept.KARNOFSKY);
    private static final Pattern GENERIC_PS = Pattern.compile("\\bperformance status\\b|\\bperformance score\\b|\\bps\\b");

    private static Rule rule(String[] anchors, String regex, Concept... concepts) {
        return new Rule(anchors, Pattern.compile(regex), List.of(concepts));
    }

    static boolean containsAny(String s, String[] anchors) {
        for (String a : anchors) {
            if (s.contains(a)) {
                return true;
            }
        }
        return false;
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
            if (!containsAny(s, r.anchors())) {
                continue;
            }
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
