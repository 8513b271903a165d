package org.trialgraph.ingest;

import java.util.Comparator;
import java.util.Objects;

import org.trialgraph.ingest.StudyRecord.PartialDate;

/**
 * Which of two versions of a record is newer: the later last-update date wins, then the later snapshot
 * (versionHolder). Dates are ISO text at any precision, so they compare as text.
 */
final class Versions {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private Versions() {
    }

    static boolean isNewer(StudyRecord study, PartialDate otherLastUpdated, String otherVersion) {
        String lastUpdated = study.status().lastUpdated() == null ? null : study.status().lastUpdated().text();
        String other = otherLastUpdated == null ? null : otherLastUpdated.text();
        int byDate = NULLS_FIRST.compare(lastUpdated, other);
        if (byDate != 0) {
            return byDate > 0;
        }
        return NULLS_FIRST.compare(study.provenance().versionHolder(), otherVersion) > 0;
    }

    /** Same dates, different content: the one imported last wins, as an operator re-importing would expect. */
    static boolean isSameVersion(StudyRecord study, String otherLastUpdated, String otherVersion) {
        String lastUpdated = study.status().lastUpdated() == null ? null : study.status().lastUpdated().text();
        return Objects.equals(lastUpdated, otherLastUpdated)
                && Objects.equals(study.provenance().versionHolder(), otherVersion);
    }
}
