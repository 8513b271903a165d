package org.trialgraph.facets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

import org.trialgraph.ingest.Keys;
import org.trialgraph.ingest.MeshIds;
import org.trialgraph.trial.TrialWhere;

/**
 * A {@link TrialWhere} evaluated on the index's bitmaps exactly as {@code trial.TrialFilterCypher} evaluates it in
 * Cypher, three-valued logic included: {@code t.sex IN [...]} is null, not false, for a trial without a sex, so
 * {@code NOT {sex: [FEMALE]}} does not match it either. Each predicate therefore gives the trials where it is true
 * and those where it is null; a trial matches when the whole filter is true.
 */
final class FacetFilter {

    /** The filter with no field: every trial. */
    private static final TrialWhere EVERY_TRIAL = new TrialWhere(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null);

    /**
     * The trials where a predicate is true, and (computed only when a NOT or OR needs it) those where it is null;
     * false: the rest.
     */
    private static final class Truth {

        private final RoaringBitmap yes;
        private Supplier<RoaringBitmap> unknownOf;
        private RoaringBitmap unknown;

        Truth(RoaringBitmap yes, Supplier<RoaringBitmap> unknown) {
            this.yes = yes;
            this.unknownOf = unknown;
        }

        RoaringBitmap yes() {
            return yes;
        }

        RoaringBitmap unknown() {
            if (unknown == null) {
                unknown = unknownOf.get();
                unknownOf = null;
            }
            return unknown;
        }
    }

    private final FacetIndex index;

    FacetFilter(FacetIndex index) {
        this.index = index;
    }

    /** Whether every field given (at any depth of AND / OR / NOT) is one the index answers. */
    static boolean covers(TrialWhere w) {
        if (w == null) {
            return true;
        }
        boolean onlyCoveredFields = coveredFields(w, w.AND(), w.OR(), w.NOT()).equals(w);
        return onlyCoveredFields && all(w.AND()) && all(w.OR()) && all(w.NOT());
    }

    /**
     * The filter's top-level fields that the index answers, with the AND, OR and NOT lists given: the one place that
     * lists them, so a field that joins the index is added here alone.
     */
    private static TrialWhere coveredFields(TrialWhere w, List<TrialWhere> and, List<TrialWhere> or,
            List<TrialWhere> not) {
        return new TrialWhere(w.nctIds(), w.overallStatus(), w.phase(), w.studyType(), w.sex(),
                w.healthyVolunteers(), w.condition(), w.conditionFilter(), w.mesh(), null, null, null, null, null,
                w.country(), null, null, null, null, null, null, null, w.age(), w.hasResults(), null, null, and, or,
                not);
    }

    private static boolean all(List<TrialWhere> nested) {
        return nested == null || nested.stream().allMatch(FacetFilter::covers);
    }

    /**
     * The part of the filter the index answers, as {@link org.trialgraph.trial.TrialIndex#coveredPart} describes it:
     * its covered top-level fields, the covered parts of its AND members, and its OR and NOT lists only when covered
     * whole (the covered part of a NOT would match fewer trials, not more). Every trial the filter matches, the part
     * matches: it is a conjunction of some of the filter's conjuncts, or of conjuncts matching more.
     */
    static TrialWhere coveredPart(TrialWhere w) {
        if (w == null || covers(w)) {
            return w;
        }
        List<TrialWhere> and = w.AND() == null ? List.of()
                : w.AND().stream().map(FacetFilter::coveredPart).filter(Objects::nonNull).toList();
        TrialWhere part = coveredFields(w, and.isEmpty() ? null : and, all(w.OR()) ? w.OR() : null,
                all(w.NOT()) ? w.NOT() : null);
        return part.equals(EVERY_TRIAL) ? null : part;
    }

    /** The trials the filter matches (null: every trial); may be one of the index's own bitmaps: read only. */
    RoaringBitmap matches(TrialWhere where) {
        return where == null ? index.all() : truth(where).yes();
    }

