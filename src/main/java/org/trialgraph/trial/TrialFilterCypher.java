package org.trialgraph.trial;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.trialgraph.ingest.InterventionKeys;
import org.trialgraph.ingest.Keys;
import org.trialgraph.ingest.MeshIds;

/**
 * Turns a {@link TrialWhere} into a Cypher predicate on {@code t}, or into a whole clause that finds the matching
 * trials ({@link #match}). The structure comes only from the fixed fragments below; every value the client sent
 * travels as a parameter, never as Cypher text.
 */
public final class TrialFilterCypher {

    /** The {@code age} filter's limits for a trial stating none: any age from 0 to 1000 years. */
    public static final double NO_MINIMUM_AGE = 0.0;
    public static final double NO_MAXIMUM_AGE = 1000.0;

    /** A predicate and the parameters it uses. */
    public record Predicate(String cypher, Map<String, Object> parameters) {
    }

    /**
     * Clauses that bind {@code t} to each matching trial once, and the parameters they use. When the filter names a
     * condition, MeSH term, sponsor or intervention at its top level, the trials are found from that node's side (a
     * term's narrower terms and their trials, a sponsor's or intervention's trials) and the rest of the filter is
     * checked on those only: checking "studies this subtree" or "tests this intervention" on every trial expands each
     * trial's own relationships, which costs far more (docs/BENCHMARKS.md, "List and stats queries: CPU per request",
     * "Catalog pages and other reads at 580k").
     */
    public record Match(String anchor, String predicate, Map<String, Object> parameters) {

        /** The clauses, with {@code extra} (a predicate on {@code t}, e.g. a keyset) checked too. */
        public String cypher(String extra) {
            if (anchor == null) {
                return "MATCH (t:Trial)\nWHERE (" + predicate + ") AND (" + extra + ")\n";
            }
            return "CALL () {\n" + anchor + "\n}\nWITH t\nWHERE (" + predicate + ") AND (" + extra + ")\n";
        }
    }

    /** The top-level field that {@link #match} finds its trials from, left out of the predicate. */
    private enum Anchor { CONDITION, MESH, SPONSOR_FILTER, SPONSOR, INTERVENTION_FILTER, INTERVENTION }

    // A constraint rules a participant's value out when an inclusion-like criterion is not met by it, or an
    // exclusion criterion is.
    private static final String MEETS = """
            CASE n.comparator
              WHEN 'LT' THEN %1$s < n.value WHEN 'LE' THEN %1$s <= n.value WHEN 'EQ' THEN %1$s = n.value
              WHEN 'GE' THEN %1$s >= n.value WHEN 'GT' THEN %1$s > n.value
              WHEN 'BETWEEN' THEN %1$s >= n.value AND %1$s <= n.upperValue
              ELSE true END""";

    private final Map<String, Object> parameters = new HashMap<>();

    private TrialFilterCypher() {
    }

    public static Predicate of(TrialWhere where) {
        TrialFilterCypher builder = new TrialFilterCypher();
        String cypher = where == null ? "true" : builder.predicate(where, null);
        return new Predicate(cypher, builder.parameters);
    }

    /** The trials matching {@code where}, found from a condition or MeSH term when the filter names one. */
    public static Match match(TrialWhere where) {
        TrialFilterCypher builder = new TrialFilterCypher();
        Anchor anchor = anchorOf(where);
        if (anchor == null) {
            return new Match(null, where == null ? "true" : builder.predicate(where, null), builder.parameters);
        }
        String source = switch (anchor) {
            case MESH -> builder.meshSubtreeTrials(where.mesh());
            case CONDITION -> builder.conditionTrials(where.condition());
            case SPONSOR_FILTER -> builder.sponsorTrials(where.sponsorFilter());
            case SPONSOR -> builder.sponsorTrials(sponsorShorthand(where));
            case INTERVENTION_FILTER -> builder.interventionTrials(where.interventionFilter());
            case INTERVENTION -> builder.interventionTrials(interventionShorthand(where));
        };
        return new Match(source, builder.predicate(where, anchor), builder.parameters);
    }

