package org.trialgraph.eligibility;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import org.trialgraph.criteria.EligibilityEngine;
import org.trialgraph.criteria.ParsedCriterion;
import org.trialgraph.criteria.ParsedEligibility;
import org.trialgraph.eligibility.EligibilityView.Constraint;
import org.trialgraph.eligibility.EligibilityView.Criterion;
import org.trialgraph.eligibility.EligibilityView.Eligibility;
import org.trialgraph.eligibility.EligibilityView.Item;
import org.trialgraph.eligibility.EligibilityView.Section;
import org.trialgraph.trial.Trial;

/**
 * Builds eligibility views: from the stored graph for trials, from the engine for any text. Public so that
 * tailored views (package views) show a trial's stored eligibility without reading the text again.
 */
@Service
public class EligibilityService {

    private final EligibilityRepository repository;
    private final EligibilityEngine engine;

    EligibilityService(EligibilityRepository repository, EligibilityEngine engine) {
        this.repository = repository;
        this.engine = engine;
    }

    /** The stored sections of each trial, in the order of the list: one query however many trials. */
    public List<Eligibility> storedEligibility(List<Trial> trials) {
        Map<String, List<Section>> sections = repository.sectionsOf(trials.stream().map(Trial::nctId).distinct().toList());
        return trials.stream()
                .map(t -> new Eligibility(t.eligibilityCriteria(), sections.getOrDefault(t.nctId(), List.of())))
                .toList();
    }

    /** Reads text as the importer would, without storing it; trial counts say how many stored trials agree. */
    Eligibility parse(String text) {
        ParsedEligibility parsed = engine.parse(text);
        Map<String, Long> counts = repository.trialCounts(parsed.allCriteria().stream().map(ParsedCriterion::key)
                .distinct().toList());
        List<Section> sections = parsed.sections().stream()
                .map(section -> new Section(section.heading(), section.kind().name(), section.criteria().stream()
                        .map(c -> new Item(c.position(), c.text(), criterion(c, counts)))
                        .toList()))
                .toList();
        return new Eligibility(text, sections);
    }

    private static Criterion criterion(ParsedCriterion c, Map<String, Long> counts) {
        List<Constraint> constraints = c.constraints().stream()
                .map(k -> new Constraint(k.key(), k.concept().name(), k.comparator().name(), k.value(), k.upperValue(),
                        k.unit(), k.label()))
                .distinct()
                .toList();
        return new Criterion(c.key(), c.text(), counts.getOrDefault(c.key(), 0L), constraints);
    }
}
