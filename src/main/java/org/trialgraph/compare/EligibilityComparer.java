package org.trialgraph.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.trialgraph.compare.EligibilityComparison.ConceptDifference;
import org.trialgraph.compare.EligibilityComparison.ConstraintStatement;
import org.trialgraph.compare.EligibilityComparison.CriterionStatement;
import org.trialgraph.compare.EligibilityComparison.Shared;
import org.trialgraph.compare.EligibilityComparison.SharedConstraint;
import org.trialgraph.compare.EligibilityComparison.SharedCriterion;
import org.trialgraph.compare.EligibilityComparison.Unique;
import org.trialgraph.criteria.Concept;
import org.trialgraph.trial.Trial;

/**
 * Compares the stored eligibility of a few trials: pure set arithmetic over what each trial states, so the
 * database is asked once for all of them. Criteria are the same when their canonical key is; constraints when
 * their key (concept, comparator, value, unit) is, whatever the wording and section.
 */
final class EligibilityComparer {

    private EligibilityComparer() {
    }

    /**
     * @param trials     the trials in the order asked
     * @param statements every criterion each trial states, in the order written
     */
    static EligibilityComparison compare(List<Trial> trials, List<CriterionStatement> statements) {
        List<ConstraintStatement> constraints = statements.stream().flatMap(s -> s.criterion().constraints().stream()
                .map(c -> new ConstraintStatement(s.trial(), c, s.kind(), s.section(), s.text(), s.criterion().key())))
                .toList();
        Map<String, List<CriterionStatement>> criteriaByKey = group(statements, s -> s.criterion().key());
        Map<String, List<ConstraintStatement>> constraintsByKey = group(constraints, s -> s.constraint().key());

        List<SharedCriterion> sharedCriteria = new ArrayList<>();
        criteriaByKey.forEach((key, list) -> {
            int stating = trialsOf(list, CriterionStatement::trial).size();
            if (stating >= 2) {
                sharedCriteria.add(new SharedCriterion(list.get(0).criterion(), stating == trials.size(), list));
            }
        });
        sharedCriteria.sort(Comparator.comparing((SharedCriterion s) -> -trialsOf(s.statedBy(), CriterionStatement::trial).size())
                .thenComparing(s -> s.criterion().key()));

        List<SharedConstraint> sharedConstraints = new ArrayList<>();
        constraintsByKey.forEach((key, list) -> {
            int stating = trialsOf(list, ConstraintStatement::trial).size();
            if (stating >= 2) {
                sharedConstraints.add(new SharedConstraint(list.get(0).constraint(), stating == trials.size(), list));
            }
        });
        sharedConstraints.sort(Comparator.comparing((SharedConstraint s) -> -trialsOf(s.statedBy(), ConstraintStatement::trial).size())
                .thenComparing(s -> s.constraint().key()));

        List<Unique> unique = trials.stream().map(trial -> new Unique(trial,
                statements.stream().filter(s -> s.trial().equals(trial)
                        && trialsOf(criteriaByKey.get(s.criterion().key()), CriterionStatement::trial).size() == 1).toList(),
                constraints.stream().filter(s -> s.trial().equals(trial)
                        && trialsOf(constraintsByKey.get(s.constraint().key()), ConstraintStatement::trial).size() == 1).toList()))
                .toList();

        return new EligibilityComparison(trials, new Shared(sharedCriteria, sharedConstraints), unique,
                conceptDifferences(trials, constraints));
    }

    /**
     * A concept differs when two or more trials constrain it and they do not all state the same constraints in the
     * same kind of section: another threshold, comparator or unit, or the same one as inclusion in one trial and
     * exclusion in another.
     */
    private static List<ConceptDifference> conceptDifferences(List<Trial> trials, List<ConstraintStatement> constraints) {
        Map<String, List<ConstraintStatement>> byConcept = group(constraints, s -> s.constraint().concept());
        List<ConceptDifference> differences = new ArrayList<>();
        byConcept.forEach((concept, list) -> {
            Map<Trial, Set<String>> stated = new LinkedHashMap<>();
            list.forEach(s -> stated.computeIfAbsent(s.trial(), t -> new java.util.TreeSet<>())
                    .add(s.constraint().key() + "#" + s.kind()));
            if (stated.size() < 2 || stated.values().stream().distinct().count() == 1) {
                return;
            }
            List<ConstraintStatement> values = new ArrayList<>(list);
            values.sort(Comparator.comparingInt(s -> trials.indexOf(s.trial())));
            differences.add(new ConceptDifference(concept, values,
                    trials.stream().filter(t -> !stated.containsKey(t)).toList()));
        });
        differences.sort(Comparator.comparingInt((ConceptDifference d) -> conceptOrder(d.concept()))
                .thenComparing(ConceptDifference::concept));
        return differences;
    }

    // In the order the Concept enum lists them (age and sex first, then scores, labs, conditions).
    private static int conceptOrder(String concept) {
        try {
            return Concept.valueOf(concept).ordinal();
        } catch (IllegalArgumentException unknown) {
            return Integer.MAX_VALUE;
        }
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    private static <T> Set<Trial> trialsOf(List<T> statements, Function<T, Trial> trial) {
        return statements.stream().map(trial).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
