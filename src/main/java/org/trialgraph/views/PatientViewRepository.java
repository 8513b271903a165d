package org.trialgraph.views;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;

import org.springframework.stereotype.Repository;

import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.trial.Trial;
import org.trialgraph.trial.TrialWhere.GeoRadius;
import org.trialgraph.views.TrialFacts.Intervention;
import org.trialgraph.views.TrialFacts.Outcome;
import org.trialgraph.views.TrialFacts.Site;

/** Loads a trial with everything its patient view needs in one projected query. */
@Repository
class PatientViewRepository {

    /** Site statuses a patient can still join (or soon): the site's own status, the trial's when it has none. */
    static final List<String> OPEN_STATUSES = List.of("RECRUITING", "NOT_YET_RECRUITING");

    /** The most nearest sites a view lists. */
    static final int MAX_NEAREST_SITES = 20;

    private static final String FACTS = """
            MATCH (t:Trial {nctId: $nctId})
            RETURN t,
                   COLLECT { MATCH (t)-[r:SPONSORED_BY {role: 'LEAD'}]->(s:Sponsor) RETURN s.name ORDER BY r.position } AS leadSponsors,
                   COLLECT { MATCH (t)-[r:STUDIES]->(c:Condition) RETURN c.name ORDER BY r.position } AS conditions,
                   COLLECT { MATCH (t)-[r:TESTS]->(i:Intervention)
                             RETURN {type: i.type, name: coalesce(r.name, i.name), description: r.description,
                                     otherNames: r.otherNames} ORDER BY r.position } AS interventions,
                   COLLECT { MATCH (t)-[r:HAS_ARM]->(a:Arm) RETURN a.type ORDER BY r.position } AS armTypes,
                   COLLECT { MATCH (t)-[r:MEASURES]->(o:Outcome)
                             RETURN {kind: r.kind, measure: o.measure, timeFrame: o.timeFrame,
                                     description: o.description} ORDER BY r.position } AS outcomes,
                   COUNT { (t)-[:RECRUITS_AT]->(:Site) } AS siteCount,
                   size(COLLECT { MATCH (t)-[:RECRUITS_AT]->(s:Site) WHERE s.country IS NOT NULL
                                  RETURN DISTINCT s.country }) AS countryCount,
                   COLLECT { MATCH (t)-[r:RECRUITS_AT]->(s:Site)
                             RETURN s {.facility, .city, .state, .country, status: r.status} ORDER BY r.position
                             LIMIT 1 } AS firstSite,
                   COLLECT { MATCH (t)-[r:RECRUITS_AT]->(s:Site)
                             WHERE $near AND s.location IS NOT NULL AND coalesce(r.status, t.overallStatus) IN $open
                             WITH s, r, point.distance(s.location,
                                     point({latitude: $latitude, longitude: $longitude})) AS metres
                             WHERE metres <= $radiusMetres
                             RETURN s {.facility, .city, .state, .country, status: r.status, metres: metres}
                             ORDER BY metres, r.position
                             LIMIT $maxSites } AS nearestSites
            """;

    private final AutoCommitReads reads;

    PatientViewRepository(AutoCommitReads reads) {
        this.reads = reads;
    }

    Optional<TrialFacts> facts(String nctId, GeoRadius near) {
        Map<String, Object> params = new HashMap<>();
        params.put("nctId", nctId);
        params.put("near", near != null);
        params.put("latitude", near == null ? 0.0 : near.latitude());
        params.put("longitude", near == null ? 0.0 : near.longitude());
        params.put("radiusMetres", near == null ? 0.0 : near.kilometres() * 1000);
        params.put("open", OPEN_STATUSES);
        params.put("maxSites", MAX_NEAREST_SITES);
        return reads.read(FACTS, params).stream().findFirst()
                .map(r -> new TrialFacts(
                        Trial.from(r.get("t")),
                        r.get("leadSponsors").asList(Value::asString).stream().findFirst().orElse(null),
                        r.get("conditions").asList(Value::asString),
                        r.get("interventions").asList(PatientViewRepository::intervention),
                        r.get("armTypes").asList(v -> v.isNull() ? "" : v.asString()),
                        r.get("outcomes").asList(PatientViewRepository::outcome),
                        r.get("siteCount").asInt(),
                        r.get("countryCount").asInt(),
                        r.get("firstSite").asList(PatientViewRepository::site).stream().findFirst().orElse(null),
                        r.get("nearestSites").asList(PatientViewRepository::site)));
    }

    private static Intervention intervention(Value v) {
        return new Intervention(text(v.get("type")), text(v.get("name")), text(v.get("description")),
                v.get("otherNames").isNull() ? List.of() : v.get("otherNames").asList(Value::asString));
    }

    private static Outcome outcome(Value v) {
        return new Outcome(text(v.get("kind")), text(v.get("measure")), text(v.get("timeFrame")),
                text(v.get("description")));
    }

    private static Site site(Value v) {
        Value metres = v.get("metres");
        return new Site(text(v.get("facility")), text(v.get("status")), text(v.get("city")), text(v.get("state")),
                text(v.get("country")), metres.isNull() ? null : metres.asDouble() / 1000);
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asString();
    }
}
