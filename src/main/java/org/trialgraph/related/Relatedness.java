package org.trialgraph.related;

/**
 * The kinds of sharing between two trials, each with its weight in the overall score and the Cypher that finds
 * the items the source trial {@code s} has, and the candidates {@code t} that share each.
 *
 * <p>Each query returns, per item of the source trial: its key, a label, whether the source carries it directly
 * (MeSH ancestors are not direct), how many trials carry it ({@code df}), and the candidates sharing it.
 */
public enum Relatedness {

    CONDITION(0.25, """
            MATCH (s:Trial {nctId: $nctId})-[:STUDIES]->(x:Condition)
            RETURN x.key AS key, x.name AS label, true AS direct, COUNT { (x)<-[:STUDIES]-(:Trial) } AS df,
                   COLLECT { MATCH (x)<-[:STUDIES]-(t:Trial) WHERE t <> s AND (%s) RETURN t.nctId } AS candidates
            """),

    // A source term's ancestors are items too: sharing only "Leukemia" counts, but less than sharing the narrow
    // term, because far more trials sit under a broad term (df counts the whole subtree). Only exact ancestries
    // are followed (docs/ARCHITECTURE.md, "MeSH hierarchy"), so every shared ancestor is one both records list.
    MESH(0.25, """
            MATCH (s:Trial {nctId: $nctId})-[:STUDIES_MESH]->(m:MeshTerm)-[:BROADER*0..1]->(x:MeshTerm)
            WHERE x = m OR m.ancestry = 'EXACT'
            WITH DISTINCT s, x
            RETURN x.id AS key, x.term AS label, EXISTS { (s)-[:STUDIES_MESH]->(x) } AS direct,
                   COUNT { MATCH (o:Trial)-[:STUDIES_MESH]->(m:MeshTerm)-[:BROADER*0..1]->(x)
                           WHERE x = m OR m.ancestry = 'EXACT' RETURN DISTINCT o } AS df,
                   COLLECT { MATCH (t:Trial)-[:STUDIES_MESH]->(m:MeshTerm)-[:BROADER*0..1]->(x)
                             WHERE (x = m OR m.ancestry = 'EXACT') AND t <> s AND (%s) RETURN DISTINCT t.nctId } AS candidates
            """),

    CRITERIA(0.2, """
            MATCH (s:Trial {nctId: $nctId})-[:HAS_CRITERION]->(x:Criterion)
            WITH DISTINCT s, x
            RETURN x.key AS key, x.text AS label, true AS direct, x.trialCount AS df,
                   COLLECT { MATCH (x)<-[:HAS_CRITERION]-(t:Trial) WHERE t <> s AND (%s) RETURN DISTINCT t.nctId } AS candidates
            """),

    CONSTRAINTS(0.1, """
            MATCH (s:Trial {nctId: $nctId})-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(x:Constraint)
            WITH DISTINCT s, x
            RETURN x.key AS key, x.label AS label, true AS direct,
                   COUNT { MATCH (o:Trial)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(x) RETURN DISTINCT o } AS df,
                   COLLECT { MATCH (t:Trial)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(x)
                             WHERE t <> s AND (%s) RETURN DISTINCT t.nctId } AS candidates
            """),

    INTERVENTION(0.15, """
            MATCH (s:Trial {nctId: $nctId})-[:TESTS]->(x:Intervention)
            WITH DISTINCT s, x
            RETURN x.key AS key, x.name AS label, true AS direct,
                   COUNT { MATCH (o:Trial)-[:TESTS]->(x) RETURN DISTINCT o } AS df,
                   COLLECT { MATCH (x)<-[:TESTS]-(t:Trial) WHERE t <> s AND (%s) RETURN DISTINCT t.nctId } AS candidates
            """),

    SPONSOR(0.05, """
            MATCH (s:Trial {nctId: $nctId})-[:SPONSORED_BY]->(x:Sponsor)
            WITH DISTINCT s, x
            RETURN x.key AS key, x.name AS label, true AS direct,
                   COUNT { MATCH (o:Trial)-[:SPONSORED_BY]->(x) RETURN DISTINCT o } AS df,
                   COLLECT { MATCH (x)<-[:SPONSORED_BY]-(t:Trial) WHERE t <> s AND (%s) RETURN DISTINCT t.nctId } AS candidates
            """);

    final double weight;
    final String sharedItems;

    Relatedness(double weight, String sharedItems) {
        this.weight = weight;
        this.sharedItems = sharedItems;
    }
}
