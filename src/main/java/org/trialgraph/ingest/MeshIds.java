package org.trialgraph.ingest;

import java.util.Locale;

/**
 * MeSH ids appear in two spellings across ClinicalTrials.gov snapshots (D054198 and D000054198); both
 * become the nine-digit form, which newer descriptors (D000086982) use anyway.
 *
 * <p>An id is a letter, any leading zeros and one to nine further digits (the regex {@code [A-Z]0*(\d{1,9})}, after
 * upper-casing). Read by hand: every MeSH reference of every imported study passes here, and the regex with
 * {@code String.format} was a third of mapping a study to its import record (profiled on 100k generated studies).
 */
public final class MeshIds {

    private static final int DIGITS = 9;

    private MeshIds() {
    }

    /** Whether the text is written as a MeSH id (a letter and digits, e.g. D054198 or D000054198). */
    public static boolean looksLikeId(String text) {
        return significantDigits(text.strip().toUpperCase(Locale.ROOT)) >= 0;
    }

    public static String canonical(String id) {
        String stripped = id.strip();
        String upper = stripped.toUpperCase(Locale.ROOT);
        int significant = significantDigits(upper);
        if (significant < 0) {
            return stripped;
        }
        if (upper.length() == 1 + DIGITS) {
            return upper; // already nine digits: D000054198
        }
        StringBuilder sb = new StringBuilder(1 + DIGITS).append(upper.charAt(0));
        sb.append("0".repeat(DIGITS - Math.max(significant, 1)));
        return significant == 0 ? sb.append('0').toString() : sb.append(upper, upper.length() - significant, upper.length()).toString();
    }

    /**
     * How many digits of an id are left after its leading zeros (0 if all are zeros); -1 if the text is not an id:
     * not a letter A-Z followed by digits 0-9 only, at least one, with at most nine after the leading zeros.
     */
    private static int significantDigits(String upper) {
        int n = upper.length();
        if (n < 2 || upper.charAt(0) < 'A' || upper.charAt(0) > 'Z') {
            return -1;
        }
        int firstNonZero = n;
        for (int i = 1; i < n; i++) {
            char c = upper.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (c != '0' && firstNonZero == n) {
                firstNonZero = i;
            }
        }
        int significant = n - firstNonZero;
        return significant > DIGITS ? -1 : significant;
    }
}
