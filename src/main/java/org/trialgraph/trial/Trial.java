package org.trialgraph.trial;

import java.util.List;

import org.neo4j.driver.Value;

/** A trial's own properties, as stored on its node; linked parts load in batches (see TrialPartsController). */
public record Trial(
        String nctId,
        String briefTitle,
        String officialTitle,
        String acronym,
        String orgStudyId,
        List<String> secondaryIds,
        String overallStatus,
        String lastKnownStatus,
        String whyStopped,
        List<String> phases,
        String studyType,
        Enrollment enrollment,
        Design design,
        String startDate,
        String startDateType,
        String primaryCompletionDate,
        String completionDate,
        String firstPosted,
        String lastUpdated,
        String briefSummary,
        String detailedDescription,
        AgeLimit minimumAge,
        AgeLimit maximumAge,
        String sex,
        Boolean healthyVolunteers,
        List<String> stdAges,
        String eligibilityCriteria,
        List<String> keywords,
        boolean hasResults,
        RecordSource source) {

    public record Enrollment(Integer count, String type) {
    }

    public record Design(String allocation, String interventionModel, String masking, String primaryPurpose,
            String observationalModel, String timePerspective) {
    }

    public record AgeLimit(String text, Double years) {

        static AgeLimit of(Value text, Value years) {
            return text.isNull() ? null : new AgeLimit(text.asString(), years.isNull() ? null : years.asDouble());
        }
    }

    public record RecordSource(String location, String format, String version, String contentHash,
            String importedAt) {
    }

    /** Reads a trial from its node's properties. */
    public static Trial from(Value t) {
        return new Trial(
                t.get("nctId").asString(),
                text(t, "briefTitle"),
                text(t, "officialTitle"),
                text(t, "acronym"),
                text(t, "orgStudyId"),
                texts(t, "secondaryIds"),
                text(t, "overallStatus"),
                text(t, "lastKnownStatus"),
                text(t, "whyStopped"),
                texts(t, "phases"),
                text(t, "studyType"),
                t.get("enrollmentCount").isNull() && t.get("enrollmentType").isNull() ? null
                        : new Enrollment(t.get("enrollmentCount").isNull() ? null : t.get("enrollmentCount").asInt(),
                                text(t, "enrollmentType")),
                new Design(text(t, "allocation"), text(t, "interventionModel"), text(t, "masking"),
                        text(t, "primaryPurpose"), text(t, "observationalModel"), text(t, "timePerspective")),
                text(t, "startDate"),
                text(t, "startDateType"),
                text(t, "primaryCompletionDate"),
                text(t, "completionDate"),
                text(t, "firstPosted"),
                text(t, "lastUpdated"),
                text(t, "briefSummary"),
                text(t, "detailedDescription"),
                AgeLimit.of(t.get("minimumAgeText"), t.get("minimumAgeYears")),
                AgeLimit.of(t.get("maximumAgeText"), t.get("maximumAgeYears")),
                text(t, "sex"),
                t.get("healthyVolunteers").isNull() ? null : t.get("healthyVolunteers").asBoolean(),
                texts(t, "stdAges"),
                text(t, "eligibilityCriteria"),
                texts(t, "keywords"),
                t.get("hasResults").asBoolean(false),
                new RecordSource(text(t, "sourceLocation"), text(t, "sourceFormat"), text(t, "sourceVersion"),
                        text(t, "sourceHash"), text(t, "importedAt")));
    }

    private static String text(Value node, String name) {
        Value value = node.get(name);
        return value.isNull() ? null : value.asString();
    }

    private static List<String> texts(Value node, String name) {
        Value value = node.get(name);
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }
}
