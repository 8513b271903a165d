package org.trialgraph.eligibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.neo4j.driver.Value;

import org.trialgraph.criteria.GlossaryPlainLanguageRenderer;

/**
 * Eligibility as the GraphQL schema shows it, built from the graph or straight from the engine. A criterion's plain
 * text is rendered from its text when asked for ({@link Criterion#plainText()}): the graph does not keep a second,
 * derived copy of every criterion, and a new glossary applies without importing again.
 */
public final class EligibilityView {

    private EligibilityView() {
    }

    public record Eligibility(String text, List<Section> sections) {
    }

    public record Section(String heading, String kind, List<Item> criteria) {
    }

    /** A criterion as one trial states it; its plain text is the criterion's (rendered from its first text). */
    public record Item(int position, String text, Criterion criterion) {

        public String plainText() {
            return criterion.plainText();
        }
    }

    public record Criterion(String key, String text, long trialCount, List<Constraint> constraints) {

        /** The text in plain language, by the shipped glossary; null where the text was left out of the read. */
        public String plainText() {
            return text == null ? null : GlossaryPlainLanguageRenderer.standard().render(text);
        }

        /**
         * The projection {@link #from} reads, of a criterion bound to {@code c} (its constraints bound to {@code k}
         * inside, so a statement may use {@code n} around it).
         */
        public static final String PROJECTION = """
                c {.key, .text, .trialCount, constraints: [(c)-[:EXPRESSES]->(k:Constraint) | k {.*}]}""";

        /**
         * From {@link #PROJECTION}, or a projection of the same fields; text and constraints may be left out of it
         * (null and none) when nothing asks for them or for the plain text.
         */
        public static Criterion from(Value c) {
            List<Constraint> constraints = new ArrayList<>(c.get("constraints").isNull() ? List.of()
                    : c.get("constraints").asList(Constraint::from));
            constraints.sort(Comparator.comparing(Constraint::key));
            return new Criterion(c.get("key").asString(), c.get("text").isNull() ? null : c.get("text").asString(),
                    c.get("trialCount").asLong(0), constraints);
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
