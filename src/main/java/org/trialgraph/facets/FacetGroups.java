package org.trialgraph.facets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.roaringbitmap.IntConsumer;
import org.roaringbitmap.RoaringBitmap;

import org.trialgraph.stats.StatsBucket;
import org.trialgraph.stats.StatsDimension;

/**
 * {@code trialStats} over the index, as {@code stats.TrialStatsRepository}'s Cypher computes it: each matching trial
 * counts once in every (value, value) pair of its values in the two dimensions (a dimension without a value:
 * "(none)"), with its enrollment (missing: 0) summed; groups ordered by {@link StatsBucket#ORDER}; the distinct lead
 * sponsors counted, in a second pass, only for the first groups asked (the rest become "(other)", which has none).
 * One pass over the matches costs about a microsecond per trial or less; no group is a bitmap operation, so a
 * dimension with many values (conditions, sponsors) costs no more than one with few. Runs under the index's read lock.
 */
final class FacetGroups {

    /** Group ids as dense array slots when both dimensions have at most this many combinations, else in a map. */
    private static final int DENSE_GROUPS = 1 << 16;

    private final FacetIndex index;

    FacetGroups(FacetIndex index) {
        this.index = index;
    }

    /** A grouped trial's key: the two value ids. */
    private record Group(int first, int second, StatsBucket bucket) {
    }

    List<StatsBucket> groups(RoaringBitmap matches, List<StatsDimension> groupBy, int sponsorsFor) {
        Column first = column(groupBy.get(0));
        Column second = groupBy.size() == 2 ? column(groupBy.get(1)) : new Constant();
        int width = second.names().size();
        boolean dense = (long) first.names().size() * width <= DENSE_GROUPS;
        long[] denseTrials = dense ? new long[first.names().size() * width] : null;
        long[] denseEnrollment = dense ? new long[denseTrials.length] : null;
        Sparse sparse = dense ? null : new Sparse();
        matches.forEach((IntConsumer) o -> {
            first.read(o);
            second.read(o);
            long enrollment = index.enrollmentOrZero(o);
            for (int i = 0; i < first.count; i++) {
                for (int j = 0; j < second.count; j++) {
                    if (dense) {
                        int slot = first.values[i] * width + second.values[j];
                        denseTrials[slot]++;
                        denseEnrollment[slot] += enrollment;
                    } else {
                        sparse.add(key(first.values[i], second.values[j]), enrollment);
                    }
                }
            }
        });
        List<Group> groups = new ArrayList<>();
        boolean pair = groupBy.size() == 2;
        if (dense) {
            for (int slot = 0; slot < denseTrials.length; slot++) {
                if (denseTrials[slot] > 0) {
                    groups.add(group(first, second, slot / width, slot % width, denseTrials[slot], denseEnrollment[slot], pair));
                }
            }
        } else {
            sparse.slots.forEachKeyValue((key, slot) -> groups.add(group(first, second, (int) (key >>> 32), (int) key,
                    sparse.trials[slot], sparse.enrollment[slot], pair)));
        }
        groups.sort((a, b) -> StatsBucket.ORDER.compare(a.bucket(), b.bucket()));
        if (sponsorsFor > 0) {
            countLeadSponsors(matches, first, second, groups, Math.min(sponsorsFor, groups.size()));
        }
        return groups.stream().map(Group::bucket).toList();
    }

    /** Sums per group when the dimensions have too many combinations for arrays: a slot per group seen. */
    private static final class Sparse {

        final LongIntHashMap slots = new LongIntHashMap();
        long[] trials = new long[256];
        long[] enrollment = new long[256];

        void add(long key, long enrollmentOfTrial) {
            int slot = slots.getIfAbsentPut(key, slots.size());
            if (slot == trials.length) {
                trials = Arrays.copyOf(trials, slot * 2);
                enrollment = Arrays.copyOf(enrollment, slot * 2);
            }
            trials[slot]++;
            enrollment[slot] += enrollmentOfTrial;
        }
    }

    private static Group group(Column first, Column second, int a, int b, long trials, long enrollment, boolean pair) {
        List<String> keys = pair ? List.of(first.names().name(a), second.names().name(b)) : List.of(first.names().name(a));
        return new Group(a, b, new StatsBucket(keys, trials, enrollment, null));
    }

    /** The distinct lead sponsors (by sponsor node) of the trials of each of the first {@code top} groups. */
    private void countLeadSponsors(RoaringBitmap matches, Column first, Column second, List<Group> groups, int top) {
        LongIntHashMap slots = new LongIntHashMap(top * 2);
        RoaringBitmap[] sponsors = new RoaringBitmap[top];
        for (int i = 0; i < top; i++) {
            slots.put(key(groups.get(i).first(), groups.get(i).second()), i);
            sponsors[i] = new RoaringBitmap();
        }
        matches.forEach((IntConsumer) o -> {
            int[] leads = index.leadSponsorsOf[o];
            if (leads == null) {
                return;
            }
            first.read(o);
            second.read(o);
            for (int i = 0; i < first.count; i++) {
                for (int j = 0; j < second.count; j++) {
                    int slot = slots.getIfAbsent(key(first.values[i], second.values[j]), -1);
                    if (slot >= 0) {
                        sponsors[slot].add(leads);
                    }
                }
            }
        });
        for (int i = 0; i < top; i++) {
            Group g = groups.get(i);
            StatsBucket b = g.bucket();
            long count = sponsors[i].getLongCardinality();
            groups.set(i, new Group(g.first(), g.second(), new StatsBucket(b.keys(), b.trials(), b.enrollmentSum(), count)));
        }
    }

