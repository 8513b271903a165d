package org.trialgraph.trial;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;

import org.springframework.stereotype.Repository;

import org.trialgraph.ingest.InterventionKeys;
import org.trialgraph.ingest.Keys;
import org.trialgraph.ingest.MeshIds;
import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.trial.TrialParts.Condition;
import org.trialgraph.trial.TrialParts.Country;
import org.trialgraph.trial.TrialParts.Intervention;
import org.trialgraph.trial.TrialParts.MeshTerm;
import org.trialgraph.trial.TrialParts.Sponsor;
import org.trialgraph.trial.TrialParts.SponsorLink;

/** The graph's other entry points: conditions, MeSH terms, sponsors, interventions and countries. */
@Repository
class CatalogRepository {

    private static final String CONDITION = "MATCH (c:Condition {key: $key}) RETURN c.key AS key, c.name AS name";

    private static final String MESH_TERM = "MATCH (m:MeshTerm {id: $id}) RETURN m.id AS id, m.term AS term";

    private static final String SPONSOR = "MATCH (s:Sponsor {key: $key}) RETURN s.name AS name, s.agencyClass AS agencyClass";

    // Keys are type|normalised name, so every type's key is one index seek.
    private static final String INTERVENTIONS = """
            UNWIND $keys AS key
            MATCH (i:Intervention {key: key})
            RETURN i.type AS type, i.name AS name
            ORDER BY type
            """;

    private static final String COUNTRY = """
            MATCH (c:Country {name: $name})
            RETURN c.name AS name, COUNT { (c)<-[:IN]-(:Site) } AS siteCount
            """;

    private static final String SITE = """
            MATCH (s:Site {key: $key})
            RETURN s
            """;

    // The point index answers the radius; the rest is ordered by distance, then key, after the cursor.
    private static final String SITES_NEAR = """
            WITH point({latitude: $latitude, longitude: $longitude}) AS centre
            MATCH (s:Site)
            WHERE point.distance(s.location, centre) <= $metres
            WITH s, point.distance(s.location, centre) / 1000.0 AS km
            WHERE $afterKm IS NULL OR km > $afterKm OR (km = $afterKm AND s.key > $afterKey)
            RETURN s, km
            ORDER BY km, s.key
            LIMIT $limit
            """;

    private static final String SITE_TRIAL_COUNTS = """
            UNWIND $keys AS key
            MATCH (s:Site {key: key})
            RETURN key, COUNT { (s)<-[:RECRUITS_AT]-(:Trial) } AS trials
            """;

    private static final String CONDITION_TRIAL_COUNTS = """
            UNWIND $keys AS key
            MATCH (c:Condition {key: key})
            RETURN key, COUNT { (c)<-[:STUDIES]-(:Trial) } AS trials
            """;

    private static final String SPONSOR_TRIAL_COUNTS = """
            UNWIND $keys AS key
            MATCH (s:Sponsor {key: key})
            RETURN key, COUNT { MATCH (t:Trial)-[:SPONSORED_BY]->(s) RETURN DISTINCT t } AS trials
            """;

    private static final String INTERVENTION_TRIAL_COUNTS = """
            UNWIND $keys AS key
            MATCH (i:Intervention {key: key})
            RETURN key, COUNT { MATCH (t:Trial)-[:TESTS]->(i) RETURN DISTINCT t } AS trials
            """;

    private static final String NARROWER_PAGES = """
            UNWIND $pages AS page
            CALL (page) {
              MATCH (n:MeshTerm)-[:BROADER]->(:MeshTerm {id: page.meshId})
              WHERE page.afterTerm IS NULL OR n.term > page.afterTerm OR (n.term = page.afterTerm AND n.id > page.afterId)
              WITH n ORDER BY n.term, n.id
              WITH collect(n) AS all
              WITH all[..page.size] AS terms
              UNWIND terms AS n
              RETURN n
            }
            RETURN page.id AS id, n.id AS meshId, n.term AS term
            ORDER BY id, term, meshId
            """;

    private static final String COLLABORATORS = """
            MATCH (s:Sponsor {key: $key})<-[:SPONSORED_BY]-(t:Trial)-[:SPONSORED_BY]->(other:Sponsor)
            WHERE other <> s
            RETURN other.name AS name, other.agencyClass AS agencyClass, count(DISTINCT t) AS shared
            ORDER BY shared DESC, name
            LIMIT $limit
            """;

    private final AutoCommitReads reads;

    CatalogRepository(AutoCommitReads reads) {
        this.reads = reads;
    }

    Optional<Condition> condition(String name) {
        return first(CONDITION, Map.of("key", Keys.of(name))).map(r -> new Condition(r.get("key").asString(),
                r.get("name").asString()));
    }

