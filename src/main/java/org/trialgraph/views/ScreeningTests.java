package org.trialgraph.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.trialgraph.criteria.Concept;
import org.trialgraph.eligibility.EligibilityView.Constraint;
import org.trialgraph.eligibility.EligibilityView.Item;

/**
 * The tests a criterion implies: from the concepts of its constraints (LVEF needs an echocardiogram, creatinine
 * a blood test, MRD a bone-marrow test, ...) and from a few words of its text (biopsy, bone marrow).
 */
final class ScreeningTests {

    enum Test {
        ECHOCARDIOGRAM("an echocardiogram (heart ultrasound)"),
        ECG("an ECG (heart tracing)"),
        BLOOD("blood tests"),
        BONE_MARROW("a bone-marrow test"),
        PREGNANCY("a pregnancy test"),
        BRAIN_SCAN("a brain scan (MRI or CT)"),
        BIOPSY("a biopsy (tissue sample)"),
        PERFORMANCE("a check of how well you manage daily activities"),
        BODY("height and weight measurements"),
        BLOOD_PRESSURE("a blood-pressure measurement"),
        HEART_FUNCTION("a check of how heart failure limits your activity (NYHA class)");

        private final String words;

        Test(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    private static final Pattern BIOPSY = Pattern.compile("(?i)\\bbiops(?:y|ies)\\b");
    private static final Pattern BONE_MARROW = Pattern.compile("(?i)\\bbone[- ]marrow\\b");
    private static final Pattern ECHO = Pattern.compile("(?i)\\bechocardiogra|\\bMUGA\\b");

    private ScreeningTests() {
    }

    static Test of(Concept concept) {
        return switch (concept) {
            case LVEF -> Test.ECHOCARDIOGRAM;
            case QTC -> Test.ECG;
            case CREATININE, CREATININE_CLEARANCE, EGFR, BILIRUBIN, ALT, AST, ALP, ANC, ALC, WBC, PLATELETS,
                    HEMOGLOBIN, INR, PT, APTT, HBA1C, HIV, HBV, HCV, CD4, PSA -> Test.BLOOD;
            case SYSTOLIC_BP, DIASTOLIC_BP -> Test.BLOOD_PRESSURE;
            case NYHA -> Test.HEART_FUNCTION;
            case MRD -> Test.BONE_MARROW;
            case PREGNANCY -> Test.PREGNANCY;
            case CNS_METASTASES -> Test.BRAIN_SCAN;
            case ECOG, KARNOFSKY, LANSKY -> Test.PERFORMANCE;
            case BMI, WEIGHT -> Test.BODY;
            case AGE, SEX, LIFE_EXPECTANCY, GESTATIONAL_AGE, BREASTFEEDING -> null;
        };
    }

    /** Each test a criterion implies, with what it measures (concept names; empty when found by words). */
    static Map<Test, Set<String>> of(Item item) {
        Map<Test, Set<String>> tests = new LinkedHashMap<>();
        for (Constraint c : item.criterion().constraints()) {
            Concept concept = Concept.valueOf(c.concept());
            Test test = of(concept);
            if (test != null) {
                tests.computeIfAbsent(test, k -> new LinkedHashSet<>()).add(concept.displayName());
            }
        }
        String text = item.text();
        if (BIOPSY.matcher(text).find()) {
            tests.computeIfAbsent(Test.BIOPSY, k -> new LinkedHashSet<>());
        }
        if (BONE_MARROW.matcher(text).find()) {
            tests.computeIfAbsent(Test.BONE_MARROW, k -> new LinkedHashSet<>());
        }
        if (ECHO.matcher(text).find()) {
            tests.computeIfAbsent(Test.ECHOCARDIOGRAM, k -> new LinkedHashSet<>());
        }
        return tests;
    }

    /** "blood tests (creatinine, bilirubin)", "an echocardiogram (heart ultrasound) for LVEF". */
    static List<String> describe(Map<Test, Set<String>> tests) {
        List<String> words = new ArrayList<>();
        tests.forEach((test, measures) -> words.add(measures.isEmpty() ? test.words()
                : test.words() + " for " + PlainWords.list(List.copyOf(measures))));
        return words;
    }

    /** Adds one criterion's tests to a trial-wide collection. */
    static void merge(Map<Test, Set<String>> into, Map<Test, Set<String>> tests) {
        tests.forEach((test, measures) -> into.computeIfAbsent(test, k -> new LinkedHashSet<>()).addAll(measures));
    }
}
