package org.trialgraph.bulk;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.values.storable.CoordinateReferenceSystem;
import org.neo4j.values.storable.Values;

import org.trialgraph.criteria.EligibilityEngine;
import org.trialgraph.ingest.BulkRows;
import org.trialgraph.ingest.StudyRecord;

/**
 * Turns prepared studies, in input order, into the nodes and relationships of the graph, exactly as the
 * transactional writer's Cypher would leave them after importing the same studies in the same order:
 * <ul>
 * <li>shared nodes (sponsors, conditions, interventions, sites, countries, criteria, constraints, MeSH terms) are
 * created once per key, with the properties of the first study that names them (MERGE ... ON CREATE);</li>
 * <li>what the writer updates later is bound at the end: a sponsor's {@code agencyClass} (the last one given), a
 * criterion's {@code trialCount}, a MeSH term's name (the last one seen) and its ancestry (see
 * {@code MeshAncestry}), and the set-like MERGEd edges {@code MAPS_TO} and {@code IN};</li>
 * <li>a criterion's constraints come from its first statement, and a statement's own wording is kept on its
 * {@code HAS_CRITERION} edge only where it differs from the criterion's first text.</li>
 * </ul>
 * Memory holds only keys and ids of shared nodes (and each criterion's first text), never whole studies; nodes and
 * relationships go to staging files. A study whose NCT id was already staged is set aside for the normal writer,
 * which decides which version wins (see {@link #setAside()}).
 */
final class GraphStaging implements Closeable {

    private static final long NONE = -1;

    private final EntityFile nodeFile;
    private final EntityFile relationshipFile;
    private final EntityFile.Writer nodes;
    private final EntityFile.Writer relationships;

    private long nextNodeId;
    private final Set<String> trials = new HashSet<>();
    private final List<StudyRecord> setAside = new ArrayList<>();

    private final Map<String, Integer> sponsors = new HashMap<>();
    private final List<Long> sponsorIds = new ArrayList<>();
    private final List<String> sponsorAgencyClasses = new ArrayList<>();
    private final Map<String, Long> conditions = new HashMap<>();
    private final Map<String, Long> interventions = new HashMap<>();
    private final Map<String, Long> sites = new HashMap<>();
    private final Map<String, Integer> countries = new HashMap<>();
    private final List<Long> countryIds = new ArrayList<>();
    private final Map<String, Long> constraints = new HashMap<>();
    private final Map<String, Criterion> criteria = new HashMap<>();
    private int[] criterionTrialCounts = new int[1024];

    private final Map<String, Integer> meshIndex = new LinkedHashMap<>();
    private final BulkRows.MeshTree meshTree = new BulkRows.MeshTree();
    private final Set<Long> conditionMeshLinks = new HashSet<>();
    private final Set<Long> siteCountryLinks = new HashSet<>();

    private long staged;

    /** A criterion staged so far: its node, its ordinal (for the late trialCount) and its first text. */
    private record Criterion(long id, int ordinal, String text) {
    }

    GraphStaging(Path dir) throws IOException {
        EntityFile.Names names = new EntityFile.Names();
        this.nodeFile = new EntityFile(dir.resolve("nodes.bin"), names);
        this.relationshipFile = new EntityFile(dir.resolve("relationships.bin"), names);
        this.nodes = nodeFile.writer();
        this.relationships = relationshipFile.writer();
    }

    /** Studies staged (written to the store by the batch importer). */
    long staged() {
        return staged;
    }

    /** Studies whose NCT id came again after it was staged: the normal writer imports them afterwards. */
    List<StudyRecord> setAside() {
        return setAside;
    }

    /** Rows of one study, prepared on a worker thread ({@link BulkRows#trial}, {@link BulkRows#criteria}). */
    record Prepared(StudyRecord study, Map<String, Object> row, List<Map<String, Object>> criteria) {

        static Prepared of(StudyRecord study, String importedAt) {
            return new Prepared(study, BulkRows.trial(study, importedAt), BulkRows.criteria(study));
        }
    }

