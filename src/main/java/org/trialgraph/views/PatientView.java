package org.trialgraph.views;

import java.util.List;

import org.trialgraph.trial.Trial.AgeLimit;

/** The patient view as the GraphQL schema shows it (type PatientTrialView and its parts). */
public final class PatientView {

    private PatientView() {
    }

    public record PatientTrialView(
            String nctId,
            PlainStatement title,
            String overallStatus,
            PlainStatement status,
            List<String> phases,
            PlainStatement phase,
            Integer enrollment,
            PlainStatement participants,
            String startDate,
            PlainStatement start,
            PlainStatement summary,
            WhoCanTakePart whoCanTakePart,
            List<ChecklistSection> checklist,
            List<PlainStatement> doctorQuestions,
            List<PlainStatement> coordinatorQuestions,
            List<OutcomeView> outcomes,
            PlainStatement sponsor,
            int siteCount,
            List<SiteDistance> nearestSites) {
    }

    /** A generated sentence and the record fields it was made from (API v2 field paths, see docs/VIEWS.md). */
    public record PlainStatement(String text, List<String> sources) {

        public PlainStatement {
            if (sources.isEmpty()) {
                throw new IllegalStateException("a statement without sources: " + text);
            }
            sources = sources.stream().distinct().toList();
        }

        static PlainStatement of(String text, String... sources) {
            return new PlainStatement(text, List.of(sources));
        }
    }

    public record WhoCanTakePart(PlainStatement ageRange, AgeLimit minimumAge, AgeLimit maximumAge,
            PlainStatement sex, PlainStatement healthyVolunteers) {
    }

    public record ChecklistSection(String heading, String kind, PlainStatement intro, List<ChecklistItem> items) {
    }

    public record ChecklistItem(int position, String text, String plainText, List<String> tests, String criterionKey,
            List<String> sources) {
    }

    public record OutcomeView(String kind, String measure, String timeFrame, String description,
            PlainStatement statement) {
    }

    public record SiteDistance(String facility, String status, String city, String state, String country,
            double distanceKm, List<String> sources) {
    }
}
