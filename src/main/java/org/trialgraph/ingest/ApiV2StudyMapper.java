package org.trialgraph.ingest;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.trialgraph.criteria.EligibilityEngine;

import org.trialgraph.ingest.StudyRecord.Arm;
import org.trialgraph.ingest.StudyRecord.Browse;
import org.trialgraph.ingest.StudyRecord.Design;
import org.trialgraph.ingest.StudyRecord.Eligibility;
import org.trialgraph.ingest.StudyRecord.Identification;
import org.trialgraph.ingest.StudyRecord.Intervention;
import org.trialgraph.ingest.StudyRecord.Location;
import org.trialgraph.ingest.StudyRecord.MeshRef;
import org.trialgraph.ingest.StudyRecord.Outcome;
import org.trialgraph.ingest.StudyRecord.OutcomeKind;
import org.trialgraph.ingest.StudyRecord.PartialDate;
import org.trialgraph.ingest.StudyRecord.Provenance;
import org.trialgraph.ingest.StudyRecord.Sponsor;
import org.trialgraph.ingest.StudyRecord.Status;

/**
 * Maps one ClinicalTrials.gov API v2 study object onto a {@link StudyRecord}, validating types, enums and
 * dates against the official API v2 schema (see ../shared/data/reference) and naming the field at fault.
 */
final class ApiV2StudyMapper {

    static final String FORMAT = "ctgov-api-v2-json";

    static final Set<String> STATUSES = Set.of("ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION",
            "NOT_YET_RECRUITING", "RECRUITING", "SUSPENDED", "TERMINATED", "WITHDRAWN", "AVAILABLE",
            "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD", "UNKNOWN");
    static final Set<String> PHASES = Set.of("NA", "EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4");
    static final Set<String> STUDY_TYPES = Set.of("EXPANDED_ACCESS", "INTERVENTIONAL", "OBSERVATIONAL");
    static final Set<String> SEXES = Set.of("FEMALE", "MALE", "ALL");
    static final Set<String> AGENCY_CLASSES = Set.of("NIH", "FED", "OTHER_GOV", "INDIV", "INDUSTRY", "NETWORK",
            "AMBIG", "OTHER", "UNKNOWN");
    static final Set<String> INTERVENTION_TYPES = Set.of("BEHAVIORAL", "BIOLOGICAL", "COMBINATION_PRODUCT", "DEVICE",
            "DIAGNOSTIC_TEST", "DIETARY_SUPPLEMENT", "DRUG", "GENETIC", "PROCEDURE", "RADIATION", "OTHER");
    static final Set<String> DATE_TYPES = Set.of("ACTUAL", "ESTIMATED");
    static final Set<String> STANDARD_AGES = Set.of("CHILD", "ADULT", "OLDER_ADULT");

    static final String UNNAMED_INTERVENTION = "Unnamed intervention";

    private static final Pattern NCT_ID = Pattern.compile("NCT\\d{8}");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

    private ApiV2StudyMapper() {
    }

    static StudyRecord map(JsonNode study, String location, String contentHash, EligibilityEngine criteriaEngine) {
        if (!study.isObject()) {
            throw new InvalidRecordException("(record)", "expected a study object");
        }
        JsonFields root = JsonFields.root(study);
        JsonFields protocol = root.object("protocolSection");
        JsonFields identification = protocol.object("identificationModule");
        String nctId = identification.requiredString("nctId");
        if (!NCT_ID.matcher(nctId).matches()) {
            throw new InvalidRecordException(identification.path() + ".nctId", "not an NCT id: \"" + nctId + "\"");
        }
        JsonFields sponsors = protocol.object("sponsorCollaboratorsModule");
        JsonFields description = protocol.object("descriptionModule");
        JsonFields conditions = protocol.object("conditionsModule");
        JsonFields arms = protocol.object("armsInterventionsModule");
        JsonFields outcomes = protocol.object("outcomesModule");
        JsonFields derived = root.object("derivedSection");
        Eligibility eligibility = eligibility(protocol.object("eligibilityModule"));
        return new StudyRecord(
                nctId,
                identification(identification),
                status(protocol.object("statusModule")),
                sponsor(sponsors.object("leadSponsor")),
                sponsors.objects("collaborators", ApiV2StudyMapper::sponsor),
                description.string("briefSummary"),
                description.string("detailedDescription"),
                conditions.names("conditions"),
                conditions.strings("keywords"),
                design(protocol.object("designModule")),
                arms.objects("armGroups", ApiV2StudyMapper::arm),
                arms.objects("interventions", ApiV2StudyMapper::intervention),
                outcomes(outcomes),
                eligibility,
                criteria(criteriaEngine, eligibility.criteriaText()),
                protocol.object("contactsLocationsModule").objects("locations", ApiV2StudyMapper::location),
                browse(derived.object("conditionBrowseModule")),
                browse(derived.object("interventionBrowseModule")),
                Boolean.TRUE.equals(root.bool("hasResults")),
                new Provenance(location, FORMAT, derived.object("miscInfoModule").string("versionHolder"), contentHash));
    }

