package org.trialgraph.ingest;

import static org.trialgraph.ingest.TrialResponse.distinctByKey;
import static org.trialgraph.ingest.TrialResponse.field;
import static org.trialgraph.ingest.TrialResponse.listOf;
import static org.trialgraph.ingest.TrialResponse.pluck;
import static org.trialgraph.ingest.TrialResponse.siteKey;
import static org.trialgraph.ingest.RawXmlRecords.constant;
import static org.trialgraph.ingest.RawXmlRecords.isoDate;
import static org.trialgraph.ingest.RawXmlRecords.nodes;
import static org.trialgraph.ingest.RawXmlRecords.text;
import static org.trialgraph.ingest.RawXmlRecords.textblock;
import static org.trialgraph.ingest.RawXmlRecords.texts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.w3c.dom.Document;

/**
 * Compares a trial as the GraphQL API returns it with its raw legacy XML record, field by field. Written
 * against the XML elements of the legacy schema, not against the importer's classes.
 */
final class XmlRecordComparison {

    private static final Map<String, String> AGENCY_CLASSES = Map.of("NIH", "NIH", "U.S. Fed", "FED",
            "Industry", "INDUSTRY", "Other", "OTHER");

    private final SoftAssertions softly;
    private final String nctId;
    private final Document raw;
    private final Map<String, Object> trial;

    XmlRecordComparison(SoftAssertions softly, String nctId, Document raw, Map<String, Object> trial) {
        this.softly = softly;
        this.nctId = nctId;
        this.raw = raw;
        this.trial = trial;
    }

    void compare() {
        softly.assertThat(trial).as(nctId + " exists").isNotNull();
        if (trial == null) {
            return;
        }
        String s = "/clinical_study/";
        same("briefTitle", text(raw, s + "brief_title"), trial.get("briefTitle"));
        same("officialTitle", text(raw, s + "official_title"), trial.get("officialTitle"));
        same("acronym", text(raw, s + "acronym"), trial.get("acronym"));
        same("orgStudyId", text(raw, s + "id_info/org_study_id"), trial.get("orgStudyId"));
        same("overallStatus", constant(text(raw, s + "overall_status")), trial.get("overallStatus"));
        same("whyStopped", text(raw, s + "why_stopped"), trial.get("whyStopped"));
        same("startDate", isoDate(text(raw, s + "start_date")), trial.get("startDate"));
        same("primaryCompletionDate", isoDate(text(raw, s + "primary_completion_date")),
                trial.get("primaryCompletionDate"));
        same("completionDate", isoDate(text(raw, s + "completion_date")), trial.get("completionDate"));
        same("lastUpdated", isoDate(text(raw, s + "last_update_posted")), trial.get("lastUpdated"));
        same("phases", RawXmlRecords.phases(text(raw, s + "phase")), trial.get("phases"));
        String studyType = text(raw, s + "study_type");
        same("studyType", studyType == null ? null : constant(studyType.replace(" [Patient Registry]", "")),
                trial.get("studyType"));
        String enrollment = text(raw, s + "enrollment");
        same("enrollment.count", enrollment == null ? null : Integer.valueOf(enrollment),
                field(trial.get("enrollment"), "count"));
        same("design.allocation", constant(text(raw, s + "study_design_info/allocation")),
                field(trial.get("design"), "allocation"));
        same("briefSummary", textblock(raw, s + "brief_summary/textblock"), trial.get("briefSummary"));
        same("detailedDescription", textblock(raw, s + "detailed_description/textblock"),
                trial.get("detailedDescription"));
        same("eligibilityCriteria", textblock(raw, s + "eligibility/criteria/textblock"), trial.get("eligibilityCriteria"));
        String gender = text(raw, s + "eligibility/gender");
        same("sex", gender == null ? null : gender.equals("Both") ? "ALL" : constant(gender), trial.get("sex"));
        String healthy = text(raw, s + "eligibility/healthy_volunteers");
        same("healthyVolunteers", healthy == null ? null : healthy.startsWith("Accepts"), trial.get("healthyVolunteers"));
        same("minimumAge.text", age(text(raw, s + "eligibility/minimum_age")), field(trial.get("minimumAge"), "text"));
        same("maximumAge.text", age(text(raw, s + "eligibility/maximum_age")), field(trial.get("maximumAge"), "text"));
        same("leadSponsor.name", text(raw, s + "sponsors/lead_sponsor/agency"), field(trial.get("leadSponsor"), "name"));
        same("leadSponsor.class", AGENCY_CLASSES.get(text(raw, s + "sponsors/lead_sponsor/agency_class")),
                field(trial.get("leadSponsor"), "agencyClass"));
        same("collaborators", texts(raw, s + "sponsors/collaborator/agency"), pluck(trial.get("collaborators"), "name"));
        // Shared condition nodes keep the first spelling seen; a trial's spelling differs at most in case or spacing.
        same("conditions", keys(distinctByKey(texts(raw, s + "condition"))), keys(pluck(trial.get("conditions"), "name")));
        same("keywords", texts(raw, s + "keyword"), trial.get("keywords"));
        same("meshTerms", new LinkedHashSet<>(texts(raw, s + "condition_browse/mesh_term")),
                new LinkedHashSet<>(pluck(trial.get("meshTerms"), "term")));
        same("interventionMeshTerms", new LinkedHashSet<>(texts(raw, s + "intervention_browse/mesh_term")),
                new LinkedHashSet<>(pluck(trial.get("interventionMeshTerms"), "term")));
        compareInterventions();
        compareOutcomes();
        compareSites();
        same("hasResults", !nodes(raw, s + "clinical_results").isEmpty(), trial.get("hasResults"));
        same("source.format", "ctgov-legacy-xml", field(trial.get("source"), "format"));
    }

