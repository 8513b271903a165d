package org.trialgraph.criteria;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One machine-readable requirement found in a criterion, as stated there (an exclusion criterion
 * "LVEF &lt; 45%" is LVEF LT 45 %; the section kind says it excludes).
 *
 * <p>value is null for PRESENT/ABSENT and SEX; upperValue is set only for BETWEEN (inclusive);
 * unit is a normalised unit ("years", "10^9/L", "g/dL", "xULN", "%", ...), "" for unitless scores,
 * and "FEMALE"/"MALE" for SEX. sourceText is the fragment of the criterion it was read from.
 */
public record Constraint(Concept concept, Comparator comparator, Double value, Double upperValue, String unit,
                         String sourceText) {

    public Constraint {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(comparator, "comparator");
        unit = unit == null ? "" : unit;
        sourceText = sourceText == null ? "" : sourceText;
    }

    /** Stable identity: {@code CONCEPT|COMPARATOR|value|unit}, e.g. {@code LVEF|GE|45|%}, {@code AGE|BETWEEN|18..75|years}, {@code HIV|PRESENT||}. */
    public String key() {
        return concept.name() + "|" + comparator.name() + "|" + valueText("..") + "|" + unit;
    }

    /** Readable form, e.g. {@code LVEF >= 45 %}, {@code creatinine <= 1.5 xULN}, {@code age between 18 and 75 years}. */
    public String label() {
        String name = concept.displayName();
        return switch (comparator) {
            case PRESENT, ABSENT -> name + " " + comparator.symbol();
            case BETWEEN -> name + " between " + format(value) + " and " + format(upperValue) + unitSuffix();
            default -> value == null
                    ? name + " " + comparator.symbol() + " " + unit.toLowerCase()
                    : name + " " + comparator.symbol() + " " + format(value) + unitSuffix();
        };
    }

    private String unitSuffix() {
        return unit.isEmpty() ? "" : " " + unit;
    }

    private String valueText(String rangeSeparator) {
        if (value == null) {
            return "";
        }
        if (comparator == Comparator.BETWEEN) {
            return format(value) + rangeSeparator + format(upperValue);
        }
        return format(value);
    }

    /** Plain decimal without trailing zeros: 45.0 becomes "45", 0.010 becomes "0.01". */
    static String format(Double number) {
        if (number == null) {
            return "";
        }
        return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
    }
}
