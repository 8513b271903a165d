package org.trialgraph.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import org.trialgraph.trial.SelectedFields.Selected;
import org.trialgraph.trial.TrialPart.Read;

/**
 * Loads the parts of trials that a response selects in one query and primes the DataLoaders of their fetchers
 * with them (see TrialPart), so a trial with all its parts costs one database query instead of one per part.
 * The batch loaders stay the fallback for anything not primed (nested levels such as Condition.meshTerm, two
 * different pages of sites, trials returned by other entry points).
 */
@Component
class TrialPartsPrimer {

    /** Where the trials are in a connection of trials: its edges' nodes. */
    static final List<String> CONNECTION_NODES = List.of("edges", "node");

    private final TrialPartsQuery query;
    private final Map<String, TrialPart> parts;

    TrialPartsPrimer(TrialPartsQuery query, ObjectProvider<TrialPart> contributed) {
        this.query = query;
        List<TrialPart> all = new ArrayList<>(TrialPartsQuery.OWN_PARTS);
        contributed.orderedStream().forEach(all::add);
        this.parts = all.stream().collect(Collectors.toMap(TrialPart::field, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two parts answer Trial." + a.field());
        }, LinkedHashMap::new));
    }

    /**
     * The trial with the parts the query selects on it, read together and primed; empty when there is none. Only
     * the node properties the selected fields read are sent (all of them when a field is not known to Trial).
     */
    Optional<Trial> trial(String nctId, DataFetchingEnvironment env) {
        List<Selected> selected = SelectedFields.below(env, List.of());
        Map<String, Read> reads = reads(selected);
        List<Record> rows = query.read(List.of(nctId), propertiesRead(selected), reads);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Trial trial = Trial.from(rows.get(0).get("t"));
        primeAll(env, reads, Map.of(trial.nctId(), trial), rows);
        return Optional.of(trial);
    }

    /**
     * The node properties that the selection at {@code path} reads of each trial there (a page's nodes), or
     * {@link Trial#WHOLE_NODE} when a selected field is not known to Trial. A page of 20 whole trials read every long
     * text of each (summaries, descriptions, eligibility criteria).
     */
    static Set<String> propertiesRead(DataFetchingEnvironment env, List<String> path) {
        return propertiesRead(SelectedFields.below(env, path));
    }

    /** The node properties the selected Trial fields read (see {@link Trial#propertiesOf}), or the whole node. */
    private static Set<String> propertiesRead(List<Selected> selected) {
        List<String> subFields = new ArrayList<>();
        selected.stream().filter(f -> Trial.SUB_FIELD_OWNERS.contains(f.name()))
                .forEach(f -> f.paths().forEach(sub -> subFields.add(f.name() + "/" + sub)));
        return Trial.propertiesOf(selected.stream().map(Selected::name).toList(), subFields).orElse(Trial.WHOLE_NODE);
    }

    /** Reads and primes the parts that the selection picks on the trials at {@code path} (e.g. a connection's nodes). */
    void prime(List<Trial> trials, List<String> path, DataFetchingEnvironment env) {
        if (trials.isEmpty()) {
            return;
        }
        Map<String, Read> reads = reads(SelectedFields.below(env, path));
        if (reads.isEmpty()) {
            return;
        }
        Map<String, Trial> byId = new LinkedHashMap<>();
        trials.forEach(t -> byId.putIfAbsent(t.nctId(), t));
        primeAll(env, reads, byId, query.read(byId.keySet(), Set.of(), reads));
    }

    private Map<String, Read> reads(List<Selected> trialFields) {
        Map<String, List<TrialPart.Selection>> byField = trialFields.stream()
                .filter(f -> parts.containsKey(f.name()))
                .collect(Collectors.groupingBy(Selected::name, LinkedHashMap::new, Collectors.mapping(
                        f -> new TrialPart.Selection(f.arguments(), f.paths()), Collectors.toList())));
        Map<String, Read> reads = new LinkedHashMap<>();
        byField.forEach((field, selections) -> parts.get(field).read(selections).ifPresent(read -> reads.put(field, read)));
        return reads;
    }

    private static void primeAll(DataFetchingEnvironment env, Map<String, Read> reads, Map<String, Trial> trials,
            List<Record> rows) {
        for (Record row : rows) {
            Trial trial = trials.get(row.get("nctId").asString());
            reads.forEach((field, read) -> read.primer().prime(env.getDataLoaderRegistry(), trial, row.get(field)));
        }
    }
}
