package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.trialgraph.criteria.EligibilityEngine;
import org.trialgraph.criteria.PlainLanguageRenderer;

/** A criterion line is refused by its UTF-8 length, since its key must fit Neo4j's index; anything shorter is read. */
class EligibilityReadingTest {

    private static final int LIMIT = EligibilityReading.MAX_LINE_BYTES;
    private final EligibilityEngine engine = new EligibilityEngine(PlainLanguageRenderer.NONE);

    @Test
    void linesUpToTheLimitInUtf8AreRead() {
        read("Inclusion Criteria:\n" + "a".repeat(LIMIT) + "\n" + "é".repeat(LIMIT / 2) + "\n" + "≥".repeat(LIMIT / 3));
        read("\uD83D\uDE00".repeat(LIMIT / 4) + "\n\n");
    }

    @Test
    void aLineOverTheLimitIsRefusedByItsNumberAndLength() {
        assertRefused("x\n" + "a".repeat(LIMIT + 1), "line 2 is " + (LIMIT + 1) + " characters long");
        assertRefused("x\ny\n" + "é".repeat(LIMIT / 2 + 1) + "\nz", "line 3 is " + (LIMIT / 2 + 1) + " characters long");
        assertRefused("≥".repeat(LIMIT / 3 + 1), "line 1 is " + (LIMIT / 3 + 1) + " characters long");
        assertRefused("ok\n" + "\uD83D\uDE00".repeat(LIMIT / 4 + 1), "line 2 is " + 2 * (LIMIT / 4 + 1) + " characters");
    }

    private void read(String text) {
        assertThat(EligibilityReading.of(engine, text, this::invalid)).isNotNull();
    }

    private void assertRefused(String text, String message) {
        assertThatThrownBy(() -> EligibilityReading.of(engine, text, this::invalid))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining(message)
                .hasMessageContaining("eligibilityModule.eligibilityCriteria");
    }

    private InvalidRecordException invalid(String reason) {
        return new InvalidRecordException("protocolSection.eligibilityModule.eligibilityCriteria", reason);
    }
}
