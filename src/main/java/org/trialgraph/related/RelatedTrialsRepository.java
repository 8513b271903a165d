package org.trialgraph.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.neo4j.driver.Value;

import org.springframework.stereotype.Repository;

import org.trialgraph.neo4j.AutoCommitReads;
import org.trialgraph.trial.Trial;
import org.trialgraph.trial.TrialFilterCypher;
import org.trialgraph.trial.TrialWhere;

/**
 * The graph side of related trials: a trial's items with their document frequencies (one query for every kind),
 * the trials carrying given items (one query), and which given items given trials carry (one query).
 */
@Repository
class RelatedTrialsRepository {

    private static final String TRIAL_COUNT = "MATCH (t:Trial) RETURN count(t) AS n";

    private static final String TRIALS = "MATCH (t:Trial) WHERE t.nctId IN $ids RETURN t";


    // The item nodes of each kind are looked up once; each trial's links are then compared with them.
    private static final String CARRIED = Arrays.stream(Relatedness.values())
            .map(kind -> "COLLECT { UNWIND %s AS key %s RETURN x } AS %s".formatted(kind.keysOf("$items"), kind.node,
                    nodes(kind)))
            .collect(Collectors.joining(",\n     ", "WITH ", "\n")) + """
            UNWIND $ids AS id
            MATCH (t:Trial {nctId: id})
            RETURN id AS nctId, """ + Arrays.stream(Relatedness.values())
            .map(kind -> "CASE WHEN size(%1$s) = 0 THEN [] ELSE %2$s END AS %3$s"
                    .formatted(nodes(kind), kind.carried.replace("$nodes", nodes(kind)), kind.name()))
            .collect(Collectors.joining(",\n       "));

    private static final String DOCUMENT_FREQUENCIES = Arrays.stream(Relatedness.values())
            .filter(kind -> kind.documentFrequency != null)
            .map(kind -> kind.documentFrequency.replace("$keys", kind.keysOf("$items")))
            .collect(Collectors.joining("UNION ALL\n"));

    // Every kind's walk, with empty item lists for the absent ones: one query text per filter, planned once.
    private static final String WALK = "CALL () {\n" + Arrays.stream(Relatedness.values())
            .map(kind -> kind.carriers.replace("$items", kind.itemsOf("$items")))
            .collect(Collectors.joining("UNION ALL\n")) + "}\n";

    private final AutoCommitReads reads;
    private final DocumentFrequencies frequencies;

    RelatedTrialsRepository(AutoCommitReads reads, DocumentFrequencies frequencies) {
        this.reads = reads;
        this.frequencies = frequencies;
    }

    /**
     * The source trial's items of the given kinds, with their df, and no candidates yet. Dfs that take a walk come
     * from the cache or, for the items it lacks, from one more query.
     */
    List<RelatedScoring.Item> sourceItems(String nctId, Collection<Relatedness> kinds, long maxItemTrials) {
        long generation = frequencies.generation();
        String cypher = kinds.stream().distinct().map(k -> k.items).collect(Collectors.joining("UNION ALL\n"));
        List<RelatedScoring.Item> items = new ArrayList<>();
        List<RelatedScoring.Item> uncounted = new ArrayList<>();
        reads.read(cypher, Map.of("nctId", nctId)).forEach(r -> {
            Relatedness kind = Relatedness.valueOf(r.get("kind").asString());
            String key = r.get("key").asString();
            Long df = r.get("df").isNull() ? frequencies.get(RelatedScoring.Item.id(kind, key), maxItemTrials)
                    : Long.valueOf(r.get("df").asLong(1));
            RelatedScoring.Item item = new RelatedScoring.Item(kind, key, r.get("label").asString(),
                    r.get("direct").asBoolean(), df == null ? -1 : df, List.of());
            (df == null ? uncounted : items).add(item);
        });
        if (!uncounted.isEmpty()) {
            Map<String, Long> counted = countDocumentFrequencies(uncounted, maxItemTrials);
            for (RelatedScoring.Item item : uncounted) {
                long df = counted.getOrDefault(item.id(), 1L);
                frequencies.put(item.id(), maxItemTrials, df, generation);
                items.add(new RelatedScoring.Item(item.kind(), item.key(), item.label(), item.direct(), df, List.of()));
            }
        }
        // One order whatever the cache held: the idf sums, and so the last bits of the scores, follow it.
        items.sort(Comparator.comparing(RelatedScoring.Item::kind).thenComparing(RelatedScoring.Item::key));
        return items;
    }

