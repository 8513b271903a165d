package org.trialgraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.trialgraph.criteria.Constraint;
import org.trialgraph.criteria.EligibilityEngine;
import org.trialgraph.criteria.EligibilitySection;
import org.trialgraph.criteria.ParsedCriterion;
import org.trialgraph.ingest.StudyRecord.Browse;
import org.trialgraph.ingest.StudyRecord.Location;
import org.trialgraph.ingest.StudyRecord.MeshRef;
import org.trialgraph.ingest.StudyRecord.PartialDate;
import org.trialgraph.ingest.StudyRecord.Sponsor;

/** Turns a {@link StudyRecord} into the parameter maps of the writer's Cypher: one map per trial. */
final class TrialRows {

    private TrialRows() {
    }

    static Map<String, Object> of(StudyRecord study, String importedAt) {
        Map<String, Object> row = new HashMap<>();
        row.put("nctId", study.nctId());
        row.put("props", properties(study, importedAt));
        row.put("sponsors", sponsors(study));
        row.put("conditions", conditions(study));
        row.put("meshTerms", Map.of("condition", meshIds(study.conditionBrowse()), "intervention",
                meshIds(study.interventionBrowse())));
        row.put("interventions", interventions(study));
        row.put("arms", arms(study));
        row.put("outcomes", outcomes(study));
        row.put("sites", sites(study));
        return row;
    }

    private static Map<String, Object> properties(StudyRecord s, String importedAt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("nctId", s.nctId());
        var id = s.identification();
        p.put("briefTitle", id.briefTitle());
        p.put("officialTitle", id.officialTitle());
        p.put("acronym", id.acronym());
        p.put("orgStudyId", id.orgStudyId());
        p.put("secondaryIds", id.secondaryIds());
        p.put("organization", id.organization());
        p.put("organizationClass", id.organizationClass());
        var status = s.status();
        p.put("overallStatus", status.overallStatus());
        p.put("lastKnownStatus", status.lastKnownStatus());
        p.put("whyStopped", status.whyStopped());
        p.put("statusVerifiedDate", status.statusVerifiedDate());
        putDate(p, "startDate", status.startDate());
        putDate(p, "primaryCompletionDate", status.primaryCompletionDate());
        putDate(p, "completionDate", status.completionDate());
        putDate(p, "firstPosted", status.firstPosted());
        putDate(p, "lastUpdated", status.lastUpdated());
        p.put("startYear", year(status.startDate()));
        p.put("briefSummary", s.briefSummary());
        p.put("detailedDescription", s.detailedDescription());
        p.put("keywords", s.keywords());
        p.put("keywordText", keywordText(s));
        var design = s.design();
        p.put("studyType", design.studyType());
        p.put("phases", design.phases());
        p.put("allocation", design.allocation());
        p.put("interventionModel", design.interventionModel());
        p.put("masking", design.masking());
        p.put("primaryPurpose", design.primaryPurpose());
        p.put("observationalModel", design.observationalModel());
        p.put("timePerspective", design.timePerspective());
        p.put("enrollmentCount", design.enrollmentCount());
        p.put("enrollmentType", design.enrollmentType());
        var eligibility = s.eligibility();
        p.put("eligibilityCriteria", eligibility.criteriaText());
        p.put("sex", eligibility.sex());
        p.put("genderBased", eligibility.genderBased());
        if (eligibility.minimumAge() != null) {
            p.put("minimumAgeText", eligibility.minimumAge().text());
            p.put("minimumAgeYears", eligibility.minimumAge().years());
        }
        if (eligibility.maximumAge() != null) {
            p.put("maximumAgeText", eligibility.maximumAge().text());
            p.put("maximumAgeYears", eligibility.maximumAge().years());
        }
        p.put("healthyVolunteers", eligibility.healthyVolunteers());
        p.put("stdAges", eligibility.stdAges());
        p.put("hasResults", s.hasResults());
        var provenance = s.provenance();
        p.put("sourceLocation", provenance.location());
        p.put("sourceFormat", provenance.format());
        p.put("sourceVersion", provenance.versionHolder());
        p.put("sourceHash", provenance.contentHash());
        p.put("criteriaEngineVersion", EligibilityEngine.VERSION);
        p.put("importedAt", importedAt);
        p.values().removeIf(Objects::isNull);
        return p;
    }

    /** Keywords, conditions and intervention names in one text, for the full-text index. */
    private static String keywordText(StudyRecord s) {
        List<String> words = new ArrayList<>(s.keywords());
        words.addAll(s.conditions());
        s.interventions().forEach(i -> words.add(i.name()));
        return words.isEmpty() ? null : String.join(" ; ", words);
    }

    private static void putDate(Map<String, Object> p, String name, PartialDate date) {
        if (date == null) {
            return;
        }
        p.put(name, date.text());
        p.put(name + "Type", date.type());
    }

    private static Integer year(PartialDate date) {
        return date == null ? null : Integer.valueOf(date.text().substring(0, 4));
    }

