package org.trialgraph.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Precision/recall/F1 of constraint extraction on the annotated sets. Thresholds sit a little under the measured
 * values (see docs/CRITERIA.md), so a regression fails the build.
 */
class ExtractionQualityTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    @Test
    void developmentSetStaysAboveMeasuredQuality() {
        StringBuilder mismatches = new StringBuilder();
        AnnotatedSet.Score score = AnnotatedSet.load("/criteria/annotated-dev.tsv").score(engine, mismatches);
        System.out.println("DEV " + score + "\n" + mismatches);
        assertThat(score.f1()).as("dev F1, %s", score).isGreaterThanOrEqualTo(DEV_F1_MIN);
    }

    @Test
    void heldOutSetStaysAboveMeasuredQuality() {
        StringBuilder mismatches = new StringBuilder();
        AnnotatedSet.Score score = AnnotatedSet.load("/criteria/annotated-heldout.tsv").score(engine, mismatches);
        System.out.println("HELD-OUT " + score + "\n" + mismatches);
        assertThat(score.f1()).as("held-out F1, %s", score).isGreaterThanOrEqualTo(HELDOUT_F1_MIN);
    }

    @Test
    void secondHeldOutSetOfLegacyXmlStaysAboveMeasuredQuality() {
        StringBuilder mismatches = new StringBuilder();
        AnnotatedSet.Score score = AnnotatedSet.load("/criteria/annotated-heldout2.tsv").score(engine, mismatches);
        System.out.println("HELD-OUT-2 " + score + "\n" + mismatches);
        assertThat(score.f1()).as("second held-out F1, %s", score).isGreaterThanOrEqualTo(HELDOUT2_F1_MIN);
    }

    @Test
    void thirdHeldOutSetStaysAboveMeasuredQuality() {
        StringBuilder mismatches = new StringBuilder();
        AnnotatedSet.Score score = AnnotatedSet.load("/criteria/annotated-heldout3.tsv").score(engine, mismatches);
        System.out.println("HELD-OUT-3 " + score + "\n" + mismatches);
        assertThat(score.f1()).as("third held-out F1, %s", score).isGreaterThanOrEqualTo(HELDOUT3_F1_MIN);
    }

    @Test
    void fourthHeldOutSetStaysAboveMeasuredQuality() {
        StringBuilder mismatches = new StringBuilder();
        AnnotatedSet.Score score = AnnotatedSet.load("/criteria/annotated-heldout4.tsv").score(engine, mismatches);
        System.out.println("HELD-OUT-4 " + score + "\n" + mismatches);
        assertThat(score.f1()).as("fourth held-out F1, %s", score).isGreaterThanOrEqualTo(HELDOUT4_F1_MIN);
    }

    @Test
    void fifthHeldOutSetStaysAboveMeasuredQuality() {
        StringBuilder mismatches = new StringBuilder();
        AnnotatedSet.Score score = AnnotatedSet.load("/criteria/annotated-heldout5.tsv").score(engine, mismatches);
        System.out.println("HELD-OUT-5 " + score + "\n" + mismatches);
        assertThat(score.f1()).as("fifth held-out F1, %s", score).isGreaterThanOrEqualTo(HELDOUT5_F1_MIN);
    }

    @Test
    void sixthHeldOutSetStaysAboveMeasuredQuality() {
        StringBuilder mismatches = new StringBuilder();
        AnnotatedSet.Score score = AnnotatedSet.load("/criteria/annotated-heldout6.tsv").score(engine, mismatches);
        System.out.println("HELD-OUT-6 " + score + "\n" + mismatches);
        assertThat(score.f1()).as("sixth held-out F1, %s", score).isGreaterThanOrEqualTo(HELDOUT6_F1_MIN);
    }

    @Test
    void annotatedSetsAreLargeEnough() {
        assertThat(AnnotatedSet.load("/criteria/annotated-dev.tsv").items()).hasSizeGreaterThanOrEqualTo(170);
        assertThat(AnnotatedSet.load("/criteria/annotated-heldout.tsv").items()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(AnnotatedSet.load("/criteria/annotated-heldout2.tsv").items()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(AnnotatedSet.load("/criteria/annotated-heldout3.tsv").items()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(AnnotatedSet.load("/criteria/annotated-heldout4.tsv").items()).hasSizeGreaterThanOrEqualTo(160);
        assertThat(AnnotatedSet.load("/criteria/annotated-heldout5.tsv").items()).hasSizeGreaterThanOrEqualTo(160);
        assertThat(AnnotatedSet.load("/criteria/annotated-heldout6.tsv").items()).hasSizeGreaterThanOrEqualTo(160);
    }

    static final double DEV_F1_MIN = 0.97;
    static final double HELDOUT_F1_MIN = 0.92;
    static final double HELDOUT2_F1_MIN = 0.83;
    /** Under the clean first-run F1 of 0.914 (see docs/CRITERIA.md), not under the later, fixed value. */
    static final double HELDOUT3_F1_MIN = 0.90;
    /** Under the clean first-run F1 of 0.906 (116 / 124 / 132, see docs/CRITERIA.md). */
    static final double HELDOUT4_F1_MIN = 0.89;
    /** Under the clean first-run F1 of 0.912 (114 / 123 / 127, see docs/CRITERIA.md). */
    static final double HELDOUT5_F1_MIN = 0.90;
    /** Under the clean first-run F1 of 0.939 (124 / 128 / 136, see docs/CRITERIA.md). */
    static final double HELDOUT6_F1_MIN = 0.92;
}
