package org.trialgraph.compare;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import org.trialgraph.trial.Trial;

/** Checks the trials asked for, loads them and their criteria in two queries, and compares them. */
@Service
class EligibilityComparisons {

    static final int MIN_TRIALS = 2;
    static final int MAX_TRIALS = 10;

    private final CompareRepository repository;

    EligibilityComparisons(CompareRepository repository) {
        this.repository = repository;
    }

    EligibilityComparison compare(List<String> nctIds) {
        Set<String> ids = new LinkedHashSet<>(nctIds.stream().map(String::strip).toList());
        if (ids.size() != nctIds.size()) {
            throw new IllegalArgumentException("nctIds must not repeat an id: " + nctIds);
        }
        if (ids.size() < MIN_TRIALS || ids.size() > MAX_TRIALS) {
            throw new IllegalArgumentException("nctIds must hold " + MIN_TRIALS + " to " + MAX_TRIALS
                    + " NCT ids, was " + ids.size());
        }
        Map<String, Trial> found = repository.trials(ids);
        List<String> unknown = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("nctIds: no trial " + String.join(", ", unknown) + " in the graph");
        }
        List<Trial> trials = ids.stream().map(found::get).toList();
        return EligibilityComparer.compare(trials, repository.statements(found));
    }
}
