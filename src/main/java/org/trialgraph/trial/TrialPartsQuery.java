package org.trialgraph.trial;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

import org.springframework.stereotype.Repository;

import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.trial.TrialPart.Read;
import org.trialgraph.trial.TrialPart.Selection;

/**
 * Reads trials and the selected parts of all of them in one query: the trials by NCT id, then one
 * {@code CALL (t) { ... }} subquery per selected part, each returning the part as one value. The subqueries of
 * the trial's own parts are here, beside the batch queries of TrialRepository that they replace. The query runs
 * as one auto-commit read (AutoCommitReads): one round trip, no BEGIN and COMMIT.
 */
@Repository
class TrialPartsQuery {

    private static final String TRIALS = """
            UNWIND $nctIds AS nctId
            MATCH (t:Trial {nctId: nctId})
            """;

    private static final String LEAD_SPONSOR = """
            MATCH (t)-[r:SPONSORED_BY {role: 'LEAD'}]->(s:Sponsor)
            WITH s, r ORDER BY r.position
            RETURN collect(s {.name, .agencyClass}) AS leadSponsor
            """;

    private static final String COLLABORATORS = """
            MATCH (t)-[r:SPONSORED_BY {role: 'COLLABORATOR'}]->(s:Sponsor)
            WITH s, r ORDER BY r.position
            RETURN collect(s {.name, .agencyClass}) AS collaborators
            """;

    private static final String CONDITIONS = """
            MATCH (t)-[r:STUDIES]->(c:Condition)
            WITH c, r ORDER BY r.position
            RETURN collect(c {.key, .name}) AS conditions
            """;

    private static final String MESH_TERMS = """
            MATCH (t)-[:STUDIES_MESH]->(m:MeshTerm)
            WITH m ORDER BY m.term
            RETURN collect({meshId: m.id, term: m.term}) AS meshTerms
            """;

    private static final String INTERVENTION_MESH_TERMS = """
            MATCH (t)-[:TESTS_MESH]->(m:MeshTerm)
            WITH m ORDER BY m.term
            RETURN collect({meshId: m.id, term: m.term}) AS interventionMeshTerms
            """;

    private static final String INTERVENTIONS = """
            MATCH (t)-[r:TESTS]->(i:Intervention)
            WITH i, r ORDER BY r.position
            RETURN collect({type: i.type, name: coalesce(r.name, i.name), otherNames: r.otherNames,
                            description: r.description, armGroupLabels: r.armGroupLabels}) AS interventions
            """;

    private static final String ARMS = """
            MATCH (t)-[r:HAS_ARM]->(a:Arm)
            WITH a, r ORDER BY r.position
            RETURN collect(a {.label, .type, .description, .interventionNames}) AS arms
            """;

    private static final String OUTCOMES = """
            MATCH (t)-[r:MEASURES]->(o:Outcome)
            WITH o, r ORDER BY r.position
            RETURN collect({kind: r.kind, measure: o.measure, timeFrame: o.timeFrame, description: o.description}) AS outcomes
            """;

    private static final String SITES = """
            MATCH (t)-[r:RECRUITS_AT]->(s:Site)
            WHERE r.position > $sitesAfter
            WITH s, r ORDER BY r.position
            LIMIT $sitesSize
            RETURN collect({key: s.key, facility: s.facility, status: r.status, city: s.city, state: s.state, zip: s.zip,
                            country: s.country, latitude: s.location.latitude, longitude: s.location.longitude,
                            position: r.position}) AS sites
            """;

    private static final String SITE_COUNT = """
            RETURN COUNT { (t)-[:RECRUITS_AT]->(:Site) } AS siteCount
            """;

    /** The parts of the trial package; the fields without arguments are keyed by the trial, as @BatchMapping. */
    static final List<TrialPart> OWN_PARTS = List.of(
            simple("leadSponsor", LEAD_SPONSOR, v -> v.asList(TrialRepository::sponsor).stream().findFirst().orElse(null)),
            simple("collaborators", COLLABORATORS, list(TrialRepository::sponsor)),
            simple("conditions", CONDITIONS, list(TrialRepository::condition)),
            simple("meshTerms", MESH_TERMS, list(TrialRepository::meshTerm)),
            simple("interventionMeshTerms", INTERVENTION_MESH_TERMS, list(TrialRepository::meshTerm)),
            simple("interventions", INTERVENTIONS, list(TrialRepository::intervention)),
            simple("arms", ARMS, list(TrialRepository::arm)),
            simple("siteCount", SITE_COUNT, Value::asLong),
            new Outcomes(),
            new Sites());

    private final AutoCommitReads reads;

    TrialPartsQuery(AutoCommitReads reads) {
        this.reads = reads;
    }

    /**
     * One row per trial found, with each part's value in the column named as its field and, unless no properties
     * are asked for, the trial as {@code t}: these properties of its node (a map), or the node for
     * {@link Trial#WHOLE_NODE}.
     */
    List<Record> read(Collection<String> nctIds, Set<String> properties, Map<String, Read> parts) {
        StringBuilder cypher = new StringBuilder(TRIALS);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("nctIds", List.copyOf(nctIds));
        List<String> columns = new ArrayList<>(List.of("nctId"));
        if (!properties.isEmpty()) {
            columns.add(Trial.projection(properties) + " AS t");
        }
        parts.forEach((field, read) -> {
            cypher.append("CALL (t) {\n").append(read.subquery()).append("}\n");
            parameters.putAll(read.parameters());
            columns.add(field);
        });
        cypher.append("RETURN ").append(String.join(", ", columns));
        return reads.read(cypher.toString(), parameters);
    }

    private static TrialPart simple(String field, String subquery, Function<Value, ?> value) {
        return new Simple(field, Read.batchMapped(subquery, field, value));
    }

    /** A part without arguments: every selection of it reads the same. */
    private record Simple(String field, Read read) implements TrialPart {

        @Override
        public Optional<Read> read(List<Selection> selections) {
            return Optional.of(read);
        }
    }

    private static <T> Function<Value, List<T>> list(Function<MapAccessor, T> item) {
        return value -> value.asList(item::apply);
    }

    /** All outcomes, keyed by NCT id: the fetcher filters by kind after loading. */
    private static final class Outcomes implements TrialPart {

        @Override
        public String field() {
            return "outcomes";
        }

        @Override
        public Optional<Read> read(List<Selection> selections) {
            return Optional.of(new Read(OUTCOMES, Map.of(), TrialPart.Primer.of(TrialPartsController.OUTCOMES_LOADER,
                    Trial::nctId, list(TrialRepository::outcome))));
        }
    }

    /** One page of sites, primed under the page the fetcher asks for; several different pages go to the loader. */
    private static final class Sites implements TrialPart {

        @Override
        public String field() {
            return "sites";
        }

        @Override
        public Optional<Read> read(List<Selection> selections) {
            List<TrialParts.SitePage> pages;
            try {
                pages = selections.stream().map(s -> TrialParts.SitePage.of("", (Integer) s.arguments().get("first"),
                        (String) s.arguments().get("after"))).distinct().toList();
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // a bad cursor: the fetcher reports it
            }
            if (pages.size() != 1) {
                return Optional.empty();
            }
            TrialParts.SitePage page = pages.get(0);
            return Optional.of(new Read(SITES, Map.of("sitesAfter", page.afterPosition(), "sitesSize", page.size()),
                    TrialPart.Primer.of(TrialPartsController.SITES_LOADER,
                            trial -> new TrialParts.SitePage(trial.nctId(), page.afterPosition(), page.size()),
                            list(TrialRepository::site))));
        }
    }
}
