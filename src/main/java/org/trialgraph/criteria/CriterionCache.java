package org.trialgraph.criteria;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the engine read from one criterion (key, plain text, constraints), by its exact text and section kind.
 * Criteria repeat across trials ("Pregnant or breastfeeding", "Age &gt;= 18 years"), so an import reads each common
 * one once. Bounded and thread-safe: {@value #STRIPES} stripes, each a small LRU map under its own lock; texts longer
 * than {@value #MAX_TEXT} characters (rarely repeated) are not kept. A value is computed outside the lock, so two
 * threads may both compute one; they get equal results, as the engine is deterministic.
 */
final class CriterionCache {

    record Key(String text, String flatText, CriterionKind kind) {
    }

    record Reading(String key, String plainText, List<Constraint> constraints) {
    }

    // 65,536 readings (texts of at most 500 characters: < 100 MB, typically far less). Simulated on 10k-50k generated
    // registry studies, 16 x 256 entries hit 16 % of criteria, 16 x 4,096 hit 29-30 %, nearly all that repeat at all
    // (docs/BENCHMARKS.md, "Import speed").
    static final int STRIPES = 16;
    static final int ENTRIES_PER_STRIPE = 4_096;
    static final int MAX_TEXT = 500;

    private final Stripe[] stripes = new Stripe[STRIPES];

    CriterionCache() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    Reading get(Key key, Supplier<Reading> read) {
        if (key.text().length() > MAX_TEXT || key.flatText().length() > MAX_TEXT) {
            return read.get();
        }
        Stripe stripe = stripes[Math.floorMod(key.hashCode(), STRIPES)];
        Reading cached;
        synchronized (stripe) {
            cached = stripe.get(key);
        }
        if (cached != null) {
            return cached;
        }
        Reading fresh = read.get();
        synchronized (stripe) {
            stripe.put(key, fresh);
        }
        return fresh;
    }

    int size() {
        int n = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                n += s.size();
            }
        }
        return n;
    }

    /** Access-ordered map that drops its least recently used entry beyond the limit. */
    private static final class Stripe extends LinkedHashMap<Key, Reading> {

        Stripe() {
            super(ENTRIES_PER_STRIPE * 2, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Reading> eldest) {
            return size() > ENTRIES_PER_STRIPE;
        }
    }
}
