package org.trialgraph.stats;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.stereotype.Repository;

import org.trialgraph.neo4j.AutoCommitReads;

/**
 * Node and relationship counts from Neo4j's count store: cheap at any size. The count store answers only a label
 * or type written in the query (a dynamic {@code $(label)} is resolved per row, and the planner then scans the
 * label: 85 s at ~580k trials), so the counting statement is built from the names the database lists.
 */
@Repository
class GraphStatsRepository {

    // SchemaMigration nodes are the migration runner's bookkeeping, not graph data.
    private static final String LABELS = """
            CALL db.labels() YIELD label
            WITH label WHERE label <> 'SchemaMigration'
            RETURN label
            """;

    private static final String TYPES = "CALL db.relationshipTypes() YIELD relationshipType AS type RETURN type";

    private final AutoCommitReads reads;

    GraphStatsRepository(AutoCommitReads reads) {
        this.reads = reads;
    }

    GraphStats graphStats() {
        List<String> labels = names(LABELS, "label");
        List<String> types = names(TYPES, "type");
        List<GraphStats.LabelCount> labelCounts = counts(labelCounts(labels), labels).stream()
                .map(c -> new GraphStats.LabelCount(c.name(), c.count()))
                .sorted(Comparator.comparingLong(GraphStats.LabelCount::count).reversed())
                .toList();
        List<GraphStats.TypeCount> typeCounts = counts(typeCounts(types), types).stream()
                .map(c -> new GraphStats.TypeCount(c.name(), c.count()))
                .sorted(Comparator.comparingLong(GraphStats.TypeCount::count).reversed())
                .toList();
        return new GraphStats(labelCounts, typeCounts);
    }

    /**
     * One count-store read per label, joined by UNION ALL: {@code MATCH (n:`Label`) WITH count(n) AS count RETURN i AS
     * name, count}, where i is the label's place in {@code labels}.
     */
    static String labelCounts(List<String> labels) {
        return union(labels, i -> "MATCH (n:" + identifier(labels.get(i)) + ")", "n");
    }

    /** One count-store read per relationship type. */
    static String typeCounts(List<String> types) {
        return union(types, i -> "MATCH ()-[r:" + identifier(types.get(i)) + "]->()", "r");
    }

    private static String union(List<String> names, Function<Integer, String> match, String variable) {
        return IntStream.range(0, names.size())
                .mapToObj(i -> match.apply(i) + " WITH count(" + variable + ") AS count RETURN " + i
                        + " AS name, count")
                .collect(Collectors.joining("\nUNION ALL\n"));
    }

    private static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private record Count(String name, long count) {
    }

    /** Names with a count above zero (a label or type the database still lists after its last entity went). */
    private List<Count> counts(String cypher, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return reads.read(cypher, Map.of()).stream()
                .map(r -> new Count(names.get(r.get("name").asInt()), r.get("count").asLong()))
                .filter(c -> c.count() > 0)
                .toList();
    }

    private List<String> names(String cypher, String column) {
        return reads.read(cypher, Map.of()).stream().map(r -> r.get(column).asString()).toList();
    }
}