    private static Anchor anchorOf(TrialWhere w) {
        if (w == null || w.nctIds() != null) {
            return null; // a list of ids is found through the key's index, better than any subtree
        }
        if (w.mesh() != null) {
            return Anchor.MESH;
        }
        if (w.condition() != null) {
            return Anchor.CONDITION;
        }
        if (w.sponsorFilter() != null && w.sponsorFilter().name() != null) {
            return Anchor.SPONSOR_FILTER;
        }
        if (w.sponsor() != null) {
            return Anchor.SPONSOR;
        }
        if (w.interventionFilter() != null && w.interventionFilter().name() != null) {
            return Anchor.INTERVENTION_FILTER;
        }
        return w.intervention() != null ? Anchor.INTERVENTION : null;
    }

    /** The top-level {@code sponsor} and {@code sponsorClass} fields, as the filter they stand for. */
    private static TrialWhere.SponsorFilter sponsorShorthand(TrialWhere w) {
        return new TrialWhere.SponsorFilter(w.sponsor(), w.sponsorClass(), false);
    }

    /** The top-level {@code intervention} name, as the filter it stands for. */
    private static TrialWhere.InterventionFilter interventionShorthand(TrialWhere w) {
        return new TrialWhere.InterventionFilter(w.intervention(), null);
    }

    private String predicate(TrialWhere w, Anchor anchored) {
        List<String> all = new ArrayList<>();
        if (w.nctIds() != null) {
            all.add("t.nctId IN " + param(w.nctIds()));
        }
        if (w.overallStatus() != null) {
            all.add("t.overallStatus IN " + param(w.overallStatus()));
        }
        if (w.phase() != null) {
            all.add("any(p IN coalesce(t.phases, []) WHERE p IN " + param(w.phase()) + ")");
        }
        if (w.studyType() != null) {
            all.add("t.studyType IN " + param(w.studyType()));
        }
        if (w.sex() != null) {
            all.add("t.sex IN " + param(w.sex()));
        }
        if (w.healthyVolunteers() != null) {
            all.add("t.healthyVolunteers = " + param(w.healthyVolunteers()));
        }
        if (w.condition() != null && anchored != Anchor.CONDITION) {
            condition(w.condition(), all);
        }
        if (w.conditionFilter() != null) {
            condition(w.conditionFilter(), all);
        }
        if (w.mesh() != null && anchored != Anchor.MESH) {
            all.add("EXISTS { (t)-[:STUDIES_MESH|TESTS_MESH]->(:MeshTerm)-[:BROADER*0..1]->(:MeshTerm {id: "
                    + param(MeshIds.canonical(w.mesh())) + "}) }");
        }
        if (w.intervention() != null && anchored != Anchor.INTERVENTION) {
            intervention(interventionShorthand(w), all);
        }
        if (w.interventionFilter() != null && anchored != Anchor.INTERVENTION_FILTER) {
            intervention(w.interventionFilter(), all);
        }
        if ((w.sponsor() != null || w.sponsorClass() != null) && anchored != Anchor.SPONSOR) {
            sponsor(sponsorShorthand(w), all);
        }
        if (w.sponsorFilter() != null && anchored != Anchor.SPONSOR_FILTER) {
            sponsor(w.sponsorFilter(), all);
        }
        if (w.country() != null) {
            all.add("EXISTS { (t)-[:RECRUITS_AT]->(:Site)-[:IN]->(:Country {name: " + param(w.country()) + "}) }");
        }
        if (w.site() != null) {
            all.add("EXISTS { (t)-[:RECRUITS_AT]->(:Site {key: " + param(w.site()) + "}) }");
        }
        if (w.near() != null) {
            all.add("EXISTS { (t)-[:RECRUITS_AT]->(s:Site) WHERE point.distance(s.location, point({latitude: "
                    + param(w.near().latitude()) + ", longitude: " + param(w.near().longitude()) + "})) <= "
                    + param(w.near().kilometres() * 1000) + " }");
        }
        range("t.startDate", new TrialWhere.DateRange(w.startFrom(), w.startTo()), all);
        range("t.startDate", w.startDate(), all);
        range("t.completionDate", w.completionDate(), all);
        if (w.enrollment() != null) {
            if (w.enrollment().min() != null) {
                all.add("t.enrollmentCount >= " + param(w.enrollment().min()));
            }
            if (w.enrollment().max() != null) {
                all.add("t.enrollmentCount <= " + param(w.enrollment().max()));
            }
        }
        if (w.age() != null) {
            String age = param(w.age());
            all.add("coalesce(t.minimumAgeYears, " + NO_MINIMUM_AGE + ") <= " + age
                    + " AND coalesce(t.maximumAgeYears, " + NO_MAXIMUM_AGE + ") >= " + age);
        }
        if (w.hasResults() != null) {
            all.add("t.hasResults = " + param(w.hasResults()));
        }
        if (w.constraints() != null) {
            w.constraints().forEach(c -> all.add(statesConstraint(c)));
        }
        if (w.allows() != null) {
            w.allows().forEach(v -> all.add(allows(v)));
        }
        if (w.AND() != null) {
            w.AND().forEach(nested -> all.add("(" + predicate(nested, null) + ")"));
        }
        if (w.OR() != null && !w.OR().isEmpty()) {
            all.add("(" + String.join(" OR ", w.OR().stream().map(nested -> "(" + predicate(nested, null) + ")").toList()) + ")");
        }
        if (w.NOT() != null) {
            w.NOT().forEach(nested -> all.add("NOT (" + predicate(nested, null) + ")"));
        }
        return all.isEmpty() ? "true" : String.join(" AND ", all);
    }

