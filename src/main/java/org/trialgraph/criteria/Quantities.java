package org.trialgraph.criteria;

import java.util.Optional;

/**
 * A value someone states outside criteria text (a patient's lab result, say) in the unit a constraint on the
 * same concept is stored in, with the same unit rules the extractor applies to criteria: "150000 /µL" platelets
 * are 150 10^9/L, "90 g/L" hemoglobin is 9 g/dL, "6 months" of life expectancy stay 6 months.
 */
public final class Quantities {

    /** A value in a concept's normalised unit ("10^9/L", "g/dL", "xULN", "%", "" for scores, ...). */
    public record Quantity(double value, String unit) {
    }

    private Quantities() {
    }

    /**
     * The value in the concept's normalised unit, or empty when the unit is not one the engine reads, does not
     * fit the concept, or the value is out of the concept's range (an ECOG of 7, an LVEF of 140 %). With no unit
     * the engine's own guesses apply (a platelet count of 150000 is per µL; a creatinine of 1.2 is mg/dL).
     */
    public static Optional<Quantity> normalize(Concept concept, double value, String unit) {
        if (concept.isPresence() || concept == Concept.SEX || !Double.isFinite(value) || value < 0) {
            return Optional.empty();
        }
        RawUnit raw = null;
        double factor = 1;
        String text = unit == null ? "" : TextNormalizer.forMatching(unit).strip();
        if (!text.isEmpty()) {
            RawUnit.Match match = RawUnit.at(text, 0, text.length());
            if (match == null || match.end() != text.length()) {
                return Optional.empty();
            }
            raw = match.unit();
            factor = match.factor();
        }
        UnitNormalizer.Normalized normalized = UnitNormalizer.normalize(concept, value, raw, factor);
        return normalized == null ? Optional.empty() : Optional.of(new Quantity(normalized.value(), normalized.unit()));
    }
}