    void add(Prepared prepared) throws IOException {
        StudyRecord study = prepared.study();
        if (!trials.add(study.nctId())) {
            setAside.add(study);
            return;
        }
        staged++;
        Map<String, Object> row = prepared.row();
        long trial = nextNodeId++;
        Map<String, Object> props = new LinkedHashMap<>(map(row.get("props")));
        props.put("sourceHistory", List.of(BulkRows.sourceHistoryEntry(study)));
        nodes.write("Trial", trial, NONE, props);
        meshTree.add(study);
        stageSponsors(trial, list(row.get("sponsors")));
        stageMeshLinks(trial, map(row.get("meshTerms")));
        stageConditions(trial, list(row.get("conditions")));
        stageInterventions(trial, list(row.get("interventions")));
        stageOwned(trial, list(row.get("arms")), "Arm", "HAS_ARM", List.of("position"));
        stageOwned(trial, list(row.get("outcomes")), "Outcome", "MEASURES", List.of("kind", "position"));
        stageSites(trial, list(row.get("sites")));
        stageCriteria(trial, prepared.criteria());
    }

    private void stageSponsors(long trial, List<Map<String, Object>> rows) throws IOException {
        for (Map<String, Object> x : rows) {
            String key = (String) x.get("key");
            Integer ordinal = sponsors.get(key);
            if (ordinal == null) {
                ordinal = sponsorIds.size();
                sponsors.put(key, ordinal);
                long id = nextNodeId++;
                sponsorIds.add(id);
                sponsorAgencyClasses.add(null);
                nodes.write("Sponsor", id, ordinal, props("key", key, "name", x.get("name")));
            }
            // SET s.agencyClass = coalesce(x.agencyClass, s.agencyClass): the last class given wins.
            if (x.get("agencyClass") != null) {
                sponsorAgencyClasses.set(ordinal, (String) x.get("agencyClass"));
            }
            relationships.write("SPONSORED_BY", trial, sponsorIds.get(ordinal),
                    props("role", x.get("role"), "position", x.get("position")));
        }
    }

    private void stageMeshLinks(long trial, Map<String, Object> meshTerms) throws IOException {
        for (Object id : list(meshTerms.get("condition"))) {
            relationships.write("STUDIES_MESH", trial, meshRef((String) id), Map.of());
        }
        for (Object id : list(meshTerms.get("intervention"))) {
            relationships.write("TESTS_MESH", trial, meshRef((String) id), Map.of());
        }
    }

    private void stageConditions(long trial, List<Map<String, Object>> rows) throws IOException {
        for (Map<String, Object> x : rows) {
            String key = (String) x.get("key");
            Long id = conditions.get(key);
            if (id == null) {
                id = nextNodeId++;
                conditions.put(key, id);
                nodes.write("Condition", id, NONE, props("key", key, "name", x.get("name")));
            }
            relationships.write("STUDIES", trial, id, props("position", x.get("position")));
            if (x.get("meshId") != null) {
                conditionMeshLinks.add(pair(id, meshIndex((String) x.get("meshId"))));
            }
        }
    }

    private void stageInterventions(long trial, List<Map<String, Object>> rows) throws IOException {
        for (Map<String, Object> x : rows) {
            String key = (String) x.get("key");
            Long id = interventions.get(key);
            if (id == null) {
                id = nextNodeId++;
                interventions.put(key, id);
                nodes.write("Intervention", id, NONE, props("key", key, "name", x.get("name"), "type", x.get("type")));
            }
            relationships.write("TESTS", trial, id, props("position", x.get("position"), "name", x.get("name"),
                    "description", x.get("description"), "otherNames", x.get("otherNames"), "armGroupLabels",
                    x.get("armGroupLabels")));
        }
    }

    /** Arms and outcomes: nodes of their own trial, the edge carrying the listed properties. */
    private void stageOwned(long trial, List<Map<String, Object>> rows, String label, String type,
            List<String> edgeProperties) throws IOException {
        for (Map<String, Object> x : rows) {
            long id = nextNodeId++;
            Map<String, Object> nodeProps = new LinkedHashMap<>(x);
            Map<String, Object> edgeProps = new LinkedHashMap<>();
            for (String property : edgeProperties) {
                edgeProps.put(property, nodeProps.remove(property));
            }
            nodes.write(label, id, NONE, nodeProps);
            relationships.write(type, trial, id, edgeProps);
        }
    }

    private void stageSites(long trial, List<Map<String, Object>> rows) throws IOException {
        for (Map<String, Object> x : rows) {
            String key = (String) x.get("key");
            Long id = sites.get(key);
            if (id == null) {
                id = nextNodeId++;
                sites.put(key, id);
                Map<String, Object> site = props("key", key, "facility", x.get("facility"), "city", x.get("city"),
                        "state", x.get("state"), "zip", x.get("zip"), "country", x.get("country"));
                if (x.get("latitude") != null && x.get("longitude") != null) {
                    site.put("location", Values.pointValue(CoordinateReferenceSystem.WGS_84,
                            (Double) x.get("longitude"), (Double) x.get("latitude")));
                }
                nodes.write("Site", id, NONE, site);
            }
            relationships.write("RECRUITS_AT", trial, id, props("status", x.get("status"), "position", x.get("position")));
            String country = (String) x.get("country");
            if (country != null) {
                siteCountryLinks.add(pair(id, country(country)));
            }
        }
    }

