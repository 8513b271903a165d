package org.trialgraph.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainLanguageRendererTest {

    private final GlossaryPlainLanguageRenderer renderer = new GlossaryPlainLanguageRenderer();

    @Test
    void operatorsAreSpelledOut() {
        assertThat(renderer.render("Hemoglobin ≥ 9 g/dL", CriterionKind.INCLUSION)).isEqualTo("Hemoglobin at least 9 g/dL");
        assertThat(renderer.render("Age \\<= 75", CriterionKind.INCLUSION)).isEqualTo("Age no more than 75");
        assertThat(renderer.render("QTc > 470 ms", CriterionKind.EXCLUSION)).contains("more than 470 ms");
        assertThat(renderer.render("Weight < 40 kg", CriterionKind.EXCLUSION)).isEqualTo("Weight less than 40 kg");
    }

    @Test
    void abbreviationsFromTheShippedGlossaryAreExpanded() {
        String plain = renderer.render("ALT ≤ 3 × ULN and negative HBsAg", CriterionKind.INCLUSION);
        assertThat(plain).contains("ALT (a liver enzyme)").contains("3 times upper limit of normal")
                .contains("hepatitis B surface antigen (HBsAg)");
    }

    @Test
    void expansionAlreadyWrittenOutIsNotRepeated() {
        assertThat(renderer.render("Left ventricular ejection fraction (LVEF) ≥ 45%", CriterionKind.INCLUSION))
                .isEqualTo("Left ventricular ejection fraction (LVEF) at least 45%");
    }

    @Test
    void heartFailureClassBloodPressureCd4AndPsaAreExplained() {
        String plain = renderer.render("NYHA class III or IV; SBP ≥ 160 mmHg; CD4 < 200/µL; PSA ≤ 10 ng/mL", CriterionKind.EXCLUSION);
        assertThat(plain).contains("NYHA (New York Heart Association scale of heart failure")
                .contains("systolic blood pressure (the upper number) (SBP) at least 160 mmHg (millimetres of mercury")
                .contains("CD4 (immune cells that HIV attacks) less than 200")
                .contains("prostate-specific antigen (a blood test for the prostate) (PSA) no more than 10 ng/mL");
    }

    @Test
    void shippedGlossaryCoversTheRequiredAbbreviations() {
        assertThat(Glossary.standard().entries()).containsKeys("ULN", "LVEF", "ECOG", "CR1", "MRD", "ALC", "ANC", "HBsAg",
                "HBcAb", "HCV", "HIV", "CNS", "ALT", "AST", "INR", "APTT", "QTc", "BMI", "eGFR", "NYHA", "CD4", "PSA", "SBP", "DBP");
    }

    @Test
    void renderingIsDeterministicAndPluggable() {
        String text = "ECOG 0-1, ANC ≥ 1.5×10⁹/L";
        assertThat(renderer.render(text, CriterionKind.INCLUSION)).isEqualTo(renderer.render(text, CriterionKind.INCLUSION))
                .contains("0 to 1").contains("billion per litre");
        EligibilityEngine custom = new EligibilityEngine((t, k) -> k + ": " + t);
        assertThat(custom.parse("Exclusion Criteria:\n* HIV\n").allCriteria().get(0).plainText()).isEqualTo("EXCLUSION: HIV");
        GlossaryPlainLanguageRenderer tiny = new GlossaryPlainLanguageRenderer(new Glossary(Map.of("XYZ", "ex why zed")));
        assertThat(tiny.render("XYZ test", CriterionKind.OTHER)).isEqualTo("ex why zed (XYZ) test");
    }
}
