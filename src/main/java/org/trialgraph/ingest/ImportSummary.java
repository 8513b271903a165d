package org.trialgraph.ingest;

import java.util.List;

/**
 * What an import did: studies read, created, updated (a newer version replaced the stored one), unchanged
 * (identical or older than the stored version), and rejected records with their reasons.
 */
public record ImportSummary(long read, long imported, long updated, long unchanged, List<Rejection> rejected,
        double seconds) {

    public long rejectedCount() {
        return rejected.size();
    }

    public double studiesPerSecond() {
        return seconds <= 0 ? read : read / seconds;
    }

    public String describe() {
        return String.format("read %,d, imported %,d, updated %,d, unchanged %,d, rejected %,d in %.1f s (%,.0f studies/s)",
                read, imported, updated, unchanged, rejected.size(), seconds, studiesPerSecond());
    }
}
