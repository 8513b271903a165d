package org.trialgraph.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.trialgraph.criteria.EligibilityEngine;
import org.trialgraph.ingest.StudyRecord.Age;
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
 * Maps one legacy {@code <clinical_study>} (the XML ClinicalTrials.gov published until 2024, schema in
 * ../shared/data/reference) onto the same {@link StudyRecord} as an API v2 study: the format's display values
 * become API v2 enum constants, its dates ("January 2007", "January 15, 2007") ISO text at the same precision.
 * An unknown value is rejected naming its element. Decisions are in docs/ARCHITECTURE.md, "Legacy XML".
 */
final class LegacyXmlStudyMapper {

    static final String FORMAT = "ctgov-legacy-xml";

    static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("Active, not recruiting", "ACTIVE_NOT_RECRUITING"), Map.entry("Completed", "COMPLETED"),
            Map.entry("Enrolling by invitation", "ENROLLING_BY_INVITATION"),
            Map.entry("Not yet recruiting", "NOT_YET_RECRUITING"), Map.entry("Recruiting", "RECRUITING"),
            Map.entry("Suspended", "SUSPENDED"), Map.entry("Terminated", "TERMINATED"),
            Map.entry("Withdrawn", "WITHDRAWN"), Map.entry("Available", "AVAILABLE"),
            Map.entry("No longer available", "NO_LONGER_AVAILABLE"),
            Map.entry("Temporarily not available", "TEMPORARILY_NOT_AVAILABLE"),
            Map.entry("Approved for marketing", "APPROVED_FOR_MARKETING"), Map.entry("Withheld", "WITHHELD"),
            Map.entry("Unknown status", "UNKNOWN"));
    static final Map<String, List<String>> PHASES = Map.of(
            "N/A", List.of("NA"), "Early Phase 1", List.of("EARLY_PHASE1"), "Phase 1", List.of("PHASE1"),
            "Phase 1/Phase 2", List.of("PHASE1", "PHASE2"), "Phase 2", List.of("PHASE2"),
            "Phase 2/Phase 3", List.of("PHASE2", "PHASE3"), "Phase 3", List.of("PHASE3"), "Phase 4", List.of("PHASE4"));
    // "N/A" study type has no API v2 counterpart: it is left out, as API v2 leaves the field out.
    static final Map<String, String> STUDY_TYPES = Map.of("Interventional", "INTERVENTIONAL",
            "Observational", "OBSERVATIONAL", "Observational [Patient Registry]", "OBSERVATIONAL",
            "Expanded Access", "EXPANDED_ACCESS", "N/A", "");
    static final Map<String, String> SEXES = Map.of("All", "ALL", "Both", "ALL", "Female", "FEMALE", "Male", "MALE");
    static final Map<String, String> AGENCY_CLASSES = Map.of("NIH", "NIH", "U.S. Fed", "FED", "Industry", "INDUSTRY",
            "Other", "OTHER");
    static final Map<String, String> INTERVENTION_TYPES = Map.ofEntries(Map.entry("Drug", "DRUG"),
            Map.entry("Biological", "BIOLOGICAL"), Map.entry("Device", "DEVICE"), Map.entry("Procedure", "PROCEDURE"),
            Map.entry("Procedure/Surgery", "PROCEDURE"), Map.entry("Radiation", "RADIATION"),
            Map.entry("Behavioral", "BEHAVIORAL"), Map.entry("Genetic", "GENETIC"),
            Map.entry("Dietary Supplement", "DIETARY_SUPPLEMENT"), Map.entry("Combination Product", "COMBINATION_PRODUCT"),
            Map.entry("Diagnostic Test", "DIAGNOSTIC_TEST"), Map.entry("Other", "OTHER"));
    static final Map<String, String> DATE_TYPES = Map.of("Actual", "ACTUAL", "Anticipated", "ESTIMATED",
            "Estimate", "ESTIMATED", "Estimated", "ESTIMATED");
    static final Map<String, Boolean> HEALTHY_VOLUNTEERS = Map.of("Accepts Healthy Volunteers", true, "Yes", true,
            "No", false);
    static final Map<String, Boolean> YES_NO = Map.of("Yes", true, "No", false);

    private static final Pattern NCT_ID = Pattern.compile("NCT\\d{8}");
    private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]+)\\s+(\\d{4})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("([A-Za-z]+)\\s+(\\d{1,2}),\\s*(\\d{4})");
    private static final Pattern PROCESSED_ON = Pattern.compile(".*\\bon\\s+(.+?)\\.?\\s*$");
    private static final Pattern NOT_WORD = Pattern.compile("[^A-Z0-9]+");

    private LegacyXmlStudyMapper() {
    }

    static StudyRecord map(XmlElement element, String location, EligibilityEngine criteriaEngine) {
        if (!element.name().equals(LegacyXmlReader.STUDY)) {
            throw new InvalidRecordException(element.name(), "expected a <clinical_study> element");
        }
        XmlFields study = XmlFields.root(element);
        XmlFields ids = study.child("id_info");
        String nctId = ids.text("nct_id");
        if (nctId == null) {
            throw ids.child("nct_id").invalid("is missing");
        }
        if (!NCT_ID.matcher(nctId).matches()) {
            throw ids.child("nct_id").invalid("not an NCT id: \"" + nctId + "\"");
        }
        XmlFields sponsors = study.child("sponsors");
        Eligibility eligibility = eligibility(study.child("eligibility"));
        List<Intervention> interventions = study.all("intervention", LegacyXmlStudyMapper::intervention);
        return new StudyRecord(
                nctId,
                identification(study, ids),
                status(study),
                sponsor(sponsors.child("lead_sponsor")),
                sponsors.all("collaborator", LegacyXmlStudyMapper::sponsor),
                study.textblock("brief_summary"),
                study.textblock("detailed_description"),
                study.texts("condition"),
                study.texts("keyword"),
                design(study),
                study.all("arm_group", arm -> arm(arm, study)),
                interventions,
                outcomes(study),
                eligibility,
                criteria(criteriaEngine, eligibility.criteriaText(), study.child("eligibility").child("criteria")),
                study.all("location", LegacyXmlStudyMapper::location),
                browse(study.child("condition_browse")),
                browse(study.child("intervention_browse")),
                study.child("clinical_results").isPresent(),
                new Provenance(location, FORMAT, versionHolder(study.child("required_header").child("download_date")),
                        element.contentHash()));
    }

    private static Identification identification(XmlFields study, XmlFields ids) {
        // <source> names the organisation responsible for the record: API v2 calls it organization.
        return new Identification(study.text("brief_title"), study.text("official_title"), study.text("acronym"),
                ids.text("org_study_id"), ids.texts("secondary_id"), study.text("source"), null);
    }

    private static Status status(XmlFields study) {
        return new Status(
                study.translated("overall_status", STATUSES),
                study.translated("last_known_status", STATUSES),
                study.text("why_stopped"),
                dateText(study.child("verification_date")),
                date(study.child("start_date")),
                date(study.child("primary_completion_date")),
                date(study.child("completion_date")),
                date(study.child("study_first_posted")),
                date(study.child("last_update_posted")));
    }

    private static PartialDate date(XmlFields element) {
        String text = dateText(element);
        if (text == null) {
            return null;
        }
        String type = element.attribute("type");
        if (type != null && !DATE_TYPES.containsKey(type)) {
            throw new InvalidRecordException(element.path() + "/@type", "unknown value \"" + type
                    + "\" (expected one of \"Actual\", \"Anticipated\", \"Estimate\")");
        }
        return new PartialDate(text, type == null ? null : DATE_TYPES.get(type));
    }

    /** "January 2007" as "2007-01", "January 15, 2007" as "2007-01-15". */
    static String dateText(XmlFields element) {
        String text = element.text();
        if (text == null) {
            return null;
        }
        String iso = isoDate(text);
        if (iso == null) {
            throw element.invalid("not a date: \"" + text + "\" (expected e.g. \"January 2007\" or \"January 15, 2007\")");
        }
        return iso;
    }

    private static String isoDate(String text) {
        try {
            Matcher day = MONTH_DAY_YEAR.matcher(text);
            if (day.matches()) {
                return LocalDate.of(Integer.parseInt(day.group(3)), month(day.group(1)), Integer.parseInt(day.group(2)))
                        .toString();
            }
            Matcher month = MONTH_YEAR.matcher(text);
            if (month.matches()) {
                return String.format("%s-%02d", month.group(2), month(month.group(1)).getValue());
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static Month month(String name) {
        return Month.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** "ClinicalTrials.gov processed this data on September 09, 2019" as 2019-09-09. */
    private static String versionHolder(XmlFields downloadDate) {
        String text = downloadDate.text();
        Matcher matcher = text == null ? null : PROCESSED_ON.matcher(text);
        return matcher != null && matcher.matches() ? isoDate(matcher.group(1)) : null;
    }

    private static Sponsor sponsor(XmlFields sponsor) {
        String name = sponsor.text("agency");
        return name == null ? null : new Sponsor(name, sponsor.translated("agency_class", AGENCY_CLASSES));
    }

    private static Design design(XmlFields study) {
        XmlFields info = study.child("study_design_info");
        XmlFields enrollment = study.child("enrollment");
        String studyType = study.translated("study_type", STUDY_TYPES);
        String masking = info.text("masking");
        return new Design(
                studyType == null || studyType.isEmpty() ? null : studyType,
                Objects.requireNonNullElse(study.translated("phase", PHASES), List.of()),
                code(info.text("allocation")),
                code(stripSuffix(info.text("intervention_model"), " Assignment")),
                masking == null ? null : code(masking.replaceFirst("\\s*\\(.*$", "")),
                "Educational/Counseling/Training".equals(info.text("primary_purpose")) ? "ECT"
                        : code(info.text("primary_purpose")),
                code(info.text("observational_model")),
                code(info.text("time_perspective")),
                enrollment(enrollment),
                enrollment.isPresent() ? type(enrollment) : null);
    }

    private static Integer enrollment(XmlFields enrollment) {
        String text = enrollment.text();
        if (text == null) {
            return null;
        }
        try {
            int count = Integer.parseInt(text);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw enrollment.invalid("expected a non-negative integer, got \"" + text + "\"");
    }

    private static String type(XmlFields element) {
        String type = element.attribute("type");
        if (type != null && !DATE_TYPES.containsKey(type)) {
            throw new InvalidRecordException(element.path() + "/@type", "unknown value \"" + type
                    + "\" (expected one of \"Actual\", \"Anticipated\", \"Estimate\")");
        }
        return type == null ? null : DATE_TYPES.get(type);
    }

    /** A display value as the API v2 constant: "Single Group" → SINGLE_GROUP, "Case-Control" → CASE_CONTROL. */
    static String code(String display) {
        if (display == null) {
            return null;
        }
        if (display.equals("N/A")) {
            return "NA";
        }
        String code = NOT_WORD.matcher(display.toUpperCase(Locale.ROOT)).replaceAll("_");
        return code.replaceAll("^_+|_+$", "");
    }

    private static String stripSuffix(String text, String suffix) {
        return text != null && text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }

    /** Arms list their interventions as API v2 does ("Drug: Bexxar"), from the interventions' arm labels. */
    private static Arm arm(XmlFields arm, XmlFields study) {
        String label = arm.text("arm_group_label");
        if (label == null) {
            return null;
        }
        List<String> interventionNames = new ArrayList<>();
        study.all("intervention", intervention -> intervention).forEach(intervention -> {
            if (intervention.texts("arm_group_label").contains(label) && intervention.text("intervention_name") != null) {
                interventionNames.add(Objects.requireNonNullElse(intervention.text("intervention_type"), "Other") + ": "
                        + intervention.text("intervention_name"));
            }
        });
        return new Arm(label, code(arm.text("arm_group_type")), arm.text("description"), List.copyOf(interventionNames));
    }

    private static Intervention intervention(XmlFields intervention) {
        String description = intervention.text("description");
        String name = Objects.requireNonNullElse(intervention.text("intervention_name"),
                description != null && description.length() <= 120 ? description : ApiV2StudyMapper.UNNAMED_INTERVENTION);
        return new Intervention(intervention.translated("intervention_type", INTERVENTION_TYPES), name, description,
                intervention.texts("other_name"), intervention.texts("arm_group_label"));
    }

    private static List<Outcome> outcomes(XmlFields study) {
        return Stream.of(OutcomeKind.values())
                .flatMap(kind -> study.all(kind.name().toLowerCase(Locale.ROOT) + "_outcome",
                        outcome -> outcome(kind, outcome)).stream())
                .toList();
    }

    private static Outcome outcome(OutcomeKind kind, XmlFields outcome) {
        String measure = outcome.text("measure");
        return measure == null ? null : new Outcome(kind, measure, outcome.text("time_frame"), outcome.text("description"));
    }

    private static Eligibility eligibility(XmlFields eligibility) {
        Age minimum = age(eligibility.child("minimum_age"));
        Age maximum = age(eligibility.child("maximum_age"));
        return new Eligibility(
                eligibility.child("criteria").textblock(),
                eligibility.translated("gender", SEXES),
                eligibility.translated("gender_based", YES_NO),
                minimum,
                maximum,
                eligibility.translated("healthy_volunteers", HEALTHY_VOLUNTEERS),
                eligibility.isPresent() ? standardAges(minimum, maximum) : List.of());
    }

    /** "N/A" means no limit, which API v2 expresses by leaving the age out. */
    private static Age age(XmlFields element) {
        String text = element.text();
        if (text == null || text.equalsIgnoreCase("N/A")) {
            return null;
        }
        return AgeText.parse(text, element.path());
    }

    /**
     * The age groups ClinicalTrials.gov derives for API v2 (child 0-17, adult 18-64, older adult 65+) that the
     * age range overlaps; the legacy XML does not carry them.
     */
    static List<String> standardAges(Age minimum, Age maximum) {
        double from = minimum == null || minimum.years() == null ? 0 : minimum.years();
        double to = maximum == null || maximum.years() == null ? Double.MAX_VALUE : maximum.years();
        List<String> ages = new ArrayList<>();
        if (from < 18) {
            ages.add("CHILD");
        }
        if (from < 65 && to >= 18) {
            ages.add("ADULT");
        }
        if (to >= 65) {
            ages.add("OLDER_ADULT");
        }
        return List.copyOf(ages);
    }

    private static EligibilityReading criteria(EligibilityEngine engine, String text, XmlFields element) {
        return EligibilityReading.of(engine, text, reason -> element.child("textblock").invalid(reason));
    }

    private static Location location(XmlFields location) {
        XmlFields facility = location.child("facility");
        XmlFields address = facility.child("address");
        String status = location.text("status");
        return new Location(facility.text("name"), status == null ? null : STATUSES.getOrDefault(status, code(status)),
                address.text("city"), address.text("state"), address.text("zip"), address.text("country"), null, null);
    }

    /** The legacy XML names MeSH terms without their ids: see docs/ARCHITECTURE.md, "Legacy XML". */
    private static Browse browse(XmlFields browse) {
        if (!browse.isPresent()) {
            return Browse.EMPTY;
        }
        List<MeshRef> terms = browse.all("mesh_term", term -> term.text() == null ? null : new MeshRef(null, term.text()));
        return Browse.termsOnly(terms);
    }
}
