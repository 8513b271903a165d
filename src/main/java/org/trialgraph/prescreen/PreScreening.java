package org.trialgraph.prescreen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.trialgraph.criteria.Concept;
import org.trialgraph.criteria.CriterionKind;
import org.trialgraph.criteria.Quantities.Quantity;

/**
 * Holds a trial's criteria against a patient profile: pure, no I/O (docs/PRESCREEN.md explains the rules).
 *
 * <ul>
 * <li>Each constraint is first held against the profile <em>as stated</em>: does the patient have what it says
 * (true, false, or unknown when the profile lacks the concept or gives it in a unit that does not convert)?</li>
 * <li>Inclusion and other criteria need every requirement (AND); an exclusion criterion applies when any of its
 * constraints holds (OR) and is then FAILED: the patient is ruled out.</li>
 * <li>Alternatives: constraints on interchangeable measures of one thing (ECOG / Karnofsky / Lansky; creatinine
 * / creatinine clearance / eGFR; one concept in two units) count when any of them holds; bounds on one concept
 * that cannot hold together ("under 18 or over 60") are alternatives too, bounds that can are a range (AND).</li>
 * </ul>
 */
final class PreScreening {

    /** Three-valued truth (Kleene): what the profile says about a statement. */
    enum Truth {
        TRUE, FALSE, UNKNOWN;

        Truth and(Truth other) {
            if (this == FALSE || other == FALSE) {
                return FALSE;
            }
            return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
        }

        Truth or(Truth other) {
            if (this == TRUE || other == TRUE) {
                return TRUE;
            }
            return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
        }

        Truth not() {
            return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
        }

        CriterionVerdict verdict() {
            return this == TRUE ? CriterionVerdict.MEETS : this == FALSE ? CriterionVerdict.FAILS : CriterionVerdict.UNKNOWN;
        }
    }

    /** The section the trial's structured age and sex limits are listed under. */
    static final String LIMITS_SECTION = "Age and sex limits of the trial record";

    /** A screened trial before its Trial node is loaded. */
    record Screened(String nctId, ScreeningVerdict verdict, int unknowns, int fails, List<ScreenedCriterion> criteria) {
    }

    /** NOT_ELIGIBLE last; the others fewest unknowns first; then by NCT id. */
    static final Comparator<Screened> RANKING = Comparator
            .comparing((Screened s) -> s.verdict() == ScreeningVerdict.NOT_ELIGIBLE)
            .thenComparingInt(Screened::unknowns)
            .thenComparing(Screened::nctId);

    private PreScreening() {
    }

    static Screened screen(Patient patient, TrialCriteria trial) {
        List<ScreenedCriterion> criteria = new ArrayList<>(limits(patient, trial));
        for (TrialCriteria.Stated stated : trial.criteria()) {
            criteria.add(criterion(patient, stated));
        }
        int fails = (int) criteria.stream().filter(c -> c.verdict() == CriterionVerdict.FAILS).count();
        int unknowns = (int) criteria.stream().filter(c -> c.verdict() == CriterionVerdict.UNKNOWN).count();
        ScreeningVerdict verdict = fails > 0 ? ScreeningVerdict.NOT_ELIGIBLE
                : unknowns > 0 ? ScreeningVerdict.NEEDS_REVIEW : ScreeningVerdict.ELIGIBLE_SO_FAR;
        return new Screened(trial.nctId(), verdict, unknowns, fails, List.copyOf(criteria));
    }

    static List<Screened> rank(List<Screened> screened) {
        return screened.stream().sorted(RANKING).toList();
    }

    // ---- the record's structured limits -------------------------------------------------------------------