    private static Identification identification(JsonFields module) {
        JsonFields organization = module.object("organization");
        return new Identification(
                module.string("briefTitle"),
                module.string("officialTitle"),
                module.string("acronym"),
                module.object("orgStudyIdInfo").string("id"),
                module.objects("secondaryIdInfos", info -> info.string("id")),
                organization.string("fullName"),
                organization.enumValue("class", AGENCY_CLASSES));
    }

    private static Status status(JsonFields module) {
        return new Status(
                module.enumValue("overallStatus", STATUSES),
                module.enumValue("lastKnownStatus", STATUSES),
                module.string("whyStopped"),
                date(module, "statusVerifiedDate"),
                dateStruct(module.object("startDateStruct")),
                dateStruct(module.object("primaryCompletionDateStruct")),
                dateStruct(module.object("completionDateStruct")),
                dateStruct(module.object("studyFirstPostDateStruct")),
                dateStruct(module.object("lastUpdatePostDateStruct")));
    }

    private static PartialDate dateStruct(JsonFields struct) {
        String text = date(struct, "date");
        return text == null ? null : new PartialDate(text, struct.enumValue("type", DATE_TYPES));
    }

    private static String date(JsonFields module, String name) {
        String text = module.string(name);
        if (text != null && !PARTIAL_DATE.matcher(text).matches()) {
            throw new InvalidRecordException(module.path() + "." + name,
                    "not a date: \"" + text + "\" (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        return text;
    }

    private static Sponsor sponsor(JsonFields sponsor) {
        String name = sponsor.name("name");
        return name == null ? null : new Sponsor(name, sponsor.enumValue("class", AGENCY_CLASSES));
    }

    private static Design design(JsonFields module) {
        JsonFields info = module.object("designInfo");
        JsonFields enrollment = module.object("enrollmentInfo");
        return new Design(
                module.enumValue("studyType", STUDY_TYPES),
                module.enumValues("phases", PHASES),
                info.string("allocation"),
                info.string("interventionModel"),
                info.object("maskingInfo").string("masking"),
                info.string("primaryPurpose"),
                info.string("observationalModel"),
                info.string("timePerspective"),
                enrollment.integer("count"),
                enrollment.enumValue("type", DATE_TYPES));
    }

    private static Arm arm(JsonFields arm) {
        return new Arm(arm.string("label"), arm.string("type"), arm.string("description"),
                arm.strings("interventionNames"));
    }

    private static Intervention intervention(JsonFields intervention) {
        String description = intervention.string("description");
        // Real records have interventions without a name ("No intervention" given only as description).
        String name = Objects.requireNonNullElse(intervention.name("name"),
                description != null && description.length() <= 120 ? description : UNNAMED_INTERVENTION);
        return new Intervention(intervention.enumValue("type", INTERVENTION_TYPES), name, description,
                intervention.strings("otherNames"), intervention.strings("armGroupLabels"));
    }

    private static List<Outcome> outcomes(JsonFields module) {
        return java.util.stream.Stream.of(OutcomeKind.values())
                .flatMap(kind -> module.objects(kind.name().toLowerCase() + "Outcomes", outcome -> outcome(kind, outcome))
                        .stream())
                .toList();
    }

    private static Outcome outcome(OutcomeKind kind, JsonFields outcome) {
        String measure = outcome.string("measure");
        return measure == null ? null
                : new Outcome(kind, measure, outcome.string("timeFrame"), outcome.string("description"));
    }

    private static Eligibility eligibility(JsonFields module) {
        return new Eligibility(
                module.string("eligibilityCriteria"),
                module.enumValue("sex", SEXES),
                module.bool("genderBased"),
                AgeText.parse(module.string("minimumAge"), module.path() + ".minimumAge"),
                AgeText.parse(module.string("maximumAge"), module.path() + ".maximumAge"),
                module.bool("healthyVolunteers"),
                module.enumValues("stdAges", STANDARD_AGES));
    }

    private static EligibilityReading criteria(EligibilityEngine engine, String text) {
        return EligibilityReading.of(engine, text, reason -> new InvalidRecordException(
                "protocolSection.eligibilityModule.eligibilityCriteria", reason));
    }

    private static Location location(JsonFields location) {
        JsonFields geo = location.object("geoPoint");
        return new Location(location.name("facility"), location.string("status"), location.name("city"),
                location.name("state"), location.name("zip"), location.name("country"), geo.decimal("lat"),
                geo.decimal("lon"));
    }

    private static Browse browse(JsonFields module) {
        if (!module.isPresent()) {
            return Browse.EMPTY;
        }
        return new Browse(module.objects("meshes", ApiV2StudyMapper::mesh),
                module.objects("ancestors", ApiV2StudyMapper::mesh));
    }

    private static MeshRef mesh(JsonFields mesh) {
        String id = mesh.name("id");
        String term = mesh.name("term");
        if (id == null) {
            return null;
        }
        String canonical = MeshIds.canonical(id);
        return new MeshRef(canonical, term == null ? canonical : term);
    }
}
