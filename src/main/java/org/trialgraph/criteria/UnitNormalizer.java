package org.trialgraph.criteria;

/**
 * Converts a value as written into the concept's canonical unit, or rejects it (null) when the unit does not fit
 * the concept. Canonical units: ages in years, cell counts in 10^9/L, hemoglobin g/dL, creatinine and bilirubin
 * mg/dL (or xULN), clearance and eGFR mL/min, life expectancy months, gestational age weeks, QTc ms, BMI kg/m2,
 * weight kg, LVEF/MRD/HbA1c %, scores and NYHA class unitless, CD4 cells/uL (or %), PSA ng/mL, blood pressure mmHg.
 */
final class UnitNormalizer {

    record Normalized(double value, String unit) {
    }

    static final String COUNT = "10^9/L";
    static final String XULN = "xULN";
    static final String CELLS_PER_UL = "cells/uL";

    private UnitNormalizer() {
    }

    static Normalized normalize(Concept concept, double v, RawUnit unit, double factor) {
        return switch (concept) {
            case AGE -> time(v, unit, "years");
            case LIFE_EXPECTANCY -> time(v, unit, "months");
            case GESTATIONAL_AGE -> time(v, unit, "weeks");
            case ECOG -> score(v, unit, 5);
            case KARNOFSKY, LANSKY -> score(v, unit, 100);
            case LVEF, MRD, HBA1C -> percent(concept, v, unit);
            case ANC, ALC, WBC, PLATELETS -> count(concept, v, unit, factor);
            case HEMOGLOBIN -> hemoglobin(v, unit);
            case CREATININE -> massOrUln(v, unit, 88.4, 20);
            case BILIRUBIN -> massOrUln(v, unit, 17.1, 10);
            case ALT, AST, ALP -> enzyme(v, unit);
            case CREATININE_CLEARANCE, EGFR -> unit == null || unit == RawUnit.ML_MIN ? new Normalized(v, "mL/min") : null;
            case INR -> unit == null ? new Normalized(v, "") : unit == RawUnit.ULN ? new Normalized(v, XULN) : null;
            case PT, APTT -> clotting(v, unit);
            case QTC -> (unit == null || unit == RawUnit.MS) && v >= 200 && v <= 800 ? new Normalized(v, "ms") : null;
            case BMI -> unit == null || unit == RawUnit.KG_M2 ? new Normalized(v, "kg/m2") : null;
            case NYHA -> unit == null && v >= 1 && v <= 4 ? new Normalized(v, "") : null;
            case CD4 -> cd4(v, unit, factor);
            case PSA -> unit == null || unit == RawUnit.NG_ML ? new Normalized(v, "ng/mL") : null;
            case SYSTOLIC_BP, DIASTOLIC_BP -> (unit == null || unit == RawUnit.MMHG) && v >= 30 && v <= 300 ? new Normalized(v, "mmHg") : null;
            case WEIGHT -> unit == RawUnit.KG ? new Normalized(v, "kg")
                    : unit == RawUnit.LB ? new Normalized(round(v * 0.45359237, 1), "kg") : null;
            default -> null;
        };
    }

    private static Normalized time(double v, RawUnit unit, String target) {
        double years;
        if (unit == null) {
            return new Normalized(v, target);
        }
        switch (unit) {
            case YEARS -> years = v;
            case MONTHS -> years = v / 12;
            case WEEKS -> years = v * 7 / 365.25;
            case DAYS -> years = v / 365.25;
            default -> {
                return null;
            }
        }
        return switch (target) {
            case "years" -> new Normalized(unit == RawUnit.YEARS ? v : round(years, 3), "years");
            // Life expectancy: months, weeks rounded to the nearest half month so that 12 weeks = 3 months.
            case "months" -> new Normalized(unit == RawUnit.MONTHS ? v : roundToHalf(years * 12), "months");
            default -> new Normalized(unit == RawUnit.WEEKS ? v : round(years * 365.25 / 7, 1), "weeks");
        };
    }

