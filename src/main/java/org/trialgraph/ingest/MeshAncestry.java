package org.trialgraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.trialgraph.ingest.StudyRecord.Browse;
import org.trialgraph.ingest.StudyRecord.MeshRef;

/**
 * Derives the MeSH hierarchy from the records, which list each trial's direct terms and the union of their
 * ancestors but not which ancestor belongs to which term. A trial with a single direct term fixes that term's
 * ancestors exactly; otherwise a term's ancestors are bounded by the intersection of the ancestor lists of all
 * trials that carry it. The result is kept on the MeSH tree as {@code (term)-[:BROADER]->(ancestor)} edges to
 * every ancestor (the transitive closure), so "a broad term finds its narrower terms' trials" is one hop.
 * A term seen only beside others keeps an upper bound, which can hold a term that is not truly its ancestor
 * until a record with fewer terms narrows it (docs/ARCHITECTURE.md, "MeSH hierarchy").
 */
final class MeshAncestry {

    /** What one batch says about one term's ancestors. */
    record Evidence(String id, boolean exact, Set<String> ancestors) {
    }

    private final Map<String, Evidence> evidence = new LinkedHashMap<>();
    private final Map<String, String> terms = new HashMap<>();

    void add(Browse browse) {
        browse.ancestors().forEach(this::remember);
        Set<String> distinctMeshes = new LinkedHashSet<>();
        browse.meshes().forEach(mesh -> distinctMeshes.add(remember(mesh)));
        if (!browse.ancestorsListed()) {
            // Terms without their ancestors (legacy XML) say nothing about the hierarchy.
            return;
        }
        boolean exact = distinctMeshes.size() == 1;
        for (String id : distinctMeshes) {
            // A record never lists one of its direct terms among the ancestors, even when it is an ancestor of
            // another direct term ("Neoplasms" beside "Kidney Neoplasms"): the other direct terms are candidates too.
            Set<String> ancestors = new LinkedHashSet<>();
            browse.ancestors().forEach(a -> ancestors.add(a.id()));
            ancestors.addAll(distinctMeshes);
            ancestors.remove(id);
            evidence.merge(id, new Evidence(id, exact, ancestors), MeshAncestry::combine);
        }
    }

    private String remember(MeshRef mesh) {
        terms.put(mesh.id(), mesh.term());
        return mesh.id();
    }

    private static Evidence combine(Evidence known, Evidence next) {
        if (next.exact()) {
            return next;
        }
        if (known.exact()) {
            return known;
        }
        Set<String> both = new LinkedHashSet<>(known.ancestors());
        both.retainAll(next.ancestors());
        return new Evidence(known.id(), false, both);
    }

    /** Every term named in the batch, with its name. */
    List<Map<String, Object>> termRows() {
        List<Map<String, Object>> rows = new ArrayList<>(terms.size());
        terms.forEach((id, term) -> rows.add(Map.of("id", id, "term", term)));
        return rows;
    }

    /** One row per direct term: its ancestors and whether they are exact or an upper bound. */
    List<Map<String, Object>> ancestryRows() {
        List<Map<String, Object>> rows = new ArrayList<>(evidence.size());
        for (Evidence e : evidence.values()) {
            rows.add(Map.of("id", e.id(), "exact", e.exact(), "ancestors", List.copyOf(e.ancestors())));
        }
        return rows;
    }
}
