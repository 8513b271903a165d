package org.trialgraph.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses ClinicalTrials.gov eligibility text into sections, criteria, canonical keys, plain-language text and
 * structured constraints. Thread-safe (its only state is a bounded cache of criterion readings); pure Java (no
 * Spring, no Neo4j).
 *
 * <p>Text without any heading becomes one section with heading "" and kind {@link CriterionKind#OTHER}: the
 * engine does not guess whether unlabelled statements include or exclude; constraints are kept as stated.
 */
public final class EligibilityEngine {

    /**
     * Changes whenever the engine would read some text differently: the importer re-writes every stored trial
     * whose criteria came from another version, so re-importing with a better engine updates the graph.
     */
    public static final String VERSION = "2026-11-28.2";

    /** Inputs longer than this are rejected (the largest real record is about 30,000 characters). */
    public static final int MAX_LENGTH = 4_000_000;

    private final PlainLanguageRenderer renderer;
    private final SectionParser sectionParser = new SectionParser();
    private final ConstraintExtractor extractor = new ConstraintExtractor();
    private final CriterionCache cache = new CriterionCache();

    public EligibilityEngine() {
        this(new GlossaryPlainLanguageRenderer());
    }

    /** The renderer must give the same text for the same criterion and kind: the engine keeps recent readings. */
    public EligibilityEngine(PlainLanguageRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /**
     * @throws IllegalArgumentException if text is null, longer than {@link #MAX_LENGTH}, or not text (NUL bytes or
     *                                  many control/replacement characters)
     */
    public ParsedEligibility parse(String text) {
        requireReadable(text);
        List<EligibilitySection> sections = new ArrayList<>();
        for (SectionParser.RawSection raw : sectionParser.parse(text)) {
            List<ParsedCriterion> criteria = new ArrayList<>(raw.criteria().size());
            int position = 1;
            for (SectionParser.RawCriterion c : raw.criteria()) {
                CriterionCache.Reading r = cache.get(new CriterionCache.Key(c.text(), c.flatText(), raw.kind()),
                        () -> read(c, raw.kind()));
                criteria.add(new ParsedCriterion(position++, c.text(), r.key(), r.plainText(), r.constraints()));
            }
            sections.add(new EligibilitySection(raw.heading(), raw.kind(), criteria));
        }
        return new ParsedEligibility(text, sections);
    }

    private CriterionCache.Reading read(SectionParser.RawCriterion c, CriterionKind kind) {
        String plain = renderer.render(c.text(), kind);
        String matchable = ConstraintExtractor.matchable(c.text());
        // Without sub-bullets the flat text is the text: normalise it once for the key and the constraints.
        String flatMatchable = c.flatText().equals(c.text()) ? matchable : ConstraintExtractor.matchable(c.flatText());
        return new CriterionCache.Reading(CriterionKeys.keyOfMatchable(matchable), plain == null ? "" : plain,
                extractor.extractMatchable(flatMatchable));
    }

    /**
     * The cheap part of {@link #parse}: whether the engine will read this text at all. Lets a caller refuse
     * unreadable text at once and parse later, only if the result is needed.
     *
     * @throws IllegalArgumentException as {@link #parse} would
     */
    public static void requireReadable(String text) {
        if (text == null) {
            throw new IllegalArgumentException("eligibility text is null");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("eligibility text too long: " + text.length() + " characters (max " + MAX_LENGTH + ")");
        }
        checkLooksLikeText(text);
    }

    /** Constraints of a single criterion text, without section parsing. */
    public List<Constraint> constraintsOf(String criterionText) {
        Objects.requireNonNull(criterionText, "criterionText");
        return extractor.extract(criterionText);
    }

    private static void checkLooksLikeText(String text) {
        int bad = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException("eligibility text contains NUL characters (binary data?)");
            }
            if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || c == '\uFFFD') {
                bad++;
            }
        }
        if (bad > 16 && bad * 20 > text.length()) {
            throw new IllegalArgumentException("eligibility text looks like binary data (" + bad + " control characters)");
        }
    }
}
