package org.trialgraph.trial;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

import org.springframework.stereotype.Repository;

import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.trial.TrialParts.Arm;
import org.trialgraph.trial.TrialParts.Condition;
import org.trialgraph.trial.TrialParts.MeshTerm;
import org.trialgraph.trial.TrialParts.Outcome;
import org.trialgraph.trial.TrialParts.Sponsor;
import org.trialgraph.trial.TrialParts.TrialIntervention;
import org.trialgraph.trial.TrialParts.TrialSite;

/**
 * Reads the linked parts of trials for the batch loaders of TrialPartsController. Every part query takes many
 * trial ids at once, so a page of trials costs one query per part, not one per trial. (Most responses read their
 * parts with the trials in one query instead: TrialPartsQuery.)
 */
@Repository
class TrialRepository {

    private static final String SPONSORS = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[r:SPONSORED_BY {role: $role}]->(s:Sponsor)
            RETURN id, s.name AS name, s.agencyClass AS agencyClass
            ORDER BY id, r.position
            """;

    private static final String CONDITIONS = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[r:STUDIES]->(c:Condition)
            RETURN id, c.key AS key, c.name AS name
            ORDER BY id, r.position
            """;

    private static final String CONDITION_MESH_TERMS = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[:STUDIES_MESH]->(m:MeshTerm)
            RETURN id, m.id AS meshId, m.term AS term
            ORDER BY id, m.term
            """;

    private static final String INTERVENTION_MESH_TERMS = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[:TESTS_MESH]->(m:MeshTerm)
            RETURN id, m.id AS meshId, m.term AS term
            ORDER BY id, m.term
            """;

    private static final String INTERVENTIONS = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[r:TESTS]->(i:Intervention)
            RETURN id, i.type AS type, coalesce(r.name, i.name) AS name, r.otherNames AS otherNames, r.description AS description,
                   r.armGroupLabels AS armGroupLabels
            ORDER BY id, r.position
            """;

    private static final String ARMS = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[r:HAS_ARM]->(a:Arm)
            RETURN id, a.label AS label, a.type AS type, a.description AS description,
                   a.interventionNames AS interventionNames
            ORDER BY id, r.position
            """;

