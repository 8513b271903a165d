package org.trialgraph.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Splits eligibility text into sections and criteria (no constraint extraction here).
 *
 * <p>Line-based: each line is blank, a heading, a bullet item or plain text. A bullet that is indented deeper
 * than the section's first bullet (or, at the same indent, of a different marker type after a line ending in
 * ":") is a sub-bullet and joins its parent criterion. Plain lines directly after an item continue it (wrapped
 * lines); after a blank line they start a new criterion unless indented under the item.
 */
final class SectionParser {

    /** One criterion before rendering: the text as written and a flat form for the extractor. */
    record RawCriterion(String text, String flatText) {
    }

    record RawSection(String heading, CriterionKind kind, List<RawCriterion> criteria) {
    }

    /**
     * A bullet or number and the spaces after it, at the start of a line's content; the rest is the item's body. Read
     * with lookingAt and a check that the body has no line terminator: what matches() of "^marker(.*)$" gave, without
     * the regex walking the whole line.
     */
    private static final Pattern BULLET_MARKER = Pattern.compile(
            "(?:([*•·▪◦●○■□➢►\\-+])(?:\\s+|(?=[A-Za-z(]))|(o)\\s+|\\(?(\\d{1,3})[.)]\\s+|\\(?([a-zA-Z])[.)]\\s+"
                    + "|\\(?([ivxIVX]{1,5})[.)]\\s+)");
    /** The words an inline heading ("Inclusion Criteria: ...") is built on. */
    private static final List<String> INLINE_HEADING_WORDS = List.of("inclusion", "exclusion", "eligibility");
    /** The words a bulleted heading alone is built on; {@link #namesASectionWord} looks for them first. */
    private static final List<String> SECTION_WORDS = Stream.concat(INLINE_HEADING_WORDS.stream(), Stream.of("infusion")).toList();
    private static final Pattern INLINE_CRITERIA_HEADING = Pattern.compile(
            "(?i)^((?:[a-z]+\\s+){0,3}?(?:" + String.join("|", INLINE_HEADING_WORDS) + ")\\s+criteria)\\s*(?::|-\\s)\\s*(\\S.*)$");
    private static final Pattern STRICT_BULLETED_HEADING = Pattern.compile(
            "(?i)^(?:[a-z]+\\s+){0,2}(?:" + String.join("|", SECTION_WORDS) + ")(?:\\s+criteria)?\\s*:?$");
    private static final Pattern CRITERIA_WORD = Pattern.compile("(?i)\\b(?:criteria|criterion|characteristics)\\b");
    private static final Pattern SUBHEADING_WORD = Pattern.compile(
            "(?i)\\b(?:cohort|part|arm|group|groups|stage|phase|population|therapy|volunteers|controls|patients|participants|subjects)\\b");
    private static final Pattern INTRO = Pattern.compile("\\b(?:following|below|one of|all of|any of|at least|either)\\b");
    /** Intro lines whose list items are alternatives or must not hold: outside exclusions, one criterion with the items as sub-bullets. */
    private static final Pattern ALTERNATIVES = Pattern.compile("\\b(?:one of|any of|at least|either|one or more)\\b");
    private static final Pattern NEGATED = Pattern.compile("\\b(?:none|not|no|never|neither|without)\\b|n't\\b|disqualif|ineligib|exclud");
    /** An intro line that says its items exclude the participant: the exclusion list itself. */
    private static final Pattern DISQUALIFIES = Pattern.compile(
            "disqualif|ineligib|not (?:be )?eligible|excluded from|(?:may|must|will|should|can) ?not (?:be )?(?:enter|participate|enrolled|included|meet)|cannot (?:enter|participate|be)");
    private static final ConstraintExtractor STATES_NOTHING = new ConstraintExtractor();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SHORT_GROUP_NAME = Pattern.compile("(?i)(?:cohort|part|arm|group|stage|phase|step)\\s+\\S{1,4}");
    private static final Pattern GROUP_HEADING = Pattern.compile("(?i)(?:cohort|part|arm|group|stage|phase|step)\\s+[\\w.-]{1,4}\\b.{0,50}");
    private static final Pattern HAS_OPERATOR_OR_DIGIT = Pattern.compile("[0-9<>=≤≥%]");
    /** Subheadings of the old PDQ layout ("Age", "Hematopoietic", ...): their bullets form one criterion with them. */
    private static final Set<String> PDQ_LABELS = Set.of("age", "sex", "gender", "menopausal status", "performance status",
            "life expectancy", "hematopoietic", "hepatic", "renal", "cardiovascular", "cardiac", "pulmonary",
            "neurologic", "other", "biologic therapy", "chemotherapy", "endocrine therapy", "radiotherapy", "surgery",
            "immunologic", "gastrointestinal", "hormonal status", "metabolic", "coagulation");

