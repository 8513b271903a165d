package org.trialgraph.related;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Repository;

/**
 * The graph reads behind {@link RelatedIndex}: streamed over the whole graph for a build, per trial for an update.
 * An item is what {@link Relatedness} counts: a trial carries a condition, criterion, intervention or sponsor it
 * links to, the constraints its criteria express, and the MeSH terms it studies, with all their ancestors for terms
 * whose ancestry is exact (read here as the trial's direct terms plus the tree, joined in Java).
 */
@Repository
class RelatedIndexQueries {

    /** The kinds a trial links to by a path of fixed shape; MeSH, with its ancestors, is read apart. */
    static final List<Relatedness> LINKED = List.of(Relatedness.CONDITION, Relatedness.CRITERIA,
            Relatedness.CONSTRAINTS, Relatedness.INTERVENTION, Relatedness.SPONSOR);

    private static final Map<Relatedness, String> PATHS = Map.of(
            Relatedness.CONDITION, "(t)-[:STUDIES]->(x:Condition)",
            Relatedness.CRITERIA, "(t)-[:HAS_CRITERION]->(x:Criterion)",
            Relatedness.CONSTRAINTS, "(t)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(x:Constraint)",
            Relatedness.INTERVENTION, "(t)-[:TESTS]->(x:Intervention)",
            Relatedness.SPONSOR, "(t)-[:SPONSORED_BY]->(x:Sponsor)");

    // An item on one trial shares with nobody: for the direct kinds a degree under 2 rules it out without a walk.
    private static final Map<Relatedness, String> SHARED = Map.of(
            Relatedness.CONDITION, "MATCH (x:Condition) WHERE COUNT { (x)<-[:STUDIES]-() } > 1",
            Relatedness.CRITERIA, "MATCH (x:Criterion) WHERE COUNT { (x)<-[:HAS_CRITERION]-() } > 1",
            Relatedness.CONSTRAINTS, "MATCH (x:Constraint)",
            Relatedness.INTERVENTION, "MATCH (x:Intervention) WHERE COUNT { (x)<-[:TESTS]-() } > 1",
            Relatedness.SPONSOR, "MATCH (x:Sponsor) WHERE COUNT { (x)<-[:SPONSORED_BY]-() } > 1");

    private static final Map<Relatedness, String> LABELS = Map.of(Relatedness.CONDITION, "Condition",
            Relatedness.CRITERIA, "Criterion", Relatedness.CONSTRAINTS, "Constraint",
            Relatedness.INTERVENTION, "Intervention", Relatedness.SPONSOR, "Sponsor");

    // A build reads node ids, not NCT ids, in the postings: no property read per (item, trial) pair, and no label
    // check either (only trials have these relationships; a node id the trials query did not return is skipped).
    // They are mapped to NCT ids by the trials query of the same build; a node id reused by a write meanwhile is
    // set right by the update that write queues (docs/RELATED.md, "The index").
    private static final String TRIALS = "MATCH (t:Trial) RETURN id(t) AS node, t.nctId AS nctId";

    private static final String MESH_DIRECT = """
            MATCH (x:MeshTerm)
            CALL (x) {
              MATCH (t)-[:STUDIES_MESH]->(x)
              RETURN collect(id(t)) AS trials
            }
            WITH x, trials WHERE size(trials) > 0
            RETURN x.id AS key, trials
            """;

    private static final String MESH_TREE = """
            MATCH (nt:MeshTerm {ancestry: 'EXACT'})-[:BROADER]->(x:MeshTerm)
            RETURN nt.id AS term, collect(x.id) AS broader
            """;

    private final Driver driver;

    RelatedIndexQueries(Driver driver) {
        this.driver = driver;
    }

    /** Every trial: its node id and NCT id. */
    void trials(BiConsumer<Long, String> sink) {
        stream(TRIALS, Map.of(), r -> sink.accept(r.get("node").asLong(), r.get("nctId").asString()));
    }