    private static List<Map<String, Object>> sponsors(StudyRecord s) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (s.leadSponsor() != null) {
            rows.add(sponsor(s.leadSponsor(), "LEAD", 0));
        }
        int position = 1;
        for (Sponsor collaborator : s.collaborators()) {
            rows.add(sponsor(collaborator, "COLLABORATOR", position++));
        }
        return rows;
    }

    private static Map<String, Object> sponsor(Sponsor sponsor, String role, int position) {
        Map<String, Object> row = new HashMap<>();
        row.put("key", Keys.of(sponsor.name()));
        row.put("name", sponsor.name());
        row.put("agencyClass", sponsor.agencyClass());
        row.put("role", role);
        row.put("position", position);
        return row;
    }

    /** Conditions as written, each linked to the record's MeSH term of the same name where there is one. */
    private static List<Map<String, Object>> conditions(StudyRecord s) {
        Map<String, String> meshByKey = new HashMap<>();
        for (MeshRef mesh : s.conditionBrowse().meshes()) {
            meshByKey.putIfAbsent(Keys.of(mesh.term()), mesh.id());
        }
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        int position = 0;
        for (String condition : s.conditions()) {
            String key = Keys.of(condition);
            if (rows.containsKey(key)) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("key", key);
            row.put("name", condition);
            row.put("position", position++);
            row.put("meshId", meshByKey.getOrDefault(key, meshByKey.get(singular(key))));
            rows.put(key, row);
        }
        return new ArrayList<>(rows.values());
    }

    private static String singular(String key) {
        return key.endsWith("s") ? key.substring(0, key.length() - 1) : key + "s";
    }

    private static List<String> meshIds(Browse browse) {
        return browse.meshes().stream().map(MeshRef::id).distinct().toList();
    }

    private static List<Map<String, Object>> interventions(StudyRecord s) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        int position = 0;
        for (var intervention : s.interventions()) {
            String type = intervention.type() == null ? InterventionKeys.NO_TYPE : intervention.type();
            String key = InterventionKeys.of(type, intervention.name());
            if (rows.containsKey(key)) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("key", key);
            row.put("type", type);
            row.put("name", intervention.name());
            row.put("description", intervention.description());
            row.put("otherNames", intervention.otherNames());
            row.put("armGroupLabels", intervention.armGroupLabels());
            row.put("position", position++);
            rows.put(key, row);
        }
        return new ArrayList<>(rows.values());
    }

    private static List<Map<String, Object>> arms(StudyRecord s) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int position = 0;
        for (var arm : s.arms()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", s.nctId() + "#arm" + position);
            row.put("label", arm.label());
            row.put("type", arm.type());
            row.put("description", arm.description());
            row.put("interventionNames", arm.interventionNames());
            row.put("position", position++);
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> outcomes(StudyRecord s) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int position = 0;
        for (var outcome : s.outcomes()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", s.nctId() + "#" + outcome.kind() + position);
            row.put("kind", outcome.kind().name());
            row.put("measure", outcome.measure());
            row.put("timeFrame", outcome.timeFrame());
            row.put("description", outcome.description());
            row.put("position", position++);
            rows.add(row);
        }
        return rows;
    }

    /**
     * The distinct criteria of a batch, each to be merged once: its constraints, the number of distinct trials
     * stating it, and each statement of it (trial, section, position, wording).
     */
    static List<Map<String, Object>> distinctCriteria(List<StudyRecord> studies) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        Map<String, Set<String>> trials = new HashMap<>();
        for (StudyRecord study : studies) {
            int sectionIndex = 0;
            for (EligibilitySection section : study.criteria().sections()) {
                for (ParsedCriterion criterion : section.criteria()) {
                    Map<String, Object> row = rows.computeIfAbsent(criterion.key(), key -> criterionRow(criterion));
                    linksOf(row).add(link(study, section, sectionIndex, criterion));
                    trials.computeIfAbsent(criterion.key(), key -> new HashSet<>()).add(study.nctId());
                }
                sectionIndex++;
            }
        }
        rows.forEach((key, row) -> row.put("trialCount", trials.get(key).size()));
        return new ArrayList<>(rows.values());
    }

    private static Map<String, Object> criterionRow(ParsedCriterion criterion) {
        Map<String, Object> row = new HashMap<>();
        row.put("key", criterion.key());
        row.put("text", criterion.text());
        Map<String, Map<String, Object>> constraints = new LinkedHashMap<>();
        criterion.constraints().forEach(c -> constraints.putIfAbsent(c.key(), constraint(c)));
        row.put("constraints", new ArrayList<>(constraints.values()));
        row.put("constraintKeys", new ArrayList<>(constraints.keySet()));
        row.put("links", new ArrayList<Map<String, Object>>());
        return row;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> linksOf(Map<String, Object> criterionRow) {
        return (List<Map<String, Object>>) criterionRow.get("links");
    }

    /** A criterion as one trial states it: where (section, position) and in which words. */
    private static Map<String, Object> link(StudyRecord study, EligibilitySection section, int sectionIndex,
            ParsedCriterion criterion) {
        Map<String, Object> link = new HashMap<>();
        link.put("nctId", study.nctId());
        link.put("text", criterion.text());
        link.put("kind", section.kind().name());
        link.put("section", section.heading());
        link.put("sectionIndex", sectionIndex);
        link.put("position", criterion.position());
        return link;
    }

    private static Map<String, Object> constraint(Constraint c) {
        Map<String, Object> props = new HashMap<>();
        props.put("concept", c.concept().name());
        props.put("comparator", c.comparator().name());
        props.put("value", c.value());
        props.put("upperValue", c.upperValue());
        props.put("unit", c.unit());
        props.put("label", c.label());
        props.values().removeIf(Objects::isNull);
        return Map.of("key", c.key(), "props", props);
    }

    private static List<Map<String, Object>> sites(StudyRecord s) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        int position = 0;
        for (Location location : s.locations()) {
            String key = Keys.of(location.facility(), location.city(), location.state(), location.country());
            Map<String, Object> row = new HashMap<>();
            row.put("key", key);
            row.put("facility", location.facility());
            row.put("city", location.city());
            row.put("state", location.state());
            row.put("zip", location.zip());
            row.put("country", location.country());
            row.put("latitude", location.latitude());
            row.put("longitude", location.longitude());
            row.put("status", location.status());
            row.put("position", position++);
            // A record listing the same site twice links it once (the first status wins).
            rows.putIfAbsent(key, row);
        }
        return new ArrayList<>(rows.values());
    }
}
