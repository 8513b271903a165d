package org.trialgraph.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CriterionKeysTest {

    @Test
    void caseWhitespaceBulletsEscapesOperatorsAndTrailingPunctuationDoNotChangeTheKey() {
        String a = CriterionKeys.keyOf("* Left ventricular ejection fraction (LVEF) ≥ 45%.");
        String b = CriterionKeys.keyOf("12\\. left  ventricular ejection fraction (lvef) >=45 % ;");
        String c = CriterionKeys.keyOf("LEFT VENTRICULAR EJECTION FRACTION (LVEF)\\>= 45%");
        assertThat(a).isEqualTo(b).isEqualTo(c).isEqualTo("left ventricular ejection fraction (lvef)>=45%");
    }

    @Test
    void unicodeSuperscriptsAndTimesSignMatchAsciiSpelling() {
        assertThat(CriterionKeys.keyOf("ANC ≥ 1.5×10⁹/L")).isEqualTo(CriterionKeys.keyOf("ANC >= 1.5x10^9/L"));
    }

    @Test
    void differentCriteriaGetDifferentKeys() {
        assertThat(CriterionKeys.keyOf("LVEF >= 45%")).isNotEqualTo(CriterionKeys.keyOf("LVEF >= 50%"));
    }

    @Test
    void veryLongCriteriaGetAReadablePrefixAndAHash() {
        String longText = "Patients with a history of ".repeat(20);
        String key = CriterionKeys.keyOf(longText);
        assertThat(key).hasSize(CriterionKeys.PREFIX + 1 + 16).startsWith("patients with a history of").contains("~");
        assertThat(CriterionKeys.keyOf(longText + " x")).isNotEqualTo(key);
    }

    @Test
    void identicalCriteriaInTwoTrialsShareTheKey() {
        EligibilityEngine engine = new EligibilityEngine();
        String k1 = engine.parse("Inclusion Criteria:\n\n* Signed informed consent.\n").allCriteria().get(0).key();
        String k2 = engine.parse("INCLUSION CRITERIA:\n  1. signed informed consent\n").allCriteria().get(0).key();
        assertThat(k1).isEqualTo(k2).isEqualTo("signed informed consent");
    }
}