    /**
     * The source trial's items of the given kinds without their df (-1; the index has them), in the order of
     * {@link #sourceItems}.
     */
    List<RelatedScoring.Item> sourceItemsWithoutDf(String nctId, Collection<Relatedness> kinds) {
        String cypher = kinds.stream().distinct().map(k -> k.items).collect(Collectors.joining("UNION ALL\n"));
        List<RelatedScoring.Item> items = new ArrayList<>();
        reads.read(cypher, Map.of("nctId", nctId)).forEach(r ->
                items.add(new RelatedScoring.Item(Relatedness.valueOf(r.get("kind").asString()),
                        r.get("key").asString(), r.get("label").asString(), r.get("direct").asBoolean(), -1,
                        List.of())));
        items.sort(Comparator.comparing(RelatedScoring.Item::kind).thenComparing(RelatedScoring.Item::key));
        return items;
    }

    /** Those of the given trials that pass the filter. */
    Set<String> passing(List<String> nctIds, TrialWhere where) {
        TrialFilterCypher.Predicate filter = TrialFilterCypher.of(where);
        Map<String, Object> params = new HashMap<>(filter.parameters());
        params.put("ids", nctIds);
        Set<String> passing = new HashSet<>();
        reads.read("MATCH (t:Trial) WHERE t.nctId IN $ids AND (%s) RETURN t.nctId AS nctId"
                .formatted(filter.cypher()), params)
                .forEach(r -> passing.add(r.get("nctId").asString()));
        return passing;
    }

    private Map<String, Long> countDocumentFrequencies(List<RelatedScoring.Item> items, long maxItemTrials) {
        Map<String, Object> params = new HashMap<>(keysByKind(items));
        params.put("maxItemTrials", maxItemTrials);
        Map<String, Long> dfs = new HashMap<>();
        reads.read(DOCUMENT_FREQUENCIES, params).forEach(r -> dfs.put(
                RelatedScoring.Item.id(Relatedness.valueOf(r.get("kind").asString()), r.get("key").asString()),
                r.get("df").asLong(1)));
        return dfs;
    }

    /** For each item, the trials other than the source that carry it and pass the filter (items with none absent). */
    Map<String, List<String>> carriers(String nctId, Collection<RelatedScoring.Item> items, TrialWhere where) {
        Map<String, List<String>> carriers = new HashMap<>();
        TrialFilterCypher.Predicate filter = TrialFilterCypher.of(where);
        Map<String, Object> params = new HashMap<>(filter.parameters());
        params.put("nctId", nctId);
        params.putAll(itemsByKind(items, Map.of()));
        String cypher = WALK + """
                WITH DISTINCT t, item WHERE t.nctId <> $nctId AND (%s)
                RETURN item.id AS id, collect(t.nctId) AS candidates
                """.formatted(filter.cypher());
        reads.read(cypher, params).forEach(r -> carriers.put(
                r.get("id").asString(), r.get("candidates").asList(Value::asString)));
        return carriers;
    }

