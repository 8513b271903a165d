package org.trialgraph.trial;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.neo4j.driver.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trial's own properties, as stored on its node; linked parts load in batches (see TrialPartsController). The
 * versions imported ({@link #sources()}) are kept as stored and read only when asked for.
 */
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
        RecordSource source,
        List<String> sourceHistory) {

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
            String importedAt, String lastUpdated, boolean current) {
    }

    /**
     * The Trial fields answered from the node's short properties alone: all its own fields but the long texts
     * (summary, description, eligibility criteria) and the record's sources. A page whose selection stays within
     * them can read {@link #shortProjection} instead of the whole node (a few hundred bytes instead of kilobytes per
     * trial over Bolt).
     */
    public static final Set<String> SHORT_FIELDS = Set.of("__typename", "nctId", "briefTitle", "officialTitle",
            "acronym", "orgStudyId", "secondaryIds", "overallStatus", "lastKnownStatus", "whyStopped", "phases",
            "studyType", "enrollment", "design", "startDate", "startDateType", "primaryCompletionDate",
            "completionDate", "firstPosted", "lastUpdated", "minimumAge", "maximumAge", "sex", "healthyVolunteers",
            "stdAges", "keywords", "hasResults");

    /**
     * A map projection of the trial node {@code t} with {@code nctId} and the properties {@link #from} reads for the
     * given short fields (the others read as absent), in one order whatever the fields' order.
     */
    public static String shortProjection(Collection<String> fields) {
        Set<String> properties = new TreeSet<>(List.of("nctId"));
        for (String field : fields) {
            if (!SHORT_FIELDS.contains(field)) {
                throw new IllegalArgumentException("not a short field of Trial: " + field);
            }
            properties.addAll(PROPERTIES_BY_FIELD.get(field));
        }
        return projection(properties);
    }

    /** The properties that stand for the whole node (see {@link #projection}). */
    static final Set<String> WHOLE_NODE = Set.of("*");

    /**
     * How a query returns the trial node {@code t}: a map projection of these properties (names from Trial's own
     * lists only), or the node itself for {@link #WHOLE_NODE}.
     */
    static String projection(Collection<String> properties) {
        if (properties.equals(WHOLE_NODE)) {
            return "t";
        }
        return properties.stream().map(p -> "." + p).collect(Collectors.joining(", ", "t {", "}"));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

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
                current(t),
                texts(t, "sourceHistory"));
    }

    /**
     * The node properties a selection of these Trial fields reads (nctId always), or empty when one of them is not
     * known here (then the whole node is read). Linked parts read none. {@code subFields} are the paths selected
     * below the fields of SUB_FIELD_OWNERS ({@code eligibility/text}: the criteria text, which only that reads).
     */
    static Optional<Set<String>> propertiesOf(Collection<String> fields, Collection<String> subFields) {
        Set<String> properties = new LinkedHashSet<>();
        properties.add("nctId");
        for (String field : fields) {
            List<String> read = PROPERTIES_BY_FIELD.get(field);
            if (read == null) {
                return Optional.empty();
            }
            properties.addAll(read);
        }
        subFields.forEach(path -> properties.addAll(PROPERTIES_BY_SUB_FIELD.getOrDefault(path, List.of())));
        return Optional.of(properties);
    }

    private static final List<String> SOURCE = List.of("sourceLocation", "sourceFormat", "sourceVersion", "sourceHash",
            "importedAt", "lastUpdated");

    /** What a field below a Trial field reads of the node, by path. */
    static final Map<String, List<String>> PROPERTIES_BY_SUB_FIELD = Map.of("eligibility/text", List.of("eligibilityCriteria"));

    /** The Trial fields whose sub-fields read node properties (PROPERTIES_BY_SUB_FIELD). */
    static final Set<String> SUB_FIELD_OWNERS = Set.of("eligibility");

    /** What {@link #from} reads for each field of Trial in the schema (TrialPropertiesTest keeps it complete). */
    static final Map<String, List<String>> PROPERTIES_BY_FIELD = propertiesByField();

    private static Map<String, List<String>> propertiesByField() {
        Map<String, List<String>> byField = new HashMap<>();
        for (String sameName : List.of("nctId", "briefTitle", "officialTitle", "acronym", "orgStudyId", "secondaryIds",
                "overallStatus", "lastKnownStatus", "whyStopped", "phases", "studyType", "startDate", "startDateType",
                "primaryCompletionDate", "completionDate", "firstPosted", "lastUpdated", "briefSummary",
                "detailedDescription", "sex", "healthyVolunteers", "stdAges", "eligibilityCriteria", "keywords",
                "hasResults")) {
            byField.put(sameName, List.of(sameName));
        }
        byField.put("enrollment", List.of("enrollmentCount", "enrollmentType"));
        byField.put("design", List.of("allocation", "interventionModel", "masking", "primaryPurpose",
                "observationalModel", "timePerspective"));
        byField.put("minimumAge", List.of("minimumAgeText", "minimumAgeYears"));
        byField.put("maximumAge", List.of("maximumAgeText", "maximumAgeYears"));
        byField.put("source", SOURCE);
        List<String> sources = new ArrayList<>(SOURCE);
        sources.add("sourceHistory");
        byField.put("sources", List.copyOf(sources));
        for (String linked : List.of("eligibility", "leadSponsor", "collaborators", "conditions", "meshTerms", "interventionMeshTerms",
                "interventions", "arms", "outcomes", "sites", "siteCount", "__typename")) {
            byField.put(linked, List.of());
        }
        return Map.copyOf(byField);
    }

    private static RecordSource current(Value t) {
        return new RecordSource(text(t, "sourceLocation"), text(t, "sourceFormat"), text(t, "sourceVersion"),
                text(t, "sourceHash"), text(t, "importedAt"), text(t, "lastUpdated"), true);
    }

    /** Every version imported (the importer's sourceHistory entries), oldest last update first. */
    public List<RecordSource> sources() {
        RecordSource current = source;
        List<RecordSource> sources = new ArrayList<>();
        for (String entry : sourceHistory) {
            JsonNode e = JSON.readTree(entry);
            String location = e.path("location").asString(null);
            String hash = e.path("contentHash").asString(null);
            boolean isCurrent = Objects.equals(hash, current.contentHash()) && Objects.equals(location, current.location());
            sources.add(isCurrent ? current : new RecordSource(location, e.path("format").asString(null),
                    e.path("version").asString(null), hash, null, e.path("lastUpdated").asString(null), false));
        }
        if (sources.stream().noneMatch(RecordSource::current)) {
            sources.add(current);
        }
        sources.sort(Comparator.comparing(RecordSource::lastUpdated, NULLS_FIRST)
                .thenComparing(RecordSource::version, NULLS_FIRST));
        return sources;
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
