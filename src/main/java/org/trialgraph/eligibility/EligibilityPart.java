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
 * their trial counts and, when selected, their texts and constraints, primed into the loader of
 * {@code Trial.eligibility}. What no selection asks for is not read (the primed values lack only that), and the
 * text as stated is sent only where it differs from the criterion's (most criteria are stated as stored).
 */
@Component
class EligibilityPart implements TrialPart {

    private static final String NO_SECTIONS = """
            RETURN [] AS eligibility
            """;

    private static final String CRITERIA = """
            MATCH (t)-[r:HAS_CRITERION]->(c:Criterion)
            WITH r, c ORDER BY r.sectionIndex, r.position
            RETURN collect({sectionIndex: r.sectionIndex, section: r.section, kind: r.kind, position: r.position%s,
                            criterion: c {.key, .trialCount%s}}) AS eligibility
            """;

    private static final String CONSTRAINTS = ",\n constraints: [(c)-[:EXPRESSES]->(n:Constraint) | n {.*}]";

    @Override
    public String field() {
        return "eligibility";
    }

    @Override
    public Optional<Read> read(List<Selection> selections) {
        return Optional.of(new Read(subquery(selections), Map.of(), (loaders, trial, value) -> {
            DataLoader<Object, Object> loader = loaders.getDataLoader("Trial.eligibility");
            if (loader != null) {
                loader.prime(trial, new Eligibility(trial.eligibilityCriteria(),
                        EligibilityRepository.sections(value.asList(v -> v))));
            }
        }));
    }

    private static String subquery(List<Selection> selections) {
        if (!Selection.anySelects(selections, "sections")) {
            return NO_SECTIONS;
        }
        boolean text = Selection.anySelects(selections, "sections/criteria/text", "sections/criteria/criterion/text");
        boolean plainText = Selection.anySelects(selections, "sections/criteria/plainText",
                "sections/criteria/criterion/plainText");
        boolean constraints = Selection.anySelects(selections, "sections/criteria/criterion/constraints");
        // The plain text is rendered from the criterion's text when read.
        return CRITERIA.formatted(text ? ", statedText: r.text" : "",
                (text || plainText ? ", .text" : "") + (constraints ? CONSTRAINTS : ""));
    }
}
