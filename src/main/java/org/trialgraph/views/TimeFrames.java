package org.trialgraph.views;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how far into a study an outcome's time frame reaches, in days: "28 days after infusion" 28,
 * "Up to 24 months" 730, "Week 12" 84, "one year" 365. The longest time frame says how long participants are
 * followed, and so how many visits a trial implies.
 */
final class TimeFrames {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private static final String UNIT = "(hours?|days?|weeks?|months?|years?|yrs?|wks?|mos?)";
    private static final Pattern NUMBER_UNIT = Pattern.compile("(?i)\\b" + NUMBER + "[\\s-]*" + UNIT + "\\b");
    private static final Pattern UNIT_NUMBER = Pattern.compile("(?i)\\b" + UNIT + "\\s*" + NUMBER + "\\b");
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12));

    private TimeFrames() {
    }

    /** The longest time a time frame names, in days; empty when it names none. */
    static OptionalDouble longestDays(String timeFrame) {
        if (timeFrame == null) {
            return OptionalDouble.empty();
        }
        double longest = -1;
        Matcher m = NUMBER_UNIT.matcher(timeFrame);
        while (m.find()) {
            longest = Math.max(longest, days(m.group(1), m.group(2)));
        }
        m = UNIT_NUMBER.matcher(timeFrame);
        while (m.find()) {
            longest = Math.max(longest, days(m.group(2), m.group(1)));
        }
        return longest < 0 ? OptionalDouble.empty() : OptionalDouble.of(longest);
    }

    private static double days(String number, String unit) {
        String n = number.toLowerCase(Locale.ROOT);
        double value = WORDS.containsKey(n) ? WORDS.get(n) : Double.parseDouble(n);
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("h")) {
            return value / 24;
        }
        if (u.startsWith("d")) {
            return value;
        }
        if (u.startsWith("w")) {
            return value * 7;
        }
        if (u.startsWith("m")) {
            return value * 365.25 / 12;
        }
        return value * 365.25;
    }
}
