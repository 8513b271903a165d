package org.trialgraph.related;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Repository;

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

    private static final String CARRIED = """
            UNWIND $ids AS id
            MATCH (t:Trial {nctId: id})
            RETURN id AS nctId, %s
            """;

    private final Driver driver;

    RelatedTrialsRepository(Driver driver) {
        this.driver = driver;
    }

    /** The source trial's items of the given kinds, with their df, and no candidates yet. */
    List<RelatedScoring.Item> sourceItems(String nctId, Collection<Relatedness> kinds, long maxItemTrials) {
        String cypher = kinds.stream().distinct().map(k -> k.items).collect(Collectors.joining("UNION ALL\n"));
        List<RelatedScoring.Item> items = new ArrayList<>();
        driver.executableQuery(cypher).withParameters(Map.of("nctId", nctId, "maxItemTrials", maxItemTrials))
                .execute().records().forEach(r -> items.add(new RelatedScoring.Item(
                        Relatedness.valueOf(r.get("kind").asString()), r.get("key").asString(),
                        r.get("label").asString(), r.get("direct").asBoolean(), r.get("df").asLong(1), List.of())));
        return items;
    }

    /** For each item, the trials other than the source that carry it and pass the filter (items with none absent). */
    Map<String, List<String>> carriers(String nctId, Collection<RelatedScoring.Item> items, TrialWhere where) {
        Map<String, List<String>> carriers = new HashMap<>();
        if (items.isEmpty()) {
            return carriers;
        }
        TrialFilterCypher.Predicate filter = TrialFilterCypher.of(where);
        Map<String, Object> params = new HashMap<>(filter.parameters());
        params.put("nctId", nctId);
        Map<Relatedness, List<String>> keys = keysByKind(items);
        keys.forEach((kind, list) -> params.put(kind.keysParameter(), list));
        String cypher = keys.keySet().stream()
                .map(kind -> kind.carriers.formatted(filter.cypher()).replace("$keys", "$" + kind.keysParameter()))
                .collect(Collectors.joining("UNION ALL\n"));
        driver.executableQuery(cypher).withParameters(params).execute().records().forEach(r -> carriers.put(
                RelatedScoring.Item.id(Relatedness.valueOf(r.get("kind").asString()), r.get("key").asString()),
                r.get("candidates").asList(Value::asString)));
        return carriers;
    }

    /** For each trial, which of the items it carries (as item ids). */
    Map<String, Set<String>> carried(Collection<String> nctIds, Collection<RelatedScoring.Item> items) {
        Map<String, Set<String>> carried = new HashMap<>();
        if (nctIds.isEmpty() || items.isEmpty()) {
            return carried;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("ids", List.copyOf(nctIds));
        Map<Relatedness, List<String>> keys = keysByKind(items);
        keys.forEach((kind, list) -> params.put(kind.keysParameter(), list));
        String columns = keys.keySet().stream()
                .map(kind -> kind.carried.replace("$keys", "$" + kind.keysParameter()) + " AS " + kind.name())
                .collect(Collectors.joining(",\n       "));
        driver.executableQuery(CARRIED.formatted(columns)).withParameters(params).execute().records().forEach(r -> {
            Set<String> ids = new HashSet<>();
            keys.keySet().forEach(kind -> r.get(kind.name()).asList(Value::asString)
                    .forEach(key -> ids.add(RelatedScoring.Item.id(kind, key))));
            carried.put(r.get("nctId").asString(), ids);
        });
        return carried;
    }

    long trialCount() {
        return driver.executableQuery(TRIAL_COUNT).execute().records().get(0).get("n").asLong();
    }

    Map<String, Trial> trials(List<String> nctIds) {
        Map<String, Trial> trials = new HashMap<>();
        driver.executableQuery(TRIALS).withParameters(Map.of("ids", nctIds)).execute().records()
                .forEach(r -> {
                    Trial trial = Trial.from(r.get("t"));
                    trials.put(trial.nctId(), trial);
                });
        return trials;
    }

    private static Map<Relatedness, List<String>> keysByKind(Collection<RelatedScoring.Item> items) {
        Map<Relatedness, List<String>> keys = new EnumMap<>(Relatedness.class);
        items.forEach(i -> keys.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(i.key()));
        return keys;
    }
}
