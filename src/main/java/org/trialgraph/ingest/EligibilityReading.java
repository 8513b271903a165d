package org.trialgraph.ingest;

import java.util.List;
import java.util.function.Function;

import org.trialgraph.criteria.EligibilityEngine;
import org.trialgraph.criteria.ParsedEligibility;

/**
 * A record's eligibility text as the criteria engine reads it, parsed only when first asked for: the writer
 * asks only for studies it writes, so identical re-imports do not pay for the engine. The mapper has already
 * checked that the engine will read the text ({@link EligibilityEngine#requireReadable}).
 */
final class EligibilityReading {

    /** Longest criterion line in UTF-8 bytes: its canonical key must fit Neo4j's ~8 kB index limit (real: < 3 kB). */
    static final int MAX_LINE_BYTES = 7_500;

    static final EligibilityReading NONE = new EligibilityReading(null, null);

    private final EligibilityEngine engine;
    private final String text;
    private ParsedEligibility parsed;

    private EligibilityReading(EligibilityEngine engine, String text) {
        this.engine = engine;
        this.text = text;
    }

    /**
     * @param invalid the error naming where the text is in the record, given the engine's reason
     * @throws InvalidRecordException when the engine would not read the text
     */
    static EligibilityReading of(EligibilityEngine engine, String text, Function<String, InvalidRecordException> invalid) {
        if (text == null) {
            return NONE;
        }
        try {
            EligibilityEngine.requireReadable(text);
        } catch (IllegalArgumentException e) {
            throw invalid.apply(e.getMessage());
        }
        int line = 1;
        for (String criterion : text.split("\n", -1)) {
            if (criterion.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LINE_BYTES) {
                throw invalid.apply("line " + line + " is " + criterion.length() + " characters long (at most "
                        + MAX_LINE_BYTES + " bytes: each criterion becomes an indexed key)");
            }
            line++;
        }
        return new EligibilityReading(engine, text);
    }

    ParsedEligibility parsed() {
        if (parsed == null) {
            parsed = text == null ? new ParsedEligibility("", List.of()) : engine.parse(text);
        }
        return parsed;
    }
}
