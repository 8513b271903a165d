package org.trialgraph.views;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import org.trialgraph.trial.TrialWhere.GeoRadius;
import org.trialgraph.views.PatientView.PatientTrialView;

/** A trial as a patient-facing app shows it. */
@Controller
class PatientViewController {

    private final PatientViewService views;

    PatientViewController(PatientViewService views) {
        this.views = views;
    }

    @QueryMapping
    PatientTrialView patientView(@Argument String nctId, @Argument GeoRadius near) {
        return views.patientView(nctId, near).orElse(null);
    }
}