    private static long key(int first, int second) {
        return ((long) first << 32) | (second & 0xffffffffL);
    }

    /**
     * One dimension's values of one trial at a time ({@link #read}), as ids in its {@link Names}; "(none)" when it has
     * none. {@code values} may be the index's own (shared) array: read only.
     */
    private abstract static class Column {

        int[] values;
        int count;
        private int[] own = new int[8];

        abstract Names names();

        abstract void read(int ordinal);

        /** The value of a single-valued column (-1: none). */
        final void single(int id) {
            own[0] = id < 0 ? Names.NONE : id;
            values = own;
            count = 1;
        }

        /** The values kept in the index (null: none). */
        final void use(int[] kept) {
            if (kept == null || kept.length == 0) {
                own[0] = Names.NONE;
                values = own;
                count = 1;
            } else {
                values = kept;
                count = kept.length;
            }
        }

        /** Values gathered one by one: start, add, finish. */
        final void start() {
            values = own;
            count = 0;
        }

        final void add(int id, boolean distinct) {
            if (distinct) {
                for (int i = 0; i < count; i++) {
                    if (own[i] == id) {
                        return;
                    }
                }
            }
            if (count == own.length) {
                own = Arrays.copyOf(own, own.length * 2);
                values = own;
            }
            own[count++] = id;
        }

        final void finish() {
            if (count == 0) {
                own[0] = Names.NONE;
                count = 1;
            }
        }
    }

    /** The second dimension of a one-dimension request: '' for every trial, as the Cypher path's constant. */
    private static final class Constant extends Column {

        private static final Names NAMES = new Names();
        private static final int EMPTY = NAMES.id("");

        @Override
        Names names() {
            return NAMES;
        }

        @Override
        void read(int ordinal) {
            single(EMPTY);
        }
    }

    private Column column(StatsDimension dimension) {
        FacetIndex x = index;
        return switch (dimension) {
            case PHASE -> column(x.phaseNames, (o, c) -> c.use(x.phasesOf[o]));
            case STATUS -> column(x.statusNames, (o, c) -> c.single(x.statusOf[o]));
            case STUDY_TYPE -> column(x.studyTypeNames, (o, c) -> c.single(x.studyTypeOf[o]));
            case START_YEAR -> column(x.startYearNames, (o, c) -> c.single(x.startYearOf[o]));
            case COUNTRY -> column(x.countryNames, (o, c) -> c.use(x.countriesOf[o]));
            case INTERVENTION_TYPE -> column(x.interventionTypeNames, (o, c) -> c.use(x.interventionTypesOf[o]));
            case LEAD_SPONSOR -> column(x.sponsorNames, (o, c) -> {
                c.start();
                for (int s : orEmpty(x.leadSponsorsOf[o])) {
                    c.add(x.sponsorNameOf[s], false);
                }
                c.finish();
            });
            case SPONSOR_CLASS -> column(x.sponsorClassNames, (o, c) -> {
                c.start();
                for (int s : orEmpty(x.leadSponsorsOf[o])) {
                    if (x.sponsorClassOf[s] >= 0) {
                        c.add(x.sponsorClassOf[s], false);
                    }
                }
                c.finish();
            });
            case CONDITION -> column(x.conditionNames, (o, c) -> {
                c.start();
                for (String key : orEmpty(x.conditionsOf[o])) {
                    Integer name = x.conditionNameOf.get(key);
                    if (name != null) {
                        c.add(name, true);
                    }
                }
                c.finish();
            });
            case MESH_BRANCH -> column(x.meshNames, (o, c) -> {
                c.start();
                for (String term : orEmpty(x.studiesMeshOf[o])) {
                    for (int branch : x.branchesOf(term)) {
                        c.add(branch, true);
                    }
                }
                c.finish();
            });
        };
    }

    /** Puts one trial's values into the column. */
    private interface Reader {
        void read(int ordinal, Column into);
    }

    private static Column column(Names names, Reader reader) {
        return new Column() {
            @Override
            Names names() {
                return names;
            }

            @Override
            void read(int ordinal) {
                reader.read(ordinal, this);
            }
        };
    }

    private static final int[] NO_INTS = new int[0];
    private static final String[] NO_STRINGS = new String[0];

    private static int[] orEmpty(int[] values) {
        return values == null ? NO_INTS : values;
    }

    private static String[] orEmpty(String[] values) {
        return values == null ? NO_STRINGS : values;
    }
}
