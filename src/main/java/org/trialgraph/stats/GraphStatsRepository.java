package org.trialgraph.stats;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Repository;

import org.trialgraph.neo4j.AutoCommitReads;

/** Node and relationship counts from Neo4j's count store: cheap at any size. */
@Repository
class GraphStatsRepository {

    // SchemaMigration nodes are the migration runner's bookkeeping, not graph data.
    private static final String LABEL_COUNTS = """
            CALL db.labels() YIELD label
            WITH label WHERE label <> 'SchemaMigration'
            CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count }
            RETURN label, count
            """;

    private static final String TYPE_COUNTS = """
            CALL db.relationshipTypes() YIELD relationshipType AS type
            CALL (type) { MATCH ()-[r:$(type)]->() RETURN count(r) AS count }
            RETURN type, count
            """;

    private final AutoCommitReads reads;

    GraphStatsRepository(AutoCommitReads reads) {
        this.reads = reads;
    }

    GraphStats graphStats() {
        List<GraphStats.LabelCount> labels = reads.read(LABEL_COUNTS, Map.of()).stream()
                .map(r -> new GraphStats.LabelCount(r.get("label").asString(), r.get("count").asLong()))
                .filter(c -> c.count() > 0)
                .sorted(Comparator.comparingLong(GraphStats.LabelCount::count).reversed())
                .toList();
        List<GraphStats.TypeCount> types = reads.read(TYPE_COUNTS, Map.of()).stream()
                .map(r -> new GraphStats.TypeCount(r.get("type").asString(), r.get("count").asLong()))
                .filter(c -> c.count() > 0)
                .sorted(Comparator.comparingLong(GraphStats.TypeCount::count).reversed())
                .toList();
        return new GraphStats(labels, types);
    }
}
