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

import org.springframework.stereotype.Component;

/**
 * Reads what the facet index keeps from the graph: everything, in a few streaming queries, or the trials of one
 * write. Trials are dense nodes (criteria, sites, outcomes ...), so the full load walks their links from the
 * condition's and the term's side, where each node has few relationships.
 */
@Component
class FacetLoader {

    private static final String TRIALS = """
            MATCH (t:Trial)
            RETURN t.nctId AS nctId, t.overallStatus AS status, t.phases AS phases, t.studyType AS studyType,
                   t.sex AS sex, t.healthyVolunteers AS healthyVolunteers, t.hasResults AS hasResults,
                   t.startDate AS startDate, t.lastUpdated AS lastUpdated, t.enrollmentCount AS enrollment,
                   t.startYear AS startYear
            """;

    private static final String CONDITIONS = """
            MATCH (c:Condition)
            RETURN c.key AS key, [(c)<-[:STUDIES]-(t:Trial) | t.nctId] AS trials
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
                   t.startYear AS startYear,
                   [(t)-[:STUDIES]->(c:Condition) | c.key] AS conditions,
                   [(t)-[:STUDIES_MESH]->(m:MeshTerm) | m.id] AS studiesMesh,
                   [(t)-[:TESTS_MESH]->(m:MeshTerm) | m.id] AS testsMesh
            """;

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
                    r.get("trials").asList(Value::asString)));
            stream(session, TERMS, Map.of(), r -> builder.term(term(r), r.get("studies").asList(Value::asString),
                    r.get("tests").asList(Value::asString)));
        }
        return builder.build();
    }

    /** The named trials as stored now; an id not in the result is no longer stored. */
    List<TrialFacts> trials(Collection<String> nctIds) {
        List<TrialFacts> facts = new ArrayList<>();
        try (Session session = driver.session()) {
            stream(session, SOME_TRIALS, Map.of("ids", List.copyOf(nctIds)), r -> facts.add(facts(r,
                    r.get("conditions").asList(Value::asString), r.get("studiesMesh").asList(Value::asString),
                    r.get("testsMesh").asList(Value::asString))));
        }
        return facts;
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
                number(r.get("startYear")), conditions, studiesMesh, testsMesh);
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
}
