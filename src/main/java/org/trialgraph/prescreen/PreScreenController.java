package org.trialgraph.prescreen;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.trial.TrialWhere;

/** Answers {@code preScreen}. */
@Controller
class PreScreenController {

    private final PreScreenService service;

    PreScreenController(PreScreenService service) {
        this.service = service;
    }

    @QueryMapping
    List<TrialScreening> preScreen(@Argument PatientProfile patient, @Argument TrialWhere where, @Argument Integer first) {
        return service.preScreen(patient, where, first);
    }
}
