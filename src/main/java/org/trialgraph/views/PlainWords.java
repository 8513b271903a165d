package org.trialgraph.views;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.trialgraph.trial.Trial;
import org.trialgraph.trial.Trial.AgeLimit;
import org.trialgraph.views.PatientView.PlainStatement;

/** Registry codes in plain words: status, phase, participants, start, ages, sex, healthy volunteers. */
final class PlainWords {

    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("RECRUITING", "Recruiting — the study is looking for participants now"),
            Map.entry("NOT_YET_RECRUITING", "Not yet recruiting — the study has not started taking participants"),
            Map.entry("ACTIVE_NOT_RECRUITING", "Active, not recruiting — the study is running but takes no new participants"),
            Map.entry("ENROLLING_BY_INVITATION", "Enrolling by invitation — the study team invites participants"),
            Map.entry("COMPLETED", "Completed — the study has ended"),
            Map.entry("SUSPENDED", "Suspended — the study has paused and may start again"),
            Map.entry("TERMINATED", "Terminated — the study stopped early and will not start again"),
            Map.entry("WITHDRAWN", "Withdrawn — the study stopped before anyone took part"),
            Map.entry("AVAILABLE", "Available — the treatment can be requested outside a trial (expanded access)"),
            Map.entry("NO_LONGER_AVAILABLE", "No longer available — expanded access has ended"),
            Map.entry("TEMPORARILY_NOT_AVAILABLE", "Temporarily not available — expanded access is paused"),
            Map.entry("APPROVED_FOR_MARKETING", "Approved for marketing — the treatment is now approved"),
            Map.entry("WITHHELD", "Withheld — expanded access information is withheld"),
            Map.entry("UNKNOWN", "Status unknown — the record has not been confirmed for over two years"));

    private static final Map<String, String> PHASE_NAME = Map.of(
            "EARLY_PHASE1", "Early Phase 1", "PHASE1", "Phase 1", "PHASE2", "Phase 2", "PHASE3", "Phase 3",
            "PHASE4", "Phase 4");

    private static final Map<String, String> PHASE_MEANING = Map.of(
            "EARLY_PHASE1", "first studies in people",
            "PHASE1", "tests safety and dose in a small group",
            "PHASE2", "tests whether it works and its side effects",
            "PHASE3", "compares it with standard treatment in a large group",
            "PHASE4", "studies a treatment after its approval");

    private PlainWords() {
    }

    static String statusWords(String status) {
        return status == null ? null : STATUS.getOrDefault(status, status);
    }

    /** "Not yet recruiting", the words before the dash. */
    static String shortStatus(String status) {
        String words = statusWords(status);
        return words == null ? "of unknown status" : words.split(" — ")[0];
    }

    static PlainStatement status(Trial t) {
        String words = statusWords(t.overallStatus());
        return PlainStatement.of(words == null ? "Status not given" : words, Fields.OVERALL_STATUS);
    }

    static PlainStatement phase(Trial t) {
        List<String> phases = t.phases().stream().filter(PHASE_NAME::containsKey).toList();
        if (!phases.isEmpty()) {
            String names = String.join("/", phases.stream().map(PHASE_NAME::get).toList());
            String meanings = String.join(", then ", phases.stream().map(PHASE_MEANING::get).toList());
            return PlainStatement.of(names + " — " + meanings, Fields.PHASES);
        }
        if ("OBSERVATIONAL".equals(t.studyType())) {
            return PlainStatement.of("No phase — an observational study: it watches what happens and gives no treatment",
                    Fields.PHASES, Fields.STUDY_TYPE);
        }
        return PlainStatement.of("No phase — phases apply to trials of drugs and biological products",
                Fields.PHASES, Fields.STUDY_TYPE);
    }

    /** "Early Phase 1", or null without a phase. */
    static String phaseName(Trial t) {
        List<String> phases = t.phases().stream().filter(PHASE_NAME::containsKey).toList();
        return phases.isEmpty() ? null : String.join("/", phases.stream().map(PHASE_NAME::get).toList());
    }

    static PlainStatement participants(Trial t) {
        Trial.Enrollment e = t.enrollment();
        if (e == null || e.count() == null) {
            return PlainStatement.of("Number of participants not given", Fields.ENROLLMENT);
        }
        String noun = e.count() == 1 ? " participant" : " participants";
        if ("ACTUAL".equals(e.type())) {
            return PlainStatement.of(e.count() + noun + " (actual)", Fields.ENROLLMENT, Fields.ENROLLMENT_TYPE);
        }
        if ("ESTIMATED".equals(e.type())) {
            return PlainStatement.of(e.count() + noun + " (planned)", Fields.ENROLLMENT, Fields.ENROLLMENT_TYPE);
        }
        return PlainStatement.of(e.count() + noun, Fields.ENROLLMENT);
    }

    static PlainStatement start(Trial t) {
        if (t.startDate() == null) {
            return PlainStatement.of("Start date not given", Fields.START_DATE);
        }
        if ("ESTIMATED".equals(t.startDateType())) {
            return PlainStatement.of("Starts " + t.startDate() + " (expected)", Fields.START_DATE, Fields.START_DATE_TYPE);
        }
        return PlainStatement.of("Started " + t.startDate(), Fields.START_DATE, Fields.START_DATE_TYPE);
    }

    static PlainStatement ageRange(Trial t) {
        AgeLimit min = t.minimumAge();
        AgeLimit max = t.maximumAge();
        if (min != null && max != null) {
            return PlainStatement.of(age(min) + " to " + age(max), Fields.MINIMUM_AGE, Fields.MAXIMUM_AGE);
        }
        if (max != null) {
            return PlainStatement.of("Up to " + age(max), Fields.MAXIMUM_AGE);
        }
        if (min != null) {
            return PlainStatement.of(age(min) + " and older", Fields.MINIMUM_AGE);
        }
        return PlainStatement.of("Any age (no limit given)", Fields.MINIMUM_AGE, Fields.MAXIMUM_AGE);
    }

    /** "18 years", "6 months": the record's text in lower case. */
    static String age(AgeLimit limit) {
        return limit.text().toLowerCase(Locale.ROOT);
    }

    static PlainStatement sex(Trial t) {
        String words = t.sex() == null ? "Not stated" : switch (t.sex()) {
            case "ALL" -> "All sexes";
            case "FEMALE" -> "Female participants only";
            case "MALE" -> "Male participants only";
            default -> t.sex();
        };
        return PlainStatement.of(words, Fields.SEX);
    }

    static PlainStatement healthyVolunteers(Trial t) {
        if (t.healthyVolunteers() == null) {
            return PlainStatement.of("The record does not say whether healthy volunteers can take part",
                    Fields.HEALTHY_VOLUNTEERS);
        }
        return PlainStatement.of(t.healthyVolunteers() ? "Healthy volunteers can take part"
                : "Healthy volunteers cannot take part", Fields.HEALTHY_VOLUNTEERS);
    }

    /** "a, b and c". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