    private static List<ScreenedCriterion> limits(Patient patient, TrialCriteria trial) {
        List<ScreenedCriterion> limits = new ArrayList<>();
        if (trial.minimumAge() != null) {
            limits.add(ageLimit(patient, trial.minimumAge(), true, limits.size() + 1));
        }
        if (trial.maximumAge() != null) {
            limits.add(ageLimit(patient, trial.maximumAge(), false, limits.size() + 1));
        }
        if ("FEMALE".equals(trial.sex()) || "MALE".equals(trial.sex())) {
            ScreeningConstraint c = new ScreeningConstraint("SEX|EQ||" + trial.sex(), Concept.SEX,
                    org.trialgraph.criteria.Comparator.EQ, null, null, trial.sex(), "sex = " + trial.sex().toLowerCase());
            CriterionVerdict verdict;
            String reason;
            if (patient.sex() == null) {
                verdict = CriterionVerdict.UNKNOWN;
                reason = "sex not given (the trial takes " + lower(trial.sex()) + " participants only)";
            } else if (patient.sex().equals(trial.sex())) {
                verdict = CriterionVerdict.MEETS;
                reason = "sex " + lower(patient.sex()) + ": the trial takes " + lower(trial.sex()) + " participants";
            } else {
                verdict = CriterionVerdict.FAILS;
                reason = "sex " + lower(patient.sex()) + ", but the trial takes " + lower(trial.sex()) + " participants only";
            }
            limits.add(new ScreenedCriterion(CriterionKind.INCLUSION, LIMITS_SECTION, limits.size() + 1,
                    "Sex: " + trial.sex(), verdict, reason, c, List.of(new ConstraintCheck(c, verdict, reason))));
        }
        return limits;
    }

    private static ScreenedCriterion ageLimit(Patient patient, TrialCriteria.AgeLimit limit, boolean minimum, int position) {
        org.trialgraph.criteria.Comparator comparator = minimum ? org.trialgraph.criteria.Comparator.GE
                : org.trialgraph.criteria.Comparator.LE;
        ScreeningConstraint c = new ScreeningConstraint("AGE|" + comparator + "|" + number(limit.years()) + "|years",
                Concept.AGE, comparator, limit.years(), null, "years",
                "age " + comparator.symbol() + " " + number(limit.years()) + " years");
        String which = minimum ? "minimum" : "maximum";
        CriterionVerdict verdict;
        String reason;
        if (patient.ageYears() == null) {
            verdict = CriterionVerdict.UNKNOWN;
            reason = "age not given (the trial's " + which + " age is " + limit.text() + ")";
        } else {
            double age = ageFor(patient, limit.years());
            boolean meets = minimum ? age >= limit.years() - EPSILON : age <= limit.years() + EPSILON;
            verdict = meets ? CriterionVerdict.MEETS : CriterionVerdict.FAILS;
            reason = "age " + number(age) + " years " + (meets ? "is within" : minimum ? "is below" : "is above")
                    + " the trial's " + which + " age of " + limit.text();
        }
        return new ScreenedCriterion(CriterionKind.INCLUSION, LIMITS_SECTION, position,
                (minimum ? "Minimum age: " : "Maximum age: ") + limit.text(), verdict, reason, c,
                List.of(new ConstraintCheck(c, verdict, reason)));
    }

    // ---- criteria ---------------------------------------------------------------------------------------------

    private static ScreenedCriterion criterion(Patient patient, TrialCriteria.Stated stated) {
        boolean exclusion = stated.kind() == CriterionKind.EXCLUSION;
        if (stated.constraints().isEmpty()) {
            return new ScreenedCriterion(stated.kind(), stated.section(), stated.position(), stated.text(),
                    CriterionVerdict.UNKNOWN, "no structured requirement could be read from this criterion: "
                            + "check it with the trial team", null, List.of());
        }
        List<Held> held = stated.constraints().stream().map(c -> hold(patient, c)).toList();
        Truth statedTruth = exclusion ? any(held) : all(held);
        Truth truth = exclusion ? statedTruth.not() : statedTruth;
        CriterionVerdict verdict = truth.verdict();
        List<ConstraintCheck> checks = held.stream().map(h -> check(h, exclusion)).toList();
        List<ConstraintCheck> deciding = checks.stream().filter(c -> c.verdict() == verdict).toList();
        String reason = String.join("; ", deciding.stream().map(ConstraintCheck::reason).toList());
        if (verdict == CriterionVerdict.MEETS && deciding.size() < checks.size()) {
            reason += "; " + String.join(", ", checks.stream().filter(c -> c.verdict() != CriterionVerdict.MEETS)
                    .map(c -> c.constraint().label()).toList()) + " not needed: alternatives here";
        }
        ScreeningConstraint decidingConstraint = deciding.isEmpty() ? checks.get(0).constraint() : deciding.get(0).constraint();
        return new ScreenedCriterion(stated.kind(), stated.section(), stated.position(), stated.text(), verdict, reason,
                decidingConstraint, checks);
    }

