package org.trialgraph.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import org.trialgraph.criteria.EligibilityEngine;

/**
 * Writes batches of studies to the graph, one transaction per batch: a batch is written whole or not at all,
 * so no trial is ever half-written. The MeSH tree ({@link MeshWrites}) and the shared criteria
 * ({@link CriteriaWrites}) are written by their own classes within the same transaction. A study whose content hash is already stored is left alone; an older
 * version of a stored study is ignored; a newer one replaces the stored trial completely.
 */
@Component
class TrialGraphWriter {

    private static final Logger log = LoggerFactory.getLogger(TrialGraphWriter.class);

    /** What one batch did. */
    record BatchResult(int created, int updated, int unchanged, List<Rejection> rejected) {
    }

    private static final String FIND_STORED = """
            UNWIND $ids AS id
            MATCH (t:Trial {nctId: id})
            RETURN t.nctId AS nctId, t.sourceHash AS hash, t.lastUpdated AS lastUpdated, t.sourceVersion AS version,
                   t.criteriaEngineVersion AS engine
            """;

    private static final String DELETE_OWNED = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[:MEASURES|HAS_ARM]->(owned)
            DETACH DELETE owned
            """;

    // Unlinks a replaced trial from shared nodes and removes those that no other trial uses any more, so a
    // re-import ends exactly like a clean import of the newer version.
    private static final String UNLINK_SHARED = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[r:SPONSORED_BY|STUDIES|TESTS|RECRUITS_AT|STUDIES_MESH|TESTS_MESH]->(shared)
            DELETE r
            WITH DISTINCT shared
            WHERE NOT shared:MeshTerm AND NOT EXISTS { (:Trial)-->(shared) }
            DETACH DELETE shared
            """;

    private static final String DELETE_TRIALS = """
            UNWIND $ids AS id
            MATCH (t:Trial {nctId: id})
            DETACH DELETE t
            """;

    // Trials known to be new are created outright, with the versions the batch read of them.
    private static final String CREATE_TRIALS = """
            UNWIND $rows AS row
            CREATE (t:Trial)
            SET t = row.props
            SET t.sourceHistory = row.history
            """;

    // The list of versions seen survives the replacement of the trial's properties.
    private static final String REPLACE_TRIALS = """
            UNWIND $rows AS row
            MATCH (t:Trial {nctId: row.nctId})
            WITH t, row, t.sourceHistory AS history
            SET t = row.props
            SET t.sourceHistory = history
            """;

    private static final String RECORD_SOURCES = """
            UNWIND $sources AS x
            MATCH (t:Trial {nctId: x.nctId})
            WHERE NOT x.entry IN coalesce(t.sourceHistory, [])
            SET t.sourceHistory = coalesce(t.sourceHistory, []) + x.entry
            """;

    private static final String LINK_SPONSORS = """
            UNWIND $rows AS row
            MATCH (t:Trial {nctId: row.nctId})
            UNWIND row.items AS x
            MERGE (s:Sponsor {key: x.key})
              ON CREATE SET s.name = x.name
            SET s.agencyClass = coalesce(x.agencyClass, s.agencyClass)
            CREATE (t)-[:SPONSORED_BY {role: x.role, position: x.position}]->(s)
            """;

    private static final String LINK_CONDITIONS = """
            UNWIND $rows AS row
            MATCH (t:Trial {nctId: row.nctId})
            UNWIND row.items AS x
            MERGE (c:Condition {key: x.key})
              ON CREATE SET c.name = x.name
            CREATE (t)-[:STUDIES {position: x.position}]->(c)
            WITH c, x WHERE x.meshId IS NOT NULL
            MATCH (m:MeshTerm {id: x.meshId})
            MERGE (c)-[:MAPS_TO]->(m)
            """;

    private static final String LINK_INTERVENTIONS = """
            UNWIND $rows AS row
            MATCH (t:Trial {nctId: row.nctId})
            UNWIND row.items AS x
            MERGE (i:Intervention {key: x.key})
              ON CREATE SET i.name = x.name, i.type = x.type
            CREATE (t)-[:TESTS {position: x.position, name: x.name, description: x.description, otherNames: x.otherNames,
                                armGroupLabels: x.armGroupLabels}]->(i)
            """;

