package org.trialgraph.prescreen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

import org.trialgraph.criteria.Comparator;
import org.trialgraph.criteria.Concept;
import org.trialgraph.criteria.CriterionKind;
import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.trial.Trial;
import org.trialgraph.trial.TrialFilterCypher;
import org.trialgraph.trial.TrialIndex;
import org.trialgraph.trial.TrialOrder;
import org.trialgraph.trial.TrialWhere;

/**
 * Reads the candidates of a pre-screen and what they ask of participants. Read-only: the profile's conditions
 * and location travel as query parameters; its values never leave the application.
 */
@Repository
class PreScreenRepository {

    private static final String CANDIDATE_ROWS = """
            RETURN t.nctId AS nctId, t.minimumAgeText AS minimumAgeText, t.minimumAgeYears AS minimumAgeYears,
                   t.maximumAgeText AS maximumAgeText, t.maximumAgeYears AS maximumAgeYears, t.sex AS sex
            ORDER BY CASE WHEN t.overallStatus IN ['RECRUITING', 'NOT_YET_RECRUITING', 'ENROLLING_BY_INVITATION',
                                                   'AVAILABLE'] THEN 0 ELSE 1 END, t.nctId DESC
            LIMIT $limit
            """;

    // Conditions: by name, by MeSH id or by the words of a name or MeSH term, MeSH terms including every narrower
    // term (as TrialWhere.condition). Open trials first, newest NCT ids first, so the bound keeps the useful ones.
    // With conditions, the trials are found from the matching terms' side: testing every trial's conditions
    // against the words took ~50 CPU-s per request at 580k trials (docs/BENCHMARKS.md, "580k").
    private static final String CANDIDATES_OF_CONDITIONS = """
            CALL () {
              MATCH (c:Condition) WHERE c.key IN $keys OR any(w IN $words WHERE c.key =~ w)
              MATCH (t:Trial)-[:STUDIES]->(c)
              RETURN t
              UNION
              MATCH (m:MeshTerm)
              WHERE m.id IN $meshIds OR toLower(m.term) IN $keys OR any(w IN $words WHERE toLower(m.term) =~ w)
              MATCH (t:Trial)-[:STUDIES_MESH]->(:MeshTerm)-[:BROADER*0..1]->(m)
              RETURN t
            }
            WITH t WHERE (%s)
            """ + CANDIDATE_ROWS;

    private static final String CANDIDATES_OF_ANY_CONDITION = """
            MATCH (t:Trial) WHERE (%s)
            """ + CANDIDATE_ROWS;

    // The conditions and MeSH terms the patient's conditions match (as CANDIDATES_OF_CONDITIONS matches them), for
    // the in-memory index to find their trials: a broad term (Neoplasms) reaches ~40 % of the registry, and
    // expanding and sorting those trials in Cypher was most of a request at 580k.
    private static final String MATCHING_TERMS = """
            CALL () {
              MATCH (c:Condition) WHERE c.key IN $keys OR any(w IN $words WHERE c.key =~ w)
              RETURN collect(c.key) AS conditionKeys
            }
            CALL () {
              MATCH (m:MeshTerm)
              WHERE m.id IN $meshIds OR toLower(m.term) IN $keys OR any(w IN $words WHERE toLower(m.term) =~ w)
              RETURN collect(m.id) AS meshIds
            }
            RETURN conditionKeys, meshIds
            """;

    private static final String CANDIDATES_BY_ID = """
            UNWIND $ids AS id
            MATCH (t:Trial {nctId: id})
            RETURN t.nctId AS nctId, t.minimumAgeText AS minimumAgeText, t.minimumAgeYears AS minimumAgeYears,
                   t.maximumAgeText AS maximumAgeText, t.maximumAgeYears AS maximumAgeYears, t.sex AS sex
            """;

    /** Statuses a patient can still join: these candidates come first (as in CANDIDATE_ROWS). */
    private static final List<String> OPEN = List.of("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION",
            "AVAILABLE");

    private static final List<TrialOrder> NEWEST_FIRST = List.of(new TrialOrder(TrialOrder.Field.NCT_ID,
            TrialOrder.Direction.DESC));