    /**
     * A condition as the contract's {@code condition: String} gives it: trials naming it, or carrying a MeSH term of
     * that name or id, or any narrower term.
     */
    private void condition(String condition, List<String> all) {
        String text = condition.strip();
        List<String> any = new ArrayList<>();
        any.add("EXISTS { (t)-[:STUDIES]->(:Condition {key: " + param(Keys.of(text)) + "}) }");
        any.add("EXISTS { (t)-[:STUDIES_MESH]->(:MeshTerm)-[:BROADER*0..1]->(m:MeshTerm) WHERE toLower(m.term) = "
                + param(text.toLowerCase(Locale.ROOT)) + " }");
        if (MeshIds.looksLikeId(text)) {
            any.add("EXISTS { (t)-[:STUDIES_MESH]->(:MeshTerm)-[:BROADER*0..1]->(:MeshTerm {id: "
                    + param(MeshIds.canonical(text)) + "}) }");
        }
        all.add("(" + String.join(" OR ", any) + ")");
    }

    /**
     * The trials of {@link #condition(String, List)} found from the condition's and the term's side, each once. The
     * term is looked up on its own first: matched case-insensitively it can use no index, and otherwise the planner
     * may start from the other end of the pattern.
     */
    private String conditionTrials(String condition) {
        String text = condition.strip();
        List<String> any = new ArrayList<>();
        any.add("  MATCH (:Condition {key: " + param(Keys.of(text)) + "})<-[:STUDIES]-(t:Trial) RETURN t");
        any.add("  CALL () { MATCH (m:MeshTerm) WHERE toLower(m.term) = " + param(text.toLowerCase(Locale.ROOT))
                + " RETURN m }\n  MATCH (m)<-[:BROADER*0..1]-(:MeshTerm)<-[:STUDIES_MESH]-(t:Trial) RETURN t");
        if (MeshIds.looksLikeId(text)) {
            any.add("  MATCH (:MeshTerm {id: " + param(MeshIds.canonical(text))
                    + "})<-[:BROADER*0..1]-(:MeshTerm)<-[:STUDIES_MESH]-(t:Trial) RETURN t");
        }
        return String.join("\n  UNION\n", any);
    }

    private String meshSubtreeTrials(String mesh) {
        return "  MATCH (:MeshTerm {id: " + param(MeshIds.canonical(mesh))
                + "})<-[:BROADER*0..1]-(:MeshTerm)<-[:STUDIES_MESH|TESTS_MESH]-(t:Trial) RETURN DISTINCT t";
    }

    private void condition(TrialWhere.ConditionFilter c, List<String> all) {
        if (c.name() != null) {
            all.add("EXISTS { (t)-[:STUDIES]->(:Condition {key: " + param(Keys.of(c.name())) + "}) }");
        }
        if (c.meshId() != null) {
            all.add("EXISTS { (t)-[:STUDIES_MESH]->(:MeshTerm)-[:BROADER*0..1]->(:MeshTerm {id: "
                    + param(MeshIds.canonical(c.meshId())) + "}) }");
        }
        if (c.meshTerm() != null) {
            all.add("EXISTS { (t)-[:STUDIES_MESH]->(:MeshTerm)-[:BROADER*0..1]->(m:MeshTerm) WHERE toLower(m.term) = "
                    + param(c.meshTerm().strip().toLowerCase(Locale.ROOT)) + " }");
        }
    }

