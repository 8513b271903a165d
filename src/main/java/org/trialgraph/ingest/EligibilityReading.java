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
        return new EligibilityReading(engine, text);
    }

    ParsedEligibility parsed() {
        if (parsed == null) {
            parsed = text == null ? new ParsedEligibility("", List.of()) : engine.parse(text);
        }
        return parsed;
    }
}
