package org.trialgraph.scale;

import java.util.Arrays;
import java.util.List;

/** An eligibility text as its lines, and back, so that single lines can be changed without touching the rest. */
final class EligibilityLines {

    private EligibilityLines() {
    }

    static List<String> split(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    /** Headings ("Exclusion Criteria:") are left alone: the criteria engine reads sections from them. */
    static boolean isHeading(String line) {
        return line.strip().endsWith(":");
    }
}