    // For ranking only: per trial, how many criteria it states and the kind and constraints of those that carry
    // any. A criterion without constraints is UNKNOWN whatever the profile, so its text is not needed to rank;
    // reading every candidate's text (~7k criteria for 500 trials) was most of the request's CPU (docs/BENCHMARKS.md).
    private static final String CONSTRAINED_CRITERIA = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[r:HAS_CRITERION]->(c:Criterion)
            WITH id, r, COLLECT { MATCH (c)-[:EXPRESSES]->(n:Constraint)
                                  RETURN n {.key, .concept, .comparator, .value, .upperValue, .unit, .label} AS n
                                  ORDER BY n.key } AS constraints
            RETURN id, count(*) AS criteria,
                   collect(CASE WHEN size(constraints) > 0 THEN {kind: r.kind, constraints: constraints} END) AS constrained
            """;

    private static final String CRITERIA = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[r:HAS_CRITERION]->(c:Criterion)
            RETURN id, r.kind AS kind, r.section AS section, r.sectionIndex AS sectionIndex, r.position AS position,
                   coalesce(r.text, c.text) AS text,
                   COLLECT { MATCH (c)-[:EXPRESSES]->(n:Constraint)
                             RETURN n {.key, .concept, .comparator, .value, .upperValue, .unit, .label} AS n
                             ORDER BY n.key } AS constraints
            ORDER BY id, sectionIndex, position
            """;

    private static final String TRIALS = "MATCH (t:Trial) WHERE t.nctId IN $ids RETURN t";

    private final AutoCommitReads reads;
    private final ObjectProvider<TrialIndex> index;

    PreScreenRepository(AutoCommitReads reads, ObjectProvider<TrialIndex> index) {
        this.reads = reads;
        this.index = index;
    }

    /**
     * At most {@code limit} trials matching the filter and the conditions, with what ranking needs of their criteria
     * (two queries): the criteria that carry constraints, without section, position or text, and one
     * {@link #UNREAD} per criterion without constraints. {@link #criteria} reads them in full for the page.
     */
    List<TrialCriteria> candidates(TrialWhere where, ConditionMatch conditions, int limit) {
        List<String> fromIndex = candidatesFromIndex(where, conditions, limit);
        if (fromIndex == null) {
            return candidatesFromGraph(where, conditions, limit);
        }
        Map<String, Record> byId = new HashMap<>();
        reads.read(CANDIDATES_BY_ID, Map.of("ids", fromIndex)).forEach(r -> byId.put(r.get("nctId").asString(), r));
        Map<String, Record> limits = new LinkedHashMap<>();
        fromIndex.stream().filter(byId::containsKey).forEach(nctId -> limits.put(nctId, byId.get(nctId)));
        return withCriteria(limits);
    }

    /** The candidates found by Cypher alone. */
    List<TrialCriteria> candidatesFromGraph(TrialWhere where, ConditionMatch conditions, int limit) {
        TrialFilterCypher.Predicate filter = TrialFilterCypher.of(where);
        Map<String, Object> params = new HashMap<>(filter.parameters());
        params.putAll(termParameters(conditions));
        params.put("limit", limit);
        Map<String, Record> limits = new LinkedHashMap<>();
        String candidates = conditions.isEmpty() ? CANDIDATES_OF_ANY_CONDITION : CANDIDATES_OF_CONDITIONS;
        reads.read(candidates.formatted(filter.cypher()), params)
                .forEach(r -> limits.put(r.get("nctId").asString(), r));
        return withCriteria(limits);
    }

    private static Map<String, Object> termParameters(ConditionMatch conditions) {
        return Map.of("keys", conditions.keys(), "meshIds", conditions.meshIds(), "words", conditions.wordPatterns());
    }

    /**
     * The candidates' NCT ids in CANDIDATE_ROWS' order (open trials first, then newest NCT id first) from the
     * in-memory index, or null when it cannot answer now (building, behind on writes, a filter it does not cover).
     */
    private List<String> candidatesFromIndex(TrialWhere where, ConditionMatch conditions, int limit) {
        TrialIndex available = index.getIfAvailable();
        if (available == null || available.page(where, NEWEST_FIRST, List.of(), 1) == null) {
            return null;
        }
        TrialWhere scope = where;
        if (!conditions.isEmpty()) {
            Record terms = reads.read(MATCHING_TERMS, termParameters(conditions)).get(0);
            List<TrialWhere> any = new ArrayList<>();
            terms.get("conditionKeys").asList(Value::asString).forEach(key -> any.add(TrialWhere.conditionNamed(key)));
            terms.get("meshIds").asList(Value::asString).forEach(id -> any.add(TrialWhere.conditionMeshId(id)));
            if (any.isEmpty()) {
                return List.of();
            }
            scope = TrialWhere.allOf(where, TrialWhere.anyOf(any));
        }
        TrialIndex.Page open = available.page(TrialWhere.allOf(scope, TrialWhere.statusIn(OPEN)), NEWEST_FIRST,
                List.of(), limit);
        if (open == null || open.nctIds().size() >= limit) {
            return open == null ? null : open.nctIds();
        }
        // Every open match is in `open`, so the first limit + |open| of all matches hold the rest's first ones.
        TrialIndex.Page all = available.page(scope, NEWEST_FIRST, List.of(), limit + open.nctIds().size());
        if (all == null) {
            return null;
        }
        List<String> ids = new ArrayList<>(open.nctIds());
        Set<String> taken = new HashSet<>(ids);
        for (String nctId : all.nctIds()) {
            if (ids.size() == limit) {
                break;
            }
            if (!taken.contains(nctId)) {
                ids.add(nctId);
            }
        }
        return ids;
    }