    Optional<MeshTerm> meshTerm(String id) {
        return first(MESH_TERM, Map.of("id", MeshIds.canonical(id))).map(r -> new MeshTerm(r.get("id").asString(),
                r.get("term").asString()));
    }

    Optional<Sponsor> sponsor(String name) {
        return first(SPONSOR, Map.of("key", Keys.of(name))).map(r -> new Sponsor(r.get("name").asString(),
                r.get("agencyClass").asString(null)));
    }

    List<Intervention> interventions(String name) {
        List<String> keys = InterventionKeys.ofName(name, null);
        return reads.read(INTERVENTIONS, Map.of("keys", keys)).stream()
                .map(r -> new Intervention(r.get("type").asString(), r.get("name").asString())).toList();
    }

    Optional<Country> country(String name) {
        return first(COUNTRY, Map.of("name", name.strip())).map(r -> new Country(r.get("name").asString(),
                r.get("siteCount").asLong()));
    }

    Optional<TrialParts.Site> site(String key) {
        return first(SITE, Map.of("key", key)).map(r -> site(r.get("s")));
    }

    List<TrialParts.NearbySite> sitesNear(TrialWhere.GeoRadius near, Double afterKm, String afterKey, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("latitude", near.latitude());
        params.put("longitude", near.longitude());
        params.put("metres", near.kilometres() * 1000);
        params.put("afterKm", afterKm);
        params.put("afterKey", afterKey);
        params.put("limit", limit);
        return reads.read(SITES_NEAR, params).stream()
                .map(r -> new TrialParts.NearbySite(site(r.get("s")), r.get("km").asDouble())).toList();
    }

    Map<String, Long> siteTrialCounts(Collection<String> keys) {
        return counts(SITE_TRIAL_COUNTS, keys);
    }

    private static TrialParts.Site site(org.neo4j.driver.Value s) {
        org.neo4j.driver.Value location = s.get("location");
        return new TrialParts.Site(s.get("key").asString(), s.get("facility").asString(null), s.get("city").asString(null),
                s.get("state").asString(null), s.get("zip").asString(null), s.get("country").asString(null),
                location.isNull() ? null : location.asPoint().y(), location.isNull() ? null : location.asPoint().x());
    }

    Map<String, Long> conditionTrialCounts(Collection<String> keys) {
        return counts(CONDITION_TRIAL_COUNTS, keys);
    }

    Map<String, Long> sponsorTrialCounts(Collection<String> keys) {
        return counts(SPONSOR_TRIAL_COUNTS, keys);
    }

    Map<String, Long> interventionTrialCounts(Collection<String> keys) {
        return counts(INTERVENTION_TRIAL_COUNTS, keys);
    }

    Map<TrialParts.NarrowerPage, List<MeshTerm>> narrower(Collection<TrialParts.NarrowerPage> pages) {
        Map<String, TrialParts.NarrowerPage> byId = new HashMap<>();
        Map<String, List<MeshTerm>> terms = new HashMap<>();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (TrialParts.NarrowerPage page : pages) {
            String id = String.join("#", page.id(), String.valueOf(page.afterTerm()), String.valueOf(page.afterId()),
                    String.valueOf(page.size()));
            if (byId.putIfAbsent(id, page) == null) {
                terms.put(id, new java.util.ArrayList<>());
                Map<String, Object> row = new HashMap<>();
                row.put("id", id);
                row.put("meshId", page.id());
                row.put("afterTerm", page.afterTerm());
                row.put("afterId", page.afterId());
                row.put("size", page.size());
                rows.add(row);
            }
        }
        reads.read(NARROWER_PAGES, Map.of("pages", rows))
                .forEach(r -> terms.get(r.get("id").asString()).add(new MeshTerm(r.get("meshId").asString(),
                        r.get("term").asString())));
        Map<TrialParts.NarrowerPage, List<MeshTerm>> result = new HashMap<>();
        byId.forEach((id, page) -> result.put(page, terms.get(id)));
        return result;
    }

    List<SponsorLink> collaborators(Sponsor sponsor, int limit) {
        return reads.read(COLLABORATORS, Map.of("key", Keys.of(sponsor.name()), "limit", limit)).stream()
                .map(r -> new SponsorLink(new Sponsor(r.get("name").asString(), r.get("agencyClass").asString(null)),
                        r.get("shared").asLong()))
                .toList();
    }

    static String interventionKey(Intervention intervention) {
        return InterventionKeys.of(intervention.type(), intervention.name());
    }

    private Optional<Record> first(String cypher, Map<String, Object> params) {
        return reads.read(cypher, params).stream().findFirst();
    }

    private Map<String, Long> counts(String cypher, Collection<String> keys) {
        Map<String, Long> counts = new HashMap<>();
        reads.read(cypher, Map.of("keys", List.copyOf(keys)))
                .forEach(r -> counts.put(r.get("key").asString(), r.get("trials").asLong()));
        return counts;
    }
}
