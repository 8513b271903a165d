package org.trialgraph.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed trial NCT07476027 (eligibility text as shown on its page). */
class SeedTrialTest {

    private static ParsedEligibility parsed;

    @BeforeAll
    static void parseSeed() throws IOException {
        try (InputStream in = SeedTrialTest.class.getResourceAsStream("/criteria/seed-NCT07476027.txt")) {
            parsed = new EligibilityEngine().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void hasInclusionInfusionAndExclusionSectionsWithTheirCriteriaCounts() {
        assertThat(parsed.sections()).extracting(EligibilitySection::heading)
                .containsExactly("Inclusion Criteria", "Infusion Criteria", "Exclusion Criteria");
        assertThat(parsed.sections()).extracting(EligibilitySection::kind)
                .containsExactly(CriterionKind.INCLUSION, CriterionKind.OTHER, CriterionKind.EXCLUSION);
        assertThat(parsed.sections()).extracting(s -> s.criteria().size()).containsExactly(6, 5, 5);
        assertThat(parsed.allCriteria()).hasSize(16);
    }

    @Test
    void positionsAreOneBasedWithinEachSection() {
        for (EligibilitySection s : parsed.sections()) {
            for (int i = 0; i < s.criteria().size(); i++) {
                assertThat(s.criteria().get(i).position()).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void yieldsTheExpectedConstraints() {
        List<String> keys = parsed.allCriteria().stream().flatMap(c -> c.constraints().stream()).map(Constraint::key).toList();
        assertThat(keys).contains("AGE|LE|18|years", "MRD|LT|0.01|%", "ALC|GE|0.5|10^9/L", "ECOG|LE|1|",
                "LANSKY|GE|80|", "KARNOFSKY|GE|80|", "LVEF|GE|45|%", "CREATININE|LE|1.5|xULN", "BILIRUBIN|LE|3|xULN",
                "ALT|LE|3|xULN", "AST|LE|3|xULN");
    }

    @Test
    void labelsReadNaturally() {
        List<String> labels = parsed.allCriteria().stream().flatMap(c -> c.constraints().stream()).map(Constraint::label).toList();
        assertThat(labels).contains("LVEF >= 45 %", "creatinine <= 1.5 xULN", "age <= 18 years");
    }

    @Test
    void truncatedFifthExclusionIsKeptAsGivenAndReadsHepatitis() {
        ParsedCriterion fifth = parsed.sections().get(2).criteria().get(4);
        assertThat(fifth.text()).startsWith("Active hepatitis [positive for hepatitis B surface antigen").endsWith("greater than…");
        assertThat(fifth.constraints()).extracting(Constraint::key).containsExactly("HBV|PRESENT||", "HCV|PRESENT||");
    }

    @Test
    void plainTextExpandsAbbreviationsAndOperators() {
        ParsedCriterion mrd = parsed.sections().get(0).criteria().get(1);
        assertThat(mrd.plainText()).contains("first complete remission").contains("minimal residual disease")
                .contains("less than 0.01%").doesNotContain("\\<");
        ParsedCriterion lvef = parsed.sections().get(1).criteria().get(1);
        assertThat(lvef.plainText()).isEqualTo("Left ventricular ejection fraction (LVEF) at least 45%.");
    }

    @Test
    void rawTextIsKept() {
        assertThat(parsed.text()).contains("MRD \\< 0.01%");
    }
}
