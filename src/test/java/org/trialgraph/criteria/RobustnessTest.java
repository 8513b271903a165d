package org.trialgraph.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile input: a result or a clear IllegalArgumentException, never a crash or a hang (timeouts are hang guards only). */
class RobustnessTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    /** 1 MB inputs run in about 1 s warm, but a cold JVM on the shared, loaded 2-core box needed up to ~10 s. */
    private static final Duration MEGABYTE_HANG_GUARD = Duration.ofSeconds(30);
    private final EligibilityEngine engine = new EligibilityEngine();

    @Test
    void nullIsRejectedClearly() {
        assertThatThrownBy(() -> engine.parse(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void emptyTextGivesNoSections() {
        assertThat(engine.parse("").sections()).isEmpty();
    }

    @Test
    void oneMegabyteOfRealisticTextParses() {
        String block = "Inclusion Criteria:\n\n* Patients aged ≥ 18 years with histologically confirmed disease.\n"
                + "* Absolute neutrophil count ≥ 1.5 × 10⁹/L and platelets ≥ 100,000/µL without transfusion.\n"
                + "Exclusion Criteria:\n\n* Pregnant or breastfeeding women, or women planning pregnancy.\n"
                + "  * nested item: ALT/AST ≤ 3 × ULN unless liver metastases are present (then ≤ 5 × ULN).\n";
        String text = block.repeat(1_000_000 / block.length() + 1);
        ParsedEligibility p = assertTimeoutPreemptively(MEGABYTE_HANG_GUARD, () -> engine.parse(text));
        assertThat(p.allCriteria()).isNotEmpty();
    }

    @Test
    void oneMegabyteSingleLineDoesNotHang() {
        String text = "ALT ≤ 3 x ULN and age 18 or older, ".repeat(30_000);
        ParsedEligibility p = assertTimeoutPreemptively(MEGABYTE_HANG_GUARD, () -> engine.parse(text));
        assertThat(p.allCriteria()).hasSize(1);
    }

    @Test
    void pathologicalRepetitionsDoNotBacktrack() {
        String[] inputs = {"1".repeat(200_000), "<".repeat(200_000), "- ".repeat(100_000) + "x", " ".repeat(300_000) + "a",
                "age ".repeat(100_000), "10^".repeat(60_000), ".".repeat(200_000) + "x", "(".repeat(100_000),
                "1,".repeat(100_000), "hiv or ".repeat(50_000), "Inclusion Criteria:\n".repeat(50_000)};
        for (String input : inputs) {
            assertTimeoutPreemptively(HANG_GUARD, () -> engine.parse(input));
        }
    }

    @Test
    void binaryJunkIsRejectedWithIllegalArgument() {
        byte[] bytes = new byte[50_000];
        new Random(42).nextBytes(bytes);
        String junk = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> engine.parse(junk)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binary");
    }

    @Test
    void randomUnicodeTextWithoutNulsGivesAResult() {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append((char) (0x20 + random.nextInt(0x2FF)));
            if (random.nextInt(40) == 0) {
                sb.append('\n');
            }
        }
        assertTimeoutPreemptively(HANG_GUARD, () -> engine.parse(sb.toString()));
    }

    @Test
    void unbalancedHeadingsGiveAResult() {
        ParsedEligibility p = engine.parse("Exclusion Criteria:\nExclusion Criteria:\nInclusion Criteria:\n* a\n  * orphan sub\n"
                + "    * deeper\nCohort B:\nInclusion Criteria\n");
        assertThat(p.sections()).extracting(EligibilitySection::heading).containsExactly("Inclusion Criteria");
        assertThat(p.allCriteria()).hasSize(1);
    }

    @Test
    void subBulletBeforeAnyParentStartsACriterion() {
        ParsedEligibility p = engine.parse("      * indented first\n* top\n");
        assertThat(p.allCriteria()).isNotEmpty();
    }

    @Test
    void tooLongInputIsRejected() {
        String huge = "a".repeat(EligibilityEngine.MAX_LENGTH + 1);
        assertThatThrownBy(() -> engine.parse(huge)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }
}