    private Truth truth(TrialWhere w) {
        List<Truth> all = new ArrayList<>();
        if (w.nctIds() != null) {
            all.add(known(or(w.nctIds().stream().map(index::trialsOf).toList())));
        }
        if (w.overallStatus() != null) {
            all.add(in(index.status, w.overallStatus()));
        }
        if (w.phase() != null) {
            // any(p IN coalesce(t.phases, []) WHERE ...) is never null
            all.add(known(or(w.phase().stream().map(p -> index.phase.get(p)).toList())));
        }
        if (w.studyType() != null) {
            all.add(in(index.studyType, w.studyType()));
        }
        if (w.sex() != null) {
            all.add(in(index.sex, w.sex()));
        }
        if (w.healthyVolunteers() != null) {
            all.add(in(index.healthyVolunteers, List.of(w.healthyVolunteers().toString())));
        }
        if (w.condition() != null) {
            all.add(known(condition(w.condition())));
        }
        if (w.conditionFilter() != null) {
            all.add(conditionFilter(w.conditionFilter()));
        }
        if (w.mesh() != null) {
            all.add(known(index.meshSubtree(MeshIds.canonical(w.mesh()))));
        }
        if (w.hasResults() != null) {
            all.add(in(index.hasResults, List.of(w.hasResults().toString())));
        }
        if (w.country() != null) {
            // EXISTS { (t)-[:RECRUITS_AT]->(:Site)-[:IN]->(:Country {name: $country}) }: never null
            all.add(known(index.country.getOrDefault(w.country(), new RoaringBitmap())));
        }
        if (w.AND() != null) {
            w.AND().forEach(nested -> all.add(truth(nested)));
        }
        if (w.OR() != null && !w.OR().isEmpty()) {
            all.add(or3(w.OR().stream().map(this::truth).toList()));
        }
        if (w.NOT() != null) {
            w.NOT().forEach(nested -> all.add(not(truth(nested))));
        }
        Truth rest = and3(all);
        return w.age() == null ? rest : openTo(rest, w.age());
    }

    /**
     * The rest of the filter AND the age: the age (never null: TrialFilterCypher coalesces missing limits) is tested
     * only on the trials the rest leaves, not on every trial.
     */
    private Truth openTo(Truth rest, double age) {
        return new Truth(index.openTo(rest.yes(), age), () -> index.openTo(rest.unknown(), age));
    }

    /** As TrialFilterCypher's condition(String): a condition name, a MeSH term's name or id, narrower terms included. */
    private RoaringBitmap condition(String condition) {
        String text = condition.strip();
        List<RoaringBitmap> any = new ArrayList<>();
        any.add(index.condition(Keys.of(text)));
        any.add(termsNamed(text));
        if (MeshIds.looksLikeId(text)) {
            any.add(index.conditionSubtree(MeshIds.canonical(text)));
        }
        return or(any);
    }

    private Truth conditionFilter(TrialWhere.ConditionFilter c) {
        List<Truth> all = new ArrayList<>();
        if (c.name() != null) {
            all.add(known(index.condition(Keys.of(c.name()))));
        }
        if (c.meshId() != null) {
            all.add(known(index.conditionSubtree(MeshIds.canonical(c.meshId()))));
        }
        if (c.meshTerm() != null) {
            all.add(known(termsNamed(c.meshTerm().strip())));
        }
        return and3(all);
    }

    private RoaringBitmap termsNamed(String name) {
        return or(index.termsNamed(name.toLowerCase(Locale.ROOT)).stream().map(index::conditionSubtree).toList());
    }

    /** {@code t.field IN values}: null for a trial without the field, unless the list is empty (then false). */
    private Truth in(Map<String, RoaringBitmap> field, Collection<String> values) {
        if (values.isEmpty()) {
            return known(new RoaringBitmap());
        }
        RoaringBitmap yes = or(values.stream().map(field::get).toList());
        return new Truth(yes, () -> RoaringBitmap.andNot(index.all(), or(List.copyOf(field.values()))));
    }

    private static Truth known(RoaringBitmap yes) {
        return new Truth(yes, RoaringBitmap::new);
    }

    private Truth and3(List<Truth> all) {
        if (all.isEmpty()) {
            return known(index.all());
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        RoaringBitmap yes = FastAggregation.and(all.stream().map(Truth::yes).iterator());
        return new Truth(yes, () -> rest(yes, or(all.stream().map(this::no).toList())));
    }

    private Truth or3(List<Truth> any) {
        if (any.size() == 1) {
            return any.get(0);
        }
        RoaringBitmap yes = or(any.stream().map(Truth::yes).toList());
        return new Truth(yes, () -> rest(yes, FastAggregation.and(any.stream().map(this::no).iterator())));
    }

    private Truth not(Truth t) {
        return new Truth(no(t), t::unknown);
    }

    private RoaringBitmap no(Truth t) {
        return RoaringBitmap.andNot(RoaringBitmap.andNot(index.all(), t.yes()), t.unknown());
    }

    private RoaringBitmap rest(RoaringBitmap yes, RoaringBitmap no) {
        return RoaringBitmap.andNot(RoaringBitmap.andNot(index.all(), yes), no);
    }

    private static RoaringBitmap or(List<RoaringBitmap> bitmaps) {
        List<RoaringBitmap> present = bitmaps.stream().filter(b -> b != null).toList();
        return present.isEmpty() ? new RoaringBitmap() : FastAggregation.or(present.iterator());
    }
}
