package org.trialgraph.facets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reads what the facet index keeps from the graph: everything, in a few streaming queries, or the trials of one
 * write. Trials are dense nodes (criteria, sites, outcomes ...), so the full load walks their links from the
 * condition's and the term's side, where each node has few relationships.
 */
@Component
class FacetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(FacetLoader.class);

    private static final String TRIALS = """
            MATCH (t:Trial)
            RETURN t.nctId AS nctId, t.overallStatus AS status, t.phases AS phases, t.studyType AS studyType,
                   t.sex AS sex, t.healthyVolunteers AS healthyVolunteers, t.hasResults AS hasResults,
                   t.startDate AS startDate, t.lastUpdated AS lastUpdated, t.enrollmentCount AS enrollment,
                   t.startYear AS startYear, t.minimumAgeYears AS minimumAgeYears,
                   t.maximumAgeYears AS maximumAgeYears
            """;

    private static final String CONDITIONS = """
            MATCH (c:Condition)
            RETURN c.key AS key, c.name AS name, [(c)<-[:STUDIES]-(t:Trial) | t.nctId] AS trials
            """;

    private static final String SPONSORS = """
            MATCH (s:Sponsor)
            RETURN s.key AS key, s.name AS name, s.agencyClass AS agencyClass,
                   [(s)<-[r:SPONSORED_BY]-(t:Trial) WHERE r.role = 'LEAD' | t.nctId] AS leads
            """;

    private static final String COUNTRIES = """
            MATCH (c:Country)
            RETURN c.name AS name, COLLECT { MATCH (c)<-[:IN]-(:Site)<-[:RECRUITS_AT]-(t:Trial) RETURN DISTINCT t.nctId } AS trials
            """;

    private static final String INTERVENTIONS = """
            MATCH (i:Intervention) WHERE i.type IS NOT NULL
            RETURN i.type AS type, [(i)<-[:TESTS]-(t:Trial) | t.nctId] AS trials
            """;

    private static final String TERMS = """
            MATCH (m:MeshTerm)
            RETURN m.id AS id, m.term AS term, [(m)-[:BROADER]->(b:MeshTerm) | b.id] AS broader,
                   [(m)<-[:STUDIES_MESH]-(t:Trial) | t.nctId] AS studies,
                   [(m)<-[:TESTS_MESH]-(t:Trial) | t.nctId] AS tests
            """;

    private static final String SOME_TRIALS = """
            UNWIND $ids AS id
            MATCH (t:Trial {nctId: id})
            RETURN t.nctId AS nctId, t.overallStatus AS status, t.phases AS phases, t.studyType AS studyType,
                   t.sex AS sex, t.healthyVolunteers AS healthyVolunteers, t.hasResults AS hasResults,
                   t.startDate AS startDate, t.lastUpdated AS lastUpdated, t.enrollmentCount AS enrollment,
                   t.startYear AS startYear, t.minimumAgeYears AS minimumAgeYears,
                   t.maximumAgeYears AS maximumAgeYears,
                   [(t)-[:STUDIES]->(c:Condition) | c.key] AS conditions,
                   [(t)-[:STUDIES]->(c:Condition) | [c.key, c.name]] AS conditionNames,
                   [(t)-[:STUDIES_MESH]->(m:MeshTerm) | m.id] AS studiesMesh,
                   [(t)-[:TESTS_MESH]->(m:MeshTerm) | m.id] AS testsMesh,
                   [(t)-[r:SPONSORED_BY]->(s:Sponsor) | {key: s.key, name: s.name, agencyClass: s.agencyClass,
                                                         lead: r.role = 'LEAD'}] AS sponsors,
                   COLLECT { MATCH (t)-[:RECRUITS_AT]->(:Site)-[:IN]->(c:Country) RETURN DISTINCT c.name } AS countries,
                   COLLECT { MATCH (t)-[:TESTS]->(i:Intervention) WHERE i.type IS NOT NULL RETURN DISTINCT i.type }
                       AS interventionTypes
            """;

    // commonCriteria's forward index: per trial the criteria and constraints it states, with the section's kind, as
    // id(node) * 4 + kind code (TrialCriteria). Only trials have HAS_CRITERION edges and only criteria EXPRESSES ones.
    private static final String KIND_CODE =
            "CASE r.kind WHEN 'INCLUSION' THEN 1 WHEN 'EXCLUSION' THEN 2 WHEN 'OTHER' THEN 3 ELSE 0 END";
    private static final String STATED = """
            RETURN t.nctId AS nctId,
                   [(t)-[r:HAS_CRITERION]->(c) | id(c) * 4 + %1$s] AS criteria,
                   COLLECT { MATCH (t)-[r:HAS_CRITERION]->()-[:EXPRESSES]->(k) RETURN id(k) * 4 + %1$s } AS constraints
            """.formatted(KIND_CODE);
    private static final String CRITERIA = "MATCH (t:Trial)\n" + STATED;
    private static final String SOME_CRITERIA = "UNWIND $ids AS id\nMATCH (t:Trial {nctId: id})\n" + STATED;

    private static final String SOME_TERMS = """
            MATCH (m:MeshTerm) WHERE m.id IN $ids
            RETURN m.id AS id, m.term AS term, [(m)-[:BROADER]->(b:MeshTerm) | b.id] AS broader
            """;

    private final Driver driver;

    FacetLoader(Driver driver) {
        this.driver = driver;
    }

    /** A new index of the whole graph. */
    FacetIndex loadAll() {
        FacetIndex.Builder builder = FacetIndex.builder();
        try (Session session = driver.session()) {
            stream(session, TRIALS, Map.of(), r -> builder.trial(facts(r, null, null, null)));
            stream(session, CONDITIONS, Map.of(), r -> builder.condition(r.get("key").asString(null),
                    string(r.get("name")), r.get("trials").asList(Value::asString)));
            stream(session, TERMS, Map.of(), r -> builder.term(term(r), r.get("studies").asList(Value::asString),
                    r.get("tests").asList(Value::asString)));
            stream(session, SPONSORS, Map.of(), r -> builder.sponsor(r.get("key").asString(), string(r.get("name")),
                    string(r.get("agencyClass")), r.get("leads").asList(Value::asString)));
            stream(session, COUNTRIES, Map.of(), r -> builder.country(r.get("name").asString(),
                    r.get("trials").asList(Value::asString)));
            stream(session, INTERVENTIONS, Map.of(), r -> builder.interventionType(r.get("type").asString(),
                    r.get("trials").asList(Value::asString)));
            long start = System.nanoTime();
            stream(session, CRITERIA, Map.of(), r -> builder.criteria(stated(r)));
            LOG.info("Facet index: trials' criteria and constraints read in {} ms", (System.nanoTime() - start) / 1_000_000);
        }
        return builder.build();
    }

    /** The named trials as stored now; an id not in the result is no longer stored. */
    List<TrialFacts> trials(Collection<String> nctIds) {
        List<TrialFacts> facts = new ArrayList<>();
        try (Session session = driver.session()) {
            stream(session, SOME_TRIALS, Map.of("ids", List.copyOf(nctIds)), r -> facts.add(withStatsFacts(r, facts(r,
                    r.get("conditions").asList(Value::asString), r.get("studiesMesh").asList(Value::asString),
                    r.get("testsMesh").asList(Value::asString)))));
        }
        return facts;
    }

    /** The criteria and constraints the named trials state now; an id not in the result is no longer stored. */
    List<TrialCriteria> criteria(Collection<String> nctIds) {
        List<TrialCriteria> stated = new ArrayList<>();
        try (Session session = driver.session()) {
            stream(session, SOME_CRITERIA, Map.of("ids", List.copyOf(nctIds)), r -> stated.add(stated(r)));
        }
        return stated;
    }

    private static TrialCriteria stated(Record r) {
        return new TrialCriteria(r.get("nctId").asString(), longs(r.get("criteria")), longs(r.get("constraints")));
    }

    private static long[] longs(Value list) {
        long[] values = new long[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i).asLong();
        }
        return values;
    }

    /** The named MeSH terms as stored now. */
    List<MeshTermFacts> terms(Collection<String> ids) {
        List<MeshTermFacts> terms = new ArrayList<>();
        try (Session session = driver.session()) {
            stream(session, SOME_TERMS, Map.of("ids", List.copyOf(ids)), r -> terms.add(term(r)));
        }
        return terms;
    }

    private static void stream(Session session, String cypher, Map<String, Object> params, Consumer<Record> each) {
        session.executeRead(tx -> {
            Result result = tx.run(cypher, new HashMap<>(params));
            while (result.hasNext()) {
                each.accept(result.next());
            }
            return null;
        });
    }

    private static TrialFacts facts(Record r, List<String> conditions, List<String> studiesMesh, List<String> testsMesh) {
        return new TrialFacts(r.get("nctId").asString(), string(r.get("status")),
                r.get("phases").isNull() ? List.of() : r.get("phases").asList(Value::asString), string(r.get("studyType")),
                string(r.get("sex")), bool(r.get("healthyVolunteers")), bool(r.get("hasResults")),
                string(r.get("startDate")), string(r.get("lastUpdated")), number(r.get("enrollment")),
                number(r.get("startYear")), conditions, studiesMesh, testsMesh, decimal(r.get("minimumAgeYears")),
                decimal(r.get("maximumAgeYears")));
    }

    private static TrialFacts withStatsFacts(Record r, TrialFacts f) {
        Map<String, String> conditionNames = new HashMap<>();
        r.get("conditionNames").asList(Value::asList).forEach(c -> conditionNames.put((String) c.get(0),
                c.get(1) == null ? "" : (String) c.get(1)));
        List<TrialFacts.SponsorFacts> sponsors = r.get("sponsors").asList(s -> new TrialFacts.SponsorFacts(
                s.get("key").asString(), string(s.get("name")), string(s.get("agencyClass")), s.get("lead").asBoolean(false)));
        return new TrialFacts(f.nctId(), f.overallStatus(), f.phases(), f.studyType(), f.sex(), f.healthyVolunteers(),
                f.hasResults(), f.startDate(), f.lastUpdated(), f.enrollment(), f.startYear(), f.conditionKeys(),
                f.studiesMesh(), f.testsMesh(), conditionNames, sponsors, r.get("countries").asList(Value::asString),
                r.get("interventionTypes").asList(Value::asString), f.minimumAgeYears(), f.maximumAgeYears());
    }

    private static MeshTermFacts term(Record r) {
        return new MeshTermFacts(r.get("id").asString(), string(r.get("term")), r.get("broader").asList(Value::asString));
    }

    private static String string(Value v) {
        return v.isNull() ? null : v.asString();
    }

    private static Boolean bool(Value v) {
        return v.isNull() ? null : v.asBoolean();
    }

    private static Long number(Value v) {
        return v.isNull() ? null : v.asLong();
    }

    private static Double decimal(Value v) {
        return v.isNull() ? null : v.asDouble();
    }
}
