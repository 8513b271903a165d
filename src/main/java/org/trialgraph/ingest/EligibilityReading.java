package org.trialgraph.ingest;

import java.nio.charset.StandardCharsets;
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
        for (int start = 0; start <= text.length(); line++) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            if (isTooLong(text, start, end)) {
                throw invalid.apply("line " + line + " is " + (end - start) + " characters long (at most "
                        + MAX_LINE_BYTES + " bytes: each criterion becomes an indexed key)");
            }
            start = end + 1;
        }
        return new EligibilityReading(engine, text);
    }

    /** Whether text[start, end) is over the limit in UTF-8, encoded only if it could be (a char is 3 bytes at most). */
    private static boolean isTooLong(String text, int start, int end) {
        return (end - start) * 3 > MAX_LINE_BYTES
                && text.substring(start, end).getBytes(StandardCharsets.UTF_8).length > MAX_LINE_BYTES;
    }

    ParsedEligibility parsed() {
        if (parsed == null) {
            parsed = text == null ? new ParsedEligibility("", List.of()) : engine.parse(text);
        }
        return parsed;
    }
}