    private static final String CREATE_ARMS = """
            UNWIND $rows AS row
            MATCH (t:Trial {nctId: row.nctId})
            UNWIND row.items AS x
            CREATE (t)-[:HAS_ARM {position: x.position}]->(:Arm {id: x.id, label: x.label, type: x.type,
                    description: x.description, interventionNames: x.interventionNames})
            """;

    private static final String CREATE_OUTCOMES = """
            UNWIND $rows AS row
            MATCH (t:Trial {nctId: row.nctId})
            UNWIND row.items AS x
            CREATE (t)-[:MEASURES {kind: x.kind, position: x.position}]->(:Outcome {id: x.id, measure: x.measure,
                    timeFrame: x.timeFrame, description: x.description})
            """;

    private static final String LINK_SITES = """
            UNWIND $rows AS row
            MATCH (t:Trial {nctId: row.nctId})
            UNWIND row.items AS x
            MERGE (s:Site {key: x.key})
              ON CREATE SET s.facility = x.facility, s.city = x.city, s.state = x.state, s.zip = x.zip,
                            s.country = x.country,
                            s.location = CASE WHEN x.latitude IS NULL OR x.longitude IS NULL THEN null
                                         ELSE point({latitude: x.latitude, longitude: x.longitude}) END
            CREATE (t)-[:RECRUITS_AT {status: x.status, position: x.position}]->(s)
            WITH DISTINCT s, x.country AS country WHERE country IS NOT NULL
            MERGE (c:Country {name: country})
            MERGE (s)-[:IN]->(c)
            """;

    private final Driver driver;
    private final ApplicationEventPublisher events;

    TrialGraphWriter(Driver driver, ApplicationEventPublisher events) {
        this.driver = driver;
        this.events = events;
    }

    BatchResult write(List<StudyRecord> batch) {
        try {
            return writeOrFindCulprit(batch);
        } finally {
            events.publishEvent(new GraphWritten(batch.stream().map(StudyRecord::nctId).distinct().toList()));
        }
    }

    /**
     * Reads the criteria of the studies of a batch that will probably be written (new ones, and stored ones this
     * version replaces), so that the importer can do it while the previous batch is still being written: the
     * engine is the costliest part of a batch outside the database. The write decides again in its own
     * transaction; a study read here and then skipped has only cost its engine time.
     *
     * @param inParallel on all cores (nothing else to overlap with), or on the calling thread only
     */
    void prepare(List<StudyRecord> batch, boolean inParallel) {
        Map<String, StudyRecord> newest = newestPerId(batch);
        Map<String, Stored> stored;
        try (var session = driver.session()) {
            stored = session.executeRead(tx -> findStored(tx, newest.keySet()));
        } catch (Neo4jException e) {
            return; // the write will meet the same trouble and report it; it reads the criteria itself
        }
        List<StudyRecord> toRead = newest.values().stream().filter(study -> {
            Stored known = stored.get(study.nctId());
            return known == null || known.isReplacedBy(study);
        }).toList();
        (inParallel ? toRead.parallelStream() : toRead.stream()).forEach(StudyRecord::criteria);
    }

    private BatchResult writeOrFindCulprit(List<StudyRecord> batch) {
        try {
            return writeTogether(batch);
        } catch (Neo4jException e) {
            if (batch.size() == 1) {
                StudyRecord study = batch.get(0);
                log.warn("Database rejected {}: {}", study.nctId(), e.getMessage());
                return new BatchResult(0, 0, 0, List.of(new Rejection(study.provenance().location(), study.nctId(),
                        "database rejected the record: " + e.getMessage())));
            }
            // Find the culprit: write the batch's studies one by one; the others still land.
            return batch.stream().map(study -> writeOrFindCulprit(List.of(study))).reduce(new BatchResult(0, 0, 0, List.of()),
                    TrialGraphWriter::sum);
        }
    }

    private static BatchResult sum(BatchResult a, BatchResult b) {
        List<Rejection> rejected = new ArrayList<>(a.rejected());
        rejected.addAll(b.rejected());
        return new BatchResult(a.created() + b.created(), a.updated() + b.updated(), a.unchanged() + b.unchanged(),
                rejected);
    }