    /** Exclusion: any constraint that holds rules the patient out, whatever the grouping. */
    private static Truth any(List<Held> held) {
        Truth result = Truth.FALSE;
        for (Held h : held) {
            result = result.or(h.truth());
        }
        return result;
    }

    /** Inclusion: every group of alternatives must hold; within a group, one is enough. */
    static Truth all(List<Held> held) {
        Map<String, Map<String, List<Held>>> families = new LinkedHashMap<>();
        for (Held h : held) {
            ScreeningConstraint c = h.constraint();
            families.computeIfAbsent(family(c.concept()), f -> new LinkedHashMap<>())
                    .computeIfAbsent(c.concept() + "|" + c.unit(), k -> new ArrayList<>()).add(h);
        }
        Truth result = Truth.TRUE;
        for (Map<String, List<Held>> family : families.values()) {
            Truth alternatives = Truth.FALSE;
            for (List<Held> sameConceptAndUnit : family.values()) {
                alternatives = alternatives.or(bounds(sameConceptAndUnit));
            }
            result = result.and(alternatives);
        }
        return result;
    }

    /** Bounds on one concept: a range when they can hold together (AND), alternatives when they cannot (OR). */
    private static Truth bounds(List<Held> held) {
        boolean disjoint = held.stream().anyMatch(lower -> held.stream().anyMatch(upper ->
                lowerBound(lower.constraint()) != null && upperBound(upper.constraint()) != null
                        && upperBound(upper.constraint()) < lowerBound(lower.constraint())));
        Truth result = disjoint ? Truth.FALSE : Truth.TRUE;
        for (Held h : held) {
            result = disjoint ? result.or(h.truth()) : result.and(h.truth());
        }
        return result;
    }

    private static Double lowerBound(ScreeningConstraint c) {
        return switch (c.comparator()) {
            case GE, GT, BETWEEN -> c.value();
            default -> null;
        };
    }

    private static Double upperBound(ScreeningConstraint c) {
        return switch (c.comparator()) {
            case LE, LT -> c.value();
            case BETWEEN -> c.upperValue();
            default -> null;
        };
    }

    /** Interchangeable measures of one thing: trials ask for one of them ("ECOG 0-1 or Karnofsky >= 70"). */
    static String family(Concept concept) {
        return switch (concept) {
            case ECOG, KARNOFSKY, LANSKY -> "performance status";
            case CREATININE, CREATININE_CLEARANCE, EGFR -> "kidney function";
            default -> concept.name();
        };
    }

    // ---- one constraint ---------------------------------------------------------------------------------------

    /**
     * A constraint held against the profile as stated. {@code value} describes the patient's value ("LVEF 40 %"),
     * {@code direction} how it misses a threshold ("below", "above", "not"), {@code missing} why it is unknown.
     */
    record Held(ScreeningConstraint constraint, Truth truth, String value, String direction, String missing) {
    }

    static final double EPSILON = 1e-9;

    static Held hold(Patient patient, ScreeningConstraint c) {
        Concept concept = c.concept();
        if (concept.isPresence()) {
            Boolean present = patient.facts().get(concept);
            if (present == null) {
                return unknown(c, concept.displayName() + " not given (yes/no fact " + concept + ")");
            }
            boolean wanted = c.comparator() == org.trialgraph.criteria.Comparator.PRESENT;
            return new Held(c, present == wanted ? Truth.TRUE : Truth.FALSE,
                    concept.displayName() + (present ? " present" : " absent"), "not", null);
        }
        if (concept == Concept.SEX) {
            if (patient.sex() == null) {
                return unknown(c, "sex not given");
            }
            return new Held(c, patient.sex().equals(c.unit()) ? Truth.TRUE : Truth.FALSE,
                    "sex " + lower(patient.sex()), "not", null);
        }
        if (c.value() == null) {
            return unknown(c, "the requirement " + c.label() + " has no value to compare with");
        }
        Double value;
        String shown;
        if (concept == Concept.AGE) {
            if (patient.ageYears() == null) {
                return unknown(c, "age not given");
            }
            value = ageFor(patient, c.value(), c.upperValue());
            shown = "age " + number(value) + " years";
        } else {
            List<Quantity> given = patient.measurements().getOrDefault(concept, List.of());
            if (given.isEmpty()) {
                return unknown(c, concept.displayName() + " not given (measurement " + concept + ")");
            }
            Quantity same = given.stream().filter(q -> q.unit().equals(c.unit())).findFirst().orElse(null);
            if (same == null) {
                return unknown(c, concept.displayName() + " given in " + unitName(given.get(0).unit())
                        + ", which does not convert to " + unitName(c.unit()) + " (the unit of this requirement)");
            }
            value = same.value();
            shown = concept.displayName() + " " + number(value) + suffix(c.unit());
        }
        return compare(c, value, shown);
    }

