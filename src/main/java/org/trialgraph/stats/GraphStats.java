package org.trialgraph.stats;

import java.util.List;

/** How many nodes per label and relationships per type the graph holds. */
public record GraphStats(List<LabelCount> nodes, List<TypeCount> relationships) {

    public long nodeCount() {
        return nodes.stream().mapToLong(LabelCount::count).sum();
    }

    public long relationshipCount() {
        return relationships.stream().mapToLong(TypeCount::count).sum();
    }

    public long count(String label) {
        return nodes.stream().filter(n -> n.label().equals(label)).mapToLong(LabelCount::count).sum();
    }

    public record LabelCount(String label, long count) {
    }

    public record TypeCount(String type, long count) {
    }
}
