package org.trialgraph.criteria;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Where numeric concepts are named in normalised text ("absolute neutrophil count", "alt/ast", "lansky"). */
final class ConceptMentions {

    record Mention(int start, int end, List<Concept> concepts) {
    }

    /**
     * anchors: lower-case substrings of which one must occur before the pattern is tried (speed only); each
     * alternative of the pattern contains one. An anchor written "\\bxy" must start a word (the pattern has a word boundary there).
     */
    private record Rule(Anchors anchors, Anchors alsoOneOf, FirstChars.Search pattern, List<Concept> concepts) {
    }

    /**
     * Where a rule's matches can begin: chars, every first character (see {@link FirstChars}), and pairs, every pair
     * of ASCII characters (both tested by {@code FirstCharsTest}). The pairs spare trying the pattern at most of the
     * common first letters ("a", "c", "p"), which the text holds at thousands of positions.
     */
    private record Starts(String chars, String... pairs) {
    }

    private static Starts starts(String chars, String... pairs) {
        return new Starts(chars, pairs);
    }

    /**
     * Anchor strings as {@link #containsAny} reads them, parsed once: words[i] must occur, where atWordStart[i] at
     * the start of a word (written "\\bxy").
     */
    record Anchors(String[] words, boolean[] atWordStart) {

        boolean isEmpty() {
            return words.length == 0;
        }
    }

    static Anchors anchors(String... specs) {
        String[] words = new String[specs.length];
        boolean[] atWordStart = new boolean[specs.length];
        for (int i = 0; i < specs.length; i++) {
            atWordStart[i] = specs[i].startsWith("\\b");
            words[i] = atWordStart[i] ? specs[i].substring(2) : specs[i];
        }
        return new Anchors(words, atWordStart);
    }

    /** "diastolic dysfunction", "systolic murmur": the word alone names a pressure only when nothing else follows. */
    private static final String NOT_A_PRESSURE = "(?! (?:filling|dysfunction|function|murmur|heart failure|failure|ejection|volume|dimension|diameter))";