    private static Held compare(ScreeningConstraint c, double v, String shown) {
        double t = c.value();
        return switch (c.comparator()) {
            case LT -> held(c, v < t - EPSILON, shown, "above");
            case LE -> held(c, v <= t + EPSILON, shown, "above");
            case GT -> held(c, v > t + EPSILON, shown, "below");
            case GE -> held(c, v >= t - EPSILON, shown, "below");
            case EQ -> held(c, Math.abs(v - t) <= EPSILON, shown, "not");
            case BETWEEN -> c.upperValue() == null ? unknown(c, "the range " + c.label() + " has no upper end")
                    : held(c, v >= t - EPSILON && v <= c.upperValue() + EPSILON, shown, v < t ? "below" : "above");
            default -> unknown(c, "the requirement " + c.label() + " cannot be compared with a value");
        };
    }

    private static Held held(ScreeningConstraint c, boolean holds, String shown, String direction) {
        return new Held(c, holds ? Truth.TRUE : Truth.FALSE, shown, direction, null);
    }

    private static Held unknown(ScreeningConstraint c, String missing) {
        return new Held(c, Truth.UNKNOWN, null, null, missing);
    }

    /** The check's verdict and reason: exclusion constraints inverted. */
    static ConstraintCheck check(Held h, boolean exclusion) {
        ScreeningConstraint c = h.constraint();
        Truth truth = exclusion ? h.truth().not() : h.truth();
        String requirement = requirement(c);
        String reason = switch (h.truth()) {
            case UNKNOWN -> h.missing() + (exclusion ? "; the criterion excludes " : "; the criterion requires ")
                    + requirement;
            case TRUE -> exclusion ? h.value() + " matches the excluded " + requirement
                    : h.value() + " meets the required " + requirement;
            case FALSE -> exclusion ? h.value() + " is outside the excluded " + requirement
                    : h.value() + " is " + h.direction() + " the required " + requirement;
        };
        return new ConstraintCheck(c, truth.verdict(), reason);
    }

    /** The requirement in words: "at least 45 %", "at most 18 years", "HIV absent", "male participants". */
    static String requirement(ScreeningConstraint c) {
        if (c.concept().isPresence()) {
            return c.concept().displayName() + " " + c.comparator().symbol();
        }
        if (c.concept() == Concept.SEX) {
            return lower(c.unit()) + " participants";
        }
        String unit = suffix(c.unit());
        return switch (c.comparator()) {
            case LT -> "less than " + number(c.value()) + unit;
            case LE -> "at most " + number(c.value()) + unit;
            case GT -> "more than " + number(c.value()) + unit;
            case GE -> "at least " + number(c.value()) + unit;
            case EQ -> "exactly " + number(c.value()) + unit;
            case BETWEEN -> "between " + number(c.value()) + " and " + number(c.upperValue()) + unit;
            default -> c.label();
        };
    }

    /**
     * The patient's age as the limit reads it: whole-year limits ("18 years") take the age in completed years,
     * as people say it; limits in months or days take the exact age.
     */
    private static double ageFor(Patient patient, Double... limits) {
        for (Double limit : limits) {
            if (limit != null && limit != Math.rint(limit)) {
                return patient.ageYears();
            }
        }
        return patient.completedYears();
    }

    private static String suffix(String unit) {
        return unit == null || unit.isEmpty() ? "" : " " + unit;
    }

    private static String unitName(String unit) {
        return unit == null || unit.isEmpty() ? "score points" : unit;
    }

    private static String lower(String text) {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    /** 45.0 as "45", 0.0770 as "0.077"; ages to at most 2 decimals. */
    static String number(Double value) {
        if (value == null) {
            return "";
        }
        BigDecimal d = new BigDecimal(Double.toString(value));
        if (d.scale() > 3) {
            d = d.setScale(3, java.math.RoundingMode.HALF_UP);
        }
        return d.stripTrailingZeros().toPlainString();
    }
}
