package org.trialgraph.ingest;

import java.util.List;

import org.trialgraph.criteria.ParsedEligibility;

/**
 * One study as the importer understands it, whatever format it came in: every module of a ClinicalTrials.gov
 * record that users need, validated and normalised, with its eligibility text read by the criteria engine
 * (sections, shared criteria, constraints) when it is written, ready to be written to the graph.
 */
public record StudyRecord(
        String nctId,
        Identification identification,
        Status status,
        Sponsor leadSponsor,
        List<Sponsor> collaborators,
        String briefSummary,
        String detailedDescription,
        List<String> conditions,
        List<String> keywords,
        Design design,
        List<Arm> arms,
        List<Intervention> interventions,
        List<Outcome> outcomes,
        Eligibility eligibility,
        EligibilityReading eligibilityReading,
        List<Location> locations,
        Browse conditionBrowse,
        Browse interventionBrowse,
        boolean hasResults,
        Provenance provenance) {

    /** The eligibility criteria as the criteria engine reads them (parsed on first use). */
    public ParsedEligibility criteria() {
        return eligibilityReading.parsed();
    }

    public record Identification(String briefTitle, String officialTitle, String acronym, String orgStudyId,
            List<String> secondaryIds, String organization, String organizationClass) {
    }

    public record Status(String overallStatus, String lastKnownStatus, String whyStopped, String statusVerifiedDate,
            PartialDate startDate, PartialDate primaryCompletionDate, PartialDate completionDate,
            PartialDate firstPosted, PartialDate lastUpdated) {
    }

    /** A date as the source gives it: at year, month or day precision, with ACTUAL/ESTIMATED where given. */
    public record PartialDate(String text, String type) {
    }

    public record Sponsor(String name, String agencyClass) {
    }

    public record Design(String studyType, List<String> phases, String allocation, String interventionModel,
            String masking, String primaryPurpose, String observationalModel, String timePerspective,
            Integer enrollmentCount, String enrollmentType) {
    }

    public record Arm(String label, String type, String description, List<String> interventionNames) {
    }

    public record Intervention(String type, String name, String description, List<String> otherNames,
            List<String> armGroupLabels) {
    }

    public record Outcome(OutcomeKind kind, String measure, String timeFrame, String description) {
    }

    public enum OutcomeKind { PRIMARY, SECONDARY, OTHER }

    public record Eligibility(String criteriaText, String sex, Boolean genderBased, Age minimumAge, Age maximumAge,
            Boolean healthyVolunteers, List<String> stdAges) {
    }

    /** An age limit as written ("18 Years") and as a number of years (null when the source says none). */
    public record Age(String text, Double years) {
    }

    public record Location(String facility, String status, String city, String state, String zip, String country,
            Double latitude, Double longitude) {
    }

    /**
     * MeSH terms ClinicalTrials.gov derived for the record: the direct terms and all their ancestors. The legacy
     * XML gives the direct terms by name only (id null until the writer resolves it) and no ancestors.
     */
    public record Browse(List<MeshRef> meshes, List<MeshRef> ancestors, boolean ancestorsListed) {
        static final Browse EMPTY = new Browse(List.of(), List.of());

        public Browse(List<MeshRef> meshes, List<MeshRef> ancestors) {
            this(meshes, ancestors, true);
        }

        static Browse termsOnly(List<MeshRef> meshes) {
            return new Browse(meshes, List.of(), false);
        }

        Browse withIds(java.util.Map<String, String> idsByTerm) {
            return new Browse(meshes.stream().map(m -> m.id() != null ? m : new MeshRef(idsByTerm.get(m.term()), m.term()))
                    .toList(), ancestors, ancestorsListed);
        }
    }

    public record MeshRef(String id, String term) {
    }

    /** The same record with the MeSH terms it names without ids resolved to ids (see TrialGraphWriter). */
    StudyRecord withMeshIds(java.util.Map<String, String> idsByTerm) {
        return new StudyRecord(nctId, identification, status, leadSponsor, collaborators, briefSummary,
                detailedDescription, conditions, keywords, design, arms, interventions, outcomes, eligibility, eligibilityReading,
                locations, conditionBrowse.withIds(idsByTerm), interventionBrowse.withIds(idsByTerm), hasResults,
                provenance);
    }

    /**
     * Where the record came from: its location in the input, its format, the snapshot date of the source
     * (versionHolder) and a hash of its content, so that re-importing an identical record changes nothing.
     */
    public record Provenance(String location, String format, String versionHolder, String contentHash) {
    }
}
