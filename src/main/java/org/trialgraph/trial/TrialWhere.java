package org.trialgraph.trial;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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

    /** Trials stating this condition (a name, normalised as condition keys are). */
    public static TrialWhere conditionNamed(String name) {
        return only(new ConditionFilter(name, null, null), null, null, null);
    }

    /** Trials with this MeSH condition term or a narrower one. */
    public static TrialWhere conditionMeshId(String meshId) {
        return only(new ConditionFilter(null, meshId, null), null, null, null);
    }

    public static TrialWhere statusIn(List<String> statuses) {
        return only(null, List.copyOf(statuses), null, null);
    }

    /** Every filter given (nulls, meaning no filter, left out). */
    public static TrialWhere allOf(TrialWhere... filters) {
        return only(null, null, Arrays.stream(filters).filter(Objects::nonNull).toList(), null);
    }

    public static TrialWhere anyOf(List<TrialWhere> filters) {
        return only(null, null, null, List.copyOf(filters));
    }

    private static TrialWhere only(ConditionFilter conditionFilter, List<String> overallStatus, List<TrialWhere> and,
            List<TrialWhere> or) {
        return new TrialWhere(null, overallStatus, null, null, null, null, null, conditionFilter, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, and, or, null);
    }

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