    private static final List<Rule> RULES = List.of(
            rule(starts("agh", "a1", "gl", "ha", "hb", "he", "hg"), new String[] {"glyc", "a1c"}, "glycated h(?:a)?emoglobin|glycosylated h(?:a)?emoglobin|h(?:a)?emoglobin a1c|glycoh(?:a)?emoglobin|\\bhb ?a1c\\b|\\ba1c\\b|\\bhba1c|\\bhgb? ?a1c\\b", Concept.HBA1C),
            rule(starts("h", "ha", "hb", "he", "hg"), new String[] {"emoglobin", "\\bhgb", "\\bhb"}, "\\bh(?:a)?emoglobin\\b|\\bhgb\\b|\\bhb\\b", Concept.HEMOGLOBIN),
            rule(starts("ewz", "ea", "ec", "wh", "zu"), new String[] {"eastern", "ecog", "who p", "zubrod"}, "eastern cooperative oncology group(?: \\(ecog\\))?(?: performance status| performance score| ps)?|\\becog(?:[- ]performance status| ps| performance score| score| status| grade)?"
                    + "|\\bwho performance status|\\bzubrod(?: performance status)?|\\bwho ps\\b", Concept.ECOG),
            rule(starts("k", "ka", "kp"), new String[] {"karnofsky", "\\bkps"}, "\\bkarnofsky(?: performance status| performance scale| performance score| score| index)?|\\bkps\\b", Concept.KARNOFSKY),
            rule(starts("l", "la", "lp"), new String[] {"lansky", "\\blps"}, "\\blansky(?: play[- ]performance (?:status|scale|score)| performance status| performance scale| score)?|\\blps\\b", Concept.LANSKY),
            rule(starts("el", "ej", "le", "lv"), new String[] {"ejection fraction", "\\blvef"}, "(?:left ventricular |lv )?ejection fraction|\\blvef\\b", Concept.LVEF),
            rule(starts("c", "ca", "cc", "cl", "co", "cr"), new String[] {"clearance", "\\bcrcl", "\\bcr cl", "\\bclcr", "\\bcl cr", "\\bccr", "cockcroft"}, "creatinine clearance|\\bcr ?cl\\b|\\bcl ?cr\\b|calculated clearance|\\bccr\\b|cockcroft(?:[- ]gault)?(?: formula| equation)?", Concept.CREATININE_CLEARANCE),
            rule(starts("eg", "eg", "es", "gf", "gl"), new String[] {"glomerular", "gfr"}, "(?:estimated )?glomerular filtration rate|\\begfr\\b|\\bgfr\\b", Concept.EGFR),
            rule(starts("bcps", "bl", "cr", "pl", "sc", "se"), new String[] {"creatinine", "\\bscr"}, "(?:serum |plasma |blood )?creatinine(?! clearance| kinase| ratio|-to-| to )|\\bscr\\b", Concept.CREATININE),
            // "bili" as well: the engine has always skipped this rule without it, so "TBIL <= 1.5 x ULN" alone gives
            // nothing; reading it would change stored output (a new VERSION), not just speed.
            rule(starts("bcdist", "bi", "co", "di", "in", "se", "t ", "t.", "tb", "to"), new String[] {"bilirubin", "\\btbil", "\\bbili", "\\bt bili", "\\bt.bili", "\\bt. bili"}, new String[] {"bili"}, "(?:total |serum |direct |conjugated |indirect )?bilirubin|\\bt\\.? ?bili\\b|\\btbil\\b|\\bbili\\b", Concept.BILIRUBIN),
            rule(starts("alst", "al", "am", "as", "li", "sg", "tr"), new String[] {"\\balt", "\\bast", "\\bsgot", "\\bsgpt", "transaminase", "aminotransferase", "liver enzymes"}, "\\balt\\s*(?:and|/|or|,|&)\\s*ast\\b|\\bast\\s*(?:and|/|or|,|&)\\s*alt\\b|\\bsgot\\s*(?:and|/|or|,)\\s*sgpt\\b|\\bsgpt\\s*(?:and|/|or|,)\\s*sgot\\b"
                    + "|transaminases|aminotransferases|\\bliver enzymes|aminotransferase levels|transaminase levels", Concept.ALT, Concept.AST),
            rule(starts("ags", "al", "gp", "sg"), new String[] {"alanine", "\\balt", "\\bsgpt", "\\bgpt"}, "alanine (?:amino)?transaminase|alanine aminotransferase|\\balt\\b|\\bsgpt\\b|\\bgpt\\b", Concept.ALT),
            rule(starts("ags", "as", "go", "sg"), new String[] {"aspartate", "\\bast", "\\bsgot", "\\bgot"}, "aspartate (?:amino)?transaminase|aspartate aminotransferase|\\bast\\b|\\bsgot\\b|\\bgot\\b", Concept.AST),
            rule(starts("a", "al"), new String[] {"alkaline", "\\balp", "\\balk phos"}, "alkaline phosphatase|\\balp\\b|\\balk phos\\b", Concept.ALP),
            rule(starts("agnp", "ab", "ag", "an", "gr", "ne", "po"), new String[] {"neutrophil", "\\banc", "granulocyte", "\\bagc", "polymorphonuclear"}, "absolute neutrophil(?:s)? count|\\banc\\b|(?:absolute )?neutrophils?(?: count| counts)?|(?:absolute )?granulocytes?(?: count)?|\\bagc\\b|polymorphonuclear (?:leukocytes|neutrophils|cells)", Concept.ANC),
            rule(starts("al", "ab", "al", "ly"), new String[] {"lymphocyte", "\\balc"}, "absolute lymphocyte count|\\balc\\b|(?<!cd4\\+? |cd4 t |cd4\\+ t |cd8 )(?:absolute )?lymphocytes?(?: count)?", Concept.ALC),
            rule(starts("lw", "le", "wb", "wc", "wh"), new String[] {"white", "\\bwbc", "\\bwcc", "leukocyte", "leucocyte"}, "white blood cells?(?: count)?|white blood count|white cell count|\\bwbc\\b|\\bwcc\\b|leu[ck]ocytes?(?: count)?|leu[ck]ocyte count", Concept.WBC),
            rule(starts("pt", "pl", "th"), new String[] {"platelet", "\\bplt", "thrombocyte"}, "platelets?(?: count| counts)?|\\bplt\\b|thrombocytes?(?: count)?", Concept.PLATELETS),
            rule(starts("p", "pt"), new String[] {"\\bpt"}, "\\bpt\\s*/\\s*inr\\b", Concept.PT, Concept.INR),
            rule(starts("i", "in"), new String[] {"international normali", "\\binr"}, "international normali[sz]ed ratio|\\binr\\b", Concept.INR),
            rule(starts("ap", "ac", "ap", "pa", "pt"), new String[] {"thromboplastin", "\\bptt", "\\baptt"}, "activated partial thromboplastin time|partial thromboplastin time|\\ba?ptt\\b", Concept.APTT),
            rule(starts("p", "pr", "pt"), new String[] {"prothrombin", "\\bpt"}, "prothrombin time|\\bpt\\b(?=\\s*(?:\\(|<|>|=|and|or|/|,|no|not|less|greater|within|of|\\d))", Concept.PT),
            rule(starts("cq", "co", "qt"), new String[] {"\\bqt", "corrected qt", "qt interval corrected"}, "\\bqtc[fb]?\\b(?: interval)?|corrected qt(?: interval)?|qt interval corrected|\\bqt\\b(?: interval)?", Concept.QTC),
            rule(starts("b", "bm", "bo"), new String[] {"body mass", "\\bbmi"}, "body mass index|\\bbmi\\b", Concept.BMI),
            rule(starts("bw", "bo", "we"), new String[] {"weigh"}, "(?:body )?weight(?! loss| gain| bearing|-bearing| based|-based)|\\bweighs?\\b|\\bweighing\\b", Concept.WEIGHT),
            rule(starts("m", "me", "mi", "mr"), new String[] {"residual disease", "\\bmrd"}, "minimal residual disease|measurable residual disease|\\bmrd\\b", Concept.MRD),
            rule(starts("aels", "an", "es", "ex", "li", "su"), new String[] {"life expectancy", "survival", "expected to live"}, "life expectancy|expected survival|expected to live|anticipated survival|estimated survival|survival expectancy|survival of", Concept.LIFE_EXPECTANCY),
            rule(starts("g", "ga", "ge"), new String[] {"gestational age", "\\bga"}, "gestational age|\\bga\\b", Concept.GESTATIONAL_AGE),
            rule(starts("ct", "cd", "t ", "t-"), new String[] {"\\bcd4", "\\bcd 4", "helper"}, "\\bcd ?4\\+?(?:\\s*\\(\\+\\))?(?:[- ](?:positive\\s+)?(?:t[- ]?(?:helper\\s+)?(?:cells?|lymphocytes?)|t\\b|lymphocytes?|cells?)(?:\\s*\\(cd4\\+?\\))?)?(?:\\s+(?:cell\\s+)?counts?)?|\\bt[- ]helper (?:cell|lymphocyte) counts?", Concept.CD4),
            rule(starts("ps", "pr", "ps", "se"), new String[] {"\\bpsa", "prostate"}, "(?:serum\\s+)?(?:\\bpsa\\b|prostate[- ]specific antigen(?:\\s*\\(psa\\))?)(?!\\s*(?:\\(psa\\)\\s*)?(?:doubling|velocity|response|progression|nadir|kinetics|decline|density|recurrence|relapse|failure|persistence|rise|increase))", Concept.PSA),
            rule(starts("bs", "bl", "sb", "sy"), new String[] {"systolic", "\\bsbp"}, "systolic (?:blood )?(?:pressure|bp)(?:\\s*\\(sbp\\))?|blood pressure,? systolic|\\bsbp\\b|\\bsystolic\\b" + NOT_A_PRESSURE, Concept.SYSTOLIC_BP),
            rule(starts("bd", "bl", "db", "di"), new String[] {"diastolic", "\\bdbp"}, "diastolic (?:blood )?(?:pressure|bp)(?:\\s*\\(dbp\\))?|blood pressure,? diastolic|\\bdbp\\b|\\bdiastolic\\b" + NOT_A_PRESSURE, Concept.DIASTOLIC_BP));

