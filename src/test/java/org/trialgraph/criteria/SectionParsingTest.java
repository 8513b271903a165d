package org.trialgraph.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionParsingTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    @Test
    void splitsInclusionAndExclusionHeadings() {
        ParsedEligibility p = engine.parse("Inclusion Criteria:\n\n* Age 18 or older\n* ECOG 0-1\n\nExclusion Criteria:\n\n* Pregnancy\n");
        assertThat(p.sections()).extracting(EligibilitySection::kind).containsExactly(CriterionKind.INCLUSION, CriterionKind.EXCLUSION);
        assertThat(p.sections().get(0).criteria()).extracting(ParsedCriterion::text).containsExactly("Age 18 or older", "ECOG 0-1");
        assertThat(p.sections().get(1).criteria()).extracting(ParsedCriterion::text).containsExactly("Pregnancy");
    }

    @Test
    void keyInclusionCriteriaAndCohortHeadingsAreSections() {
        ParsedEligibility p = engine.parse("Key Inclusion Criteria:\n- Adults\nCohort A:\n- Prior therapy\nKey Exclusion Criteria:\n- HIV\n");
        assertThat(p.sections()).extracting(EligibilitySection::heading)
                .containsExactly("Key Inclusion Criteria", "Cohort A", "Key Exclusion Criteria");
        assertThat(p.sections()).extracting(EligibilitySection::kind)
                .containsExactly(CriterionKind.INCLUSION, CriterionKind.INCLUSION, CriterionKind.EXCLUSION);
    }

    @Test
    void oldPdqHeadingsAreOtherSectionsAndLabelsJoinTheirBullets() {
        String text = """
                        DISEASE CHARACTERISTICS:

                          -  Histologically confirmed ovarian cancer

                        PATIENT CHARACTERISTICS:

                        Age

                          -  18 and over

                        Performance status

                          -  ECOG 0-2

                        PRIOR CONCURRENT THERAPY:

                          -  No prior chemotherapy
                """;
        ParsedEligibility p = engine.parse(text);
        assertThat(p.sections()).extracting(EligibilitySection::heading)
                .containsExactly("DISEASE CHARACTERISTICS", "PATIENT CHARACTERISTICS", "PRIOR CONCURRENT THERAPY");
        assertThat(p.sections()).allMatch(s -> s.kind() == CriterionKind.OTHER);
        EligibilitySection patient = p.sections().get(1);
        assertThat(patient.criteria()).hasSize(2);
        assertThat(patient.criteria().get(0).constraints()).extracting(Constraint::key).containsExactly("AGE|GE|18|years");
        assertThat(patient.criteria().get(1).constraints()).extracting(Constraint::key).containsExactly("ECOG|LE|2|");
    }

    @Test
    void subBulletsBelongToTheirParentCriterion() {
        String text = "Inclusion Criteria:\n\n* Adequate organ function:\n  * ANC >= 1.5 x 10^9/L\n  * Platelets >= 100 x 10^9/L\n* Signed consent\n";
        ParsedEligibility p = engine.parse(text);
        assertThat(p.allCriteria()).hasSize(2);
        ParsedCriterion parent = p.allCriteria().get(0);
        assertThat(parent.text()).contains("Adequate organ function:").contains("ANC >= 1.5").contains("Platelets");
        assertThat(parent.constraints()).extracting(Constraint::key).containsExactly("ANC|GE|1.5|10^9/L", "PLATELETS|GE|100|10^9/L");
    }

    @Test
    void numberedAndLetteredListsNestWhenTheParentIntroducesThem() {
        String text = "Inclusion Criteria:\n1. Has one of the following:\na. Stage III\nb. Stage IV\n2. Age >= 18 years\n3) Consent\n";
        ParsedEligibility p = engine.parse(text);
        assertThat(p.allCriteria()).extracting(ParsedCriterion::position).containsExactly(1, 2, 3);
        assertThat(p.allCriteria().get(0).text()).contains("Stage III").contains("Stage IV");
    }

    @Test
    void anIntroLineEndingWithColonKeepsTheKindOfItsSection() {
        String text = "Exclusion Criteria:\n\nPresence of any of the following criteria:\n\n* LVEF < 45%\n* HIV infection\n";
        ParsedEligibility p = engine.parse(text);
        assertThat(p.sections()).extracting(EligibilitySection::kind).containsOnly(CriterionKind.EXCLUSION);
        assertThat(p.allCriteria()).extracting(ParsedCriterion::text).containsExactly("LVEF < 45%", "HIV infection");
    }

    @Test
    void anIntroLineForAListEveryItemOfWhichIsRequiredIsDroppedIntoItsSection() {
        String text = "Inclusion Criteria:\n\n* Age >= 18 years\nParticipants must meet all of the following to be eligible:\n"
                + "   * ECOG 0-1\n   * LVEF >= 45%\n\nExclusion Criteria:\n\nMeet any of the following:\n\n1. Pregnant\n2. HIV infection\n";
        ParsedEligibility p = engine.parse(text);
        assertThat(p.sections()).extracting(EligibilitySection::heading).containsExactly("Inclusion Criteria", "Exclusion Criteria");
        assertThat(p.sections().get(0).criteria()).extracting(ParsedCriterion::text).containsExactly("Age >= 18 years", "ECOG 0-1", "LVEF >= 45%");
        assertThat(p.sections().get(1).criteria()).extracting(ParsedCriterion::text).containsExactly("Pregnant", "HIV infection");
    }

    @Test
    void anIntroLineForAlternativesOrForItemsThatMustNotHoldIsAParentCriterionOutsideExclusions() {
        String text = "Inclusion Criteria:\n\n1. Age >= 18 years\nMust have at least one of the following:\n   * ANC < 1000/uL\n"
                + "   * Platelets < 50,000/uL\n2. Consent\nNone of the following alleles:\n   * DR 11\n   * DR 12\n";
        ParsedEligibility p = engine.parse(text);
        assertThat(p.sections()).hasSize(1);
        assertThat(p.allCriteria()).extracting(ParsedCriterion::text).containsExactly("Age >= 18 years",
                "Must have at least one of the following:\n  * ANC < 1000/uL\n  * Platelets < 50,000/uL", "Consent",
                "None of the following alleles:\n  * DR 11\n  * DR 12");
        assertThat(p.allCriteria().get(1).constraints()).extracting(Constraint::key)
                .containsExactly("ANC|LT|1|10^9/L", "PLATELETS|LT|50|10^9/L");
    }

    @Test
    void anIntroLineThatDisqualifiesOutsideAnExclusionSectionStartsTheExclusions() {
        String text = "Inclusion Criteria:\n\n1. Age >= 18 years\n\nParticipants who meet any of the following criteria will be disqualified "
                + "from entering the study:\n\n1. Pregnant\n2. HIV infection\n";
        ParsedEligibility p = engine.parse(text);
        assertThat(p.sections()).extracting(EligibilitySection::kind).containsExactly(CriterionKind.INCLUSION, CriterionKind.EXCLUSION);
        assertThat(p.sections().get(1).criteria()).extracting(ParsedCriterion::text).containsExactly("Pregnant", "HIV infection");
    }

    @Test
    void anIntroLineThatStatesARequirementStaysACriterion() {
        String text = "Inclusion Criteria:\n\nPregnant women who meet all of the following criteria are eligible for enrollment as study participants:\n"
                + "1. Age 18 years or older\n2. Planning to give birth at a study site\n";
        ParsedEligibility p = engine.parse(text);
        assertThat(p.allCriteria()).extracting(ParsedCriterion::text).first().asString().startsWith("Pregnant women who meet all");
    }

    @Test
    void wrappedLinesStayInOneCriterion() {
        String text = "Exclusion Criteria:\n\n          -  Histologically confirmed ovarian epithelial, fallopian tube, or primary\n             peritoneal serous cancer\n\n          -  Pregnant\n";
        ParsedEligibility p = engine.parse(text);
        assertThat(p.allCriteria()).extracting(ParsedCriterion::text)
                .containsExactly("Histologically confirmed ovarian epithelial, fallopian tube, or primary peritoneal serous cancer", "Pregnant");
    }

    @Test
    void wrappedLineEndingLikeAHeadingStaysInItsCriterion() {
        String text = "DISEASE CHARACTERISTICS:\n\n  -  Complete response after chemotherapy (cisplatin or\n"
                + "     carboplatin) defined by all of the following criteria:\n\n       -  CA 125 no greater than 35 units/mL\n\n"
                + "  -  At least 5 courses of chemotherapy\n";
        ParsedEligibility p = engine.parse(text);
        assertThat(p.sections()).hasSize(1);
        assertThat(p.allCriteria()).hasSize(2);
        assertThat(p.allCriteria().get(0).text()).contains("carboplatin) defined by all of the following criteria:").contains("CA 125");
    }

    @Test
    void markdownEscapesAreRemovedFromCriterionTextAndNumberingIsNotAValue() {
        String text = "Inclusion Criteria:\n\n12\\. Creatinine \\< 1.5 mg/dL \\[local lab\\]\n13\\. Bilirubin \\<= 2 x ULN\n";
        ParsedEligibility p = engine.parse(text);
        assertThat(p.allCriteria()).extracting(ParsedCriterion::text)
                .containsExactly("Creatinine < 1.5 mg/dL [local lab]", "Bilirubin <= 2 x ULN");
        assertThat(p.allCriteria().get(0).constraints()).extracting(Constraint::key).containsExactly("CREATININE|LT|1.5|mg/dL");
    }

    @Test
    void bulletStylesStarDashDotNumberParenAndLetterAreRecognised() {
        String text = "Inclusion Criteria:\n• one thing\n• two things\n\nExclusion Criteria:\na. first\nb. second\n";
        ParsedEligibility p = engine.parse(text);
        assertThat(p.sections().get(0).criteria()).extracting(ParsedCriterion::text).containsExactly("one thing", "two things");
        assertThat(p.sections().get(1).criteria()).extracting(ParsedCriterion::text).containsExactly("first", "second");
    }

    @Test
    void textWithoutHeadingsIsOneOtherSection() {
        ParsedEligibility p = engine.parse("Patients must be 14 years of age or older.\n\nMust have HIV seronegativity.");
        assertThat(p.sections()).hasSize(1);
        assertThat(p.sections().get(0).heading()).isEmpty();
        assertThat(p.sections().get(0).kind()).isEqualTo(CriterionKind.OTHER);
        assertThat(p.allCriteria()).hasSize(2);
        assertThat(p.allCriteria().get(1).constraints()).extracting(Constraint::key).containsExactly("HIV|ABSENT||");
    }

    @Test
    void bulletedUppercaseHeadingIsAHeading() {
        ParsedEligibility p = engine.parse("* INCLUSION CRITERIA:\n\nAge of 5 to 80 years\n\nEXCLUSION CRITERIA:\n\nLess than 5 years of age\n");
        assertThat(p.sections()).extracting(EligibilitySection::kind).containsExactly(CriterionKind.INCLUSION, CriterionKind.EXCLUSION);
        assertThat(p.allCriteria().get(1).constraints()).extracting(Constraint::key).containsExactly("AGE|LT|5|years");
    }

    @Test
    void inlineHeadingTextBecomesTheFirstCriterion() {
        ParsedEligibility p = engine.parse("Inclusion Criteria: Age >= 18 years\nExclusion Criteria: Pregnancy");
        assertThat(p.sections()).hasSize(2);
        assertThat(p.sections().get(0).criteria().get(0).text()).isEqualTo("Age >= 18 years");
    }

    @Test
    void emptyHeadingsAreDroppedAndEmptyTextGivesNoSections() {
        assertThat(engine.parse("").sections()).isEmpty();
        assertThat(engine.parse("   \n\n").sections()).isEmpty();
        ParsedEligibility p = engine.parse("Inclusion Criteria:\n\nExclusion Criteria:\n* HIV positive\n");
        assertThat(p.sections()).extracting(EligibilitySection::heading).containsExactly("Exclusion Criteria");
    }
}
