package org.trialgraph.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import org.trialgraph.criteria.EligibilityEngine;

/**
 * Imports studies from files, directories, archives or text: streams them through the reader and writes
 * them in batches, each batch in one transaction.
 */
@Service
public class StudyImporter {

    private final TrialGraphWriter writer;
    private final EligibilityEngine criteriaEngine;
    private final int batchSize;
    private final long maxInflatedBytes;

    StudyImporter(TrialGraphWriter writer, EligibilityEngine criteriaEngine,
            @Value("${trialgraph.import.batch-size:500}") int batchSize,
            @Value("${trialgraph.import.max-inflated-size:1GB}") DataSize maxInflatedSize) {
        this.writer = writer;
        this.criteriaEngine = criteriaEngine;
        this.batchSize = batchSize;
        this.maxInflatedBytes = maxInflatedSize.toBytes();
        if (maxInflatedBytes <= 0) {
            throw new IllegalArgumentException("trialgraph.import.max-inflated-size must be positive");
        }
    }

    public ImportSummary importPaths(List<Path> paths, ImportProgress progress) {
        return run(progress, reader -> paths.forEach(reader::read));
    }

    /** Imports studies given as text: one study, an array of studies, an API page, or JSON lines. */
    public ImportSummary importText(String label, String text) {
        String name = looksLikeJsonLines(text) ? label + ".jsonl" : label + ".json";
        return importStream(label, name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    public ImportSummary importStream(String location, String name, InputStream in) {
        return run(ImportProgress.NONE, reader -> {
            try {
                reader.readStream(location, name, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Imports studies already read, in this order, in batches (the bulk path's repeated NCT ids). */
    public ImportSummary importRecords(List<StudyRecord> studies) {
        try (Run run = new Run(ImportProgress.NONE)) {
            studies.forEach(run::accept);
            return run.finish();
        }
    }

    /** Removes trials and what only they used; returns the NCT ids that were present. */
    public List<String> deleteTrials(List<String> nctIds) {
        return writer.delete(nctIds.stream().distinct().toList());
    }

    private static boolean looksLikeJsonLines(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("{") && trimmed.contains("}\n{");
    }

    private interface Reading {
        void readWith(StudyReader reader);
    }

    private ImportSummary run(ImportProgress progress, Reading reading) {
        try (Run run = new Run(progress)) {
            reading.readWith(new StudyReader(run, criteriaEngine, maxInflatedBytes));
            return run.finish();
        }
    }

    /**
     * One import under way: collects studies into batches and tallies what each batch did. A batch is written on a
     * writer thread while the reading thread parses the next one, so reading and writing share the cores; at most
     * one batch is being written and one being read, and batches commit in input order.
     */
    private final class Run implements StudyReader.Sink, AutoCloseable {

        private final long started = System.nanoTime();
        private final ImportProgress progress;
        private final List<StudyRecord> batch = new ArrayList<>(batchSize);
        private final List<Rejection> rejected = new ArrayList<>();
        private ExecutorService writerThread;
        private Future<TrialGraphWriter.BatchResult> writing;
        private long read;
        private long readWhenHandedOff;
        private long committedRead;
        private long created;
        private long updated;
        private long unchanged;

        Run(ImportProgress progress) {
            this.progress = progress;
        }

        @Override
        public void accept(StudyRecord study) {
            read++;
            batch.add(study);
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        @Override
        public void reject(Rejection rejection) {
            read++;
            rejected.add(rejection);
        }

        /**
         * Hands the batch read so far to the writer thread once the previous batch is written; progress counts the
         * studies up to the last committed batch.
         */
        void flush() {
            List<StudyRecord> toWrite = List.copyOf(batch);
            batch.clear();
            if (!toWrite.isEmpty()) {
                // The criteria engine runs here, on the reading thread, while the previous batch is written (on
                // all cores when there is none).
                writer.prepare(toWrite, writing == null);
            }
            if (writing != null) {
                awaitWrites();
                progress.update(committedRead, rejected.size(), seconds());
            }
            if (!toWrite.isEmpty()) {
                readWhenHandedOff = read;
                Map<String, String> logContext = MDC.getCopyOfContextMap(); // the request id, for the slow-query log
                writing = writer().submit(() -> {
                    MDC.setContextMap(logContext == null ? Map.of() : logContext);
                    try {
                        return writer.write(toWrite);
                    } finally {
                        MDC.clear();
                    }
                });
            }
        }

        ImportSummary finish() {
            flush();
            awaitWrites();
            committedRead = read;
            progress.update(committedRead, rejected.size(), seconds());
            return summary();
        }

        /** Waits for the batch being written and tallies it; a failed write ends the import with its error. */
        void awaitWrites() {
            if (writing == null) {
                return;
            }
            TrialGraphWriter.BatchResult result;
            try {
                result = writing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing a batch", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                writing = null;
            }
            committedRead = readWhenHandedOff;
            created += result.created();
            updated += result.updated();
            unchanged += result.unchanged();
            rejected.addAll(result.rejected());
        }

        private ExecutorService writer() {
            if (writerThread == null) {
                writerThread = Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "import-writer");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            return writerThread;
        }

        /** Lets a batch still being written (the reading failed) commit or roll back on its own, then stops. */
        @Override
        public void close() {
            if (writerThread == null) {
                return;
            }
            writerThread.shutdown();
            try {
                writerThread.awaitTermination(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }

        ImportSummary summary() {
            return new ImportSummary(read, created, updated, unchanged, List.copyOf(rejected), seconds());
        }
    }
}