    private static final Set<Concept> SCORES = Set.of(Concept.ECOG, Concept.KARNOFSKY, Concept.LANSKY);
    static final List<Concept> GENERIC_PERFORMANCE_STATUS = List.of(Concept.ECOG, Concept.KARNOFSKY);
    private static final Anchors GENERIC_PS_ANCHORS = anchors("performance s", "\\bps");
    private static final FirstChars.Search GENERIC_PS = FirstChars.search("p", new String[] {"pe", "ps"}, "\\bperformance status\\b|\\bperformance score\\b|\\bps\\b");

    private static Rule rule(Starts starts, String[] anchors, String regex, Concept... concepts) {
        return rule(starts, anchors, new String[0], regex, concepts);
    }

    private static Rule rule(Starts starts, String[] anchors, String[] alsoOneOf, String regex, Concept... concepts) {
        return new Rule(anchors(anchors), anchors(alsoOneOf), FirstChars.search(starts.chars(), starts.pairs(), regex),
                List.of(concepts));
    }

    /**
     * Whether s contains one of the anchors; an anchor "\\bxy" counts only where xy starts a word, as a word boundary
     * before xy requires. The word-start anchors that {@code starts} rules out are not searched for (null: all are).
     */
    static boolean containsAny(String s, Anchors anchors, WordStarts starts) {
        String[] words = anchors.words();
        for (int i = 0; i < words.length; i++) {
            boolean found = anchors.atWordStart()[i]
                    ? (starts == null || starts.mayStart(words[i]) && starts.mayContain(words[i])) && containsAtWordStart(s, words[i])
                    : (starts == null || starts.mayContain(words[i])) && s.contains(words[i]);
            if (found) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first two and three characters of every word in a text, as hashed sets (a set bit may be a collision, a
     * clear one is certain), so that most word-start anchors are ruled out without searching the text: short anchors
     * ("\\bast", "\\bmen", "\\bone") occur inside many words ("least", "treatment", "none"), and checking each
     * occurrence cost ~5 % of staging at 580k. Made once per criterion and shared by the rules. Also every pair of
     * adjacent characters, so that an anchor with a pair the text lacks is ruled out without a search of the text
     * (about 40 anchors per criterion, most of them absent).
     */
    static final class WordStarts {

        private static final boolean[] ASCII_WORD = new boolean[128];

        static {
            for (char c = 0; c < 128; c++) {
                ASCII_WORD[c] = c == '_' || Character.isLetterOrDigit(c);
            }
        }

        private final long[] pairs = new long[64];
        private final long[] triples = new long[128];
        private final long[] anyPairs = new long[64];

        WordStarts(String s) {
            int n = s.length();
            boolean afterWordChar = false;
            for (int p = 0; p + 1 < n; p++) {
                char c = s.charAt(p);
                int h = pairHash(c, s.charAt(p + 1));
                anyPairs[h >>> 6] |= 1L << h;
                if (!afterWordChar) {
                    pairs[h >>> 6] |= 1L << h;
                    if (p + 2 < n) {
                        int t = tripleHash(h, s.charAt(p + 2));
                        triples[t >>> 6] |= 1L << t;
                    }
                }
                afterWordChar = isWordChar(c);
            }
        }

        /** False only if no word of the text starts with w's first three (or two) characters. */
        boolean mayStart(String w) {
            if (w.length() < 2) {
                return true;
            }
            int h = pairHash(w.charAt(0), w.charAt(1));
            if (w.length() == 2) {
                return (pairs[h >>> 6] & 1L << h) != 0;
            }
            int t = tripleHash(h, w.charAt(2));
            return (triples[t >>> 6] & 1L << t) != 0;
        }

        /** False only if some pair of adjacent characters of w occurs nowhere in the text. */
        boolean mayContain(String w) {
            for (int i = 0; i + 1 < w.length(); i++) {
                int h = pairHash(w.charAt(i), w.charAt(i + 1));
                if ((anyPairs[h >>> 6] & 1L << h) == 0) {
                    return false;
                }
            }
            return true;
        }

        private static int pairHash(char a, char b) {
            return (a * 31 + b) & 4095;
        }

        private static int tripleHash(int pairHash, char c) {
            return (pairHash * 31 + c) & 8191;
        }

        private static boolean isWordChar(char c) {
            return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
        }
    }

    /** w occurs in s where no word character (letter, digit, '_') precedes it. */
    private static boolean containsAtWordStart(String s, String w) {
        for (int i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) {
            if (i == 0 || !isWordChar(s.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private ConceptMentions() {
    }

    static boolean isScore(Concept c) {
        return SCORES.contains(c);
    }

    /** Non-overlapping mentions in text order; at equal start the longer (or earlier rule) wins. */
    static List<Mention> find(String s, WordStarts starts) {
        List<Mention> all = new ArrayList<>();
        for (Rule r : RULES) {
            if (!containsAny(s, r.anchors(), starts) || !r.alsoOneOf().isEmpty() && !containsAny(s, r.alsoOneOf(), starts)) {
                continue;
            }
            r.pattern().forEachMatch(s, (start, end) -> all.add(new Mention(start, end, r.concepts())));
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
        return addGenericPerformanceStatus(s, kept, starts);
    }

    /** "performance status 0-1" without a scale name: decided later by the value (ECOG up to 5, Karnofsky above). */
    private static List<Mention> addGenericPerformanceStatus(String s, List<Mention> kept, WordStarts starts) {
        if (!containsAny(s, GENERIC_PS_ANCHORS, starts)) {
            return kept;
        }
        List<Mention> out = new ArrayList<>(kept);
        GENERIC_PS.forEachMatch(s, (start, end) -> {
            boolean covered = kept.stream().anyMatch(k -> start >= k.start() && start < k.end() + 3 && k.concepts().stream().anyMatch(SCORES::contains));
            boolean nearScale = kept.stream().anyMatch(k -> Math.abs(k.start() - start) < 25 && k.concepts().stream().anyMatch(SCORES::contains));
            if (!covered && !nearScale) {
                out.add(new Mention(start, end, GENERIC_PERFORMANCE_STATUS));
            } else if (!covered) {
                // "performance status 0-1 (ECOG PS)": the scale is named in brackets after the value
                kept.stream().filter(k -> k.start() > end && k.start() - end < 25 && s.charAt(k.start() - 1) == '('
                                && k.concepts().stream().anyMatch(SCORES::contains)).findFirst()
                        .ifPresent(k -> out.add(new Mention(start, end, k.concepts())));
            }
        });
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }
}
