package org.trialgraph.criteria;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An annotated criteria set (TSV resource: nct_id, criterion, expected constraint keys separated by " ; "). */
record AnnotatedSet(String name, List<Item> items) {

    record Item(String nctId, String text, Set<String> expected) {
    }

    /** Counts of matched, predicted and expected constraints; a match needs concept, comparator, values, unit equal. */
    record Score(int truePositives, int predicted, int expected) {

        double precision() {
            return predicted == 0 ? 1 : (double) truePositives / predicted;
        }

        double recall() {
            return expected == 0 ? 1 : (double) truePositives / expected;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format("P=%.3f R=%.3f F1=%.3f (tp=%d, predicted=%d, expected=%d)", precision(), recall(), f1(),
                    truePositives, predicted, expected);
        }
    }

    static AnnotatedSet load(String resource) {
        try (InputStream in = AnnotatedSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing resource " + resource);
            }
            List<Item> items = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                Set<String> expected = new HashSet<>();
                if (cols.length > 2 && !cols[2].isBlank()) {
                    Arrays.stream(cols[2].split(" ; ")).map(String::strip).forEach(expected::add);
                }
                items.add(new Item(cols[0], cols[1], expected));
            }
            return new AnnotatedSet(resource, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Score score(EligibilityEngine engine, StringBuilder mismatches) {
        int tp = 0;
        int predicted = 0;
        int expected = 0;
        for (Item item : items) {
            Set<String> got = new HashSet<>();
            engine.constraintsOf(item.text()).forEach(c -> got.add(c.key()));
            Set<String> hit = new HashSet<>(got);
            hit.retainAll(item.expected());
            tp += hit.size();
            predicted += got.size();
            expected += item.expected().size();
            if (mismatches != null && !got.equals(item.expected())) {
                mismatches.append(item.nctId()).append(": ").append(item.text()).append("\n   expected ")
                        .append(item.expected()).append("\n   got      ").append(got).append('\n');
            }
        }
        return new Score(tp, predicted, expected);
    }
}