    private BatchResult writeTogether(List<StudyRecord> batch) {
        Map<String, StudyRecord> newest = newestPerId(batch);
        int unchanged = batch.size() - newest.size();
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                Map<String, Stored> stored = findStored(tx, newest.keySet());
                List<StudyRecord> toWrite = new ArrayList<>();
                List<String> replaced = new ArrayList<>();
                int skipped = 0;
                for (StudyRecord study : newest.values()) {
                    Stored known = stored.get(study.nctId());
                    if (known != null && !known.isReplacedBy(study)) {
                        skipped++;
                        continue;
                    }
                    if (known != null) {
                        replaced.add(study.nctId());
                    }
                    toWrite.add(study);
                }
                writeStudies(tx, toWrite, replaced, batch);
                Set<String> created = new HashSet<>(newest.keySet());
                created.removeAll(stored.keySet());
                recordSources(tx, batch.stream().filter(study -> !created.contains(study.nctId())).toList());
                return new BatchResult(toWrite.size() - replaced.size(), replaced.size(), unchanged + skipped,
                        List.of());
            });
        }
    }

    private void writeStudies(TransactionContext tx, List<StudyRecord> studies, List<String> replaced,
            List<StudyRecord> batch) {
        if (studies.isEmpty()) {
            return;
        }
        if (!replaced.isEmpty()) {
            unlinkEverything(tx, replaced);
        }
        String importedAt = Instant.now().toString();
        // Usually done already by prepare(); otherwise read the texts on all cores (each study's reading is kept
        // on it) while the database waits for this batch anyway.
        studies.parallelStream().forEach(StudyRecord::criteria);
        Map<String, String> meshIds = MeshWrites.resolveTermsWithoutId(tx, studies);
        studies = studies.stream().map(study -> study.withMeshIds(meshIds)).toList();
        Map<String, List<String>> history = historyPerId(batch);
        Set<String> replacedIds = Set.copyOf(replaced);
        List<Map<String, Object>> created = new ArrayList<>(studies.size());
        List<Map<String, Object>> updated = new ArrayList<>(replaced.size());
        Map<String, List<Map<String, Object>>> parts = new HashMap<>();
        MeshAncestry ancestry = new MeshAncestry();
        for (StudyRecord study : studies) {
            Map<String, Object> row = TrialRows.of(study, importedAt);
            if (replacedIds.contains(study.nctId())) {
                updated.add(Map.of("nctId", study.nctId(), "props", row.get("props")));
            } else {
                created.add(Map.of("props", row.get("props"), "history", history.get(study.nctId())));
            }
            // Each statement is sent only its own part of each trial: the whole rows ten times over would
            // cost more in Bolt transfer than the writes themselves.
            row.forEach((part, items) -> {
                if (!part.equals("props") && !part.equals("nctId") && !isEmpty(items)) {
                    parts.computeIfAbsent(part, p -> new ArrayList<>()).add(Map.of("nctId", study.nctId(), "items", items));
                }
            });
            ancestry.add(study.conditionBrowse());
            ancestry.add(study.interventionBrowse());
        }
        run(tx, CREATE_TRIALS, Map.of("rows", created));
        run(tx, REPLACE_TRIALS, Map.of("rows", updated));
        run(tx, LINK_SPONSORS, part(parts, "sponsors"));
        MeshWrites.mergeTermsAndAncestry(tx, ancestry);
        MeshWrites.linkTrials(tx, parts.getOrDefault("meshTerms", List.of()));
        run(tx, LINK_CONDITIONS, part(parts, "conditions"));
        // After the links, so that a placeholder created and replaced within this batch loses none of them.
        MeshWrites.mergePlaceholders(tx, ancestry);
        run(tx, LINK_INTERVENTIONS, part(parts, "interventions"));
        run(tx, CREATE_ARMS, part(parts, "arms"));
        run(tx, CREATE_OUTCOMES, part(parts, "outcomes"));
        run(tx, LINK_SITES, part(parts, "sites"));
        CriteriaWrites.write(tx, TrialRows.distinctCriteria(studies));
    }

    /** The versions of each NCT id that the batch read, in the order read. */
    private static Map<String, List<String>> historyPerId(List<StudyRecord> batch) {
        Map<String, List<String>> history = new HashMap<>();
        for (StudyRecord study : batch) {
            List<String> entries = history.computeIfAbsent(study.nctId(), id -> new ArrayList<>());
            String entry = SourceHistory.entry(study);
            if (!entries.contains(entry)) {
                entries.add(entry);
            }
        }
        return history;
    }

    /** Every version read is remembered on its trial, whether it was written or not. */
    private static void recordSources(TransactionContext tx, List<StudyRecord> batch) {
        List<Map<String, Object>> sources = batch.stream()
                .map(study -> Map.<String, Object>of("nctId", study.nctId(), "entry", SourceHistory.entry(study)))
                .distinct().toList();
        run(tx, RECORD_SOURCES, Map.of("sources", sources));
    }

    /**
     * Removes trials as if never imported, with what only they used: owned arms and outcomes, shared nodes no
     * other trial uses, and their part of the criteria counts. MeSH terms stay (the tree is shared knowledge).
     *
     * @return the NCT ids that were in the graph and are gone
     */
    List<String> delete(List<String> nctIds) {
        try {
            return deleteTogether(nctIds);
        } finally {
            events.publishEvent(new GraphWritten(nctIds));
        }
    }

    private List<String> deleteTogether(List<String> nctIds) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                List<String> present = List.copyOf(findStored(tx, nctIds).keySet());
                if (present.isEmpty()) {
                    return List.of();
                }
                unlinkEverything(tx, present);
                run(tx, DELETE_TRIALS, Map.of("ids", present));
                return present;
            });
        }
    }

    private static void unlinkEverything(TransactionContext tx, List<String> nctIds) {
        run(tx, DELETE_OWNED, Map.of("ids", nctIds));
        run(tx, UNLINK_SHARED, Map.of("ids", nctIds));
        CriteriaWrites.unlink(tx, nctIds);
    }

    private static boolean isEmpty(Object items) {
        return items instanceof java.util.Collection<?> c ? c.isEmpty() : items instanceof Map<?, ?> m && m.values()
                .stream().allMatch(TrialGraphWriter::isEmpty);
    }

    private static Map<String, Object> part(Map<String, List<Map<String, Object>>> parts, String name) {
        return Map.of("rows", parts.getOrDefault(name, List.of()));
    }

    static void run(TransactionContext tx, String cypher, Map<String, Object> params) {
        tx.run(cypher, Values.value(params)).consume();
    }

    /** Within one batch, only the newest version of each NCT id is written. */
    private static Map<String, StudyRecord> newestPerId(List<StudyRecord> batch) {
        Map<String, StudyRecord> newest = new LinkedHashMap<>();
        for (StudyRecord study : batch) {
            newest.merge(study.nctId(), study, (a, b) -> Versions.isNewer(b, a.status().lastUpdated(),
                    a.provenance().versionHolder()) ? b : a);
        }
        return newest;
    }

    private static Map<String, Stored> findStored(TransactionContext tx, java.util.Collection<String> ids) {
        Map<String, Stored> stored = new HashMap<>();
        tx.run(FIND_STORED, Map.of("ids", List.copyOf(ids))).forEachRemaining(r -> stored.put(r.get("nctId").asString(),
                new Stored(r.get("hash").asString(null), r.get("lastUpdated").asString(null),
                        r.get("version").asString(null), r.get("engine").asString(null))));
        return stored;
    }

    private record Stored(String hash, String lastUpdated, String version, String criteriaEngine) {

        boolean isReplacedBy(StudyRecord study) {
            if (study.provenance().contentHash().equals(hash)) {
                // The same record, read by another version of the criteria engine, is written again.
                return !EligibilityEngine.VERSION.equals(criteriaEngine);
            }
            return Versions.isNewer(study, lastUpdated == null ? null : new StudyRecord.PartialDate(lastUpdated, null),
                    version) || Versions.isSameVersion(study, lastUpdated, version);
        }
    }
}
