package org.trialgraph.ingest;

/** Told after each written batch how far an import has come. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (read, rejected, seconds) -> { };

    void update(long read, long rejected, double seconds);
}
