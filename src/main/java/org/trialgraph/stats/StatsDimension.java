package org.trialgraph.stats;

/** What trials can be grouped by, each as a Cypher list of the trial's values. */
public enum StatsDimension {
    PHASE("coalesce(t.phases, [])"),
    STATUS("[x IN [t.overallStatus] WHERE x IS NOT NULL]"),
    STUDY_TYPE("[x IN [t.studyType] WHERE x IS NOT NULL]"),
    START_YEAR("[x IN [t.startYear] WHERE x IS NOT NULL | toString(x)]"),
    SPONSOR_CLASS("[(t)-[:SPONSORED_BY {role: 'LEAD'}]->(s:Sponsor) WHERE s.agencyClass IS NOT NULL | s.agencyClass]"),
    LEAD_SPONSOR("[(t)-[:SPONSORED_BY {role: 'LEAD'}]->(s:Sponsor) | s.name]"),
    COUNTRY("COLLECT { MATCH (t)-[:RECRUITS_AT]->(:Site)-[:IN]->(c:Country) RETURN DISTINCT c.name }"),
    CONDITION("COLLECT { MATCH (t)-[:STUDIES]->(c:Condition) RETURN DISTINCT c.name }"),
    MESH_BRANCH("COLLECT { MATCH (t)-[:STUDIES_MESH]->(:MeshTerm)-[:BROADER*0..1]->(b:MeshTerm) "
            + "WHERE NOT EXISTS { (b)-[:BROADER]->() } RETURN DISTINCT b.term }"),
    INTERVENTION_TYPE("COLLECT { MATCH (t)-[:TESTS]->(i:Intervention) RETURN DISTINCT i.type }");

    final String values;

    StatsDimension(String values) {
        this.values = values;
    }
}
