package org.trialgraph.ingest;

/**
 * A record that was not imported: where it is (file, and index, line or archive member), its NCT id when it
 * could be read, and why.
 */
public record Rejection(String location, String nctId, String reason) {

    @Override
    public String toString() {
        return location + (nctId == null ? "" : " (" + nctId + ")") + ": " + reason;
    }
}