    private static Normalized score(double v, RawUnit unit, double max) {
        if ((unit != null && unit != RawUnit.PERCENT) || v > max) {
            return null;
        }
        return new Normalized(v, "");
    }

    private static Normalized percent(Concept concept, double v, RawUnit unit) {
        if (unit == null || unit == RawUnit.PERCENT) {
            return v <= 100 ? new Normalized(v, "%") : null;
        }
        if (concept == Concept.MRD && unit == RawUnit.FRACTION) {
            return new Normalized(round(v * 100, 6), "%");
        }
        if (concept == Concept.HBA1C && unit == RawUnit.MMOL_MOL) {
            return new Normalized(round(v / 10.929 + 2.15, 1), "%");
        }
        return null;
    }

    private static Normalized count(Concept concept, double v, RawUnit unit, double factor) {
        if (unit == null) {
            double threshold = concept == Concept.PLATELETS ? 1000 : 100;
            return new Normalized(v >= threshold ? round(v / 1000, 3) : v, COUNT);
        }
        return switch (unit) {
            case COUNT_SCALED -> new Normalized(round(v * factor, 3), COUNT);
            case PER_UL -> new Normalized(round(v / 1000, 3), COUNT);
            case K_PER_UL, GIGA_OR_G_PER_L -> new Normalized(v, COUNT);
            default -> null;
        };
    }

    /** CD4 counts stay in cells/uL (= cells/mm3), the unit every HIV guideline uses; a CD4 percentage keeps "%". */
    private static Normalized cd4(double v, RawUnit unit, double factor) {
        if (unit == null) {
            return v >= 1 ? new Normalized(v, CELLS_PER_UL) : null;
        }
        return switch (unit) {
            case PER_UL -> new Normalized(v, CELLS_PER_UL);
            case K_PER_UL, GIGA_OR_G_PER_L -> new Normalized(round(v * 1000, 1), CELLS_PER_UL);
            case COUNT_SCALED -> new Normalized(round(v * factor * 1000, 1), CELLS_PER_UL);
            case PERCENT -> v <= 100 ? new Normalized(v, "%") : null;
            default -> null;
        };
    }

    private static Normalized hemoglobin(double v, RawUnit unit) {
        if (unit == null) {
            return new Normalized(v > 25 ? round(v / 10, 2) : v, "g/dL");
        }
        return switch (unit) {
            case G_DL -> new Normalized(v, "g/dL");
            case GIGA_OR_G_PER_L -> new Normalized(round(v / 10, 2), "g/dL");
            case MMOL_L -> new Normalized(round(v * 1.611, 1), "g/dL");
            default -> null;
        };
    }

    private static Normalized massOrUln(double v, RawUnit unit, double umolPerMgDl, double umolIfAbove) {
        if (unit == null) {
            return v > umolIfAbove ? new Normalized(round(v / umolPerMgDl, 2), "mg/dL") : new Normalized(v, "mg/dL");
        }
        return switch (unit) {
            case ULN -> new Normalized(v, XULN);
            case MG_DL -> new Normalized(v, "mg/dL");
            case UMOL_L -> new Normalized(round(v / umolPerMgDl, 2), "mg/dL");
            default -> null;
        };
    }

    private static Normalized enzyme(double v, RawUnit unit) {
        if (unit == null) {
            return v <= 10 ? new Normalized(v, XULN) : new Normalized(v, "U/L");
        }
        return switch (unit) {
            case ULN -> new Normalized(v, XULN);
            case U_L -> new Normalized(v, "U/L");
            default -> null;
        };
    }

    private static Normalized clotting(double v, RawUnit unit) {
        if (unit == null) {
            return v <= 5 ? new Normalized(v, XULN) : new Normalized(v, "s");
        }
        return switch (unit) {
            case ULN -> new Normalized(v, XULN);
            case SECONDS -> new Normalized(v, "s");
            default -> null;
        };
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static double roundToHalf(double v) {
        return Math.round(v * 2) / 2.0;
    }
}
