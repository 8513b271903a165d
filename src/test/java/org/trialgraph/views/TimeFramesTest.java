package org.trialgraph.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** How far into a study a time frame reaches, as the visits question reads it. */
class TimeFramesTest {

    @Test
    void readsNumberBeforeUnit() {
        assertThat(TimeFrames.longestDays("28 days after CD7 CAR-T cell infusion")).hasValue(28);
        assertThat(TimeFrames.longestDays("Up to 24 months").getAsDouble()).isCloseTo(730.5, within(0.01));
        assertThat(TimeFrames.longestDays("2-year follow-up").getAsDouble()).isCloseTo(730.5, within(0.01));
    }

    @Test
    void readsUnitBeforeNumberAndNumberWords() {
        assertThat(TimeFrames.longestDays("Baseline, Week 4 and Week 12")).hasValue(84);
        assertThat(TimeFrames.longestDays("one year").getAsDouble()).isCloseTo(365.25, within(0.01));
    }

    @Test
    void takesTheLongestOfSeveral() {
        assertThat(TimeFrames.longestDays("Assessed during the first 21 days, then every 6 weeks up to 1 year").getAsDouble())
                .isCloseTo(365.25, within(0.01));
    }

    @Test
    void findsNothingWithoutADuration() {
        assertThat(TimeFrames.longestDays("At disease progression")).isEmpty();
        assertThat(TimeFrames.longestDays(null)).isEmpty();
    }
}