    private static final String OUTCOMES = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[r:MEASURES]->(o:Outcome)
            RETURN id, r.kind AS kind, o.measure AS measure, o.timeFrame AS timeFrame, o.description AS description
            ORDER BY id, r.position
            """;

    // One row per requested page: the response carries only the page asked for. (LIMIT cannot take a row's
    // value, hence the slice.)
    private static final String SITE_PAGES = """
            UNWIND $pages AS page
            CALL (page) {
              MATCH (:Trial {nctId: page.nctId})-[r:RECRUITS_AT]->(s:Site)
              WHERE r.position > page.after
              WITH s, r ORDER BY r.position
              WITH collect({s: s, r: r}) AS all
              WITH all[..page.size] AS rows
              UNWIND rows AS row
              RETURN row.s AS s, row.r AS r
            }
            RETURN page.id AS id, s.key AS key, s.facility AS facility, r.status AS status, s.city AS city, s.state AS state,
                   s.zip AS zip, s.country AS country, s.location.latitude AS latitude,
                   s.location.longitude AS longitude, r.position AS position
            ORDER BY id, position
            """;

    private static final String SITE_COUNTS = """
            UNWIND $ids AS id
            MATCH (t:Trial {nctId: id})
            RETURN id, COUNT { (t)-[:RECRUITS_AT]->(:Site) } AS sites
            """;

    private static final String CONDITION_MESH = """
            UNWIND $keys AS key
            MATCH (:Condition {key: key})-[:MAPS_TO]->(m:MeshTerm)
            RETURN key AS id, m.id AS meshId, m.term AS term
            """;

    private static final String MESH_ANCESTORS = """
            UNWIND $ids AS id
            MATCH (:MeshTerm {id: id})-[:BROADER]->(a:MeshTerm)
            RETURN id, a.id AS meshId, a.term AS term
            ORDER BY id, a.term
            """;

    private final AutoCommitReads reads;

    TrialRepository(AutoCommitReads reads) {
        this.reads = reads;
    }

    Map<String, List<Sponsor>> sponsorsWithRole(Collection<String> nctIds, String role) {
        return byId(SPONSORS, Map.of("ids", List.copyOf(nctIds), "role", role), nctIds, TrialRepository::sponsor);
    }

    Map<String, List<Condition>> conditions(Collection<String> nctIds) {
        return byId(CONDITIONS, "ids", nctIds, TrialRepository::condition);
    }

    Map<String, List<MeshTerm>> conditionMeshTerms(Collection<String> nctIds) {
        return byId(CONDITION_MESH_TERMS, "ids", nctIds, TrialRepository::meshTerm);
    }

    Map<String, List<MeshTerm>> interventionMeshTerms(Collection<String> nctIds) {
        return byId(INTERVENTION_MESH_TERMS, "ids", nctIds, TrialRepository::meshTerm);
    }

    Map<String, List<TrialIntervention>> interventions(Collection<String> nctIds) {
        return byId(INTERVENTIONS, "ids", nctIds, TrialRepository::intervention);
    }

    Map<String, List<Arm>> arms(Collection<String> nctIds) {
        return byId(ARMS, "ids", nctIds, TrialRepository::arm);
    }

    Map<String, List<Outcome>> outcomes(Collection<String> nctIds) {
        return byId(OUTCOMES, "ids", nctIds, TrialRepository::outcome);
    }

    Map<TrialParts.SitePage, List<TrialSite>> sites(Collection<TrialParts.SitePage> pages) {
        Map<String, TrialParts.SitePage> byId = new LinkedHashMap<>();
        pages.forEach(page -> byId.put(page.nctId() + "#" + page.afterPosition() + "#" + page.size(), page));
        List<Map<String, Object>> rows = byId.entrySet().stream().map(e -> Map.<String, Object>of("id", e.getKey(),
                "nctId", e.getValue().nctId(), "after", e.getValue().afterPosition(), "size", e.getValue().size())).toList();
        Map<String, List<TrialSite>> sites = byId(SITE_PAGES, Map.of("pages", rows), byId.keySet(), TrialRepository::site);
        Map<TrialParts.SitePage, List<TrialSite>> result = new LinkedHashMap<>();
        byId.forEach((id, page) -> result.put(page, sites.get(id)));
        return result;
    }

    Map<String, Long> siteCounts(Collection<String> nctIds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        reads.read(SITE_COUNTS, Map.of("ids", List.copyOf(nctIds)))
                .forEach(r -> counts.put(r.get("id").asString(), r.get("sites").asLong()));
        return counts;
    }

    Map<String, List<MeshTerm>> conditionMesh(Collection<String> conditionKeys) {
        return byId(CONDITION_MESH, "keys", conditionKeys, TrialRepository::meshTerm);
    }

    Map<String, List<MeshTerm>> meshAncestors(Collection<String> meshIds) {
        return byId(MESH_ANCESTORS, "ids", meshIds, TrialRepository::meshTerm);
    }

    // Row readers, shared with the one-query load of TrialPartsQuery: a record and a projected map read alike.

    static Sponsor sponsor(MapAccessor r) {
        return new Sponsor(r.get("name").asString(), text(r.get("agencyClass")));
    }

    static Condition condition(MapAccessor r) {
        return new Condition(r.get("key").asString(), r.get("name").asString());
    }

    static MeshTerm meshTerm(MapAccessor r) {
        return new MeshTerm(r.get("meshId").asString(), r.get("term").asString());
    }

    static TrialIntervention intervention(MapAccessor r) {
        return new TrialIntervention(r.get("type").asString(), r.get("name").asString(), texts(r.get("otherNames")),
                text(r.get("description")), texts(r.get("armGroupLabels")));
    }

    static Arm arm(MapAccessor r) {
        return new Arm(text(r.get("label")), text(r.get("type")), text(r.get("description")),
                texts(r.get("interventionNames")));
    }

    static Outcome outcome(MapAccessor r) {
        return new Outcome(r.get("kind").asString(), r.get("measure").asString(), text(r.get("timeFrame")),
                text(r.get("description")));
    }

    static TrialSite site(MapAccessor r) {
        return new TrialSite(r.get("key").asString(), text(r.get("facility")), text(r.get("status")), text(r.get("city")),
                text(r.get("state")), text(r.get("zip")), text(r.get("country")), decimal(r.get("latitude")),
                decimal(r.get("longitude")), r.get("position").asInt());
    }

    /** Runs a batch query and groups its rows by the id they belong to. */
    private <T> Map<String, List<T>> byId(String cypher, String parameter, Collection<String> ids,
            Function<Record, T> mapper) {
        return byId(cypher, Map.of(parameter, List.copyOf(ids)), ids, mapper);
    }

    private <T> Map<String, List<T>> byId(String cypher, Map<String, Object> parameters, Collection<String> ids,
            Function<Record, T> mapper) {
        Map<String, List<T>> grouped = new LinkedHashMap<>();
        ids.forEach(id -> grouped.put(id, new java.util.ArrayList<>()));
        reads.read(cypher, parameters)
                .forEach(r -> grouped.get(r.get("id").asString()).add(mapper.apply(r)));
        return grouped;
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }

    private static Double decimal(Value value) {
        return value.isNull() ? null : value.asDouble();
    }

    private static List<String> texts(Value value) {
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }
}
