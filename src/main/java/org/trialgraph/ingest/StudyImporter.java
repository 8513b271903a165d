package org.trialgraph.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        Run run = new Run(ImportProgress.NONE);
        studies.forEach(run::accept);
        run.flush();
        return run.summary();
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
        Run run = new Run(progress);
        reading.readWith(new StudyReader(run, criteriaEngine, maxInflatedBytes));
        run.flush();
        return run.summary();
    }

    /** One import under way: collects studies into batches and tallies what each batch did. */
    private final class Run implements StudyReader.Sink {

        private final long started = System.nanoTime();
        private final ImportProgress progress;
        private final List<StudyRecord> batch = new ArrayList<>(batchSize);
        private final List<Rejection> rejected = new ArrayList<>();
        private long read;
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

        void flush() {
            if (!batch.isEmpty()) {
                TrialGraphWriter.BatchResult result = writer.write(List.copyOf(batch));
                batch.clear();
                created += result.created();
                updated += result.updated();
                unchanged += result.unchanged();
                rejected.addAll(result.rejected());
            }
            progress.update(read, rejected.size(), seconds());
        }

        private double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }

        ImportSummary summary() {
            return new ImportSummary(read, created, updated, unchanged, List.copyOf(rejected), seconds());
        }
    }
}