    /**
     * For each item of the kind that may be carried by two trials or more: its key and the node ids of its trials
     * (a trial may repeat).
     */
    void carriers(Relatedness kind, BiConsumer<String, long[]> sink) {
        String cypher = SHARED.get(kind) + """

                CALL (x) {
                  MATCH %s
                  RETURN collect(id(t)) AS trials
                }
                WITH x, trials WHERE size(trials) > 1
                RETURN x.key AS key, trials
                """.formatted(PATHS.get(kind).replace("(:Criterion)", "()"));
        stream(cypher, Map.of(), r -> sink.accept(r.get("key").asString(), longs(r.get("trials"))));
    }

    /** For each MeSH term studied by a trial: its id and the node ids of the trials that study it. */
    void meshDirect(BiConsumer<String, long[]> sink) {
        stream(MESH_DIRECT, Map.of(), r -> sink.accept(r.get("key").asString(), longs(r.get("trials"))));
    }

    private static long[] longs(Value list) {
        long[] values = new long[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i).asLong();
        }
        return values;
    }

    /** For each MeSH term whose ancestry is exact: its ancestors (the BROADER closure), sorted. */
    Map<String, List<String>> meshTree() {
        Map<String, List<String>> tree = new HashMap<>();
        stream(MESH_TREE, Map.of(), r -> tree.put(r.get("term").asString(),
                r.get("broader").asList(Value::asString).stream().sorted().distinct().toList()));
        return tree;
    }

    /** One trial's items as stored now, by kind ({@code MESH}: the terms it studies, without ancestors). */
    record TrialItems(String nctId, Map<Relatedness, List<String>> keys) {
    }

    /** The items of those of the given trials that are stored; a trial absent from the answer is not stored. */
    List<TrialItems> items(Collection<String> nctIds) {
        StringBuilder cypher = new StringBuilder("UNWIND $ids AS id\nMATCH (t:Trial {nctId: id})\nRETURN id");
        for (Relatedness kind : LINKED) {
            cypher.append(",\n       COLLECT { MATCH %s RETURN DISTINCT x.key } AS %s".formatted(PATHS.get(kind),
                    kind.name()));
        }
        cypher.append(",\n       COLLECT { MATCH (t)-[:STUDIES_MESH]->(x:MeshTerm) RETURN DISTINCT x.id } AS MESH");
        List<TrialItems> items = new ArrayList<>();
        stream(cypher.toString(), Map.of("ids", List.copyOf(nctIds)), r -> {
            Map<Relatedness, List<String>> keys = new EnumMap<>(Relatedness.class);
            for (Relatedness kind : Relatedness.values()) {
                keys.put(kind, r.get(kind.name()).asList(Value::asString));
            }
            items.add(new TrialItems(r.get("id").asString(), keys));
        });
        return items;
    }

    /** For the given keys of one linked kind: every trial carrying each (keys no trial carries absent). */
    Map<String, List<String>> carriers(Relatedness kind, Collection<String> keys) {
        Map<String, List<String>> carriers = new HashMap<>();
        if (keys.isEmpty()) {
            return carriers;
        }
        String cypher = """
                UNWIND $keys AS key
                MATCH (x:%s {key: key})
                MATCH %s
                RETURN key, collect(DISTINCT t.nctId) AS trials
                """.formatted(LABELS.get(kind), PATHS.get(kind).replace("(t)", "(t:Trial)").replaceFirst(":\\w+\\)$", ")"));
        stream(cypher, Map.of("keys", List.copyOf(keys)),
                r -> carriers.put(r.get("key").asString(), r.get("trials").asList(Value::asString)));
        return carriers;
    }

    private void stream(String cypher, Map<String, Object> parameters, Consumer<Record> sink) {
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                var result = tx.run(cypher, parameters);
                while (result.hasNext()) {
                    sink.accept(result.next());
                }
                return null;
            });
        }
    }
}