    private List<TrialCriteria> withCriteria(Map<String, Record> limits) {
        Map<String, List<TrialCriteria.Stated>> criteria = new HashMap<>();
        reads.read(CONSTRAINED_CRITERIA, Map.of("ids", List.copyOf(limits.keySet())))
                .forEach(r -> criteria.put(r.get("id").asString(), forRanking(r)));
        List<TrialCriteria> trials = new ArrayList<>();
        limits.forEach((nctId, r) -> trials.add(new TrialCriteria(nctId,
                ageLimit(r.get("minimumAgeText"), r.get("minimumAgeYears")),
                ageLimit(r.get("maximumAgeText"), r.get("maximumAgeYears")),
                r.get("sex").isNull() ? null : r.get("sex").asString(),
                criteria.getOrDefault(nctId, List.of()))));
        return trials;
    }

    /** Every criterion of these trials, in full and in the record's order. */
    Map<String, List<TrialCriteria.Stated>> criteria(List<String> nctIds) {
        Map<String, List<TrialCriteria.Stated>> criteria = new HashMap<>();
        reads.read(CRITERIA, Map.of("ids", nctIds))
                .forEach(r -> criteria.computeIfAbsent(r.get("id").asString(), id -> new ArrayList<>()).add(stated(r)));
        return criteria;
    }

    Map<String, Trial> trials(List<String> nctIds) {
        Map<String, Trial> trials = new HashMap<>();
        reads.read(TRIALS, Map.of("ids", nctIds))
                .forEach(r -> {
                    Trial trial = Trial.from(r.get("t"));
                    trials.put(trial.nctId(), trial);
                });
        return trials;
    }

    private static TrialCriteria.AgeLimit ageLimit(Value text, Value years) {
        // "N/A" is stored with its text but no years: no limit.
        return text.isNull() || years.isNull() ? null : new TrialCriteria.AgeLimit(text.asString(), years.asDouble());
    }

    /** A criterion without constraints, as ranking sees it: UNKNOWN whatever its kind and text. */
    static final TrialCriteria.Stated UNREAD = new TrialCriteria.Stated(CriterionKind.INCLUSION, "", 0, "", List.of());

    private static List<TrialCriteria.Stated> forRanking(Record r) {
        List<TrialCriteria.Stated> stated = new ArrayList<>(r.get("constrained").asList(c -> new TrialCriteria.Stated(
                CriterionKind.valueOf(c.get("kind").asString()), "", 0, "", constraints(c.get("constraints")))));
        for (int i = stated.size(); i < r.get("criteria").asInt(); i++) {
            stated.add(UNREAD);
        }
        return stated;
    }

    private static TrialCriteria.Stated stated(Record r) {
        return new TrialCriteria.Stated(CriterionKind.valueOf(r.get("kind").asString()),
                r.get("section").isNull() ? "" : r.get("section").asString(), r.get("position").asInt(),
                r.get("text").asString(), constraints(r.get("constraints")));
    }

    private static List<ScreeningConstraint> constraints(Value list) {
        return list.asList(n -> new ScreeningConstraint(
                n.get("key").asString(), Concept.valueOf(n.get("concept").asString()),
                Comparator.valueOf(n.get("comparator").asString()),
                n.get("value").isNull() ? null : n.get("value").asDouble(),
                n.get("upperValue").isNull() ? null : n.get("upperValue").asDouble(),
                n.get("unit").isNull() ? "" : n.get("unit").asString(),
                n.get("label").asString()));
    }
}
