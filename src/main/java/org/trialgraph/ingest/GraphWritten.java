package org.trialgraph.ingest;

/**
 * Published (as a Spring application event) after the writer has written or deleted trials, so that readers
 * caching something derived from the graph (e.g. related.DocumentFrequencies) can drop it.
 */
public record GraphWritten() {
}
