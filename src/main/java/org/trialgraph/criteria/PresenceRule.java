package org.trialgraph.criteria;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PRESENT/ABSENT concepts (pregnancy, breastfeeding, HIV, HBV, HCV, CNS metastases), as stated: a mention is
 * PRESENT unless negated before ("no", "not", "non-", "without", "negative for") or after ("negative",
 * "seronegative", "not detected"). A negation also covers mentions joined to the negated one by "or"/"and"/"/"
 * ("not pregnant or breastfeeding"). The first mention of a concept decides.
 */
final class PresenceRule {

    /**
     * anchors: one must occur before the pattern is tried (see {@link ConceptMentions#containsAny}). starts and lead:
     * every match begins at most lead characters before an occurrence of one of starts, so only those positions are
     * tried (speed only: the lookbehinds make trying every position costly).
     */
    private record Rule(ConceptMentions.Anchors anchors, String[] starts, int lead, Pattern pattern, List<Concept> concepts) {

        /** The first position at or after from where a match could start, or -1. */
        int nextCandidate(String s, int from) {
            int first = Integer.MAX_VALUE;
            for (String start : starts) {
                int i = s.indexOf(start, from);
                if (i >= 0 && i < first) {
                    first = i;
                }
            }
            return first == Integer.MAX_VALUE ? -1 : Math.max(from, first - lead);
        }

        /**
         * The matches {@code pattern.matcher(s).find()} would give, tried only at candidate positions: transparent
         * bounds let lookbehinds and word boundaries see the text before each one.
         */
        void findAll(String s, List<Mention> out) {
            Matcher m = pattern.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
            int notBefore = 0;
            for (int p = nextCandidate(s, 0); p >= 0; p = nextCandidate(s, p + 1)) {
                if (p < notBefore) {
                    continue;
                }
                m.region(p, s.length());
                if (m.lookingAt()) {
                    out.add(new Mention(m.start(), m.end(), concepts));
                    notBefore = m.end();
                }
            }
        }
    }

    private record Mention(int start, int end, List<Concept> concepts) {
    }

