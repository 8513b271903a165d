package org.trialgraph.facets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.trialgraph.RandomWhere;
import org.trialgraph.stats.StatsBucket;
import org.trialgraph.stats.StatsDimension;
import org.trialgraph.trial.TrialIndex;
import org.trialgraph.trial.TrialOrder;
import org.trialgraph.trial.TrialOrder.Direction;
import org.trialgraph.trial.TrialOrder.Field;
import org.trialgraph.trial.TrialWhere;

class FacetIndexTest {

    private static final List<TrialOrder> BY_ID = List.of(new TrialOrder(Field.NCT_ID, Direction.ASC));
    private static final List<TrialOrder> BY_START_DESC = List.of(new TrialOrder(Field.START_DATE, Direction.DESC),
            new TrialOrder(Field.NCT_ID, Direction.ASC));

    // Neoplasms (D000009369) > Lung Neoplasms (D000008175); Asthma (D000001249) on its own.
    private static final List<MeshTermFacts> TERMS = List.of(new MeshTermFacts("D000009369", "Neoplasms", List.of()),
            new MeshTermFacts("D000008175", "Lung Neoplasms", List.of("D000009369")),
            new MeshTermFacts("D000001249", "Asthma", List.of()));

    private static TrialFacts trial(String id, String status, String sex, String start, List<String> studies, List<String> tests) {
        return new TrialFacts(id, status, List.of("PHASE2"), "INTERVENTIONAL", sex, null, false, start, null, 10L,
                null, List.of(id.toLowerCase()), studies, tests, null, null);
    }

    private static FacetIndex index(TrialFacts... trials) {
        FacetIndex index = FacetIndex.empty();
        index.apply(List.of(), List.of(trials), TERMS);
        return index;
    }

