package org.trialgraph.prescreen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.trialgraph.criteria.Comparator;
import org.trialgraph.criteria.Concept;
import org.trialgraph.criteria.Constraint;
import org.trialgraph.criteria.CriterionKind;
import org.trialgraph.prescreen.PatientProfile.Fact;
import org.trialgraph.prescreen.PatientProfile.Measurement;

/** The evaluation rules of the pre-screen, without the graph. */
class PreScreeningTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    // ---- comparisons -------------------------------------------------------------------------------------------

    @Test
    void aValueBelowAnAtLeastThresholdFailsWithAReasonNamingBothValues() {
        ScreenedCriterion c = inclusion(patient(12.0, m("LVEF", 40, "%")), "LVEF|GE|45|%");
        assertThat(c.verdict()).isEqualTo(CriterionVerdict.FAILS);
        assertThat(c.reason()).isEqualTo("LVEF 40 % is below the required at least 45 %");
        assertThat(c.constraint().key()).isEqualTo("LVEF|GE|45|%");
    }

    @Test
    void thresholdsIncludeTheirEndExceptStrictOnes() {
        Patient p = patient(null, m("LVEF", 45, "%"), m("ECOG", 1, null));
        assertThat(inclusion(p, "LVEF|GE|45|%").verdict()).isEqualTo(CriterionVerdict.MEETS);
        assertThat(inclusion(p, "LVEF|GT|45|%").verdict()).isEqualTo(CriterionVerdict.FAILS);
        assertThat(inclusion(p, "ECOG|LE|1|").verdict()).isEqualTo(CriterionVerdict.MEETS);
        assertThat(inclusion(p, "ECOG|LT|1|").verdict()).isEqualTo(CriterionVerdict.FAILS);
        assertThat(inclusion(p, "ECOG|LT|1|").reason()).isEqualTo("ECOG performance status 1 is above the required less than 1");
        assertThat(inclusion(p, "LVEF|BETWEEN|45..70|%").verdict()).isEqualTo(CriterionVerdict.MEETS);
        assertThat(inclusion(p, "LVEF|BETWEEN|50..70|%").reason()).isEqualTo("LVEF 45 % is below the required between 50 and 70 %");
    }

    @Test
    void aMeasurementInAnotherUnitIsConvertedBeforeComparing() {
        Patient p = patient(null, m("HEMOGLOBIN", 85, "g/L"), m("PLATELETS", 150000, "/µL"), m("LIFE_EXPECTANCY", 12, "weeks"));
        assertThat(inclusion(p, "HEMOGLOBIN|GE|9|g/dL").reason()).isEqualTo("hemoglobin 8.5 g/dL is below the required at least 9 g/dL");
        assertThat(inclusion(p, "PLATELETS|GE|100|10^9/L").verdict()).isEqualTo(CriterionVerdict.MEETS);
        assertThat(inclusion(p, "LIFE_EXPECTANCY|GE|3|months").verdict()).isEqualTo(CriterionVerdict.MEETS);
    }

    @Test
    void aUnitThatDoesNotConvertLeavesTheCriterionUnknownAndSaysWhy() {
        Patient p = patient(null, m("CREATININE", 0.8, "mg/dL"));
        ScreenedCriterion c = inclusion(p, "CREATININE|LE|1.5|xULN");
        assertThat(c.verdict()).isEqualTo(CriterionVerdict.UNKNOWN);
        assertThat(c.reason()).contains("creatinine given in mg/dL").contains("xULN");
        Patient both = patient(null, m("CREATININE", 0.8, "mg/dL"), m("CREATININE", 0.7, "xULN"));
        assertThat(inclusion(both, "CREATININE|LE|1.5|xULN").verdict()).isEqualTo(CriterionVerdict.MEETS);
    }

    @Test
    void aConceptTheProfileDoesNotGiveIsUnknownNamingWhatIsMissing() {
        ScreenedCriterion c = inclusion(patient(30.0), "PLATELETS|GE|100|10^9/L");
        assertThat(c.verdict()).isEqualTo(CriterionVerdict.UNKNOWN);
        assertThat(c.reason()).startsWith("platelets not given").contains("at least 100 10^9/L");
    }

    @Test
    void aCriterionWithoutConstraintsIsUnknown() {
        ScreenedCriterion c = criterion(patient(30.0), CriterionKind.INCLUSION);
        assertThat(c.verdict()).isEqualTo(CriterionVerdict.UNKNOWN);
        assertThat(c.constraint()).isNull();
        assertThat(c.reason()).contains("no structured requirement");
    }

    @Test
    void ageIsComparedInCompletedYearsAgainstWholeYearsAndExactlyAgainstMonths() {
        assertThat(inclusion(patient(18.7), "AGE|LE|18|years").verdict()).isEqualTo(CriterionVerdict.MEETS);
        assertThat(inclusion(patient(19.0), "AGE|LE|18|years").reason()).isEqualTo("age 19 years is above the required at most 18 years");
        assertThat(inclusion(patient(0.4), "AGE|GE|0.5|years").verdict()).isEqualTo(CriterionVerdict.FAILS);
        assertThat(inclusion(patient(0.6), "AGE|GE|0.5|years").verdict()).isEqualTo(CriterionVerdict.MEETS);
    }

    @Test
    void presenceConstraintsAreHeldAgainstFacts() {
        Patient pregnant = patient(30.0, f("PREGNANCY", true));
        assertThat(inclusion(pregnant, "PREGNANCY|ABSENT||").verdict()).isEqualTo(CriterionVerdict.FAILS);
        assertThat(inclusion(pregnant, "PREGNANCY|ABSENT||").reason())
                .isEqualTo("pregnancy present is not the required pregnancy absent");
        assertThat(inclusion(pregnant, "HIV|ABSENT||").verdict()).isEqualTo(CriterionVerdict.UNKNOWN);
    }

    @Test
    void sexConstraintsAreHeldAgainstSex() {
        Patient male = Patient.of(new PatientProfile(40.0, null, "MALE", null, null, null, null), TODAY);
        assertThat(inclusion(male, "SEX|EQ||FEMALE").verdict()).isEqualTo(CriterionVerdict.FAILS);
        assertThat(inclusion(male, "SEX|EQ||MALE").verdict()).isEqualTo(CriterionVerdict.MEETS);
        assertThat(inclusion(patient(40.0), "SEX|EQ||MALE").verdict()).isEqualTo(CriterionVerdict.UNKNOWN);
    }

    // ---- exclusion inversion ---------------------------------------------------------------------------------

    @Test
    void aPatientMatchingAnExclusionCriterionFailsIt() {
        Patient low = patient(null, m("LVEF", 40, "%"));
        ScreenedCriterion c = criterion(low, CriterionKind.EXCLUSION, "LVEF|LT|45|%");
        assertThat(c.verdict()).isEqualTo(CriterionVerdict.FAILS);
        assertThat(c.reason()).isEqualTo("LVEF 40 % matches the excluded less than 45 %");
        assertThat(criterion(patient(null, m("LVEF", 55, "%")), CriterionKind.EXCLUSION, "LVEF|LT|45|%").verdict())
                .isEqualTo(CriterionVerdict.MEETS);
        assertThat(criterion(patient(30.0, f("HIV", false)), CriterionKind.EXCLUSION, "HIV|PRESENT||").verdict())
                .isEqualTo(CriterionVerdict.MEETS);
        assertThat(criterion(patient(30.0), CriterionKind.EXCLUSION, "HIV|PRESENT||").verdict())
                .isEqualTo(CriterionVerdict.UNKNOWN);
    }

    @Test
    void anExclusionCriterionAppliesWhenAnyOfItsConstraintsHolds() {
        String[] hepatitis = {"HBV|PRESENT||", "HCV|PRESENT||"};
        assertThat(criterion(patient(30.0, f("HBV", false), f("HCV", true)), CriterionKind.EXCLUSION, hepatitis).verdict())
                .isEqualTo(CriterionVerdict.FAILS);
        assertThat(criterion(patient(30.0, f("HBV", false), f("HCV", false)), CriterionKind.EXCLUSION, hepatitis).verdict())
                .isEqualTo(CriterionVerdict.MEETS);
        assertThat(criterion(patient(30.0, f("HBV", false)), CriterionKind.EXCLUSION, hepatitis).verdict())
                .isEqualTo(CriterionVerdict.UNKNOWN);
        assertThat(criterion(patient(30.0, f("HCV", true)), CriterionKind.EXCLUSION, hepatitis).verdict())
                .isEqualTo(CriterionVerdict.FAILS);
    }

    @Test
    void otherSectionsApplyAsWrittenLikeInclusion() {
        assertThat(criterion(patient(null, m("LVEF", 40, "%")), CriterionKind.OTHER, "LVEF|GE|45|%").verdict())
                .isEqualTo(CriterionVerdict.FAILS);
    }

    @Test
    void exclusionVerdictsAreTheInverseOfInclusionVerdictsForAnyValueAndThreshold() {
        Random random = new Random(20261120);
        List<Comparator> comparators = List.of(Comparator.LT, Comparator.LE, Comparator.EQ, Comparator.GE, Comparator.GT);
        for (int i = 0; i < 2000; i++) {
            double value = random.nextInt(101);
            double threshold = random.nextInt(101);
            Comparator comparator = comparators.get(random.nextInt(comparators.size()));
            String key = "LVEF|" + comparator + "|" + (int) threshold + "|%";
            Patient p = patient(null, m("LVEF", value, "%"));
            CriterionVerdict included = criterion(p, CriterionKind.INCLUSION, key).verdict();
            CriterionVerdict excluded = criterion(p, CriterionKind.EXCLUSION, key).verdict();
            assertThat(excluded).as("%s with LVEF %s", key, value)
                    .isEqualTo(included == CriterionVerdict.MEETS ? CriterionVerdict.FAILS : CriterionVerdict.MEETS);
        }
    }

    // ---- several constraints in one criterion ----------------------------------------------------------------

    @Test
    void oneMetPerformanceScaleIsEnoughWhenTheOtherScalesAreNotGiven() {
        String[] seedCriterion = {"ECOG|LE|1|", "KARNOFSKY|GE|80|", "LANSKY|GE|80|"};
        ScreenedCriterion c = criterion(patient(12.0, m("ECOG", 1, null)), CriterionKind.INCLUSION, seedCriterion);
        assertThat(c.verdict()).isEqualTo(CriterionVerdict.MEETS);
        assertThat(c.reason()).startsWith("ECOG performance status 1 meets the required at most 1")
                .contains("not needed: alternatives here");
        assertThat(criterion(patient(12.0, m("ECOG", 2, null)), CriterionKind.INCLUSION, seedCriterion).verdict())
                .as("ECOG fails, but Karnofsky or Lansky might hold").isEqualTo(CriterionVerdict.UNKNOWN);
        assertThat(criterion(patient(12.0, m("ECOG", 2, null), m("LANSKY", 90, null)), CriterionKind.INCLUSION, seedCriterion)
                .verdict()).isEqualTo(CriterionVerdict.MEETS);
        assertThat(criterion(patient(12.0, m("ECOG", 2, null), m("LANSKY", 60, null), m("KARNOFSKY", 60, null)),
                CriterionKind.INCLUSION, seedCriterion).verdict()).isEqualTo(CriterionVerdict.FAILS);
    }

    @Test
    void requirementsOnDifferentThingsAreAllNeeded() {
        String[] liver = {"ALT|LE|3|xULN", "AST|LE|3|xULN"};
        assertThat(criterion(patient(null, m("ALT", 1, "xULN")), CriterionKind.INCLUSION, liver).verdict())
                .isEqualTo(CriterionVerdict.UNKNOWN);
        assertThat(criterion(patient(null, m("ALT", 1, "xULN"), m("AST", 4, "xULN")), CriterionKind.INCLUSION, liver)
                .verdict()).isEqualTo(CriterionVerdict.FAILS);
        ScreenedCriterion both = criterion(patient(null, m("ALT", 1, "xULN"), m("AST", 2, "xULN")), CriterionKind.INCLUSION, liver);
        assertThat(both.verdict()).isEqualTo(CriterionVerdict.MEETS);
        assertThat(both.checks()).extracting(ConstraintCheck::verdict).containsOnly(CriterionVerdict.MEETS);
    }

    @Test
    void boundsThatCanHoldTogetherAreARangeAndBoundsThatCannotAreAlternatives() {
        String[] range = {"AGE|GT|0.077|years", "AGE|LE|2|years"};
        assertThat(criterion(patient(1.0), CriterionKind.INCLUSION, range).verdict()).isEqualTo(CriterionVerdict.MEETS);
        assertThat(criterion(patient(5.0), CriterionKind.INCLUSION, range).verdict()).isEqualTo(CriterionVerdict.FAILS);
        String[] youngOrOld = {"AGE|LT|18|years", "AGE|GT|60|years"};
        assertThat(criterion(patient(70.0), CriterionKind.INCLUSION, youngOrOld).verdict()).isEqualTo(CriterionVerdict.MEETS);
        assertThat(criterion(patient(30.0), CriterionKind.INCLUSION, youngOrOld).verdict()).isEqualTo(CriterionVerdict.FAILS);
    }

    // ---- the record's limits and the trial verdict -------------------------------------------------------------

    @Test
    void theRecordsAgeAndSexLimitsCount() {
        TrialCriteria trial = new TrialCriteria("NCT00000001", new TrialCriteria.AgeLimit("6 Months", 0.5),
                new TrialCriteria.AgeLimit("18 Years", 18), "FEMALE", List.of());
        PreScreening.Screened adult = PreScreening.screen(
                Patient.of(new PatientProfile(40.0, null, "FEMALE", null, null, null, null), TODAY), trial);
        assertThat(adult.verdict()).isEqualTo(ScreeningVerdict.NOT_ELIGIBLE);
        assertThat(adult.criteria()).extracting(ScreenedCriterion::verdict)
                .containsExactly(CriterionVerdict.MEETS, CriterionVerdict.FAILS, CriterionVerdict.MEETS);
        assertThat(adult.criteria().get(1).reason()).isEqualTo("age 40 years is above the trial's maximum age of 18 Years");
        assertThat(adult.criteria()).allSatisfy(c -> assertThat(c.section()).isEqualTo(PreScreening.LIMITS_SECTION));
        PreScreening.Screened baby = PreScreening.screen(patient(0.25), trial);
        assertThat(baby.criteria()).extracting(ScreenedCriterion::verdict)
                .containsExactly(CriterionVerdict.FAILS, CriterionVerdict.MEETS, CriterionVerdict.UNKNOWN);
    }

    @Test
    void anyFailureMakesATrialNotEligibleAndAnyUnknownNeedsReview() {
        TrialCriteria trial = trial("NCT00000001", stated(CriterionKind.INCLUSION, "LVEF|GE|45|%"),
                stated(CriterionKind.EXCLUSION, "HIV|PRESENT||"));
        assertThat(PreScreening.screen(patient(30.0, m("LVEF", 50, "%"), f("HIV", false)), trial).verdict())
                .isEqualTo(ScreeningVerdict.ELIGIBLE_SO_FAR);
        PreScreening.Screened review = PreScreening.screen(patient(30.0, m("LVEF", 50, "%")), trial);
        assertThat(review.verdict()).isEqualTo(ScreeningVerdict.NEEDS_REVIEW);
        assertThat(review.unknowns()).isEqualTo(1);
        PreScreening.Screened failed = PreScreening.screen(patient(30.0, m("LVEF", 40, "%")), trial);
        assertThat(failed.verdict()).isEqualTo(ScreeningVerdict.NOT_ELIGIBLE);
        assertThat(failed.fails()).isEqualTo(1);
        assertThat(failed.unknowns()).isEqualTo(1);
    }

    @Test
    void rankingPutsNotEligibleLastThenFewestUnknownsThenNctId() {
        Patient p = patient(30.0, m("LVEF", 50, "%"));
        PreScreening.Screened failing = PreScreening.screen(p, trial("NCT00000001", stated(CriterionKind.INCLUSION, "LVEF|GE|55|%")));
        PreScreening.Screened twoUnknown = PreScreening.screen(p, trial("NCT00000002",
                stated(CriterionKind.INCLUSION, "HIV|ABSENT||"), stated(CriterionKind.INCLUSION)));
        PreScreening.Screened oneUnknownB = PreScreening.screen(p, trial("NCT00000004", stated(CriterionKind.INCLUSION)));
        PreScreening.Screened oneUnknownA = PreScreening.screen(p, trial("NCT00000003", stated(CriterionKind.INCLUSION)));
        PreScreening.Screened eligible = PreScreening.screen(p, trial("NCT00000005", stated(CriterionKind.INCLUSION, "LVEF|GE|45|%")));
        assertThat(PreScreening.rank(List.of(failing, twoUnknown, oneUnknownB, oneUnknownA, eligible)))
                .extracting(PreScreening.Screened::nctId)
                .containsExactly("NCT00000005", "NCT00000003", "NCT00000004", "NCT00000002", "NCT00000001");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static Measurement m(String concept, double value, String unit) {
        return new Measurement(concept, value, unit);
    }

    static Fact f(String concept, boolean present) {
        return new Fact(concept, present);
    }

    static Patient patient(Double age, Object... values) {
        List<Measurement> measurements = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Measurement m) {
                measurements.add(m);
            } else {
                facts.add((Fact) v);
            }
        }
        return Patient.of(new PatientProfile(age, null, null, null, measurements, facts, null), TODAY);
    }

    /** A constraint from its key, e.g. LVEF|GE|45|% or AGE|BETWEEN|18..75|years, labelled as the engine labels it. */
    static ScreeningConstraint constraint(String key) {
        String[] parts = key.split("\\|", -1);
        Concept concept = Concept.valueOf(parts[0]);
        Comparator comparator = Comparator.valueOf(parts[1]);
        Double value = null;
        Double upper = null;
        if (!parts[2].isEmpty()) {
            String[] range = parts[2].split("\\.\\.");
            value = Double.valueOf(range[0]);
            upper = range.length > 1 ? Double.valueOf(range[1]) : null;
        }
        String label = new Constraint(concept, comparator, value, upper, parts[3], "").label();
        return new ScreeningConstraint(key, concept, comparator, value, upper, parts[3], label);
    }

    static TrialCriteria.Stated stated(CriterionKind kind, String... keys) {
        return new TrialCriteria.Stated(kind, kind.name(), 1, "criterion " + Arrays.toString(keys),
                Arrays.stream(keys).map(PreScreeningTest::constraint).toList());
    }

    static TrialCriteria trial(String nctId, TrialCriteria.Stated... criteria) {
        return new TrialCriteria(nctId, null, null, "ALL", List.of(criteria));
    }

    static ScreenedCriterion criterion(Patient p, CriterionKind kind, String... keys) {
        return PreScreening.screen(p, trial("NCT00000001", stated(kind, keys))).criteria().get(0);
    }

    static ScreenedCriterion inclusion(Patient p, String key) {
        return criterion(p, CriterionKind.INCLUSION, key);
    }
}
