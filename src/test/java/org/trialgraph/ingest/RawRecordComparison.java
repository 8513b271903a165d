package org.trialgraph.ingest;

import static org.trialgraph.ingest.TrialResponse.distinctByKey;
import static org.trialgraph.ingest.TrialResponse.field;
import static org.trialgraph.ingest.TrialResponse.listOf;
import static org.trialgraph.ingest.TrialResponse.pluck;
import static org.trialgraph.ingest.TrialResponse.siteKey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Compares a trial as the GraphQL API returns it with its raw API v2 record, field by field. Written against
 * the raw JSON paths of the official schema, not against the importer's classes.
 */
final class RawRecordComparison {

    private final SoftAssertions softly;
    private final String nctId;
    private final JsonNode raw;
    private final Map<String, Object> trial;

    RawRecordComparison(SoftAssertions softly, String nctId, JsonNode raw, Map<String, Object> trial) {
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
        JsonNode p = raw.path("protocolSection");
        JsonNode id = p.path("identificationModule");
        JsonNode status = p.path("statusModule");
        JsonNode design = p.path("designModule");
        JsonNode eligibility = p.path("eligibilityModule");
        JsonNode sponsors = p.path("sponsorCollaboratorsModule");

        same("briefTitle", text(id, "briefTitle"), trial.get("briefTitle"));
        same("officialTitle", text(id, "officialTitle"), trial.get("officialTitle"));
        same("acronym", text(id, "acronym"), trial.get("acronym"));
        same("orgStudyId", text(id.path("orgStudyIdInfo"), "id"), trial.get("orgStudyId"));
        same("overallStatus", text(status, "overallStatus"), trial.get("overallStatus"));
        same("whyStopped", text(status, "whyStopped"), trial.get("whyStopped"));
        same("startDate", text(status.path("startDateStruct"), "date"), trial.get("startDate"));
        same("primaryCompletionDate", text(status.path("primaryCompletionDateStruct"), "date"),
                trial.get("primaryCompletionDate"));
        same("completionDate", text(status.path("completionDateStruct"), "date"), trial.get("completionDate"));
        same("lastUpdated", text(status.path("lastUpdatePostDateStruct"), "date"), trial.get("lastUpdated"));
        same("phases", texts(design.path("phases")), trial.get("phases"));
        same("studyType", text(design, "studyType"), trial.get("studyType"));
        Map<?, ?> enrollment = (Map<?, ?>) trial.get("enrollment");
        JsonNode rawEnrollment = design.path("enrollmentInfo");
        same("enrollment.count", rawEnrollment.path("count").isNumber() ? rawEnrollment.path("count").asInt() : null,
                enrollment == null ? null : enrollment.get("count"));
        same("design.allocation", text(design.path("designInfo"), "allocation"),
                ((Map<?, ?>) trial.get("design")).get("allocation"));
        same("briefSummary", text(p.path("descriptionModule"), "briefSummary"), trial.get("briefSummary"));
        same("detailedDescription", text(p.path("descriptionModule"), "detailedDescription"),
                trial.get("detailedDescription"));
        same("eligibilityCriteria", text(eligibility, "eligibilityCriteria"), trial.get("eligibilityCriteria"));
        same("sex", text(eligibility, "sex"), trial.get("sex"));
        same("healthyVolunteers", eligibility.path("healthyVolunteers").isBoolean()
                ? eligibility.path("healthyVolunteers").asBoolean() : null, trial.get("healthyVolunteers"));
        same("minimumAge.text", text(eligibility, "minimumAge"), field(trial.get("minimumAge"), "text"));
        same("maximumAge.text", text(eligibility, "maximumAge"), field(trial.get("maximumAge"), "text"));
        same("stdAges", texts(eligibility.path("stdAges")), trial.get("stdAges"));
        same("leadSponsor.name", text(sponsors.path("leadSponsor"), "name"), field(trial.get("leadSponsor"), "name"));
        same("leadSponsor.class", text(sponsors.path("leadSponsor"), "class"),
                field(trial.get("leadSponsor"), "agencyClass"));
        same("collaborators", names(sponsors.path("collaborators"), "name"), pluck(trial.get("collaborators"), "name"));
        same("conditions", distinctByKey(texts(p.path("conditionsModule").path("conditions"))),
                pluck(trial.get("conditions"), "name"));
        same("keywords", texts(p.path("conditionsModule").path("keywords")), trial.get("keywords"));
        same("meshTerms", meshIds(raw.path("derivedSection").path("conditionBrowseModule").path("meshes")),
                new LinkedHashSet<>(pluck(trial.get("meshTerms"), "id")));
        same("interventionMeshTerms",
                meshIds(raw.path("derivedSection").path("interventionBrowseModule").path("meshes")),
                new LinkedHashSet<>(pluck(trial.get("interventionMeshTerms"), "id")));
        compareInterventions(p.path("armsInterventionsModule").path("interventions"));
        compareOutcomes(p.path("outcomesModule"));
        compareSites(p.path("contactsLocationsModule").path("locations"));
        same("hasResults", raw.path("hasResults").asBoolean(false), trial.get("hasResults"));
    }

    private void compareInterventions(JsonNode interventions) {
        Set<String> expected = new LinkedHashSet<>();
        interventions.forEach(i -> expected.add(text(i, "type") + "|" + text(i, "name")));
        List<String> actual = new ArrayList<>();
        listOf(trial.get("interventions")).forEach(i -> actual.add(i.get("type") + "|" + i.get("name")));
        same("interventions", new ArrayList<>(distinctByKey(new ArrayList<>(expected))), actual);
    }

    private void compareOutcomes(JsonNode module) {
        List<String> expected = new ArrayList<>();
        for (String kind : List.of("primary", "secondary", "other")) {
            module.path(kind + "Outcomes").forEach(o -> expected.add(kind.toUpperCase(Locale.ROOT) + "|"
                    + text(o, "measure") + "|" + text(o, "timeFrame")));
        }
        List<String> actual = new ArrayList<>();
        listOf(trial.get("outcomes")).forEach(o -> actual.add(o.get("kind") + "|" + o.get("measure") + "|"
                + o.get("timeFrame")));
        same("outcomes", expected, actual);
    }

    private void compareSites(JsonNode locations) {
        Set<String> expected = new LinkedHashSet<>();
        locations.forEach(l -> expected.add(siteKey(text(l, "facility"), text(l, "city"), text(l, "country"))));
        Set<String> actual = new LinkedHashSet<>();
        listOf(trial.get("sites")).forEach(s -> actual.add(siteKey((String) s.get("facility"), (String) s.get("city"),
                (String) s.get("country"))));
        sameSites(expected, actual);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isString()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> {
            String text = item.asString().strip();
            if (!text.isEmpty()) {
                texts.add(text);
            }
        });
        return texts;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(text(item, field)));
        names.removeIf(Objects::isNull);
        return names;
    }

    private static Set<String> meshIds(JsonNode meshes) {
        Set<String> ids = new LinkedHashSet<>();
        meshes.forEach(m -> ids.add(MeshIds.canonical(m.path("id").asString())));
        return ids;
    }

    private void sameSites(Set<String> expected, Set<String> actual) {
        TrialResponse.sameSites(softly, nctId, trial, expected, actual);
    }

    private void same(String field, Object expected, Object actual) {
        TrialResponse.same(softly, nctId, field, expected, actual);
    }
}