    /**
     * Walks the items' trials once and sums, per trial passing the filter, the contributions of the items it
     * carries ({@code partial}). Returns the trials that can still be on the page of {@code first}: a trial's final
     * score lies between its partial score and that plus {@code remaining} (the items not walked), and at least
     * {@code first} trials score at least the first-th best partial score.
     */
    List<RelatedSearch.Candidate> bestCandidates(String nctId, Collection<RelatedScoring.Item> items,
            Map<String, Double> contributions, TrialWhere where, double remaining, int first) {
        List<RelatedSearch.Candidate> candidates = new ArrayList<>();
        TrialFilterCypher.Predicate filter = TrialFilterCypher.of(where);
        Map<String, Object> params = new HashMap<>(filter.parameters());
        params.put("nctId", nctId);
        params.put("remaining", remaining);
        params.put("first", first);
        params.putAll(itemsByKind(items, contributions));
        String cypher = WALK + """
                WITH DISTINCT t, item
                WITH t, sum(item.c) AS partial, collect(item.id) AS items
                WHERE t.nctId <> $nctId AND (%s)
                ORDER BY partial DESC
                WITH collect({t: t, partial: partial, items: items}) AS rows
                WITH rows, CASE WHEN size(rows) >= $first THEN rows[$first - 1].partial ELSE 0.0 END AS kth
                UNWIND [r IN rows WHERE r.partial + $remaining >= kth - 1e-9] AS r
                RETURN r.t.nctId AS nctId, r.partial AS partial, r.items AS items
                """.formatted(filter.cypher());
        reads.read(cypher, params).forEach(r -> candidates.add(
                new RelatedSearch.Candidate(r.get("nctId").asString(), r.get("partial").asDouble(),
                        Set.copyOf(r.get("items").asList(Value::asString)))));
        return candidates;
    }

    /** For each trial, which of the items it carries (as item ids). */
    Map<String, Set<String>> carried(Collection<String> nctIds, Collection<RelatedScoring.Item> items) {
        Map<String, Set<String>> carried = new HashMap<>();
        if (nctIds.isEmpty() || items.isEmpty()) {
            return carried;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("ids", List.copyOf(nctIds));
        params.putAll(keysByKind(items));
        reads.read(CARRIED, params).forEach(r -> {
            Set<String> ids = new HashSet<>();
            Arrays.stream(Relatedness.values()).forEach(kind -> r.get(kind.name()).asList(Value::asString)
                    .forEach(key -> ids.add(RelatedScoring.Item.id(kind, key))));
            carried.put(r.get("nctId").asString(), ids);
        });
        return carried;
    }

    long trialCount() {
        return reads.read(TRIAL_COUNT, Map.of()).get(0).get("n").asLong();
    }

    /**
     * The trials by NCT id: whole, or with only the properties of the given short fields ({@link Trial#SHORT_FIELDS};
     * null for whole trials).
     */
    Map<String, Trial> trials(List<String> nctIds, Set<String> shortFields) {
        Map<String, Trial> trials = new HashMap<>();
        String cypher = shortFields == null ? TRIALS
                : "MATCH (t:Trial) WHERE t.nctId IN $ids RETURN " + Trial.shortProjection(shortFields) + " AS t";
        reads.read(cypher, Map.of("ids", nctIds))
                .forEach(r -> {
                    Trial trial = Trial.from(r.get("t"));
                    trials.put(trial.nctId(), trial);
                });
        return trials;
    }

    /**
     * All kinds' items in one list parameter (maps of kind, key, id and contribution): Neo4j caches a plan per
     * size class of each list parameter, so one list instead of one per kind keeps it to a few plans per query.
     */
    private static Map<String, Object> itemsByKind(Collection<RelatedScoring.Item> items,
            Map<String, Double> contributions) {
        return Map.of("items", items.stream().map(i -> Map.<String, Object>of("kind", i.kind().name(), "key", i.key(),
                "id", i.id(), "c", contributions.getOrDefault(i.id(), 0.0))).toList());
    }

    private static String nodes(Relatedness kind) {
        return "nodes" + kind.name();
    }

    private static Map<String, Object> keysByKind(Collection<RelatedScoring.Item> items) {
        return itemsByKind(items, Map.of());
    }
}
