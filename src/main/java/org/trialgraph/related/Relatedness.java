package org.trialgraph.related;

/**
 * The kinds of sharing between two trials, each with its weight in the overall score and three pieces of Cypher:
 *
 * <ul>
 *   <li>{@code items}: a UNION branch returning the source trial's items ({@code $nctId}) with a label, whether the
 *       source carries it directly (MeSH ancestors are not direct) and how many trials carry it ({@code df}) when
 *       that is stored or a degree; null when it takes a walk, which {@code documentFrequency} then does (a UNION
 *       branch for the keys in {@code $keys}, cached by {@link DocumentFrequencies});</li>
 *   <li>{@code carriers}: a UNION branch returning a row {@code t, item} for every trial {@code t} carrying one of
 *       the items in {@code $items} (maps with the item's {@code key}); rows may repeat;</li>
 *   <li>{@code carried}: a list expression on a trial {@code t}: which of the item nodes in {@code $nodes} it
 *       carries (as keys); comparing nodes, not keys, spares reading the key of every item the trial links to;</li>
 *   <li>{@code node}: a MATCH binding {@code x} to the item node of the key {@code key}.</li>
 * </ul>
 *
 * <p>Items carried by more than {@code $maxItemTrials} trials (e.g. "age 18 or over" across the registry) get an
 * upper bound as df instead of an exact count (docs/RELATED.md). Variables a filter predicate binds inside its
 * EXISTS subqueries (i, m, n, p, s, sp) are not used here, so they never capture one of ours.
 */
public enum Relatedness {

    CONDITION(0.25, """
            MATCH (:Trial {nctId: $nctId})-[:STUDIES]->(x:Condition)
            WITH DISTINCT x
            RETURN 'CONDITION' AS kind, x.key AS key, x.name AS label, true AS direct,
                   COUNT { (x)<-[:STUDIES]-() } AS df
            """, """
            UNWIND $items AS item
            MATCH (:Condition {key: item.key})<-[:STUDIES]-(t:Trial)
            RETURN t, item
            """,
            "[(t)-[:STUDIES]->(x:Condition) WHERE x IN $nodes | x.key]", null,
            "MATCH (x:Condition {key: key})"),

    // A source term's ancestors are items too: sharing only "Leukemia" counts, but less than sharing the narrow
    // term, because far more trials sit under a broad term (df counts the whole subtree). Only exact ancestries
    // are followed (docs/ARCHITECTURE.md, "MeSH hierarchy"), so every shared ancestor is one both records list.
    // A broad term's df is first bounded by its terms' degrees (cheap); only under the cap is it counted exactly.
    MESH(0.25, """
            MATCH (src:Trial {nctId: $nctId})-[:STUDIES_MESH]->(nt:MeshTerm)-[:BROADER*0..1]->(x:MeshTerm)
            WHERE x = nt OR nt.ancestry = 'EXACT'
            WITH DISTINCT src, x
            RETURN 'MESH' AS kind, x.id AS key, x.term AS label, EXISTS { (src)-[:STUDIES_MESH]->(x) } AS direct,
                   null AS df
            """, """
            UNWIND $items AS item
            MATCH (:MeshTerm {id: item.key})<-[:BROADER*0..1]-(nt:MeshTerm)<-[:STUDIES_MESH]-(t:Trial)
            WHERE nt.id = item.key OR nt.ancestry = 'EXACT'
            RETURN t, item
            """, """
            [(t)-[:STUDIES_MESH]->(nt:MeshTerm)-[:BROADER*0..1]->(x:MeshTerm)
             WHERE x IN $nodes AND (x = nt OR nt.ancestry = 'EXACT') | x.id]""", """
            UNWIND $keys AS key
            MATCH (x:MeshTerm {id: key})
            WITH x, reduce(total = 0, d IN COLLECT { MATCH (nt:MeshTerm)-[:BROADER*0..1]->(x)
                                                     WHERE x = nt OR nt.ancestry = 'EXACT'
                                                     RETURN COUNT { (nt)<-[:STUDIES_MESH]-() } } | total + d) AS bound
            CALL (x, bound) {
              WITH x WHERE bound <= $maxItemTrials
              MATCH (t:Trial)-[:STUDIES_MESH]->(nt:MeshTerm)-[:BROADER*0..1]->(x)
              WHERE x = nt OR nt.ancestry = 'EXACT'
              RETURN count(DISTINCT t) AS exact
            }
            RETURN 'MESH' AS kind, x.id AS key, CASE WHEN bound <= $maxItemTrials THEN exact ELSE bound END AS df
            """, "MATCH (x:MeshTerm {id: key})"),