    private int country(String name) throws IOException {
        Integer ordinal = countries.get(name);
        if (ordinal == null) {
            ordinal = countryIds.size();
            countries.put(name, ordinal);
            long id = nextNodeId++;
            countryIds.add(id);
            nodes.write("Country", id, NONE, props("name", name));
        }
        return ordinal;
    }

    private void stageCriteria(long trial, List<Map<String, Object>> rows) throws IOException {
        for (Map<String, Object> x : rows) {
            String key = (String) x.get("key");
            Criterion criterion = criteria.get(key);
            if (criterion == null) {
                criterion = new Criterion(nextNodeId++, criteria.size(), (String) x.get("text"));
                criteria.put(key, criterion);
                nodes.write("Criterion", criterion.id(), criterion.ordinal(), props("key", key, "text", x.get("text"),
                        "engineVersion", EligibilityEngine.VERSION));
                for (Map<String, Object> k : GraphStaging.<Map<String, Object>>list(x.get("constraints"))) {
                    relationships.write("EXPRESSES", criterion.id(), constraint(k), Map.of());
                }
                if (criterion.ordinal() >= criterionTrialCounts.length) {
                    criterionTrialCounts = Arrays.copyOf(criterionTrialCounts, criterionTrialCounts.length * 2);
                }
            }
            criterionTrialCounts[criterion.ordinal()] += ((Number) x.get("trialCount")).intValue();
            for (Map<String, Object> l : GraphStaging.<Map<String, Object>>list(x.get("links"))) {
                Object text = l.get("text");
                relationships.write("HAS_CRITERION", trial, criterion.id(), props("kind", l.get("kind"), "section",
                        l.get("section"), "sectionIndex", l.get("sectionIndex"), "position", l.get("position"),
                        "text", text == null || text.equals(criterion.text()) ? null : text));
            }
        }
    }

    private long constraint(Map<String, Object> k) throws IOException {
        String key = (String) k.get("key");
        Long id = constraints.get(key);
        if (id == null) {
            id = nextNodeId++;
            constraints.put(key, id);
            Map<String, Object> props = props("key", key);
            props.putAll(map(k.get("props")));
            nodes.write("Constraint", id, NONE, props);
        }
        return id;
    }

    private int meshIndex(String id) {
        return meshIndex.computeIfAbsent(id, i -> meshIndex.size());
    }

    private long meshRef(String id) {
        return -(meshIndex(id) + 1L);
    }

    private static long pair(long id, int ordinal) {
        return (id << 24) | ordinal;
    }

    /** What stays in memory to the end: bound once all studies are staged. */
    record Tail(long stagedNodes, List<Map<String, Object>> meshTerms, List<Map<String, Object>> meshAncestry,
            Map<String, Integer> meshIndex, Set<Long> conditionMeshLinks, Set<Long> siteCountryLinks,
            List<Long> countryIds, List<String> sponsorAgencyClasses, int[] criterionTrialCounts) {

        long meshNodeId(long ref) {
            return ref >= 0 ? ref : stagedNodes + (-ref - 1);
        }

        long meshNodeId(String meshId) {
            return stagedNodes + meshIndex.get(meshId);
        }

        static long first(long pair) {
            return pair >>> 24;
        }

        static int second(long pair) {
            return (int) (pair & 0xFFFFFF);
        }
    }

    /** Closes the staging files and hands over what the importer needs besides them. */
    StagedGraph finish() throws IOException {
        close();
        List<Map<String, Object>> terms = meshTree.terms();
        terms.forEach(term -> meshIndex((String) term.get("id")));
        Tail tail = new Tail(nextNodeId, terms, meshTree.ancestry(), meshIndex, conditionMeshLinks, siteCountryLinks,
                countryIds, sponsorAgencyClasses, criterionTrialCounts);
        return new StagedGraph(nodeFile, relationshipFile, tail);
    }

    @Override
    public void close() throws IOException {
        try (nodes; relationships) {
            // both closed, even if one fails
        }
    }

    private static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                props.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return props;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        return value == null ? List.of() : (List<T>) value;
    }
}
