package org.trialgraph.related;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Repository;

import org.trialgraph.trial.Trial;
import org.trialgraph.trial.TrialFilterCypher;
import org.trialgraph.trial.TrialWhere;

/** The items a trial shares with others, per kind, computed on the fly with their document frequencies. */
@Repository
class RelatedTrialsRepository {

    private static final String TRIAL_COUNT = "MATCH (t:Trial) RETURN count(t) AS n";

    private static final String TRIALS = "MATCH (t:Trial) WHERE t.nctId IN $ids RETURN t";

    private final Driver driver;

    RelatedTrialsRepository(Driver driver) {
        this.driver = driver;
    }

    List<RelatedScoring.Item> sharedItems(String nctId, List<Relatedness> kinds, TrialWhere candidates,
            long maxItemTrials) {
        TrialFilterCypher.Predicate filter = TrialFilterCypher.of(candidates);
        Map<String, Object> params = new HashMap<>(filter.parameters());
        params.put("nctId", nctId);
        params.put("maxItemTrials", maxItemTrials);
        List<RelatedScoring.Item> items = new ArrayList<>();
        for (Relatedness kind : kinds) {
            driver.executableQuery(kind.sharedItems.formatted(filter.cypher())).withParameters(params).execute()
                    .records().forEach(r -> items.add(new RelatedScoring.Item(kind, r.get("key").asString(),
                            r.get("label").asString(), r.get("direct").asBoolean(), r.get("df").asLong(1),
                            r.get("candidates").asList(Value::asString))));
        }
        return items;
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
}
