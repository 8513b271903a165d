package org.trialgraph.criteria;

/** Clinical quantities and conditions that eligibility constraints are about. */
public enum Concept {
    AGE("age"),
    SEX("sex"),
    ECOG("ECOG performance status"),
    KARNOFSKY("Karnofsky performance status"),
    LANSKY("Lansky performance status"),
    LVEF("LVEF"),
    CREATININE("creatinine"),
    CREATININE_CLEARANCE("creatinine clearance"),
    EGFR("eGFR"),
    BILIRUBIN("bilirubin"),
    ALT("ALT"),
    AST("AST"),
    ALP("alkaline phosphatase"),
    ANC("ANC"),
    ALC("ALC"),
    WBC("WBC"),
    PLATELETS("platelets"),
    HEMOGLOBIN("hemoglobin"),
    INR("INR"),
    PT("PT"),
    APTT("aPTT"),
    QTC("QTc"),
    BMI("BMI"),
    WEIGHT("weight"),
    HBA1C("HbA1c"),
    MRD("MRD"),
    LIFE_EXPECTANCY("life expectancy"),
    GESTATIONAL_AGE("gestational age"),
    NYHA("NYHA class"),
    CD4("CD4 count"),
    PSA("PSA"),
    SYSTOLIC_BP("systolic blood pressure"),
    DIASTOLIC_BP("diastolic blood pressure"),
    PREGNANCY("pregnancy"),
    BREASTFEEDING("breastfeeding"),
    HIV("HIV"),
    HBV("hepatitis B"),
    HCV("hepatitis C"),
    CNS_METASTASES("CNS metastases");

    private final String displayName;

    Concept(String displayName) {
        this.displayName = displayName;
    }

    /** A short readable name, used in {@link Constraint#label()}. */
    public String displayName() {
        return displayName;
    }

    /** True for concepts that are only ever PRESENT or ABSENT. */
    public boolean isPresence() {
        return switch (this) {
            case PREGNANCY, BREASTFEEDING, HIV, HBV, HCV, CNS_METASTASES -> true;
            default -> false;
        };
    }
}
