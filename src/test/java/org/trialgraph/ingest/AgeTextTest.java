package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgeTextTest {

    @Test
    void readsYearsMonthsWeeksAndDaysAsYears() {
        assertThat(AgeText.parse("18 Years", "f").years()).isEqualTo(18.0);
        assertThat(AgeText.parse("6 Months", "f").years()).isEqualTo(0.5);
        assertThat(AgeText.parse("28 Days", "f").years()).isEqualTo(0.0767);
        assertThat(AgeText.parse("1 Week", "f").years()).isEqualTo(0.0192);
        assertThat(AgeText.parse("18 Years", "f").text()).isEqualTo("18 Years");
    }

    @Test
    void keepsNotApplicableAsTextWithoutANumber() {
        assertThat(AgeText.parse("N/A", "f").years()).isNull();
        assertThat(AgeText.parse(null, "f")).isNull();
    }

    @Test
    void rejectsTextThatIsNotAnAgeNamingTheField() {
        assertThatThrownBy(() -> AgeText.parse("eighteen", "protocolSection.eligibilityModule.minimumAge"))
                .hasMessageContaining("protocolSection.eligibilityModule.minimumAge")
                .hasMessageContaining("eighteen");
    }
}
