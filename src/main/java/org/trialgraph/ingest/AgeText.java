package org.trialgraph.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.trialgraph.ingest.StudyRecord.Age;

/** Reads age limits as ClinicalTrials.gov writes them ("18 Years", "6 Months", "28 Days", "N/A"). */
final class AgeText {

    private static final Pattern AGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(year|month|week|day|hour|minute)s?",
            Pattern.CASE_INSENSITIVE);

    private static final double DAYS_PER_YEAR = 365.25;

    private AgeText() {
    }

    /** The age as text and in years; null for a missing limit, years null for "N/A". */
    static Age parse(String text, String field) {
        if (text == null) {
            return null;
        }
        String normalised = text.strip();
        if (normalised.equalsIgnoreCase("N/A") || normalised.equalsIgnoreCase("none")) {
            return new Age(normalised, null);
        }
        Matcher matcher = AGE.matcher(normalised);
        if (!matcher.matches()) {
            throw new InvalidRecordException(field, "not an age: \"" + normalised + "\" (expected e.g. \"18 Years\")");
        }
        double amount = Double.parseDouble(matcher.group(1));
        return new Age(normalised, round(amount * yearsPer(matcher.group(2).toLowerCase(Locale.ROOT))));
    }

    private static double yearsPer(String unit) {
        return switch (unit) {
            case "year" -> 1;
            case "month" -> 1 / 12.0;
            case "week" -> 7 / DAYS_PER_YEAR;
            case "day" -> 1 / DAYS_PER_YEAR;
            case "hour" -> 1 / (24 * DAYS_PER_YEAR);
            default -> 1 / (24 * 60 * DAYS_PER_YEAR);
        };
    }

    private static double round(double years) {
        return Math.round(years * 10_000) / 10_000.0;
    }
}