    CRITERIA(0.2, """
            MATCH (:Trial {nctId: $nctId})-[:HAS_CRITERION]->(x:Criterion)
            WITH DISTINCT x
            RETURN 'CRITERIA' AS kind, x.key AS key, x.text AS label, true AS direct, x.trialCount AS df
            """, """
            UNWIND $items AS item
            MATCH (:Criterion {key: item.key})<-[:HAS_CRITERION]-(t:Trial)
            RETURN t, item
            """,
            "[(t)-[:HAS_CRITERION]->(x:Criterion) WHERE x IN $nodes | x.key]", null,
            "MATCH (x:Criterion {key: key})"),

    // A constraint's df is first bounded by the trial counts of the criteria expressing it (cheap); only under the
    // cap is it counted exactly (a trial may state two criteria expressing it).
    CONSTRAINTS(0.1, """
            MATCH (:Trial {nctId: $nctId})-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(x:Constraint)
            WITH DISTINCT x
            RETURN 'CONSTRAINTS' AS kind, x.key AS key, x.label AS label, true AS direct, null AS df
            """, """
            UNWIND $items AS item
            MATCH (:Constraint {key: item.key})<-[:EXPRESSES]-(:Criterion)<-[:HAS_CRITERION]-(t:Trial)
            RETURN t, item
            """,
            "[(t)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(x:Constraint) WHERE x IN $nodes | x.key]", """
            UNWIND $keys AS key
            MATCH (x:Constraint {key: key})
            WITH x, reduce(total = 0, c IN COLLECT { MATCH (crit:Criterion)-[:EXPRESSES]->(x) RETURN crit.trialCount }
                           | total + c) AS bound
            CALL (x, bound) {
              WITH x WHERE bound <= $maxItemTrials
              MATCH (t:Trial)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(x)
              RETURN count(DISTINCT t) AS exact
            }
            RETURN 'CONSTRAINTS' AS kind, x.key AS key,
                   CASE WHEN bound <= $maxItemTrials THEN exact ELSE bound END AS df
            """, "MATCH (x:Constraint {key: key})"),

    INTERVENTION(0.15, directLink("INTERVENTION", "TESTS", "Intervention")),

    SPONSOR(0.05, directLink("SPONSOR", "SPONSORED_BY", "Sponsor"));

    final double weight;
    final String items;
    final String carriers;
    final String carried;
    final String documentFrequency;
    final String node;

    Relatedness(double weight, String[] queries) {
        this(weight, queries[0], queries[1], queries[2], queries[3], queries[4]);
    }

    Relatedness(double weight, String items, String carriers, String carried, String documentFrequency,
            String node) {
        this.weight = weight;
        this.items = items;
        this.carriers = carriers;
        this.carried = carried;
        this.documentFrequency = documentFrequency;
        this.node = node;
    }

    /** This kind's items (maps with kind and key) of a list holding every kind's, as a Cypher expression. */
    String itemsOf(String parameter) {
        return "[it IN %s WHERE it.kind = '%s']".formatted(parameter, name());
    }

    /** This kind's keys of a list of items holding every kind's, as a Cypher expression. */
    String keysOf(String parameter) {
        return "[it IN %s WHERE it.kind = '%s' | it.key]".formatted(parameter, name());
    }

    /**
     * The five pieces (items, carriers, carried, document frequency, node) of a kind whose items a trial links to
     * directly by one relationship, as interventions and sponsors.
     */
    private static String[] directLink(String kind, String relationship, String label) {
        return new String[] {"""
                MATCH (:Trial {nctId: $nctId})-[:%2$s]->(x:%3$s)
                WITH DISTINCT x
                RETURN '%1$s' AS kind, x.key AS key, x.name AS label, true AS direct, null AS df
                """.formatted(kind, relationship, label), """
                UNWIND $items AS item
                MATCH (:%3$s {key: item.key})<-[:%2$s]-(t:Trial)
                RETURN t, item
                """.formatted(kind, relationship, label),
                "[(t)-[:%2$s]->(x:%3$s) WHERE x IN $nodes | x.key]".formatted(kind, relationship, label), """
                UNWIND $keys AS key
                MATCH (x:%3$s {key: key})
                RETURN '%1$s' AS kind, key, COUNT { MATCH (o:Trial)-[:%2$s]->(x) RETURN DISTINCT o } AS df
                """.formatted(kind, relationship, label), "MATCH (x:%s {key: key})".formatted(label)};
    }
}
