package org.trialgraph.eligibility;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.eligibility.EligibilityView.Constraint;
import org.trialgraph.eligibility.EligibilityView.Criterion;
import org.trialgraph.paging.Connection;
import org.trialgraph.paging.Cursors;
import org.trialgraph.trial.Trial;

/** Structured requirements as entry points: the same requirement in every wording, and who states it. */
@Controller
class ConstraintController {

    private final ConstraintRepository constraints;

    ConstraintController(ConstraintRepository constraints) {
        this.constraints = constraints;
    }

    @QueryMapping
    Constraint constraint(@Argument String key) {
        return constraints.find(key).orElse(null);
    }

    @QueryMapping(name = "constraints")
    List<Constraint> constraintsOfConcept(@Argument String concept, @Argument Integer first) {
        return constraints.ofConcept(concept, Cursors.pageSize(first));
    }

    @BatchMapping(typeName = "Constraint", field = "trialCount")
    Map<Constraint, Long> trialCount(List<Constraint> batch) {
        Map<String, Long> counts = constraints.trialCounts(batch.stream().map(Constraint::key).distinct().toList());
        Map<Constraint, Long> result = new LinkedHashMap<>();
        batch.forEach(c -> result.put(c, counts.getOrDefault(c.key(), 0L)));
        return result;
    }

    @SchemaMapping(typeName = "Constraint", field = "criteria")
    List<Criterion> criteria(Constraint constraint, @Argument Integer first) {
        return constraints.criteria(constraint, Cursors.pageSize(first));
    }

    @SchemaMapping(typeName = "Constraint", field = "trials")
    Connection<Trial> trials(Constraint constraint, @Argument Integer first, @Argument String after) {
        long total = constraints.trialCounts(List.of(constraint.key())).getOrDefault(constraint.key(), 0L);
        return constraints.trials(constraint, total, Cursors.pageSize(first), after);
    }
}