    private static final List<Rule> RULES = List.of(
            rule(new String[] {"pregnan"}, new String[] {"pregnan"}, 0, "(?<!become |becoming |get |getting |avoid |avoiding |prevent |preventing |prevention of |risk of |to |father |impregnate |wish |plans? |planning |intends? |intending |of non-|possibility of |able to have a |able to have |capable of |capable of having a )(?:\\b|(?<=\\bnon))pregnan(?:t|cy|cies)\\b(?! test(?:ing|s)? (?:is|are|will|must|should)\\b| prevention| avoidance| category| outcome| registry| planning| should be avoided| is not| (?:sexual |female )?partners?\\b)", Concept.PREGNANCY),
            rule(new String[] {"breastfe", "breast fe", "breast-fe", "lactat", "nursing"}, new String[] {"breast", "lactat", "nursing"}, 0, "\\bbreast[- ]?feed(?:ing)?\\b|(?<=\\bwith (?:an? |their |her )?)breast[- ]?fed (?:infants?|bab(?:y|ies)|child(?:ren)?)\\b|\\blactating\\b|\\blactation\\b|\\bnursing\\b(?=\\s+(?:mothers?|women|females?|persons?|people|individuals?|a child|an infant|infants?)\\b|\\s+(?:or|and|and/or)\\s+(?:pregnan|lactat|breast))"
                    + "|(?<=(?:pregnant|lactating|pregnancy)(?:\\s?,\\s?|\\s(?:or|and|and/or)\\s|/)|\\b(?:are|is|currently|not|be)\\s)nursing\\b", Concept.BREASTFEEDING),
            rule(new String[] {"\\bhiv", "antihiv", "immunodeficiency virus", "\\baids"}, new String[] {"hiv", "human immunodeficiency virus", "aids"}, 5, "(?<!anti-|anti |(?:therapy|treatment|drugs?|medications?|vaccines?) (?:for|against) )(?:\\bhiv(?:-?[12])?+\\b|human immunodeficiency virus)"
                    + "(?! protease| integrase| medications?| antiretroviral| drugs?| therap| treatment| regimen|(?: [a-z-]+)? vaccine| prevention| prophylaxis| testing is not| (?:sero)?status\\b(?![\\s:]*(?:is\\s+)?(?:positive|seropositive|reactive|\\+)))|(?<!erectile |hearing |walking |mobility |visual |memory |sleep |dietary |study |teaching )\\baids\\b"
                    + "|\\banti-?hiv(?:-?[12])?(?:\\s*(?:1/2|1\\+2))?\\s+(?:antibod(?:y|ies)|ab\\b|serology|test)", Concept.HIV),
            rule(new String[] {"hepatitis b", "\\bhbv", "\\bhep b/c"}, new String[] {"hep", "hbv"}, 0, "hepatitis b(?: virus)?\\s*(?:or|and|and/or|/|,)\\s*(?:hepatitis\\s+)?c\\b|\\bhbv\\s*(?:or|and|and/or|/|,)\\s*hcv\\b|\\bhep(?:atitis)? b/c\\b", Concept.HBV, Concept.HCV),
            rule(new String[] {"hepatitis b", "\\bhbv", "\\bhbsag", "\\bhbcab", "anti-hbc", "antihbc", "\\bhep b"}, new String[] {"hep", "hb"}, 5, "hepatitis b\\b|\\bhbv\\b|\\bhbsag\\b|hepatitis b surface antigen|\\bhbcab\\b|\\banti-?hbc\\b|hepatitis b core antibody|\\bhep b\\b", Concept.HBV),
            rule(new String[] {"hepatitis c", "\\bhcv", "\\bhep c"}, new String[] {"hep", "hcv"}, 0, "hepatitis c\\b|\\bhcv\\b|\\bhep c\\b", Concept.HCV),
            rule(new String[] {"metasta", "leptomening", "mets"}, new String[] {"cns", "central nervous system", "brain", "cerebral", "intracranial", "meningeal", "spinal cord", "metasta"}, 5, "\\b(?:cns|central nervous system|brain|cerebral|intracranial|leptomeningeal|meningeal|spinal cord)\\b(?:\\s*\\([^)]{1,12}\\))?(?:[\\s,/]+(?:or|and|and/or)?[\\s,/]*(?:cns|brain|leptomeningeal|meningeal|spinal cord|untreated|active|symptomatic|known|parenchymal|bone|liver|lung|visceral|spinal|leptomeninges)\\b){0,4}\\s+(?:metasta(?:ses|sis|tic disease|tic lesions?)|mets|lesions from)"
                    + "|\\bleptomeningeal (?:disease|carcinomatosis|involvement|spread)|metasta(?:ses|sis|tic|tic disease) (?:to|in|of|involving) (?:the )?(?:brain|cns|central nervous system)", Concept.CNS_METASTASES));

    private static final Pattern NEGATION_BEFORE = Pattern.compile(
            "(?:\\b(?:no|not|non|without|nor|neither|free of|absence of|negative for|negative|exclude|excluding|excluded|rule out|ruled out|never)\\b[^;:]{0,45}|\\bnon-?|\\bun)$");
    private static final Pattern TOPIC_BEFORE = Pattern.compile("\\bcriteri(?:a|on)\\s+(?:for|of|regarding|about|on)\\s+(?:the\\s+)?$");
    private static final Pattern POSITIVE_BEFORE = Pattern.compile("\\b(?:positive|seropositive|infected with|known|active|history of|diagnosed with|diagnosis of|evidence of)\\b[^;]{0,12}$");
    // the ^-anchored patterns are tried by lookingAt(): what find() gives for them, without its walk over every later
    // position where ^ fails
    static final Pattern NEGATIVE_AFTER = Pattern.compile(
            "^[\\s:-]*(?:\\([^)]{0,20}\\)\\s*)?(?:[\\w/-]+\\s+){0,3}?(?:negativ[a-z]*|seronegativ[a-z]*|non-?reactive|not detected|undetectable|neg\\b)");
    private static final Pattern POSITIVE_AFTER = Pattern.compile(
            "^[\\s:-]*(?:\\([^)]{0,20}\\)\\s*)?(?:[\\w/-]+\\s+){0,2}?(?:positive|seropositive|reactive|infection|detected)");
    /** "no history of HBV infection" stays negated; "not ... HBsAg positive" does not. */
    static final Pattern STATED_POSITIVE_AFTER = Pattern.compile(
            "^[\\s:-]*(?:\\([^)]{0,20}\\)\\s*)?(?:[\\w/-]+\\s+){0,2}?(?:positive|seropositive|reactive|detected)");
    private static final Pattern JOIN = Pattern.compile("^[\\s,/()]*(?:or|and|and/or|nor|/|,)[\\s,/()]*(?:\\w+\\s+){0,2}?$");

