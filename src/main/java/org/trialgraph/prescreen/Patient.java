package org.trialgraph.prescreen;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.trialgraph.criteria.Concept;
import org.trialgraph.criteria.Quantities;
import org.trialgraph.criteria.Quantities.Quantity;

/**
 * A checked patient profile: age in years, sex, measured values in the criteria engine's normalised units
 * (several per concept when given in units that do not convert, such as creatinine in mg/dL and in xULN), and
 * yes/no facts. Anything the pre-screen cannot use is refused with the argument named, never silently ignored.
 *
 * @param ageYears          age in years (fractional from a birth date); null when not given
 * @param completedYears    age in whole years, as people say it ("12 years old" until the 13th birthday)
 * @param sex               FEMALE or MALE; null when not given
 */
record Patient(Double ageYears, Integer completedYears, String sex, Map<Concept, List<Quantity>> measurements,
        Map<Concept, Boolean> facts) {

    private static final double DAYS_PER_YEAR = 365.25;

    /** Checks the profile; {@code today} dates a birth date. */
    static Patient of(PatientProfile profile, LocalDate today) {
        if (profile == null) {
            throw new IllegalArgumentException("patient is required");
        }
        Double age = age(profile, today);
        return new Patient(age, age == null ? null : (int) Math.floor(age + 1e-9), sex(profile.sex()),
                measurements(profile.measurements()), facts(profile.facts()));
    }

    private static Double age(PatientProfile profile, LocalDate today) {
        if (profile.age() != null && profile.birthDate() != null) {
            throw new IllegalArgumentException("patient: give age or birthDate, not both");
        }
        if (profile.age() != null) {
            double age = profile.age();
            if (!Double.isFinite(age) || age < 0 || age > 130) {
                throw new IllegalArgumentException("patient.age must be between 0 and 130 years");
            }
            return age;
        }
        if (profile.birthDate() == null) {
            return null;
        }
        LocalDate born;
        try {
            born = LocalDate.parse(profile.birthDate().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("patient.birthDate must be an ISO date (YYYY-MM-DD)");
        }
        if (born.isAfter(today) || born.isBefore(today.minusYears(130))) {
            throw new IllegalArgumentException("patient.birthDate must lie within the last 130 years");
        }
        long completed = ChronoUnit.YEARS.between(born, today);
        LocalDate lastBirthday = born.plusYears(completed);
        double sinceBirthday = ChronoUnit.DAYS.between(lastBirthday, today) / DAYS_PER_YEAR;
        return completed + Math.min(sinceBirthday, 0.999);
    }

    private static String sex(String sex) {
        if (sex == null) {
            return null;
        }
        if (!sex.equals("FEMALE") && !sex.equals("MALE")) {
            throw new IllegalArgumentException("patient.sex must be FEMALE or MALE (ALL describes trials, not people)");
        }
        return sex;
    }

    private static Map<Concept, List<Quantity>> measurements(List<PatientProfile.Measurement> measurements) {
        Map<Concept, List<Quantity>> values = new EnumMap<>(Concept.class);
        if (measurements == null) {
            return values;
        }
        for (int i = 0; i < measurements.size(); i++) {
            PatientProfile.Measurement m = measurements.get(i);
            String at = "patient.measurements[" + i + "]";
            Concept concept = concept(m.concept(), at);
            if (concept == Concept.AGE || concept == Concept.SEX) {
                throw new IllegalArgumentException(at + ".concept: give " + concept + " as patient."
                        + (concept == Concept.AGE ? "age or patient.birthDate" : "sex"));
            }
            if (concept.isPresence()) {
                throw new IllegalArgumentException(at + ".concept: " + concept + " is a yes/no fact: give it in patient.facts");
            }
            if (m.value() == null) {
                throw new IllegalArgumentException(at + ".value is required");
            }
            // The value is not echoed in the message: errors may be logged where the profile must not be.
            Quantity quantity = Quantities.normalize(concept, m.value(), m.unit()).orElseThrow(() ->
                    new IllegalArgumentException(at + ": the value or unit does not fit " + concept
                            + " (see the Concept enum for its units)"));
            List<Quantity> list = values.computeIfAbsent(concept, c -> new ArrayList<>());
            if (list.stream().anyMatch(q -> q.unit().equals(quantity.unit()))) {
                throw new IllegalArgumentException(at + ": " + concept + " is given twice in the same unit");
            }
            list.add(quantity);
        }
        return values;
    }

    private static Map<Concept, Boolean> facts(List<PatientProfile.Fact> facts) {
        Map<Concept, Boolean> values = new EnumMap<>(Concept.class);
        if (facts == null) {
            return values;
        }
        for (int i = 0; i < facts.size(); i++) {
            PatientProfile.Fact f = facts.get(i);
            String at = "patient.facts[" + i + "]";
            Concept concept = concept(f.concept(), at);
            if (!concept.isPresence()) {
                throw new IllegalArgumentException(at + ".concept: " + concept
                        + " is not a yes/no concept (those are " + presenceConcepts() + ")");
            }
            if (f.present() == null) {
                throw new IllegalArgumentException(at + ".present is required");
            }
            if (values.put(concept, f.present()) != null) {
                throw new IllegalArgumentException(at + ": " + concept + " is given twice");
            }
        }
        return values;
    }

    private static Concept concept(String code, String at) {
        if (code == null) {
            throw new IllegalArgumentException(at + ".concept is required");
        }
        try {
            return Concept.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ".concept: not a concept code of the criteria engine (one of "
                    + Arrays.toString(Concept.values()) + ")");
        }
    }

    private static List<Concept> presenceConcepts() {
        return Arrays.stream(Concept.values()).filter(Concept::isPresence).toList();
    }
}
