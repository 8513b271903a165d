package org.trialgraph.ingest;

import java.util.List;

/**
 * Published (as a Spring application event) after the writer has written or deleted trials, so that readers
 * caching something derived from the graph (e.g. related.DocumentFrequencies) can drop it, or re-read only the
 * trials named here.
 *
 * @param nctIds the trials that may have changed: every trial of the batch written (whether it was new, replaced
 *               or unchanged) or asked to be deleted; a reader re-reads each and treats one no longer stored as
 *               deleted
 */
public record GraphWritten(List<String> nctIds) {

    public GraphWritten {
        nctIds = List.copyOf(nctIds);
    }
}
