package org.trialgraph.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.neo4j.driver.TransactionContext;

/**
 * Writes the MeSH side of a batch: the terms, their ancestry as derived by {@link MeshAncestry}, the trials'
 * links to their terms, and the terms that legacy XML names without an id.
 */
final class MeshWrites {

    // A MeSH term named without id (legacy XML) is the node of that name, preferably one with a real id.
    private static final String FIND_MESH_IDS = """
            UNWIND $terms AS term
            MATCH (m:MeshTerm {term: term})
            WITH term, m ORDER BY term, CASE WHEN m.id STARTS WITH $placeholder THEN 1 ELSE 0 END
            RETURN term, head(collect(m.id)) AS id
            """;

    // When a term first known by name only arrives with its id, its placeholder's links move to the real node.
    private static final String MERGE_MESH_PLACEHOLDERS = """
            UNWIND $terms AS x
            WITH x WHERE NOT x.id STARTS WITH $placeholder
            MATCH (p:MeshTerm {id: $placeholder + x.term})
            MATCH (m:MeshTerm {id: x.id})
            CALL (p, m) {
              MATCH (t)-[r:STUDIES_MESH]->(p)
              MERGE (t)-[:STUDIES_MESH]->(m)
              DELETE r
            }
            CALL (p, m) {
              MATCH (t)-[r:TESTS_MESH]->(p)
              MERGE (t)-[:TESTS_MESH]->(m)
              DELETE r
            }
            CALL (p, m) {
              MATCH (c)-[r:MAPS_TO]->(p)
              MERGE (c)-[:MAPS_TO]->(m)
              DELETE r
            }
            DETACH DELETE p
            """;

    private static final String MERGE_MESH_TERMS = """
            UNWIND $terms AS x
            MERGE (m:MeshTerm {id: x.id})
            SET m.term = x.term
            """;

    private static final String LINK_MESH_TERMS = """
            UNWIND $rows AS row
            MATCH (t:Trial {nctId: row.nctId})
            CALL (t, row) {
              UNWIND row.items.condition AS id
              MATCH (m:MeshTerm {id: id})
              CREATE (t)-[:STUDIES_MESH]->(m)
            }
            CALL (t, row) {
              UNWIND row.items.intervention AS id
              MATCH (m:MeshTerm {id: id})
              CREATE (t)-[:TESTS_MESH]->(m)
            }
            """;

    // See MeshAncestry: exact evidence replaces a term's ancestors, bounded evidence narrows them. Both touch only
    // the edges that change: the same exact evidence arrives with nearly every batch for common terms, and
    // deleting and re-creating all their edges each time was most of this statement's writes.
    private static final String UPDATE_MESH_ANCESTRY = """
            UNWIND $ancestry AS x
            MATCH (m:MeshTerm {id: x.id})
            WITH m, x, coalesce(m.ancestry, 'NONE') AS known
            WHERE x.exact OR known <> 'EXACT'
            WITH m, x, x.exact OR known = 'NONE' AS replace
            CALL (m, x) {
              MATCH (m)-[b:BROADER]->(a)
              WHERE NOT a.id IN x.ancestors
              DELETE b
            }
            CALL (m, x, replace) {
              WITH m, x WHERE replace
              UNWIND x.ancestors AS ancestorId
              MATCH (a:MeshTerm {id: ancestorId})
              WHERE NOT EXISTS { (m)-[:BROADER]->(a) }
              CREATE (m)-[:BROADER]->(a)
            }
            SET m.ancestry = CASE WHEN x.exact THEN 'EXACT' ELSE 'BOUNDED' END
            """;

    static final String PLACEHOLDER = "term:";

    private MeshWrites() {
    }

    static void mergeTermsAndAncestry(TransactionContext tx, MeshAncestry ancestry) {
        TrialGraphWriter.run(tx, MERGE_MESH_TERMS, Map.of("terms", ancestry.termRows()));
        TrialGraphWriter.run(tx, UPDATE_MESH_ANCESTRY, Map.of("ancestry", ancestry.ancestryRows()));
    }

    static void linkTrials(TransactionContext tx, List<Map<String, Object>> trialLinks) {
        TrialGraphWriter.run(tx, LINK_MESH_TERMS, Map.of("rows", trialLinks));
    }

    // Placeholders exist only for names legacy XML gave without id; the id index answers STARTS WITH.
    private static final String PLACEHOLDER_TERMS = """
            MATCH (p:MeshTerm) WHERE p.id STARTS WITH $placeholder
            RETURN p.term AS term
            """;

    /** Moves the links of placeholders whose real id the batch brings; nothing to do in a graph without any. */
    static void mergePlaceholders(TransactionContext tx, MeshAncestry ancestry) {
        Set<String> placeholders = new HashSet<>();
        tx.run(PLACEHOLDER_TERMS, Map.of("placeholder", PLACEHOLDER)).forEachRemaining(r -> placeholders.add(r.get("term").asString()));
        List<Map<String, Object>> resolved = ancestry.termRows().stream()
                .filter(row -> placeholders.contains((String) row.get("term"))).toList();
        if (resolved.isEmpty()) {
            return;
        }
        TrialGraphWriter.run(tx, MERGE_MESH_PLACEHOLDERS, Map.of("terms", resolved, "placeholder", PLACEHOLDER));
    }

    /**
     * Ids of the MeSH terms the batch names without id: the id of the graph's term of that name, or a placeholder
     * id ("term:" + name) until a record gives the real one.
     */
    static Map<String, String> resolveTermsWithoutId(TransactionContext tx, List<StudyRecord> studies) {
        List<String> terms = studies.stream()
                .flatMap(s -> Stream.concat(s.conditionBrowse().meshes().stream(),
                        s.interventionBrowse().meshes().stream()))
                .filter(mesh -> mesh.id() == null).map(StudyRecord.MeshRef::term).distinct().toList();
        if (terms.isEmpty()) {
            return Map.of();
        }
        Map<String, String> ids = new HashMap<>();
        terms.forEach(term -> ids.put(term, PLACEHOLDER + term));
        tx.run(FIND_MESH_IDS, Map.of("terms", terms, "placeholder", PLACEHOLDER))
                .forEachRemaining(r -> ids.put(r.get("term").asString(), r.get("id").asString()));
        return ids;
    }
}
