package org.trialgraph.eligibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

import org.springframework.stereotype.Repository;

import org.trialgraph.eligibility.EligibilityView.Constraint;
import org.trialgraph.eligibility.EligibilityView.Criterion;
import org.trialgraph.eligibility.EligibilityView.Item;
import org.trialgraph.eligibility.EligibilityView.Section;
import org.trialgraph.ingest.AnswersUntilWritten;
import org.trialgraph.ingest.KeptAnswers;
import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.paging.Connection;
import org.trialgraph.paging.Cursors;
import org.trialgraph.trial.Trial;

/** Reads criteria, their constraints and the trials that state them. */
@Repository
class EligibilityRepository {

    private static final String CRITERIA_OF_TRIALS = """
            UNWIND $ids AS id
            MATCH (:Trial {nctId: id})-[r:HAS_CRITERION]->(c:Criterion)
            RETURN id, r.sectionIndex AS sectionIndex, r.section AS section, r.kind AS kind, r.position AS position,
                   coalesce(r.text, c.text) AS statedText, %s AS criterion
            ORDER BY id, sectionIndex, position
            """.formatted(Criterion.PROJECTION);

    private static final String CRITERION = """
            MATCH (c:Criterion {key: $key})
            RETURN %s AS criterion
            """.formatted(Criterion.PROJECTION);

    private static final String TRIAL_COUNTS = """
            UNWIND $keys AS key
            MATCH (c:Criterion {key: key})
            RETURN c.key AS key, c.trialCount AS trialCount
            """;

    // Keyset pagination in the list's order: most trials first, then by key. %s (after the projection is put in) is
    // where the criteria come from. Every criterion has a trialCount; saying so lets the planner walk the
    // criterion_trial_count index in the page's order and stop after the page, instead of sorting every criterion
    // of the graph (6.5 M at 580k).
    static final String CRITERIA_PAGE = """
            %%s
              AND c.trialCount IS NOT NULL
              AND ($afterCount IS NULL OR c.trialCount < $afterCount
                   OR (c.trialCount = $afterCount AND c.key > $afterKey))
            RETURN %s AS criterion
            ORDER BY c.trialCount DESC, c.key
            LIMIT $limit
            """.formatted(Criterion.PROJECTION);

    private static final String CRITERIA_COUNT = """
            %s
            RETURN count(c) AS total
            """;

    private static final String TRIALS_OF_CRITERION = TrialPages.of(
            "MATCH (c:Criterion {key: $key})<-[:HAS_CRITERION]-(t:Trial)");

    private final AutoCommitReads reads;
    private final CriteriaCatalog catalog;
    /**
     * Totals of {@code criteria(search:)} by search until the next write: a user paging through the criteria of a
     * common word asks the same total on every page, and counting it walks every match in the word index again
     * (30-170k criteria for a common word at the registry's size, most of the request's time).
     */
    private final AnswersUntilWritten<CriteriaSearch, Long> searchTotals;

    EligibilityRepository(AutoCommitReads reads, KeptAnswers keptAnswers) {
        this.reads = reads;
        this.catalog = new CriteriaCatalog(reads, CriteriaCatalog.SCAN);
        this.searchTotals = keptAnswers.untilWritten("trialgraph.criteria.total-cache-size");
    }

    /** The stored sections of each trial, in the order written. */
    Map<String, List<Section>> sectionsOf(Collection<String> nctIds) {
        Map<String, List<Record>> rows = new LinkedHashMap<>();
        nctIds.forEach(id -> rows.put(id, new ArrayList<>()));
        reads.read(CRITERIA_OF_TRIALS, Map.of("ids", List.copyOf(nctIds)))
                .forEach(r -> rows.get(r.get("id").asString()).add(r));
        Map<String, List<Section>> sections = new HashMap<>();
        rows.forEach((id, criteria) -> sections.put(id, sections(criteria)));
        return sections;
    }

    /**
     * One trial's sections from its criterion rows, ordered by section and position: {@code sectionIndex, section,
     * kind, position, statedText, criterion} (a row of CRITERIA_OF_TRIALS or an entry of EligibilityPart's list); a
     * null statedText is the criterion's own text.
     */
    static List<Section> sections(List<? extends MapAccessor> rows) {
        Map<Integer, SectionBuilder> builders = new LinkedHashMap<>();
        for (MapAccessor r : rows) {
            SectionBuilder section = builders.computeIfAbsent(r.get("sectionIndex").asInt(),
                    i -> new SectionBuilder(r.get("section").asString(""), r.get("kind").asString()));
            Criterion criterion = criterion(r.get("criterion"));
            String statedText = r.get("statedText").isNull() ? criterion.text() : r.get("statedText").asString();
            section.items.add(new Item(r.get("position").asInt(), statedText, criterion));
        }
        return builders.values().stream().map(SectionBuilder::build).toList();
    }

    Optional<Criterion> findCriterion(String key) {
        return reads.read(CRITERION, Map.of("key", key)).stream()
                .findFirst().map(r -> criterion(r.get("criterion")));
    }

    /** How many trials state each of these criteria; absent keys are stated by none. */
    Map<String, Long> trialCounts(Collection<String> keys) {
        Map<String, Long> counts = new HashMap<>();
        reads.read(TRIAL_COUNTS, Map.of("keys", List.copyOf(keys)))
                .forEach(r -> counts.put(r.get("key").asString(), r.get("trialCount").asLong(0)));
        return counts;
    }

    /** A page of criteria; {@code totalCount} is -1 unless {@code withTotal}. */
    Connection<Criterion> criteria(String search, int first, String after, boolean withTotal) {
        CriteriaSearch matching = CriteriaSearch.of(search);
        List<String> cursor = Cursors.decode(after, 2);
        Long afterCount = cursor.isEmpty() ? null : Long.parseLong(cursor.get(0));
        String afterKey = cursor.isEmpty() ? null : cursor.get(1);
        List<Criterion> rows = matching.all() ? catalog.page(afterCount, afterKey, first + 1)
                : searchPage(matching, afterCount, afterKey, first + 1);
        long total = !withTotal ? -1 : cursor.isEmpty() && rows.size() <= first ? rows.size() : total(matching);
        return Connection.of(rows, first, total, c -> Cursors.encode(c.trialCount(), c.key()));
    }

    private List<Criterion> searchPage(CriteriaSearch matching, Long afterCount, String afterKey, int limit) {
        Map<String, Object> params = new HashMap<>(matching.parameters());
        params.put("afterCount", afterCount);
        params.put("afterKey", afterKey);
        params.put("limit", limit);
        return reads.read(CRITERIA_PAGE.formatted(matching.cypher()), params).stream()
                .map(r -> criterion(r.get("criterion"))).toList();
    }

    private long total(CriteriaSearch matching) {
        return searchTotals.get(matching, () -> reads.read(CRITERIA_COUNT.formatted(matching.cypher()),
                matching.parameters()).get(0).get("total").asLong());
    }

    Connection<Trial> trialsOf(Criterion criterion, int first, String after) {
        return TrialPages.byNctId(reads, TRIALS_OF_CRITERION, criterion.key(), criterion.trialCount(), first, after);
    }

    static Criterion criterion(Value c) {
        return Criterion.from(c);
    }

    static Constraint constraint(Value n) {
        return Constraint.from(n);
    }

    private static final class SectionBuilder {
        private final String heading;
        private final String kind;
        private final List<Item> items = new ArrayList<>();

        SectionBuilder(String heading, String kind) {
            this.heading = heading;
            this.kind = kind;
        }

        Section build() {
            return new Section(heading, kind, List.copyOf(items));
        }
    }
}
