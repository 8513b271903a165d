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
        String condition,
        ConditionFilter conditionFilter,
        String mesh,
        String intervention,
        InterventionFilter interventionFilter,
        String sponsor,
        List<String> sponsorClass,
        SponsorFilter sponsorFilter,
        String country,
        String site,
        GeoRadius near,
        String startFrom,
        String startTo,
        DateRange startDate,
        DateRange completionDate,
        IntRange enrollment,
        Double age,
        Boolean hasResults,
        List<ConstraintFilter> constraints,
        List<ConstraintValue> allows,
        List<TrialWhere> AND,
        List<TrialWhere> OR,
        List<TrialWhere> NOT) {

    public record ConditionFilter(String name, String meshId, String meshTerm) {
    }

    public record InterventionFilter(String name, String type) {
    }

    public record SponsorFilter(String name, List<String> agencyClass, Boolean leadOnly) {
    }

    /** A point and a distance: {@code km} as the contract names it, {@code radiusKm} accepted as an alias. */
    public record GeoRadius(double latitude, double longitude, Double km, Double radiusKm) {

        /** The distance in kilometres; a bad request naming the field when missing or given twice differently. */
        public double kilometres() {
            if (km == null && radiusKm == null) {
                throw new IllegalArgumentException("near.km is missing (the distance in kilometres)");
            }
            if (km != null && radiusKm != null && !km.equals(radiusKm)) {
                throw new IllegalArgumentException("near: give km or radiusKm, not two different distances");
            }
            return km != null ? km : radiusKm;
        }
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
