package org.trialgraph.related;

/**
 * The kinds of sharing between two trials, each with its weight in the overall score and the Cypher that finds
 * the items the source trial {@code s} has, and the candidates {@code t} that share each.
 *
 * <p>Each query returns, per item of the source trial: its key, a label, whether the source carries it directly
 * (MeSH ancestors are not direct), how many trials carry it ({@code df}), and the candidates sharing it. Items
 * carried by more than {@code $maxItemTrials} trials (e.g. "age 18 or over" across the registry) keep their place
 * in the score's denominator but list no candidates: walking all their trials is what would not scale, and their
 * idf is the smallest anyway (docs/RELATED.md).
 */
public enum Relatedness {

    CONDITION(0.25, """
            MATCH (s:Trial {nctId: $nctId})-[:STUDIES]->(x:Condition)
            WITH DISTINCT s, x, COUNT { (x)<-[:STUDIES]-() } AS df
            CALL (s, x, df) {
              WITH s, x WHERE df <= $maxItemTrials
              MATCH (x)<-[:STUDIES]-(t:Trial) WHERE t <> s AND (%s)
              RETURN collect(DISTINCT t.nctId) AS candidates
            }
            RETURN x.key AS key, x.name AS label, true AS direct, df, candidates
            """),

    // A source term's ancestors are items too: sharing only "Leukemia" counts, but less than sharing the narrow
    // term, because far more trials sit under a broad term (df counts the whole subtree). Only exact ancestries
    // are followed (docs/ARCHITECTURE.md, "MeSH hierarchy"), so every shared ancestor is one both records list.
    // A broad term's df is first bounded by its terms' degrees (cheap); only under the cap is it counted exactly.
    MESH(0.25, """
            MATCH (s:Trial {nctId: $nctId})-[:STUDIES_MESH]->(m:MeshTerm)-[:BROADER*0..1]->(x:MeshTerm)
            WHERE x = m OR m.ancestry = 'EXACT'
            WITH DISTINCT s, x
            WITH s, x, reduce(n = 0, d IN COLLECT { MATCH (m:MeshTerm)-[:BROADER*0..1]->(x)
                                                      WHERE x = m OR m.ancestry = 'EXACT'
                                                      RETURN COUNT { (m)<-[:STUDIES_MESH]-() } } | n + d) AS bound
            CALL (s, x, bound) {
              WITH s, x WHERE bound <= $maxItemTrials
              MATCH (t:Trial)-[:STUDIES_MESH]->(m:MeshTerm)-[:BROADER*0..1]->(x)
              WHERE x = m OR m.ancestry = 'EXACT'
              WITH collect(DISTINCT t) AS carriers
              RETURN size(carriers) AS exact, [t IN carriers WHERE t.nctId <> $nctId AND (%s) | t.nctId] AS candidates
            }
            RETURN x.id AS key, x.term AS label, EXISTS { (s)-[:STUDIES_MESH]->(x) } AS direct,
                   CASE WHEN bound <= $maxItemTrials THEN exact ELSE bound END AS df, candidates
            """),

    CRITERIA(0.2, """
            MATCH (s:Trial {nctId: $nctId})-[:HAS_CRITERION]->(x:Criterion)
            WITH DISTINCT s, x, x.trialCount AS df
            CALL (s, x, df) {
              WITH s, x WHERE df <= $maxItemTrials
              MATCH (x)<-[:HAS_CRITERION]-(t:Trial) WHERE t <> s AND (%s)
              RETURN collect(DISTINCT t.nctId) AS candidates
            }
            RETURN x.key AS key, x.text AS label, true AS direct, df, candidates
            """),

    // A constraint's df is first bounded by the trial counts of the criteria expressing it (cheap); only under the
    // cap is it counted exactly (a trial may state two criteria expressing it).
    CONSTRAINTS(0.1, """
            MATCH (s:Trial {nctId: $nctId})-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(x:Constraint)
            WITH DISTINCT s, x
            WITH s, x, reduce(n = 0, c IN COLLECT { MATCH (c:Criterion)-[:EXPRESSES]->(x) RETURN c.trialCount }
                              | n + c) AS bound
            CALL (s, x, bound) {
              WITH s, x WHERE bound <= $maxItemTrials
              MATCH (t:Trial)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(x)
              WITH collect(DISTINCT t) AS carriers
              RETURN size(carriers) AS exact, [t IN carriers WHERE t.nctId <> $nctId AND (%s) | t.nctId] AS candidates
            }
            RETURN x.key AS key, x.label AS label, true AS direct,
                   CASE WHEN bound <= $maxItemTrials THEN exact ELSE bound END AS df, candidates
            """),

    INTERVENTION(0.15, """
            MATCH (s:Trial {nctId: $nctId})-[:TESTS]->(x:Intervention)
            WITH DISTINCT s, x
            WITH s, x, COUNT { MATCH (o:Trial)-[:TESTS]->(x) RETURN DISTINCT o } AS df
            CALL (s, x, df) {
              WITH s, x WHERE df <= $maxItemTrials
              MATCH (x)<-[:TESTS]-(t:Trial) WHERE t <> s AND (%s)
              RETURN collect(DISTINCT t.nctId) AS candidates
            }
            RETURN x.key AS key, x.name AS label, true AS direct, df, candidates
            """),

    SPONSOR(0.05, """
            MATCH (s:Trial {nctId: $nctId})-[:SPONSORED_BY]->(x:Sponsor)
            WITH DISTINCT s, x
            WITH s, x, COUNT { MATCH (o:Trial)-[:SPONSORED_BY]->(x) RETURN DISTINCT o } AS df
            CALL (s, x, df) {
              WITH s, x WHERE df <= $maxItemTrials
              MATCH (x)<-[:SPONSORED_BY]-(t:Trial) WHERE t <> s AND (%s)
              RETURN collect(DISTINCT t.nctId) AS candidates
            }
            RETURN x.key AS key, x.name AS label, true AS direct, df, candidates
            """);

    final double weight;
    final String sharedItems;

    Relatedness(double weight, String sharedItems) {
        this.weight = weight;
        this.sharedItems = sharedItems;
    }
}
