package org.trialgraph.trial;

import java.util.List;

/** The GraphQL input {@code TrialWhere}: every field given must hold; AND, OR and NOT combine filters. */
public record TrialWhere(
        List<String> nctIds,
        List<String> overallStatus,
        List<String> phase,
        List<String> studyType,
        List<String> sex,
        Boolean healthyVolunteers,
        ConditionFilter condition,
        String mesh,
        InterventionFilter intervention,
        SponsorFilter sponsor,
        String country,
        GeoRadius near,
        DateRange startDate,
        DateRange completionDate,
        IntRange enrollment,
        Double age,
        Boolean hasResults,
        List<ConstraintFilter> constraints,
        List<ConstraintValue> allows,
        List<TrialWhere> AND,
        List<TrialWhere> OR,
        TrialWhere NOT) {

    public record ConditionFilter(String name, String meshId, String meshTerm) {
    }

    public record InterventionFilter(String name, String type) {
    }

    public record SponsorFilter(String name, List<String> agencyClass, Boolean leadOnly) {
    }

    public record GeoRadius(double latitude, double longitude, double radiusKm) {
    }

    public record DateRange(String from, String to) {
    }

    public record IntRange(Integer min, Integer max) {
    }

    public record ConstraintFilter(String concept, String comparator, Double value, String kind) {
    }

    public record ConstraintValue(String concept, double value, String unit) {
    }
}