    private static TrialWhere where() {
        return new TrialWhere(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static TrialWhere sex(List<String> sex) {
        return new TrialWhere(null, null, null, null, sex, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static TrialWhere condition(String condition) {
        return new TrialWhere(null, null, null, null, null, null, condition, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static TrialWhere mesh(String mesh) {
        return new TrialWhere(null, null, null, null, null, null, null, null, mesh, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static TrialWhere not(TrialWhere nested) {
        return new TrialWhere(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, List.of(nested));
    }

    private static List<String> ids(TrialIndex.Page page) {
        return page.nctIds();
    }

    @Test
    void anAgeIsWithinATrialsLimitsBoundsIncludedAndAMissingLimitIsNone() {
        FacetIndex index = FacetIndex.empty();
        index.apply(List.of(), List.of(aged("NCT1", 18.0, 65.0), aged("NCT2", null, 17.0), aged("NCT3", null, null),
                aged("NCT4", 0.5, null)), TERMS);
        Map<Double, List<String>> expected = Map.of(0.2, List.of("NCT2", "NCT3"), 0.5, List.of("NCT2", "NCT3", "NCT4"),
                17.5, List.of("NCT3", "NCT4"), 18.0, List.of("NCT1", "NCT3", "NCT4"),
                65.0, List.of("NCT1", "NCT3", "NCT4"), 65.5, List.of("NCT3", "NCT4"));
        expected.forEach((age, ids) -> assertThat(ids(index.page(age(age), BY_ID, List.of(), 10)))
                .as("age %s", age).isEqualTo(ids));
        assertThat(ids(index.page(not(age(40.0)), BY_ID, List.of(), 10))).containsExactly("NCT2");
    }

    @Test
    void anAgeATrialIsNotOpenToMakesTheWholeAndFalseEvenWhereAnotherOfItsFieldsIsMissing() {
        FacetIndex index = FacetIndex.empty();
        index.apply(List.of(), List.of(aged("NCT1", null, 50.0, 65.0), aged("NCT2", null, 18.0, 65.0),
                aged("NCT3", "MALE", 50.0, 65.0)), TERMS);
        TrialWhere femaleAged40 = RandomWhere.where(Map.of("sex", List.of("FEMALE"), "age", 40.0));
        // NOT (t.sex IN ['FEMALE'] AND <open to 40>): NCT1 null AND false = false, so it matches; NCT2 null AND true
        // stays null and does not; NCT3 false AND false = false.
        assertThat(ids(index.page(not(femaleAged40), BY_ID, List.of(), 10))).containsExactly("NCT1", "NCT3");
        assertThat(ids(index.page(femaleAged40, BY_ID, List.of(), 10))).isEmpty();
    }

    private static TrialFacts aged(String id, Double minimum, Double maximum) {
        return aged(id, "ALL", minimum, maximum);
    }

    private static TrialFacts aged(String id, String sex, Double minimum, Double maximum) {
        return new TrialFacts(id, "RECRUITING", List.of("PHASE2"), "INTERVENTIONAL", sex, null, false, null, null,
                10L, null, List.of(), List.of(), List.of(), minimum, maximum);
    }

    private static TrialWhere age(double age) {
        return new TrialWhere(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, age, null, null, null, null, null, null);
    }

    @Test
    void notOfAFieldLeavesOutTrialsWithoutTheFieldAsCypherDoes() {
        FacetIndex index = index(trial("NCT1", "RECRUITING", "FEMALE", null, List.of(), List.of()),
                trial("NCT2", "RECRUITING", "MALE", null, List.of(), List.of()),
                trial("NCT3", "RECRUITING", null, null, List.of(), List.of()));

        assertThat(ids(index.page(sex(List.of("FEMALE")), BY_ID, List.of(), 10))).containsExactly("NCT1");
        // NOT (t.sex IN ['FEMALE']) is null for NCT3, so it does not match.
        assertThat(ids(index.page(not(sex(List.of("FEMALE"))), BY_ID, List.of(), 10))).containsExactly("NCT2");
        assertThat(ids(index.page(not(not(sex(List.of("FEMALE")))), BY_ID, List.of(), 10))).containsExactly("NCT1");
        // An empty list is false, even for a trial without the field.
        assertThat(ids(index.page(not(sex(List.of())), BY_ID, List.of(), 10))).containsExactly("NCT1", "NCT2", "NCT3");
    }

    @Test
    void aBroadTermFindsTheTrialsOfItsNarrowerTermsByNameOrIdAndMeshAddsInterventionTerms() {
        FacetIndex index = index(trial("NCT1", "RECRUITING", "ALL", null, List.of("D000008175"), List.of()),
                trial("NCT2", "RECRUITING", "ALL", null, List.of("D000009369"), List.of()),
                trial("NCT3", "RECRUITING", "ALL", null, List.of("D000001249"), List.of("D000008175")));

        assertThat(ids(index.page(condition(" neoplasms "), BY_ID, List.of(), 10))).containsExactly("NCT1", "NCT2");
        assertThat(ids(index.page(condition("D9369"), BY_ID, List.of(), 10))).containsExactly("NCT1", "NCT2");
        assertThat(ids(index.page(condition("Lung Neoplasms"), BY_ID, List.of(), 10))).containsExactly("NCT1");
        assertThat(ids(index.page(condition("nct3"), BY_ID, List.of(), 10))).as("a condition key").containsExactly("NCT3");
        assertThat(ids(index.page(mesh("D000009369"), BY_ID, List.of(), 10))).containsExactly("NCT1", "NCT2", "NCT3");
    }

    @Test
    void pagesFollowTheOrderWithMissingDatesSmallestAndContinueStrictlyAfterTheCursor() {
        List<TrialFacts> trials = new ArrayList<>();
        // 6,000 trials: more than are sorted directly, so pages walk the order's permutation.
        IntStream.range(0, 6_000).forEach(i -> trials.add(dated(i, i % 7 == 0 ? null : "2020-%02d".formatted(1 + i % 12))));
        FacetIndex index = index(trials.toArray(TrialFacts[]::new));

        assertThat(walk(index)).isEqualTo(expectedOrder(trials));
    }

    @Test
    void anOrderKeptAcrossWritesTakesInChangedAddedAndDeletedTrials() {
        List<TrialFacts> trials = new ArrayList<>();
        IntStream.range(0, 6_000).forEach(i -> trials.add(dated(i, "2019-%02d".formatted(1 + i % 12))));
        FacetIndex index = index(trials.toArray(TrialFacts[]::new));
        walk(index); // the permutation exists now

        List<TrialFacts> written = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6_300; i += 37) {
            TrialFacts changed = dated(i, i % 2 == 0 ? null : "2021-%02d-15".formatted(1 + i % 12));
            ids.add(changed.nctId());
            if (i % 5 == 0) {
                continue; // deleted
            }
            written.add(changed);
        }
        index.apply(ids, written, List.of());
        List<TrialFacts> now = new ArrayList<>(trials);
        now.removeIf(t -> ids.contains(t.nctId()));
        now.addAll(written);

        assertThat(walk(index)).isEqualTo(expectedOrder(now));
    }

    private static TrialFacts dated(int i, String start) {
        return trial("NCT%08d".formatted(i), i % 2 == 0 ? "RECRUITING" : "COMPLETED", "ALL", start, List.of(), List.of());
    }

    private static List<String> expectedOrder(List<TrialFacts> trials) {
        return trials.stream()
                .sorted(java.util.Comparator.comparing((TrialFacts t) -> t.startDate() == null ? "" : t.startDate()).reversed()
                        .thenComparing(TrialFacts::nctId))
                .map(TrialFacts::nctId).toList();
    }

    private static List<String> walk(FacetIndex index) {
        java.util.Map<String, String> starts = new java.util.HashMap<>();
        List<String> walked = new ArrayList<>();
        List<String> cursor = List.of();
        while (true) {
            TrialIndex.Page page = index.page(where(), BY_START_DESC, cursor, 500);
            assertThat(page.total()).isEqualTo(index.size());
            if (page.nctIds().isEmpty()) {
                return walked;
            }
            walked.addAll(page.nctIds());
            String last = page.nctIds().get(page.nctIds().size() - 1);
            cursor = List.of(startOf(index, last), last);
        }
    }

    private static String startOf(FacetIndex index, String nctId) {
        TrialIndex.Page one = index.page(new TrialWhere(List.of(nctId), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                BY_START_DESC, List.of(), 1);
        assertThat(one.nctIds()).containsExactly(nctId);
        return index.startDateOf(nctId);
    }

    @Test
    void aWriteReplacesATrialsValuesAndADeletedTrialIsGone() {
        FacetIndex index = index(trial("NCT1", "RECRUITING", "FEMALE", null, List.of("D000008175"), List.of()),
                trial("NCT2", "RECRUITING", "MALE", null, List.of(), List.of()));

        index.apply(List.of("NCT1", "NCT2"), List.of(trial("NCT1", "COMPLETED", "MALE", null, List.of("D000001249"), List.of())),
                List.of());

        assertThat(index.size()).isEqualTo(1);
        assertThat(ids(index.page(sex(List.of("MALE")), BY_ID, List.of(), 10))).containsExactly("NCT1");
        assertThat(ids(index.page(condition("Neoplasms"), BY_ID, List.of(), 10))).isEmpty();
        assertThat(ids(index.page(condition("asthma"), BY_ID, List.of(), 10))).containsExactly("NCT1");
    }

    @Test
    void aFilterOnAFieldTheIndexDoesNotKeepIsLeftToCypher() {
        TrialWhere bySite = new TrialWhere(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, "a site key", null, null, null, null, null, null, null, null, null, null, null, null, null);
        FacetIndex index = index(trial("NCT1", "RECRUITING", "FEMALE", null, List.of(), List.of()));

        assertThat(index.page(bySite, BY_ID, List.of(), 10)).isNull();
        assertThat(index.page(not(bySite), BY_ID, List.of(), 10)).isNull();
        assertThat(index.groups(bySite, List.of(StatsDimension.STATUS), 0)).isNull();
        assertThat(index.page(where(), List.of(new TrialOrder(Field.TITLE, Direction.ASC), BY_ID.get(0)), List.of(), 10)).isNull();
    }

    // ---- trialStats ----

    private static TrialFacts withStats(String id, String status, List<String> phases, Long enrollment,
            List<TrialFacts.SponsorFacts> sponsors, List<String> countries) {
        return new TrialFacts(id, status, phases, "INTERVENTIONAL", "ALL", null, false, null, null, enrollment, null,
                List.of(), List.of(), List.of(), Map.of(), sponsors, countries, List.of(), null, null);
    }

    private static List<String> buckets(List<StatsBucket> buckets) {
        return buckets.stream().map(b -> String.join("/", b.keys()) + "=" + b.trials() + "," + (long) b.enrollmentSum()
                + "," + b.sponsors()).toList();
    }

    @Test
    void groupsCountATrialInEachPairOfItsValuesWithNoneForAMissingOneAndSumEnrollment() {
        TrialFacts.SponsorFacts acme = new TrialFacts.SponsorFacts("acme", "Acme", "INDUSTRY", true);
        FacetIndex index = index(withStats("NCT1", "RECRUITING", List.of("PHASE1", "PHASE2"), 10L, List.of(acme), List.of()),
                withStats("NCT2", "RECRUITING", List.of("PHASE2"), null, List.of(acme), List.of("France")),
                withStats("NCT3", null, List.of(), 5L, List.of(), List.of("France")));

        assertThat(buckets(index.groups(null, List.of(StatsDimension.PHASE, StatsDimension.STATUS), 10)))
                .containsExactly("PHASE2/RECRUITING=2,10,1", "(none)/(none)=1,5,0", "PHASE1/RECRUITING=1,10,1");
        assertThat(buckets(index.groups(null, List.of(StatsDimension.COUNTRY), 1)))
                .containsExactly("France=2,5,1", "(none)=1,10,null");
    }

    @Test
    void aSharedSponsorsClassChangedByAnotherTrialsWriteMovesTheTrialsItLeadsAndADeleteLeavesTheCountry() {
        FacetIndex index = index(withStats("NCT1", "RECRUITING", List.of(), 1L,
                List.of(new TrialFacts.SponsorFacts("acme", "Acme", "OTHER", true)), List.of("France")));
        List<StatsDimension> byClass = List.of(StatsDimension.SPONSOR_CLASS);
        assertThat(buckets(index.groups(null, byClass, 0))).containsExactly("OTHER=1,1,null");

        // NCT2 names Acme as a collaborator with another class: the graph's shared Sponsor node now has that class.
        index.apply(List.of("NCT2"), List.of(withStats("NCT2", "COMPLETED", List.of(), 2L,
                List.of(new TrialFacts.SponsorFacts("lab", "Lab", null, true),
                        new TrialFacts.SponsorFacts("acme", "Acme", "INDUSTRY", false)), List.of())), List.of());
        assertThat(buckets(index.groups(null, byClass, 5))).containsExactly("(none)=1,2,1", "INDUSTRY=1,1,1");

        TrialWhere inFrance = new TrialWhere(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, "France", null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(index.page(inFrance, BY_ID, List.of(), 10).nctIds()).containsExactly("NCT1");
        index.apply(List.of("NCT1"), List.of(), List.of());
        assertThat(index.page(inFrance, BY_ID, List.of(), 10).nctIds()).isEmpty();
        assertThat(buckets(index.groups(null, List.of(StatsDimension.LEAD_SPONSOR), 5))).containsExactly("Lab=1,2,1");
    }
}
