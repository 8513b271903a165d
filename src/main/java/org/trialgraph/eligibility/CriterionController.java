package org.trialgraph.eligibility;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.eligibility.EligibilityView.Criterion;
import org.trialgraph.paging.Connection;
import org.trialgraph.paging.Cursors;
import org.trialgraph.trial.Trial;

/** Shared criteria: one by key, the most stated ones, and the trials that state one. */
@Controller
class CriterionController {

    private final EligibilityRepository repository;

    CriterionController(EligibilityRepository repository) {
        this.repository = repository;
    }

    @QueryMapping
    Criterion criterion(@Argument String key) {
        return repository.findCriterion(key).orElse(null);
    }

    @QueryMapping
    Connection<Criterion> criteria(@Argument String search, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return repository.criteria(search, Cursors.pageSize(first), after, env.getSelectionSet().contains("totalCount"));
    }

    @SchemaMapping(typeName = "Criterion")
    Connection<Trial> trials(Criterion criterion, @Argument Integer first, @Argument String after) {
        return repository.trialsOf(criterion, Cursors.pageSize(first), after);
    }
}
