package org.trialgraph.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConstraintExtractionTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    private List<String> keys(String criterion) {
        return engine.constraintsOf(criterion).stream().map(Constraint::key).toList();
    }

    @Test
    void ecogZeroToOneIsAtMostOne() {
        assertThat(keys("ECOG 0-1")).containsExactly("ECOG|LE|1|");
        assertThat(keys("ECOG performance status of 0, 1, or 2")).containsExactly("ECOG|LE|2|");
        assertThat(keys("ECOG status of 2 or better")).containsExactly("ECOG|LE|2|");
    }

    @Test
    void karnofskyRangeToHundredIsAtLeast() {
        assertThat(keys("Karnofsky performance status 70-100%")).containsExactly("KARNOFSKY|GE|70|");
    }

    @Test
    void agedMoreThan28DaysToAtMost24MonthsIsTwoAgeConstraintsInYears() {
        assertThat(keys("Male or female subjects aged \\> 28 days to ≤ 24 months at Screening Visit"))
                .containsExactly("AGE|GT|0.077|years", "AGE|LE|2|years");
    }

    @Test
    void atLeastAndAtMostAgeMergeIntoBetween() {
        assertThat(keys("Age ≥ 18 years and ≤ 75 years")).containsExactly("AGE|BETWEEN|18..75|years");
        assertThat(keys("18-75 years of age")).containsExactly("AGE|BETWEEN|18..75|years");
    }

    @Test
    void glycatedHemoglobinIsHbA1cNotHemoglobin() {
        assertThat(keys("Glycated hemoglobin \\> 12%;")).containsExactly("HBA1C|GT|12|%");
        assertThat(keys("HbA1c ≤ 86 mmol/mol")).containsExactly("HBA1C|LE|10|%");
    }

    @Test
    void gestationalAgeIsNotAge() {
        assertThat(keys("Gestational age < 26 weeks")).containsExactly("GESTATIONAL_AGE|LT|26|weeks");
        assertThat(keys("Prematurity (<34 weeks gestation)")).containsExactly("GESTATIONAL_AGE|LT|34|weeks");
    }

    @Test
    void childsAgeInMotherOfAPatientIsNotTheParticipantsAge() {
        assertThat(keys("Adult mother of a patient \\<12 years of age diagnosed with FA")).isEmpty();
        assertThat(keys("Mother's age \\<18 years")).containsExactly("AGE|LT|18|years");
    }

    @Test
    void listNumberingIsNotAValue() {
        assertThat(keys("6. Platelets ≥ 75,000/mm3")).containsExactly("PLATELETS|GE|75|10^9/L");
        ParsedEligibility p = engine.parse("Inclusion Criteria:\n12\\. Hemoglobin ≥ 9 g/dL\n");
        assertThat(p.allCriteria().get(0).constraints()).extracting(Constraint::key).containsExactly("HEMOGLOBIN|GE|9|g/dL");
    }

    @Test
    void severalConceptsInOneCriterionGiveSeveralConstraints() {
        assertThat(keys("ALT/AST ≤ 3 × ULN")).containsExactly("ALT|LE|3|xULN", "AST|LE|3|xULN");
        assertThat(keys("INR ≤ 1.5×ULN, APTT ≤ 1.5×ULN")).containsExactly("INR|LE|1.5|xULN", "APTT|LE|1.5|xULN");
        assertThat(keys("Lansky/Karnofsky score ≥ 80")).containsExactly("LANSKY|GE|80|", "KARNOFSKY|GE|80|");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ANC > 500/µL                      | ANC;GT;0.5",
            "ANC > 0.5×10⁹/L                   | ANC;GT;0.5",
            "ANC ≥ 1,500/mm3                   | ANC;GE;1.5",
            "absolute neutrophil count ≥ 1.5 x 10^9/L | ANC;GE;1.5",
            "Platelets ≥ 100,000/µL            | PLATELETS;GE;100",
            "platelet count ≥ 100 × 10^3/µL    | PLATELETS;GE;100",
            "WBC ≥ 3000/mm³                    | WBC;GE;3"})
    void cellCountsAreComparableIn10e9PerLitre(String criterion, String expected) {
        String[] e = expected.split(";");
        assertThat(keys(criterion)).containsExactly(e[0] + "|" + e[1] + "|" + e[2] + "|10^9/L");
    }

    @Test
    void hemoglobinInGramsPerLitreIsConvertedToGramsPerDecilitre() {
        assertThat(keys("Hemoglobin ≥ 90 g/L")).containsExactly("HEMOGLOBIN|GE|9|g/dL");
        assertThat(keys("Hemoglobin ≥ 9 g/dL")).containsExactly("HEMOGLOBIN|GE|9|g/dL");
    }

    @Test
    void creatinineInMicromolesIsConvertedToMilligramsPerDecilitre() {
        assertThat(keys("Serum creatinine ≤ 133 µmol/L")).containsExactly("CREATININE|LE|1.5|mg/dL");
        assertThat(keys("Creatinine clearance ≥ 60 mL/min/1.73 m²")).containsExactly("CREATININE_CLEARANCE|GE|60|mL/min");
    }

    @Test
    void lifeExpectancyIsInMonthsWithWeeksRoundedToHalfMonths() {
        assertThat(keys("Life expectancy ≥ 12 weeks")).containsExactly("LIFE_EXPECTANCY|GE|3|months");
        assertThat(keys("Life expectancy of at least 3 months")).containsExactly("LIFE_EXPECTANCY|GE|3|months");
    }

    @Test
    void exclusionCriterionIsStoredAsStated() {
        ParsedEligibility p = engine.parse("Exclusion Criteria:\n* LVEF < 45%\n");
        assertThat(p.sections().get(0).kind()).isEqualTo(CriterionKind.EXCLUSION);
        assertThat(p.allCriteria().get(0).constraints()).extracting(Constraint::key).containsExactly("LVEF|LT|45|%");
    }

    @Test
    void pregnancyAndBreastfeedingPresenceFollowsTheWording() {
        assertThat(keys("Pregnant or breastfeeding women")).containsExactly("PREGNANCY|PRESENT||", "BREASTFEEDING|PRESENT||");
        assertThat(keys("Women of childbearing potential must have a negative pregnancy test")).containsExactly("PREGNANCY|ABSENT||");
        assertThat(keys("Not pregnant or breastfeeding")).containsExactly("PREGNANCY|ABSENT||", "BREASTFEEDING|ABSENT||");
    }

    @Test
    void infectionsArePresentUnlessNegated() {
        assertThat(keys("HIV positive")).containsExactly("HIV|PRESENT||");
        assertThat(keys("Known HIV, hepatitis B or C infection")).containsExactly("HIV|PRESENT||", "HBV|PRESENT||", "HCV|PRESENT||");
        assertThat(keys("HIV negative")).containsExactly("HIV|ABSENT||");
        assertThat(keys("No known active brain metastases")).containsExactly("CNS_METASTASES|ABSENT||");
        assertThat(keys("Patients receiving HIV protease inhibitors")).isEmpty();
        assertThat(keys("Do not expect to change their anti-HIV therapy")).isEmpty();
        assertThat(keys("Prior participation on an HIV vaccine trial")).isEmpty();
    }

    @Test
    void qualifiersLikeNotYetTreatedDoNotNegateAndNursingCareIsNotBreastfeeding() {
        assertThat(keys("Newly diagnosed, not yet treated or uncontrolled brain metastases")).containsExactly("CNS_METASTASES|PRESENT||");
        assertThat(keys("Eligible for home care services (physiotherapy, nursing)")).isEmpty();
        assertThat(keys("Pregnant or nursing women")).containsExactly("PREGNANCY|PRESENT||", "BREASTFEEDING|PRESENT||");
    }

    @Test
    void sexIsOnlyReadWhenTheCriterionRestrictsToOneSex() {
        assertThat(keys("Female participants aged 18 to 45 years"))
                .containsExactly("SEX|EQ||FEMALE", "AGE|BETWEEN|18..45|years");
        assertThat(keys("Male or female, 18 years or older")).containsExactly("AGE|GE|18|years");
        assertThat(keys("Women of childbearing potential must use contraception")).isEmpty();
    }

    @Test
    void secondBoundAfterAndOrIsRead() {
        assertThat(keys("body weight >/= 20kg and </= 150kg")).containsExactly("WEIGHT|BETWEEN|20..150|kg");
        assertThat(keys("weigh less than 30 kg or more than 120 kg")).containsExactly("WEIGHT|LT|30|kg", "WEIGHT|GT|120|kg");
        assertThat(keys("Individuals under 18 or over 60 years of age")).containsExactlyInAnyOrder("AGE|LT|18|years", "AGE|GT|60|years");
        assertThat(keys("ECOG PS of 0~1")).containsExactly("ECOG|LE|1|");
    }

    @Test
    void alternativeThresholdAfterOrIsNotRead() {
        assertThat(keys("ALT ≤ 3 × ULN or ≤ 5 × ULN with liver metastases")).containsExactly("ALT|LE|3|xULN");
    }

    @Test
    void ageRangeWithDifferentUnitsIsOneBetweenInYears() {
        assertThat(keys("Aged 31 days to 30 years (inclusive)")).containsExactly("AGE|BETWEEN|0.085..30|years");
    }

    @Test
    void subgroupAgesAreNotRequirementsAndDoNotClaimAScore() {
        assertThat(keys("Lansky score ≥ 50 for participants <16 years of age or Karnofsky score ≥ 50 for participants ≥ 16 years"))
                .containsExactly("LANSKY|GE|50|", "KARNOFSKY|GE|50|");
        assertThat(keys("In the case of participants under the age of 18, written assent")).isEmpty();
        assertThat(keys("Over the age of 50 years")).containsExactly("AGE|GT|50|years");
    }

    @Test
    void timeSinceIsNotAge() {
        assertThat(keys("No chemotherapy within the past 5 years")).isEmpty();
        assertThat(keys("Patients treated for at least 2 years")).isEmpty();
    }

    @Test
    void nyhaClassIsReadAfterOrBeforeTheScaleName() {
        assertThat(keys("New York Heart Association (NYHA) class III or IV heart failure")).containsExactly("NYHA|GE|3|");
        assertThat(keys("Class III/IV congestive heart failure as defined by the New York Heart Association")).containsExactly("NYHA|GE|3|");
        assertThat(keys("NYHA class II or lower")).containsExactly("NYHA|LE|2|");
        assertThat(keys("NYHA class I-II")).containsExactly("NYHA|LE|2|");
        assertThat(keys("NYHA Classification > Class 2;")).containsExactly("NYHA|GT|2|");
        assertThat(keys("Heart failure (class II - IV)")).containsExactly("NYHA|GE|2|");
        assertThat(keys("Heart failure NYHA class III")).containsExactly("NYHA|EQ|3|");
        assertThat(keys("Uncontrolled infection (> grade 2, CTCAE v5.0) or NYHA heart failure")).isEmpty();
    }

    @Test
    void cd4CountsStayInCellsPerMicrolitreAndMayPrecedeTheName() {
        assertThat(keys("CD4 count >= 50/mcL")).containsExactly("CD4|GE|50|cells/uL");
        assertThat(keys("CD4+ T-cell (CD4+) counts less than (<) 350 cells/microlitre (mcL)")).containsExactly("CD4|LT|350|cells/uL");
        assertThat(keys("HIV-negative subjects with ≤200 CD4/μl")).containsExactly("CD4|LE|200|cells/uL", "HIV|ABSENT||");
        assertThat(keys("CD4 count ≥ 0.2 × 10^9/L")).containsExactly("CD4|GE|200|cells/uL");
        assertThat(keys("CD4 percent of 15 percent or higher")).containsExactly("CD4|GE|15|%");
        assertThat(keys("Prior anti-CD4 antibody therapy")).isEmpty();
    }

    @Test
    void psaLevelIsReadButItsKineticsAreNot() {
        assertThat(keys("Gleason score ≤6 and PSA ≤10 ng/mL")).containsExactly("PSA|LE|10|ng/mL");
        assertThat(keys("Serum prostate-specific antigen (PSA) > 4 µg/L")).containsExactly("PSA|GT|4|ng/mL");
        assertThat(keys("PSA doubling time <3 months")).isEmpty();
    }

    @Test
    void bloodPressureIsSystolicAndDiastolicInMmHg() {
        assertThat(keys("Uncontrolled hypertension (systolic blood pressure ≥ 160 mmHg or diastolic blood pressure ≥ 100 mmHg)"))
                .containsExactly("SYSTOLIC_BP|GE|160|mmHg", "DIASTOLIC_BP|GE|100|mmHg");
        assertThat(keys("Blood pressure ≥140/90 mmHg")).containsExactly("SYSTOLIC_BP|GE|140|mmHg", "DIASTOLIC_BP|GE|90|mmHg");
        assertThat(keys("sustained blood pressure (BP) > 140 mm Hg systolic, or > 90 mm Hg diastolic"))
                .containsExactly("SYSTOLIC_BP|GT|140|mmHg", "DIASTOLIC_BP|GT|90|mmHg");
        assertThat(keys("hypertension ≥ 150 mm Hg (systolic) and/or ≥ 100 mm Hg (diastolic)"))
                .containsExactly("SYSTOLIC_BP|GE|150|mmHg", "DIASTOLIC_BP|GE|100|mmHg");
        assertThat(keys("Normal blood pressure (Systolic between 150 - 90, Diastolic between 90-60 mm Hg)"))
                .containsExactly("SYSTOLIC_BP|BETWEEN|90..150|mmHg", "DIASTOLIC_BP|BETWEEN|60..90|mmHg");
    }

    @Test
    void aChangeInAValueIsNotALevel() {
        assertThat(keys("a sudden increase in systolic blood pressure of greater than 40 mm Hg")).isEmpty();
        assertThat(keys("hypotension (≥20% reduction in systolic blood pressure)")).isEmpty();
    }

    @Test
    void oneSexPhrasingsAndSexSpecificThresholds() {
        assertThat(keys("Women only")).containsExactly("SEX|EQ||FEMALE");
        assertThat(keys("18-65 years of age, male,")).containsExactly("SEX|EQ||MALE", "AGE|BETWEEN|18..65|years");
        assertThat(keys("Patient eligibility consists of men 40 to 65 years of age"))
                .containsExactly("SEX|EQ||MALE", "AGE|BETWEEN|40..65|years");
        assertThat(keys("For men: agreement to use contraceptive measures")).isEmpty();
        assertThat(keys("Creatinine > 1.5 mg/dL in men and > 1.4 mg/dL in women")).containsExactly("CREATININE|GT|1.5|mg/dL");
        assertThat(keys("Male subjects with body weight of 50 kilogram (kg) or above; female subjects body weight of 45 kg or above"))
                .containsExactly("WEIGHT|GE|50|kg");
    }

    @Test
    void valuesBeforeTheConceptOrWithoutAnOperator() {
        assertThat(keys("Absolute neutrophil count greater than 1,500 neutrophils/mm3")).containsExactly("ANC|GT|1.5|10^9/L");
        assertThat(keys("at least 100,000 platelets/mm3")).containsExactly("PLATELETS|GE|100|10^9/L");
        assertThat(keys("Platelet count 100,000 cells/μL without transfusion")).containsExactly("PLATELETS|GE|100|10^9/L");
        assertThat(keys("Total bilirubin 1.5 x ULN")).containsExactly("BILIRUBIN|LE|1.5|xULN");
        assertThat(keys("ALT or AST greater than twice the upper limit of normal")).containsExactly("ALT|GT|2|xULN", "AST|GT|2|xULN");
        assertThat(keys("History of > 2 platelet transfusions")).isEmpty();
        assertThat(keys("Platelet count: ")).isEmpty();
        assertThat(keys("aged 18 to 65, platelet count between")).containsExactly("AGE|BETWEEN|18..65|years");
        assertThat(keys("ANC ≥ 1.5, platelet count")).containsExactly("ANC|GE|1.5|10^9/L");
        assertThat(keys("Life expectancy &gt;= 8 weeks")).containsExactly("LIFE_EXPECTANCY|GE|2|months");
    }

    @Test
    void erectileAidsAreNotAidsAndAnEqualsSignCanIntroduceARange() {
        assertThat(keys("No consistent use of erectile aids or walking aids")).isEmpty();
        assertThat(keys("History of AIDS-defining illness")).containsExactly("HIV|PRESENT||");
        assertThat(keys("ECOG=0-1")).containsExactly("ECOG|LE|1|");
    }


    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Equal to or older than 18 years of age   ; AGE|GE|18|years",
            "Older than or equal to 21 years          ; AGE|GE|21|years",
            "Younger than 65 years old                ; AGE|LT|65|years",
            "Patients older than 40 years             ; AGE|GT|40|years",
            "Age equal to or younger than 75 years    ; AGE|LE|75|years",
            "no younger than 30 years of age          ; AGE|GE|30|years",
    })
    void olderAndYoungerThanAreAgeOperators(String criterion, String expected) {
        assertThat(keys(criterion)).containsExactly(expected.strip());
    }

    @Test
    void olderAndYoungerBoundsCombineAndNoOlderThanIsAMaximum() {
        assertThat(keys("must be at least 12 years of age and no older than 76 years of age")).containsExactly("AGE|BETWEEN|12..76|years");
        assertThat(keys("People less than 18 years old and older than 70 years"))
                .containsExactlyInAnyOrder("AGE|LT|18|years", "AGE|GT|70|years");
    }

    /** A property over generated ages: each spelling of an age bound reads back the number it was given. */
    @ParameterizedTest
    @MethodSource("ages")
    void everyAgeWrittenWithOlderOrYoungerReadsBackAsThatAge(int age) {
        assertThat(keys("Equal to or older than " + age + " years of age")).containsExactly("AGE|GE|" + age + "|years");
        assertThat(keys("Younger than " + age + " years old")).containsExactly("AGE|LT|" + age + "|years");
        assertThat(keys("Subjects no older than " + age + " years")).containsExactly("AGE|LE|" + age + "|years");
    }

    static IntStream ages() {
        return IntStream.rangeClosed(1, 99);
    }

    @Test
    void olderThanAboutAThingOrAConditionalAgeIsNotTheParticipantsAge() {
        assertThat(keys("MRI available (not older than 4 years prior to study enrolment)")).isEmpty();
        assertThat(keys("Skin prick test performed not older than 60 days before screening")).isEmpty();
        assertThat(keys("If younger than 18 years old, must weigh 50 kg or more")).containsExactly("WEIGHT|GE|50|kg");
        assertThat(keys("IgE >15 kUA/L, or > 5 kUA/L if younger than 1 year")).isEmpty();
        assertThat(keys("Included if they are between 10 and 64 years of age")).containsExactly("AGE|BETWEEN|10..64|years");
    }

    @Test
    void anAgeInBracketsRightAfterAnotherValueQualifiesThatValue() {
        assertThat(keys("Performance status - Lansky 50-100% (age 10 and under)")).containsExactly("LANSKY|GE|50|");
        assertThat(keys("CD4 count of at least 750 (under 12 months of age) cells/mm3")).containsExactly("CD4|GE|750|cells/uL");
        assertThat(keys("Adults (>= 18 years)")).containsExactly("AGE|GE|18|years");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Forty married diabetic type 2 men with erectile dysfunction | MALE",
            "Sexually active men, not receiving PDE5 inhibitors           | MALE",
            "Sexually active men without consistent use of erectile aids  | MALE",
            "Postpartum women with lumbopelvic pain                       | FEMALE",
            "Heterosexual males                                           | MALE",
            "2. Infertile men with oligospermia                           | MALE",
    })
    void aSexNounAfterAnyModifiersRestrictsToThatSex(String criterion, String sex) {
        assertThat(keys(criterion)).contains("SEX|EQ||" + sex.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Pregnant or lactating women",
            "Non-pregnant women",
            "Partners of pregnant women",
            "History of infertility in men",
            "Child-bearing potential female",
            "Anticipate having the same male partner during the study",
            "Women without contraception",
            "Female participant planning to become pregnant",
            "Sexually active women of childbearing potential must use contraception",
    })
    void aSexNounAfterAFunctionWordVerbOrPregnancyStateDoesNotRestrict(String criterion) {
        assertThat(keys(criterion)).noneMatch(k -> k.startsWith("SEX"));
    }

    @Test
    void aSecondBoundAfterABracketedUnitOrASlashIsRead() {
        assertThat(keys("Systolic blood pressure >170 millimeters of mercury (mm Hg) or <90 mm Hg"))
                .containsExactlyInAnyOrder("SYSTOLIC_BP|GT|170|mmHg", "SYSTOLIC_BP|LT|90|mmHg");
        assertThat(keys("Diastolic blood pressure <60/>90 mmHg"))
                .containsExactlyInAnyOrder("DIASTOLIC_BP|LT|60|mmHg", "DIASTOLIC_BP|GT|90|mmHg");
        assertThat(keys("Blood pressure >= 140/90 mmHg")).containsExactlyInAnyOrder("SYSTOLIC_BP|GE|140|mmHg", "DIASTOLIC_BP|GE|90|mmHg");
    }

    @Test
    void aLowAndAHighBloodPressureReadingGiveBothSides() {
        assertThat(keys("Resting hypotension (BP < 90/50 mm Hg), or resting hypertension (BP > 170/110 mm Hg)"))
                .containsExactlyInAnyOrder("SYSTOLIC_BP|LT|90|mmHg", "DIASTOLIC_BP|LT|50|mmHg", "SYSTOLIC_BP|GT|170|mmHg",
                        "DIASTOLIC_BP|GT|110|mmHg");
        assertThat(keys("Blood pressure >= 140/90 mmHg, or blood pressure >= 160/100 mmHg on treatment"))
                .containsExactlyInAnyOrder("SYSTOLIC_BP|GE|140|mmHg", "DIASTOLIC_BP|GE|90|mmHg");
    }

    @Test
    void outsideARangeIsBelowItsLowerOrAboveItsUpperEnd() {
        assertThat(keys("Platelet count outside the normal range (150 to 400 × 10⁹/L)"))
                .containsExactlyInAnyOrder("PLATELETS|LT|150|10^9/L", "PLATELETS|GT|400|10^9/L");
        assertThat(keys("Platelet count of 150 to 400 × 10⁹/L")).containsExactly("PLATELETS|BETWEEN|150..400|10^9/L");
    }

    @Test
    void aValueMeasuredFromAReferenceIsNotALevel() {
        assertThat(keys("Creatinine no greater than 0.3 mg/dL above upper limit of normal for age")).isEmpty();
        assertThat(keys("BMI more than 40 or a weight of more than 45 kg (100 lbs.) over ideal body weight")).containsExactly("BMI|GT|40|kg/m2");
        assertThat(keys("Weight more than 45 kg")).containsExactly("WEIGHT|GT|45|kg");
    }

    @Test
    void thresholdsOfALaterSentencesSubgroupOrOfAProvisoAreNotRequirements() {
        assertThat(keys("PSA less than 10 ng/ml. Men with PSA greater than 4 and less than 10 ng/ml must have a negative biopsy"))
                .containsExactly("PSA|LT|10|ng/mL");
        assertThat(keys("Alkaline phosphatase no greater than 2.5 times ULN (4 times ULN provided transaminases no greater than ULN)"))
                .containsExactly("ALP|LE|2.5|xULN");
        assertThat(keys("Patients with PSA greater than 4 ng/ml")).containsExactly("PSA|GT|4|ng/mL");
    }

    @Test
    void nonpregnantWrittenAsOneWordIsPregnancyAbsent() {
        assertThat(keys("The serum or urine test indicates nonpregnant woman")).containsExactly("PREGNANCY|ABSENT||");
        assertThat(keys("Pregnant woman")).containsExactly("PREGNANCY|PRESENT||");
    }

    @Test
    void aReadingAfterHypertensionOrHypotensionIsABloodPressure() {
        assertThat(keys("hypertension (>170/110 mm Hg), hypotension (<90/50 mm Hg) or significant cardiovascular disease"))
                .containsExactlyInAnyOrder("SYSTOLIC_BP|GT|170|mmHg", "DIASTOLIC_BP|GT|110|mmHg", "SYSTOLIC_BP|LT|90|mmHg",
                        "DIASTOLIC_BP|LT|50|mmHg");
        assertThat(keys("Uncontrolled hypotension (<90/60mmHg), uncontrolled hypertension (≥160/95mmHg); Orthostatic hypotension."))
                .containsExactlyInAnyOrder("SYSTOLIC_BP|LT|90|mmHg", "DIASTOLIC_BP|LT|60|mmHg", "SYSTOLIC_BP|GE|160|mmHg",
                        "DIASTOLIC_BP|GE|95|mmHg");
        assertThat(keys("Poorly controlled hypertension >130/80 mmHg")).containsExactlyInAnyOrder("SYSTOLIC_BP|GT|130|mmHg", "DIASTOLIC_BP|GT|80|mmHg");
        assertThat(keys("History of hypertension for 10/20 patients")).isEmpty();
        assertThat(keys("Pulmonary hypertension")).isEmpty();
    }

    @Test
    void aBoundRestatedAfterARangeIsTheRangeAlone() {
        assertThat(keys("Between 18 and 80 years of age. (≥18 years and < 80 years)")).containsExactly("AGE|BETWEEN|18..80|years");
        // a bound before a (conditional) range is its own requirement
        assertThat(keys("Serum creatinine < 1.5 x ULN. If creatinine 1.0 - 1.5 x ULN, creatinine clearance >= 60 mL/min"))
                .contains("CREATININE|LT|1.5|xULN");
        assertThat(keys("Age 18-75 years; BMI < 35 kg/m2")).containsExactly("AGE|BETWEEN|18..75|years", "BMI|LT|35|kg/m2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Partners who are <18 years of age, who are nursing, who are known to be pregnant at screening
            Sexual partner is a pregnant or lactating female
            Subject's sexual partner is < 18 years of age, nursing, or known to be pregnant at screening
            Partner is not pregnant or lactating
            """)
    void aCriterionAboutThePartnerStatesNothingAboutTheParticipant(String criterion) {
        assertThat(keys(criterion)).isEmpty();
    }

    @Test
    void thePartnersOfSomeoneAreTheParticipants() {
        assertThat(keys("Partners of men who meet the above criteria and are 18 years of age or older")).containsExactly("AGE|GE|18|years");
    }

    @Test
    void anAgeThatNamesTheSubgroupAStatementAppliesToIsNotARequirement() {
        assertThat(keys("Subjects age 11 and older: Subject is known to be pregnant, attempting to conceive or is not willing to practice "
                + "birth control (applicable to only to female subjects age 11 and older).")).containsExactly("PREGNANCY|PRESENT||");
        assertThat(keys("Subject has a history of hypoglycemia unawareness (only applicable to subjects age 11 and older).")).isEmpty();
        assertThat(keys("Age: 18-65 years")).containsExactly("AGE|BETWEEN|18..65|years");
    }

    @Test
    void hivStatusOrAnHivVaccineIsNoInfection() {
        assertThat(keys("Self-reported HIV status")).isEmpty();
        assertThat(keys("Treatment with an HIV-1 immunotherapeutic vaccine within 90 days of Screening.")).isEmpty();
        assertThat(keys("Known HIV status positive")).containsExactly("HIV|PRESENT||");
        assertThat(keys("HIV-1 infection")).containsExactly("HIV|PRESENT||");
    }

    @Test
    void aTumorMetastaticToTheCnsIsCnsMetastases() {
        assertThat(keys("Patients with a primary Central Nervous System (CNS) tumor or tumor metastatic to the CNS"))
                .containsExactly("CNS_METASTASES|PRESENT||");
        assertThat(keys("Those with metastases in the brainstem")).containsExactly("CNS_METASTASES|PRESENT||");
    }

    @Test
    void aSecondBoundAfterACommaIsTheOtherSideOfTheRange() {
        assertThat(keys("Body Mass Index(BMI) is not less than 19 kg/m2 , no more than 27 kg/m2")).containsExactly("BMI|BETWEEN|19..27|kg/m2");
        assertThat(keys("BMI >= 19 kg/m2, HbA1c < 8%")).containsExactly("BMI|GE|19|kg/m2", "HBA1C|LT|8|%");
    }

    @Test
    void brainNamedWithOtherMetastaticSitesIsCnsMetastases() {
        assertThat(keys("Patients with severe brain or bone metastases;")).containsExactly("CNS_METASTASES|PRESENT||");
        assertThat(keys("Patients with bone metastases")).isEmpty();
    }

    @Test
    void aSexAfterTheParticipantAndACopulaOrBeforeAPersonNounRestricts() {
        assertThat(keys("The patient is a man between 18 and 80 years of age.")).containsExactly("SEX|EQ||MALE", "AGE|BETWEEN|18..80|years");
        assertThat(keys("Subject is male;")).containsExactly("SEX|EQ||MALE");
        assertThat(keys("Male prostate cancer survivor previously treated with radiotherapy")).containsExactly("SEX|EQ||MALE");
        assertThat(keys("Subject is a woman of childbearing potential who is pregnant, nursing, or not using contraception."))
                .doesNotContain("SEX|EQ||FEMALE");
        assertThat(keys("Participant is a female that is pregnant or lactating")).doesNotContain("SEX|EQ||FEMALE");
    }

    @Test
    void atOrAboveAnAgeIncludesIt() {
        assertThat(keys("Men of or above the age of 40 years")).containsExactly("SEX|EQ||MALE", "AGE|GE|40|years");
        assertThat(keys("Age at or below 65 years")).containsExactly("AGE|LE|65|years");
    }

    @Test
    void yearsOfAgeWithHyphensIsAnAge() {
        assertThat(keys("Males 18 years-of-age or older.")).containsExactly("SEX|EQ||MALE", "AGE|GE|18|years");
    }

    @Test
    void aBareNumberBeforeToAndAnUpperAgeBoundIsTheLowerBound() {
        assertThat(keys("Age 4 to <8 years (phase 1) or age 4 to <13 years (phase 2)")).containsExactly("AGE|LT|8|years", "AGE|GE|4|years");
        assertThat(keys("Participants must be 5 to < 12 years of age")).containsExactly("AGE|LT|12|years", "AGE|GE|5|years");
        assertThat(keys("Grade 2 to < 18 years of age")).doesNotContain("AGE|GE|2|years").contains("AGE|LT|18|years");
    }

    @Test
    void aSexWordFollowedByACommaStillRestricts() {
        assertThat(keys("Male, must be ≥ 18 years of age, with prostate adenocarcinoma")).containsExactly("SEX|EQ||MALE", "AGE|GE|18|years");
        assertThat(keys("Men, who cannot read or write Danish.")).isEmpty();
    }

    @Test
    void aMenopausalModifierMakesTheSexNounARestriction() {
        assertThat(keys("Postmenopausal female who has sustained a non-traumatic fracture.")).containsExactly("SEX|EQ||FEMALE");
        assertThat(keys("Female who is breastfeeding")).doesNotContain("SEX|EQ||FEMALE");
    }

    @Test
    void aSexNounWithAPregnancyStateDescribesTheStateNotARestriction() {
        assertThat(keys("women with positive pregnancy tests before the trial")).containsExactly("PREGNANCY|PRESENT||");
        assertThat(keys("Females with a positive pregnancy test, pregnant females, or lactating females."))
                .containsExactlyInAnyOrder("PREGNANCY|PRESENT||", "BREASTFEEDING|PRESENT||");
    }

    @Test
    void aBloodPressureReadingSplitByWordsGivesBothValues() {
        assertThat(keys("A history or clinical signs of hypotension (BP <90 mmHg systolic / 50mmHg diastolic)"))
                .containsExactly("SYSTOLIC_BP|LT|90|mmHg", "DIASTOLIC_BP|LT|50|mmHg");
        assertThat(keys("hypertension (BP > 150mmHg systolic / 100mmHg diastolic)"))
                .containsExactly("SYSTOLIC_BP|GT|150|mmHg", "DIASTOLIC_BP|GT|100|mmHg");
    }

    @Test
    void aChildBeingBreastfedIsNotBreastfeeding() {
        assertThat(keys("Being breastfed despite the age of 48 months")).isEmpty();
        assertThat(keys("Infant is exclusively breastfed")).isEmpty();
        assertThat(keys("Mothers with breast-fed infant")).containsExactly("BREASTFEEDING|PRESENT||");
        assertThat(keys("Women who are breastfeeding")).containsExactly("BREASTFEEDING|PRESENT||");
    }

    @Test
    void aDefinitionOfChildbearingPotentialIsNoPregnancy() {
        assertThat(keys("Women with childbearing potential are defined as all women who are physiologically able to have a pregnancy"))
                .isEmpty();
        assertThat(keys("Women physiologically capable of pregnancy, unless using contraception")).isEmpty();
    }

    @Test
    void aNegatedInfectionStaysNegatedAndATopicStatesNothing() {
        assertThat(keys("Meet the following criteria for Hepatitis B and C: Patients with no history of HBV or HCV infection or HBsAg positive"))
                .containsExactly("HBV|ABSENT||", "HCV|ABSENT||");
        assertThat(keys("Participants must have no known history of HIV infection.")).containsExactly("HIV|ABSENT||");
        assertThat(keys("Immunodeficiency, including but not limited to HIV infection;")).containsExactly("HIV|PRESENT||");
        assertThat(keys("Patients not HBsAg positive")).containsExactly("HBV|PRESENT||");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Men 50 years old or older | AGE|GE|50|years",
        "21 years old or older. | AGE|GE|21|years",
        "Aged 18 years old or more; | AGE|GE|18|years",
        "18 years old and above; | AGE|GE|18|years",
        "Males 18 years, and older. | AGE|GE|18|years",
        "18 years old to 65 years old, diagnosis of primary headache | AGE|BETWEEN|18..65|years",
        "Age between 1 year old and 18 years old, | AGE|BETWEEN|1..18|years",
        "19 to 60 years-old | AGE|BETWEEN|19..60|years",
        "Age > or equal 18 years | AGE|GE|18|years",
        "aged 18 years inclusive or older (at the time of consent) | AGE|GE|18|years",
    })
    void yearsOldAndWrittenOutOperatorsAreAges(String criterion, String concept, String cmp, String value, String unit) {
        assertThat(keys(criterion)).contains(concept + "|" + cmp + "|" + value + "|" + unit);
    }

    @Test
    void aBareAgeInYearsOldIsNotAComparison() {
        assertThat(keys("have reached 18 years old")).isEmpty();
    }

    @Test
    void aRangeWithinWhichAValueMustLieIsRead() {
        assertThat(keys("Body Mass Index (BMI) within the 18-34.9 kg/m2 range.")).containsExactly("BMI|BETWEEN|18..34.9|kg/m2");
        assertThat(keys("PSA measured within 3-6 months prior to enrolment, PSA < 10 ng/mL")).containsExactly("PSA|LT|10|ng/mL");
    }

    @Test
    void twoBoundsJoinedByToShareTheUnitWrittenOnce() {
        assertThat(keys("serum IgE level >= 30 to <= 1300 IU/mL and body weight >= 20 to <= 150 kg")).containsExactly("WEIGHT|BETWEEN|20..150|kg");
        assertThat(keys("Weight < 66 or >330 lbs")).containsExactlyInAnyOrder("WEIGHT|GT|149.7|kg", "WEIGHT|LT|29.9|kg");
    }

    @Test
    void kilogramsPerSquareMetreInWordsIsTheBmiUnit() {
        assertThat(keys("Body Mass Index (BMI) >35 kilograms per square meter (kg/m^2) at screening")).containsExactly("BMI|GT|35|kg/m2");
    }

    @Test
    void minimumOrMaximumBeforeTheConceptIsTheOperator() {
        assertThat(keys("Minimum weight 16 kg at the time of enrollment.")).containsExactly("WEIGHT|GE|16|kg");
        assertThat(keys("Minimum life expectancy of 12 weeks")).containsExactly("LIFE_EXPECTANCY|GE|3|months");
        assertThat(keys("Individuals less than 15 kg in weight")).containsExactly("WEIGHT|LT|15|kg");
        assertThat(keys("a reduction of 30 mmHg or more in systolic blood pressure")).isEmpty();
    }

    @Test
    void doublyEncodedEntitiesAndFullWidthOperatorsAreRead() {
        assertThat(keys("Aspartate transaminase (AST) or alanine transaminase (ALT) level &amp;gt; 2 X the upper limit of normal"))
                .containsExactlyInAnyOrder("AST|GT|2|xULN", "ALT|GT|2|xULN");
        assertThat(keys("Patients≧20 years old at obtaining consent")).containsExactly("AGE|GE|20|years");
    }

    @Test
    void aSexJoinedToAnAgeOrRequiredWithAnAgeRestricts() {
        assertThat(keys("Male and at least 18 years old, with erectile dysfunction")).containsExactly("SEX|EQ||MALE", "AGE|GE|18|years");
        assertThat(keys("Is male and at least 19 years of age.")).containsExactly("SEX|EQ||MALE", "AGE|GE|19|years");
        // as annotated since the fourth set: "<sex> subjects must ..." states what they must do, not a restriction
        assertThat(keys("Male subjects must be 21-75 years of age; inclusive.")).containsExactly("AGE|BETWEEN|21..75|years");
        assertThat(keys("Female participants must be 1 year post-menopausal or surgically sterile")).isEmpty();
        assertThat(keys("Male and female patients aged 18 or over")).containsExactly("AGE|GE|18|years");
    }

    @Test
    void aPregnantPartnerIsNotTheParticipantsPregnancy() {
        assertThat(keys("Patients with pregnant partners or partners planning to become pregnant during the study.")).isEmpty();
        assertThat(keys("Pregnant persons")).containsExactly("PREGNANCY|PRESENT||");
        assertThat(keys("Nursing persons")).containsExactly("BREASTFEEDING|PRESENT||");
    }

    @Test
    void brainNamedWithSpinalOrLeptomeningealMetastasesIsCnsMetastases() {
        assertThat(keys("therapy for the brain or spinal metastases")).containsExactly("CNS_METASTASES|PRESENT||");
        assertThat(keys("untreated central nervous system (CNS) or leptomeninges metastases.")).containsExactly("CNS_METASTASES|PRESENT||");
    }

    @Test
    void hgbA1cIsHbA1c() {
        assertThat(keys("If diabetic, HgbA1C level ≤ 7.5% within 1 month prior to enrollment.")).containsExactly("HBA1C|LE|7.5|%");
        assertThat(keys("Uncontrolled diabetes mellitus - HgA1c >8%.")).containsExactly("HBA1C|GT|8|%");
    }

    @Test
    void aPerformanceStatusWhoseScaleIsNamedInBracketsAfterTheValue() {
        assertThat(keys("Performance status 0-1 (ECOG PS);")).containsExactly("ECOG|LE|1|");
        assertThat(keys("Performance status (ECOG) 0-1")).containsExactly("ECOG|LE|1|");
    }

    @Test
    void ccPerMinuteIsAClearanceUnitNotACreatinineLevel() {
        assertThat(keys("serum creatinine, age, race, and gender of > 60 cc/min")).isEmpty();
        assertThat(keys("Creatinine clearance > 60 cc/min")).containsExactly("CREATININE_CLEARANCE|GT|60|mL/min");
    }

    @Test
    void aNumberWordRepeatedInDigitsTakesTheUnitAfterThem() {
        assertThat(keys("In the opinion of the investigator, life expectancy < one (1) year")).containsExactly("LIFE_EXPECTANCY|LT|12|months");
        assertThat(keys("Subject has a life expectancy of less than three (3) years.")).containsExactly("LIFE_EXPECTANCY|LT|36|months");
    }

    @Test
    void twoBoundsInWordsJoinedByToAreARange() {
        assertThat(keys("PSA greater than or equal to 4.0 to less than or equal to 10.0 ng/mL at 1st screening"))
                .containsExactly("PSA|BETWEEN|4..10|ng/mL");
    }

    @Test
    void keyAndLabelFormats() {
        Constraint c = new Constraint(Concept.AGE, Comparator.BETWEEN, 18.0, 75.0, "years", "18-75 years");
        assertThat(c.key()).isEqualTo("AGE|BETWEEN|18..75|years");
        assertThat(c.label()).isEqualTo("age between 18 and 75 years");
        Constraint hiv = new Constraint(Concept.HIV, Comparator.PRESENT, null, null, null, "hiv");
        assertThat(hiv.key()).isEqualTo("HIV|PRESENT||");
        assertThat(hiv.label()).isEqualTo("HIV present");
        Constraint sex = new Constraint(Concept.SEX, Comparator.EQ, null, null, "FEMALE", "female");
        assertThat(sex.label()).isEqualTo("sex = female");
    }
}
