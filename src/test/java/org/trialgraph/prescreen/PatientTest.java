package org.trialgraph.prescreen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.trialgraph.criteria.Concept;
import org.trialgraph.criteria.Quantities.Quantity;
import org.trialgraph.prescreen.PatientProfile.Fact;
import org.trialgraph.prescreen.PatientProfile.Measurement;

/** Checking a profile: what the pre-screen can use, and clear refusals naming the argument for the rest. */
class PatientTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void aBirthDateGivesTheAgeToday() {
        Patient p = profile(null, "2014-05-01", List.of(), List.of());
        assertThat(p.completedYears()).isEqualTo(12);
        assertThat(p.ageYears()).isBetween(12.5, 12.6);
        assertThat(profile(null, "2014-11-21", List.of(), List.of()).completedYears()).isEqualTo(11);
        assertThat(profile(null, "2014-11-20", List.of(), List.of()).completedYears()).isEqualTo(12);
    }

    @Test
    void measurementsAreKeptInTheCriteriaUnitsAndConceptCodesIgnoreCase() {
        Patient p = profile(40.0, null, List.of(new Measurement("hemoglobin", 90.0, "g/L"),
                new Measurement("CREATININE", 0.8, "mg/dL"), new Measurement("CREATININE", 1.0, "xULN")), List.of());
        assertThat(p.measurements().get(Concept.HEMOGLOBIN)).containsExactly(new Quantity(9, "g/dL"));
        assertThat(p.measurements().get(Concept.CREATININE)).extracting(Quantity::unit).containsExactly("mg/dL", "xULN");
    }

    @Test
    void refusesWhatItCannotUseNamingTheArgument() {
        assertThatThrownBy(() -> profile(40.0, "1986-01-01", List.of(), List.of())).hasMessageContaining("not both");
        assertThatThrownBy(() -> profile(null, "01/02/2000", List.of(), List.of())).hasMessageContaining("patient.birthDate");
        assertThatThrownBy(() -> profile(null, "2030-01-01", List.of(), List.of())).hasMessageContaining("patient.birthDate");
        assertThatThrownBy(() -> profile(-1.0, null, List.of(), List.of())).hasMessageContaining("patient.age");
        assertThatThrownBy(() -> profile(40.0, null, List.of(new Measurement("LVEFF", 50.0, "%")), List.of()))
                .hasMessageStartingWith("patient.measurements[0].concept");
        assertThatThrownBy(() -> profile(40.0, null, List.of(new Measurement("LVEF", 50.0, "furlongs")), List.of()))
                .hasMessageStartingWith("patient.measurements[0]").hasMessageNotContaining("furlongs");
        assertThatThrownBy(() -> profile(40.0, null, List.of(new Measurement("PREGNANCY", 1.0, null)), List.of()))
                .hasMessageContaining("patient.facts");
        assertThatThrownBy(() -> profile(40.0, null, List.of(), List.of(new Fact("LVEF", true))))
                .hasMessageStartingWith("patient.facts[0].concept");
        assertThatThrownBy(() -> profile(40.0, null, List.of(), List.of(new Fact("HIV", true), new Fact("hiv", false))))
                .hasMessageStartingWith("patient.facts[1]");
        assertThatThrownBy(() -> Patient.of(new PatientProfile(40.0, null, "ALL", null, null, null, null), TODAY))
                .hasMessageStartingWith("patient.sex");
    }

    private static Patient profile(Double age, String birthDate, List<Measurement> measurements, List<Fact> facts) {
        return Patient.of(new PatientProfile(age, birthDate, null, null, measurements, facts, null), TODAY);
    }
}
