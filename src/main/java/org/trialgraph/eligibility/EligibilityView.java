package org.trialgraph.eligibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.neo4j.driver.Value;

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

        /**
         * From a projection {@code c {.key, .text, plainText: coalesce(c.plainText, c.text), .trialCount, constraints:
         * [n {.*}, ...]}} (a node keeps {@code plainText} only where it differs from its text); text and
         * constraints may be left out of it (null and none) when nothing asks for them.
         */
        public static Criterion from(Value c) {
            List<Constraint> constraints = new ArrayList<>(c.get("constraints").isNull() ? List.of()
                    : c.get("constraints").asList(Constraint::from));
            constraints.sort(Comparator.comparing(Constraint::key));
            return new Criterion(c.get("key").asString(), c.get("text").isNull() ? null : c.get("text").asString(),
                    c.get("plainText").asString(""), c.get("trialCount").asLong(0), constraints);
        }
    }

    public record Constraint(String key, String concept, String comparator, Double value, Double upperValue,
            String unit, String label) {

        /** From a Constraint node or its projection {@code n {.*}}. */
        public static Constraint from(Value n) {
            return new Constraint(n.get("key").asString(), n.get("concept").asString(), n.get("comparator").asString(),
                    n.get("value").isNull() ? null : n.get("value").asDouble(),
                    n.get("upperValue").isNull() ? null : n.get("upperValue").asDouble(), n.get("unit").asString(""),
                    n.get("label").asString());
        }
    }
}