    List<RawSection> parse(String text) {
        List<Line> lines = toLines(text);
        Builder b = new Builder();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                b.lastBlank = true;
                continue;
            }
            Line next = nextNonBlank(lines, i);
            if (line.bullet) {
                handleBullet(b, line);
            } else {
                handlePlain(b, line, next);
            }
            b.lastBlank = false;
        }
        b.closeSection();
        return b.sections;
    }

    private void handleBullet(Builder b, Line line) {
        if (namesASectionWord(line.body)) {
            if (STRICT_BULLETED_HEADING.matcher(line.body).matches()) {
                b.startSection(stripColon(line.body), false);
                return;
            }
            Matcher inline = INLINE_CRITERIA_HEADING.matcher(line.body);
            if (inline.matches()) {
                b.startSection(inline.group(1), false);
                b.startCriterion(line, inline.group(2));
                return;
            }
        }
        Item cur = b.current;
        if (cur == null) {
            b.startCriterion(line, line.body);
            return;
        }
        if (cur.label) {
            if (line.indent > cur.indent) {
                cur.addChild(line);
            } else {
                b.startCriterion(line, line.body);
            }
            return;
        }
        if (cur.intro) {
            if (!cur.hasChildren() || line.indent >= cur.childIndent - 1) {
                cur.addChild(line);
            } else {
                b.startCriterion(line, line.body);
            }
            return;
        }
        if (b.topType == null || !cur.bulleted) {
            b.startCriterion(line, line.body);
            return;
        }
        if (line.indent > b.topIndent + 1) {
            cur.addChild(line);
            return;
        }
        if (line.indent < b.topIndent - 1 || line.type.equals(b.topType)) {
            b.startCriterion(line, line.body);
            return;
        }
        // Same indent, different marker: a sub-list if the parent introduced one.
        if (cur.endsWithColon() || cur.hasChildOfType(line.type)) {
            cur.addChild(line);
        } else {
            b.startCriterion(line, line.body);
        }
    }

    private void handlePlain(Builder b, Line line, Line next) {
        String body = line.body;
        Item open = b.current;
        if (open != null && open.bulleted && !b.lastBlank && line.indent > open.indent) {
            open.addContinuation(body); // a wrapped line, even if it looks like "... criteria:"
            return;
        }
        if (namesASectionWord(body)) {
            Matcher inline = INLINE_CRITERIA_HEADING.matcher(body);
            if (inline.matches()) {
                b.startSection(inline.group(1), false);
                b.startCriterion(line, inline.group(2));
                return;
            }
        }
        boolean nextIsBullet = next != null && next.bullet;
        if (nextIsBullet && isIntro(body)) {
            if (DISQUALIFIES.matcher(body.toLowerCase(Locale.ROOT)).find()) {
                if (b.kind == CriterionKind.EXCLUSION) {
                    b.startList();
                } else {
                    // "Participants who meet any of the following criteria will be disqualified ...:" with no exclusion heading
                    b.startSection(stripColon(body), CriterionKind.EXCLUSION);
                }
            } else if (keepsItsItemsTogether(body, b.kind)) {
                b.startCriterion(line, body).intro = true; // "at least one of the following:", "none of the following:"
            } else {
                b.startList(); // "Meet all of the following:": its bullets are the section's criteria
            }
            return;
        }
        if (isPdqLabel(body, line, next)) {
            b.startCriterion(line, body).label = true;
            return;
        }
        if (isHeading(body, nextIsBullet)) {
            b.startSection(stripColon(body), !isTopHeading(body));
            return;
        }
        Item cur = b.current;
        if (cur == null) {
            b.startCriterion(line, body);
            return;
        }
        if (!b.lastBlank) {
            if (!cur.bulleted && !cur.label && cur.lastLineLength < 60 && startsUpper(body)) {
                b.startCriterion(line, body);
            } else {
                cur.addContinuation(body);
            }
            return;
        }
        if (cur.bulleted && line.indent > cur.indent + 1 && !cur.hasChildren()) {
            cur.addContinuation(body);
            return;
        }
        b.startCriterion(line, body);
    }

    /**
     * Whether one of the first four words of body is "inclusion", "exclusion", "eligibility" or "infusion" in any ASCII
     * case, words being runs of ASCII letters split by ASCII whitespace, read from the start up to any other character.
     * Every match of {@link #STRICT_BULLETED_HEADING} (at most two words before it) and {@link #INLINE_CRITERIA_HEADING}
     * (at most three) has one there: their (?i) folds ASCII case only, and [a-z] and \\s are ASCII. Speed only: matching
     * those two patterns against every bullet cost ~4 % of the engine's time.
     */
    static boolean namesASectionWord(String body) {
        int p = 0;
        for (int word = 0; word < 4; word++) {
            int end = p;
            while (end < body.length() && isAsciiLetter(body.charAt(end))) {
                end++;
            }
            if (end == p) {
                return false;
            }
            if (isSectionWord(body, p, end)) {
                return true;
            }
            p = end;
            while (p < body.length() && FirstChars.isRegexSpace(body.charAt(p))) {
                p++;
            }
            if (p == end) {
                return false;
            }
        }
        return false;
    }

    private static boolean isSectionWord(String s, int from, int to) {
        for (String w : SECTION_WORDS) {
            if (w.length() == to - from && s.regionMatches(true, from, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * An unbulleted line that introduces the list after it ("Meet all of the following:", "Presence of any of the
     * following criteria:", "Must have at least one of the following:"). It names no section: a line that says
     * inclusion or exclusion, or names a cohort, stays a heading; one that itself states a requirement ("Pregnant women
     * who meet all of the following criteria ...:") stays what it was (a criterion or a sub-heading).
     */
    static boolean isIntro(String body) {
        String h = stripColon(body);
        String lower = h.toLowerCase(Locale.ROOT);
        return body.trim().endsWith(":") && h.length() <= 120 && INTRO.matcher(lower).find() && kindOf(h) == CriterionKind.OTHER
                && !GROUP_HEADING.matcher(h).matches() && STATES_NOTHING.extract(h).isEmpty();
    }

    /**
     * Outside an exclusion section, a list of alternatives ("at least one of", "any of", "either") or of things that
     * must not hold ("none of the following") means something only as a whole: one criterion with the items as its
     * sub-bullets. In an exclusion section each item excludes on its own, and a list every item of which is required
     * ("all of the following") is the section's own list: there the intro line is dropped.
     */
    static boolean keepsItsItemsTogether(String body, CriterionKind sectionKind) {
        String lower = body.toLowerCase(Locale.ROOT);
        return sectionKind != CriterionKind.EXCLUSION && (ALTERNATIVES.matcher(lower).find() || NEGATED.matcher(lower).find());
    }

    private static boolean isPdqLabel(String body, Line line, Line next) {
        if (next == null || !next.bullet || next.indent <= line.indent) {
            return false;
        }
        String h = stripColon(body).toLowerCase(Locale.ROOT);
        return PDQ_LABELS.contains(h);
    }

    static boolean isHeading(String body, boolean nextIsBullet) {
        String h = stripColon(body);
        if (h.isEmpty() || h.length() > 80) {
            return false;
        }
        int words = WHITESPACE.split(h).length;
        boolean colon = body.trim().endsWith(":");
        boolean allCaps = isAllCaps(h);
        if (CRITERIA_WORD.matcher(h).find() && words <= 8 && (colon || allCaps || words <= 4)) {
            return true;
        }
        if (HAS_OPERATOR_OR_DIGIT.matcher(h).find() && !SHORT_GROUP_NAME.matcher(h).matches()) {
            return false;
        }
        if (allCaps && words <= 6 && (colon || SUBHEADING_WORD.matcher(h).find())) {
            return true;
        }
        if (GROUP_HEADING.matcher(h).matches() && (colon || nextIsBullet)) {
            return true;
        }
        return colon && nextIsBullet && words <= 8 && h.length() <= 60;
    }

    /** Top headings set their own kind; other headings (cohorts, groups) inherit the enclosing kind. */
    static boolean isTopHeading(String body) {
        String h = stripColon(body);
        int words = WHITESPACE.split(h).length;
        String lower = h.toLowerCase(Locale.ROOT);
        if (INTRO.matcher(lower).find()) {
            return false; // "Meet all of the following criteria:" introduces a list inside the section
        }
        if (lower.contains("inclu") || lower.contains("exclu")) {
            return true;
        }
        return words <= 4 && (CRITERIA_WORD.matcher(h).find() || (isAllCaps(h) && lower.contains("therapy")));
    }

    static CriterionKind kindOf(String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        boolean inc = h.contains("inclu");
        boolean exc = h.contains("exclu") || h.contains("ineligib") || h.contains("not eligible");
        if (inc && exc) {
            return CriterionKind.OTHER;
        }
        if (exc) {
            return CriterionKind.EXCLUSION;
        }
        return inc ? CriterionKind.INCLUSION : CriterionKind.OTHER;
    }

    private static boolean isAllCaps(String h) {
        boolean letter = false;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static boolean startsUpper(String body) {
        return !body.isEmpty() && (Character.isUpperCase(body.charAt(0)) || Character.isDigit(body.charAt(0)));
    }

    static String stripColon(String body) {
        String h = body.trim();
        while (h.endsWith(":") || h.endsWith("-") || h.endsWith(".")) {
            h = h.substring(0, h.length() - 1).trim();
        }
        return h;
    }

    private static Line nextNonBlank(List<Line> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).blank()) {
                return lines.get(j);
            }
        }
        return null;
    }

    static List<Line> toLines(String text) {
        List<Line> out = new ArrayList<>();
        // split at "\r\n", "\r" or "\n" as Pattern.split(text, -1) would (trailing empty lines kept), without a regex;
        // the breaks are found with String.indexOf, which is vectorised (a charAt loop over the text cost ~2 %)
        int start = 0;
        int nextCr = text.indexOf('\r');
        for (int i = lineBreakFrom(text, 0, nextCr); i >= 0; i = lineBreakFrom(text, start, nextCr)) {
            out.add(Line.of(TextNormalizer.unescapeMarkdown(text.substring(start, i))));
            start = i + 1;
            if (text.charAt(i) == '\r') {
                nextCr = text.indexOf('\r', start);
                if (start < text.length() && text.charAt(start) == '\n') {
                    start++; // "\r\n" is one break
                }
            }
        }
        out.add(Line.of(TextNormalizer.unescapeMarkdown(text.substring(start))));
        return out;
    }

    /** The first '\n' or '\r' at or after from, or -1; nextCr is the first '\r' at or after from (-1: none). */
    private static int lineBreakFrom(String text, int from, int nextCr) {
        int nextLf = text.indexOf('\n', from);
        return nextCr >= 0 && (nextLf < 0 || nextCr < nextLf) ? nextCr : nextLf;
    }

    /** One physical line: indentation, bullet marker (if any) and the text after it. */
    static final class Line {
        final int indent;
        final boolean bullet;
        final String type;
        final String marker;
        final String body;

        private Line(int indent, boolean bullet, String type, String marker, String body) {
            this.indent = indent;
            this.bullet = bullet;
            this.type = type;
            this.marker = marker;
            this.body = body;
        }

        static Line of(String raw) {
            int indent = 0;
            int i = 0;
            while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t' || raw.charAt(i) == '\u00a0')) {
                indent += raw.charAt(i) == '\t' ? 4 : 1;
                i++;
            }
            String content = raw.substring(i).strip();
            Matcher m = BULLET_MARKER.matcher(content);
            String body = !content.isEmpty() && m.lookingAt() && isOneLine(content, m.end()) ? content.substring(m.end()) : "";
            if (!body.isBlank()) {
                String type;
                if (m.group(1) != null) {
                    type = "sym" + m.group(1);
                } else if (m.group(2) != null) {
                    type = "symo";
                } else if (m.group(3) != null) {
                    type = "num";
                } else if (m.group(4) != null) {
                    type = Character.isUpperCase(m.group(4).charAt(0)) ? "ALPHA" : "alpha";
                } else {
                    type = "roman";
                }
                String marker = content.substring(0, m.end()).strip();
                return new Line(indent, true, type, marker, body.strip());
            }
            return new Line(indent, false, "", "", content);
        }

        /** Whether s from {@code from} on has no character that ends a line for the regex "." (so ".*$" reads it all). */
        private static boolean isOneLine(String s, int from) {
            for (int i = from; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    return false;
                }
            }
            return true;
        }

        boolean blank() {
            return body.isEmpty();
        }
    }

    /** A criterion being assembled. */
    static final class Item {
        final int indent;
        final boolean bulleted;
        boolean label;
        /** An intro line ("at least one of the following:"): every bullet after it, down to its first one's indent, is its sub-bullet. */
        boolean intro;
        int childIndent;
        int lastLineLength;
        private final StringBuilder main = new StringBuilder();
        private final List<String[]> children = new ArrayList<>(); // {marker, type, text}

        Item(Line line, String body) {
            this.indent = line.indent;
            this.bulleted = line.bullet;
            main.append(body);
            lastLineLength = body.length();
        }

        void addContinuation(String body) {
            lastLineLength = body.length();
            if (children.isEmpty()) {
                main.append(' ').append(body);
            } else {
                String[] last = children.get(children.size() - 1);
                last[2] = last[2] + " " + body;
            }
        }

        void addChild(Line line) {
            if (children.isEmpty()) {
                childIndent = line.indent;
            }
            lastLineLength = line.body.length();
            children.add(new String[] {line.marker, line.type, line.body});
        }

        boolean hasChildren() {
            return !children.isEmpty();
        }

        boolean hasChildOfType(String type) {
            return children.stream().anyMatch(c -> c[1].equals(type));
        }

        boolean endsWithColon() {
            String last = children.isEmpty() ? main.toString() : children.get(children.size() - 1)[2];
            return last.stripTrailing().endsWith(":");
        }

        RawCriterion build() {
            String mainText = TextNormalizer.collapseWhitespace(main.toString());
            if (children.isEmpty()) {
                // one String for both (most criteria): the cache key hashes it once, and the engine sees they are equal at once
                return new RawCriterion(mainText, mainText);
            }
            StringBuilder text = new StringBuilder(mainText);
            StringBuilder flat = new StringBuilder(text);
            for (int i = 0; i < children.size(); i++) {
                String child = TextNormalizer.collapseWhitespace(children.get(i)[2]);
                text.append('\n').append("  ").append(children.get(i)[0]).append(' ').append(child);
                flat.append(i == 0 ? " " : "; ").append(child);
            }
            return new RawCriterion(text.toString(), flat.toString());
        }
    }

    /** Mutable parse state. */
    static final class Builder {
        final List<RawSection> sections = new ArrayList<>();
        String heading = "";
        CriterionKind kind = CriterionKind.OTHER;
        List<RawCriterion> criteria = new ArrayList<>();
        Item current;
        Integer topIndent;
        String topType;
        boolean lastBlank = true;

        void startSection(String newHeading, boolean inherit) {
            CriterionKind own = kindOf(newHeading);
            startSection(newHeading, inherit && own == CriterionKind.OTHER ? kind : own);
        }

        void startSection(String newHeading, CriterionKind newKind) {
            closeSection();
            heading = newHeading;
            kind = newKind;
        }

        Item startCriterion(Line line, String body) {
            closeCriterion();
            current = new Item(line, body);
            if (line.bullet && topType == null) {
                topType = line.type;
                topIndent = line.indent;
            }
            return current;
        }

        /** After an intro line that is dropped: the list after it starts afresh, as at the start of a section. */
        void startList() {
            closeCriterion();
            topIndent = null;
            topType = null;
        }

        void closeCriterion() {
            if (current != null) {
                criteria.add(current.build());
                current = null;
            }
        }

        void closeSection() {
            closeCriterion();
            if (!criteria.isEmpty()) {
                sections.add(new RawSection(heading, kind, List.copyOf(criteria)));
            }
            criteria = new ArrayList<>();
            topIndent = null;
            topType = null;
        }
    }
}