    // compiled once (String.matches compiles its pattern on every call)
    private static final Pattern PLAIN_NEGATION = Pattern.compile(".*\\b(?:no|not|without|negative for)\\b.*");
    private static final Pattern SPACE_OR_BRACKET = Pattern.compile("\\s*\\(?\\s*");

    private static Rule rule(String[] anchors, String[] starts, int lead, String regex, Concept... concepts) {
        return new Rule(ConceptMentions.anchors(anchors), starts, lead, Pattern.compile(regex), List.of(concepts));
    }

    void extract(String s, ConceptMentions.WordStarts starts, List<Constraint> out) {
        List<Mention> mentions = find(s, starts);
        if (mentions.isEmpty()) {
            return; // most criteria: spares the map and the sorting stream below
        }
        Map<Concept, Constraint> first = new EnumMap<>(Concept.class);
        boolean prevNegated = false;
        int prevEnd = -1000;
        for (Mention m : mentions) {
            String before = s.substring(Math.max(0, m.start() - 55), m.start());
            String after = s.substring(m.end(), Math.min(s.length(), m.end() + 40));
            if (before.contains("criteri") && TOPIC_BEFORE.matcher(before).find()) {
                continue; // "the following criteria for hepatitis B and C": names a topic, states nothing
            }
            boolean negated;
            if (prevNegated && m.start() - prevEnd < 25 && JOIN.matcher(s.substring(prevEnd, m.start())).matches()) {
                negated = true;
            } else if (NEGATIVE_AFTER.matcher(after).lookingAt() && !POSITIVE_AFTER.matcher(after).lookingAt()) {
                negated = true;
            } else {
                negated = NEGATION_BEFORE.matcher(lastClause(before)).find() && !STATED_POSITIVE_AFTER.matcher(after).lookingAt();
                if (negated && POSITIVE_BEFORE.matcher(lastClause(before)).find() && !PLAIN_NEGATION.matcher(before).matches()) {
                    negated = false;
                }
            }
            for (Concept c : m.concepts()) {
                first.putIfAbsent(c, new Constraint(c, negated ? Comparator.ABSENT : Comparator.PRESENT, null, null, "",
                        s.substring(m.start(), m.end())));
            }
            prevNegated = negated;
            prevEnd = m.end();
        }
        out.addAll(first.values().stream().sorted(java.util.Comparator.comparingInt(c -> s.indexOf(c.sourceText()))).toList());
    }

    /** "not yet treated", "uncontrolled": qualifiers of the condition, not negations of it. */
    private static final Pattern NOT_A_NEGATION = Pattern.compile(
            "\\b(?:not|non|un)[- ]?(?:yet\\s+|previously\\s+|adequately\\s+|well\\s+|fully\\s+)?(?:treated|controlled|stable|resected|irradiated|responsive|responding)\\b"
                    + "|\\bnot (?:limited|restricted) to\\b");

    private static String lastClause(String before) {
        int cut = Math.max(before.lastIndexOf(';'), Math.max(before.lastIndexOf(". "), before.lastIndexOf(':')));
        String clause = cut >= 0 ? before.substring(cut + 1) : before;
        return NOT_A_NEGATION.matcher(clause).replaceAll(" ");
    }

    private static List<Mention> find(String s, ConceptMentions.WordStarts starts) {
        List<Mention> all = new ArrayList<>();
        for (Rule r : RULES) {
            if (ConceptMentions.containsAny(s, r.anchors(), starts)) {
                r.findAll(s, all);
            }
        }
        all.sort(java.util.Comparator.comparingInt(Mention::start)
                .thenComparing(java.util.Comparator.comparingInt(Mention::end).reversed()));
        List<Mention> kept = new ArrayList<>();
        int coveredTo = -1;
        for (Mention m : all) {
            if (m.start() < coveredTo) {
                continue;
            }
            Mention last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last != null && last.concepts().containsAll(m.concepts()) && m.start() - last.end() <= 3
                    && SPACE_OR_BRACKET.matcher(s.substring(last.end(), m.start())).matches()) {
                kept.set(kept.size() - 1, new Mention(last.start(), m.end(), last.concepts()));
            } else {
                kept.add(m);
            }
            coveredTo = m.end();
        }
        return kept;
    }
}
