package org.trialgraph.eligibility;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dataloader.DataLoader;

import org.springframework.stereotype.Component;

import org.trialgraph.eligibility.EligibilityView.Eligibility;
import org.trialgraph.trial.TrialPart;

/**
 * A trial's stored eligibility read with the trial in one query (see TrialPart): the criteria in order with
 * their trial counts and constraints, primed into the loader of {@code Trial.eligibility}. The text as stated is
 * sent only where it differs from the criterion's (most criteria are stated as stored), not twice.
 */
@Component
class EligibilityPart implements TrialPart {

    private static final String CRITERIA = """
            MATCH (t)-[r:HAS_CRITERION]->(c:Criterion)
            WITH r, c ORDER BY r.sectionIndex, r.position
            RETURN collect({sectionIndex: r.sectionIndex, section: r.section, kind: r.kind, position: r.position,
                            statedText: r.text,
                            criterion: c {.key, .text, .plainText, .trialCount,
                                          constraints: [(c)-[:EXPRESSES]->(n:Constraint) | n {.*}]}}) AS eligibility
            """;

    @Override
    public String field() {
        return "eligibility";
    }

    @Override
    public Optional<Read> read(List<Map<String, Object>> selections) {
        return Optional.of(new Read(CRITERIA, Map.of(), (loaders, trial, value) -> {
            DataLoader<Object, Object> loader = loaders.getDataLoader("Trial.eligibility");
            if (loader != null) {
                loader.prime(trial, new Eligibility(trial.eligibilityCriteria(),
                        EligibilityRepository.sections(value.asList(v -> v))));
            }
        }));
    }
}
