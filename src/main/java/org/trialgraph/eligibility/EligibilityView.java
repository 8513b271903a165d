package org.trialgraph.eligibility;

import java.util.List;

/** Eligibility as the GraphQL schema shows it, built from the graph or straight from the engine. */
public final class EligibilityView {

    private EligibilityView() {
    }

    public record Eligibility(String text, List<Section> sections) {
    }

    public record Section(String heading, String kind, List<Item> criteria) {
    }

    public record Item(int position, String text, String plainText, Criterion criterion) {
    }

    public record Criterion(String key, String text, String plainText, long trialCount, List<Constraint> constraints) {
    }

    public record Constraint(String key, String concept, String comparator, Double value, Double upperValue,
            String unit, String label) {
    }
}
