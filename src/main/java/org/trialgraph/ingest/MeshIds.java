package org.trialgraph.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MeSH ids appear in two spellings across ClinicalTrials.gov snapshots (D054198 and D000054198); both
 * become the nine-digit form, which newer descriptors (D000086982) use anyway.
 */
public final class MeshIds {

    private static final Pattern ID = Pattern.compile("([A-Z])0*(\\d{1,9})");

    private MeshIds() {
    }

    /** Whether the text is written as a MeSH id (a letter and digits, e.g. D054198 or D000054198). */
    public static boolean looksLikeId(String text) {
        return ID.matcher(text.strip().toUpperCase(java.util.Locale.ROOT)).matches();
    }

    public static String canonical(String id) {
        Matcher matcher = ID.matcher(id.strip().toUpperCase(java.util.Locale.ROOT));
        if (!matcher.matches()) {
            return id.strip();
        }
        return matcher.group(1) + String.format("%09d", Long.parseLong(matcher.group(2)));
    }
}