    private static String age(String text) {
        return text == null || text.equals("N/A") ? null : text;
    }

    private void compareInterventions() {
        Set<String> expected = new LinkedHashSet<>();
        nodes(raw, "/clinical_study/intervention").forEach(i -> {
            String type = text(i, "intervention_type");
            expected.add((type.equals("Procedure/Surgery") ? "PROCEDURE" : constant(type)) + "|"
                    + text(i, "intervention_name"));
        });
        List<String> actual = new ArrayList<>();
        listOf(trial.get("interventions")).forEach(i -> actual.add(i.get("type") + "|" + i.get("name")));
        same("interventions", distinctByKey(new ArrayList<>(expected)), actual);
    }

    private void compareOutcomes() {
        List<String> expected = new ArrayList<>();
        for (String kind : List.of("primary", "secondary", "other")) {
            nodes(raw, "/clinical_study/" + kind + "_outcome").forEach(o -> expected.add(
                    kind.toUpperCase(Locale.ROOT) + "|" + text(o, "measure") + "|" + text(o, "time_frame")));
        }
        List<String> actual = new ArrayList<>();
        listOf(trial.get("outcomes")).forEach(o -> actual.add(o.get("kind") + "|" + o.get("measure") + "|"
                + o.get("timeFrame")));
        same("outcomes", expected, actual);
    }

    private void compareSites() {
        Set<String> expected = new LinkedHashSet<>();
        nodes(raw, "/clinical_study/location").forEach(l -> expected.add(siteKey(text(l, "facility/name"),
                text(l, "facility/address/city"), text(l, "facility/address/country"))));
        Set<String> actual = new LinkedHashSet<>();
        listOf(trial.get("sites")).forEach(site -> actual.add(siteKey((String) site.get("facility"),
                (String) site.get("city"), (String) site.get("country"))));
        sameSites(expected, actual);
    }

    private static List<String> keys(List<?> names) {
        return names.stream().map(name -> ApiV2ImportTest.key(String.valueOf(name))).toList();
    }

    private void sameSites(Set<String> expected, Set<String> actual) {
        TrialResponse.sameSites(softly, nctId, trial, expected, actual);
    }

    private void same(String field, Object expected, Object actual) {
        TrialResponse.same(softly, nctId, field, expected, actual);
    }
}