    /**
     * An intervention by name is its node's key (type and name as {@link Keys} folds them), for the type given or
     * for every type: the same trials as the intervention's own {@code trialCount}, found through the key's index.
     */
    private void intervention(TrialWhere.InterventionFilter i, List<String> all) {
        if (i.name() != null) {
            all.add("EXISTS { (t)-[:TESTS]->(i:Intervention) WHERE i.key IN " + param(InterventionKeys.ofName(i.name(), i.type()))
                    + " }");
            return;
        }
        if (i.type() != null) {
            all.add("EXISTS { (t)-[:TESTS]->(i:Intervention) WHERE i.type = " + param(i.type()) + " }");
        }
    }

    /** The trials testing a named intervention, found from the intervention's side. */
    private String interventionTrials(TrialWhere.InterventionFilter i) {
        return "  MATCH (i:Intervention) WHERE i.key IN " + param(InterventionKeys.ofName(i.name(), i.type()))
                + "\n  MATCH (i)<-[:TESTS]-(t:Trial) RETURN DISTINCT t";
    }

    private void sponsor(TrialWhere.SponsorFilter s, List<String> all) {
        List<String> conditions = sponsorConditions(s);
        if (!conditions.isEmpty()) {
            all.add("EXISTS { (t)-[r:SPONSORED_BY]->(sp:Sponsor) WHERE " + String.join(" AND ", conditions) + " }");
        }
    }

    /** The trials of a named sponsor (in the role and of the class asked), found from the sponsor's side. */
    private String sponsorTrials(TrialWhere.SponsorFilter s) {
        return "  MATCH (sp:Sponsor)<-[r:SPONSORED_BY]-(t:Trial) WHERE " + String.join(" AND ", sponsorConditions(s))
                + " RETURN DISTINCT t";
    }

    private List<String> sponsorConditions(TrialWhere.SponsorFilter s) {
        List<String> conditions = new ArrayList<>();
        if (s.name() != null) {
            conditions.add("sp.key = " + param(Keys.of(s.name())));
        }
        if (s.agencyClass() != null) {
            conditions.add("sp.agencyClass IN " + param(s.agencyClass()));
        }
        if (Boolean.TRUE.equals(s.leadOnly())) {
            conditions.add("r.role = 'LEAD'");
        }
        return conditions;
    }

    private void range(String property, TrialWhere.DateRange range, List<String> all) {
        if (range == null) {
            return;
        }
        // Dates are ISO text at their own precision: "2020-03" sorts between "2020-01-01" and "2020-12-31".
        if (range.from() != null) {
            all.add(property + " >= " + param(range.from()));
        }
        if (range.to() != null) {
            all.add(property + " <= " + param(range.to()));
        }
    }

    private String statesConstraint(TrialWhere.ConstraintFilter c) {
        List<String> conditions = new ArrayList<>();
        conditions.add("n.concept = " + param(c.concept()));
        if (c.comparator() != null) {
            conditions.add("n.comparator = " + param(c.comparator()));
        }
        if (c.value() != null) {
            conditions.add("n.value = " + param(c.value()));
        }
        if (c.kind() != null) {
            conditions.add("r.kind = " + param(c.kind()));
        }
        return "EXISTS { (t)-[r:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(n:Constraint) WHERE "
                + String.join(" AND ", conditions) + " }";
    }

    private String allows(TrialWhere.ConstraintValue v) {
        String value = param(v.value());
        String unit = v.unit() == null ? "" : " AND n.unit = " + param(v.unit());
        String meets = String.format(MEETS, value);
        return "NOT EXISTS { (t)-[r:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(n:Constraint) WHERE n.concept = "
                + param(v.concept()) + unit + " AND n.value IS NOT NULL AND CASE WHEN r.kind = 'EXCLUSION' THEN ("
                + meets + ") ELSE NOT (" + meets + ") END }";
    }

    private String param(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return "$" + name;
    }
}
