package org.trialgraph.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The galloping look-up in a posting list finds what a linear scan finds. */
class GallopingLookupTest {

    @Test
    void findsTheFirstIndexAtOrAfterTheStartHoldingAtLeastTheValue() {
        Random random = new Random(7);
        for (int run = 0; run < 3000; run++) {
            int[] sorted = random.ints(random.nextInt(300), 0, 2000).sorted().distinct().toArray();
            int from = random.nextInt(sorted.length + 1);
            int value = random.nextInt(2010) - 5;

            assertThat(IndexedSearch.firstAtLeast(sorted, from, value))
                    .as("from %d, value %d in %d postings", from, value, sorted.length)
                    .isEqualTo(linear(sorted, from, value));
        }
    }

    @Test
    void findsEveryHeldValueAndTheEndPastTheLast() {
        int[] sorted = {1, 4, 9, 16, 25, 36, 49, 64, 81, 100};
        int p = 0;
        for (int i = 0; i < sorted.length; i++) {
            p = IndexedSearch.firstAtLeast(sorted, p, sorted[i]);
            assertThat(p).isEqualTo(i);
        }
        assertThat(IndexedSearch.firstAtLeast(sorted, 0, 101)).isEqualTo(sorted.length);
        assertThat(IndexedSearch.firstAtLeast(new int[0], 0, 5)).isZero();
    }

    private static int linear(int[] sorted, int from, int value) {
        int p = from;
        while (p < sorted.length && sorted[p] < value) {
            p++;
        }
        return p;
    }
}
