package org.trialgraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.trialgraph.criteria.EligibilityEngine;

/**
 * The import's reading and row-building, opened to the bulk path ({@code org.trialgraph.bulk}) so that it writes
 * exactly what the transactional writer writes: the same reader and rejections, the same property maps
 * ({@link TrialRows}), the same source-history entries and the same MeSH ancestry derivation.
 */
public final class BulkRows {

    /** The format name of API v2 JSON records ({@code StudyRecord.Provenance.format}). */
    public static final String API_V2_FORMAT = ApiV2StudyMapper.FORMAT;

    private BulkRows() {
    }

    /**
     * Reads one file's stream as the {@code import} command does: by content, archives member by member, each member
     * inflating to at most {@code maxInflatedBytes} ({@code trialgraph.import.max-inflated-size}).
     */
    public static void read(String location, String name, InputStream in, EligibilityEngine engine,
            long maxInflatedBytes, Consumer<StudyRecord> accept, Consumer<Rejection> reject) throws IOException {
        new StudyReader(new StudyReader.Sink() {
            @Override
            public void accept(StudyRecord study) {
                accept.accept(study);
            }

            @Override
            public void reject(Rejection rejection) {
                reject.accept(rejection);
            }
        }, engine, maxInflatedBytes).readStream(location, name, in);
    }

    /** Whether a directory walk of {@code import} picks this file. */
    public static boolean isImportable(Path file) {
        return StudyReader.isImportable(file);
    }

    /**
     * The trial's rows as the writer sends them: {@code props}, {@code sponsors}, {@code conditions},
     * {@code meshTerms}, {@code interventions}, {@code arms}, {@code outcomes}, {@code sites}.
     */
    public static Map<String, Object> trial(StudyRecord study, String importedAt) {
        return TrialRows.of(study, importedAt);
    }

    /** The trial's distinct criteria, each with its constraints and its statements ({@code links}). */
    public static List<Map<String, Object>> criteria(StudyRecord study) {
        return TrialRows.distinctCriteria(List.of(study));
    }

    /** The trial's entry in {@code Trial.sourceHistory}. */
    public static String sourceHistoryEntry(StudyRecord study) {
        return SourceHistory.entry(study);
    }

    /** The MeSH hierarchy derived from a stream of records, as the writer derives it batch by batch. */
    public static final class MeshTree {

        private final MeshAncestry ancestry = new MeshAncestry();

        public void add(StudyRecord study) {
            ancestry.add(study.conditionBrowse());
            ancestry.add(study.interventionBrowse());
        }

        /** Every term seen ({@code id}, {@code term}: the name last seen). */
        public List<Map<String, Object>> terms() {
            return ancestry.termRows();
        }

        /** Per direct term: {@code id}, {@code exact}, {@code ancestors}. */
        public List<Map<String, Object>> ancestry() {
            return ancestry.ancestryRows();
        }
    }
}
