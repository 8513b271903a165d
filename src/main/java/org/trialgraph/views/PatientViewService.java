package org.trialgraph.views;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.trialgraph.criteria.CriterionKind;
import org.trialgraph.criteria.GlossaryPlainLanguageRenderer;
import org.trialgraph.criteria.PlainLanguageRenderer;
import org.trialgraph.eligibility.EligibilityService;
import org.trialgraph.eligibility.EligibilityView.Item;
import org.trialgraph.eligibility.EligibilityView.Section;
import org.trialgraph.trial.Trial;
import org.trialgraph.trial.TrialWhere.GeoRadius;
import org.trialgraph.views.PatientView.ChecklistItem;
import org.trialgraph.views.PatientView.ChecklistSection;
import org.trialgraph.views.PatientView.OutcomeView;
import org.trialgraph.views.PatientView.PatientTrialView;
import org.trialgraph.views.PatientView.PlainStatement;
import org.trialgraph.views.PatientView.SiteDistance;
import org.trialgraph.views.PatientView.WhoCanTakePart;
import org.trialgraph.views.TrialFacts.Outcome;
import org.trialgraph.views.TrialFacts.Site;

/**
 * Builds a trial's patient view from the graph: one projected query for the trial and one for its stored
 * eligibility (the same loader as Trial.eligibility). Deterministic: the same graph gives the same view.
 */
@Service
class PatientViewService {

    /** Half the earth's circumference: no point is farther away. */
    private static final double MAX_RADIUS_KM = 20_040;

    private final PatientViewRepository repository;
    private final EligibilityService eligibility;
    private final PlainLanguageRenderer plain = new GlossaryPlainLanguageRenderer();

    PatientViewService(PatientViewRepository repository, EligibilityService eligibility) {
        this.repository = repository;
        this.eligibility = eligibility;
    }

    Optional<PatientTrialView> patientView(String nctId, GeoRadius near) {
        checkNear(near);
        Optional<TrialFacts> loaded = repository.facts(nctId, near);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        TrialFacts facts = loaded.get();
        Trial t = facts.trial();
        List<Section> sections = eligibility.storedEligibility(List.of(t)).get(0).sections();
        Questions questions = new Questions(facts, sections);
        return Optional.of(new PatientTrialView(
                t.nctId(),
                PlainStatement.of(t.briefTitle() == null ? t.nctId() : t.briefTitle(),
                        t.briefTitle() == null ? Fields.NCT_ID : Fields.BRIEF_TITLE),
                t.overallStatus(),
                PlainWords.status(t),
                t.phases(),
                PlainWords.phase(t),
                t.enrollment() == null ? null : t.enrollment().count(),
                PlainWords.participants(t),
                t.startDate(),
                PlainWords.start(t),
                t.briefSummary() == null ? null
                        : PlainStatement.of(plain.render(t.briefSummary(), CriterionKind.OTHER), Fields.BRIEF_SUMMARY),
                new WhoCanTakePart(PlainWords.ageRange(t), t.minimumAge(), t.maximumAge(), PlainWords.sex(t),
                        PlainWords.healthyVolunteers(t)),
                sections.stream().map(PatientViewService::checklist).toList(),
                questions.forDoctor(),
                questions.forCoordinator(),
                facts.outcomes().stream().map(this::outcome).toList(),
                facts.leadSponsor() == null ? null : PlainStatement.of(facts.leadSponsor(), Fields.LEAD_SPONSOR),
                facts.siteCount(),
                facts.nearestSites().stream().map(PatientViewService::distance).toList()));
    }

    private static ChecklistSection checklist(Section section) {
        String heading = section.heading();
        String intro = switch (section.kind()) {
            case "INCLUSION" -> "You must meet all of these to take part" + named(heading) + ".";
            case "EXCLUSION" -> "You cannot take part if any of these applies to you" + named(heading) + ".";
            default -> heading.isEmpty() ? "The trial's criteria, as written without sections."
                    : "The trial also checks these (" + heading + ").";
        };
        return new ChecklistSection(heading, section.kind(), PlainStatement.of(intro, Fields.ELIGIBILITY),
                section.criteria().stream().map(PatientViewService::item).toList());
    }

    private static String named(String heading) {
        return heading.isEmpty() ? "" : " (" + heading + ")";
    }

    private static ChecklistItem item(Item item) {
        return new ChecklistItem(item.position(), item.text(), item.plainText(),
                ScreeningTests.describe(ScreeningTests.of(item)), item.criterion().key(), List.of(Fields.ELIGIBILITY));
    }

    private OutcomeView outcome(Outcome o) {
        String label = "PRIMARY".equals(o.kind()) ? "Main measure: " : "Also measured: ";
        String text = label + plain.render(o.measure(), CriterionKind.OTHER)
                + (o.timeFrame() == null ? "" : " — timeframe: " + o.timeFrame());
        List<String> sources = o.timeFrame() == null ? List.of(Fields.outcomeMeasure(o.kind()))
                : List.of(Fields.outcomeMeasure(o.kind()), Fields.outcomeTimeFrame(o.kind()));
        return new OutcomeView(o.kind(), o.measure(), o.timeFrame(), o.description(), new PlainStatement(text, sources));
    }

    private static SiteDistance distance(Site s) {
        return new SiteDistance(s.facility(), s.status(), s.city(), s.state(), s.country(),
                Math.round(s.distanceKm() * 10) / 10.0,
                List.of(Fields.LOCATION_FACILITY, Fields.LOCATION_STATUS, Fields.LOCATION_GEO_POINT));
    }

    private static void checkNear(GeoRadius near) {
        if (near == null) {
            return;
        }
        if (!(near.latitude() >= -90 && near.latitude() <= 90)) {
            throw new IllegalArgumentException("near.latitude must be between -90 and 90, was " + near.latitude());
        }
        if (!(near.longitude() >= -180 && near.longitude() <= 180)) {
            throw new IllegalArgumentException("near.longitude must be between -180 and 180, was " + near.longitude());
        }
        double km = near.kilometres();
        if (!(km > 0 && km <= MAX_RADIUS_KM)) {
            throw new IllegalArgumentException("near.km must be more than 0 and at most " + (int) MAX_RADIUS_KM
                    + ", was " + km);
        }
    }
}
