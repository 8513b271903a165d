package org.trialgraph.facets;

import java.util.List;
import java.util.Map;

/**
 * What the index keeps of one trial: the values of the filters, sort keys and {@code trialStats} dimensions it covers,
 * as stored in the graph.
 *
 * @param conditionNames    per condition key, the condition's name as stored
 * @param sponsors          every sponsor (any role), with its name and agency class as stored now: a write can change
 *                          a shared sponsor's class for every trial it leads
 * @param countries         the distinct countries of the trial's sites
 * @param interventionTypes the distinct types of the trial's interventions
 * @param minimumAgeYears   the minimum age in years as stored, or null for none
 * @param maximumAgeYears   the maximum age in years as stored, or null for none
 */
record TrialFacts(String nctId, String overallStatus, List<String> phases, String studyType, String sex,
        Boolean healthyVolunteers, Boolean hasResults, String startDate, String lastUpdated, Long enrollment,
        Long startYear, List<String> conditionKeys, List<String> studiesMesh, List<String> testsMesh,
        Map<String, String> conditionNames, List<SponsorFacts> sponsors, List<String> countries,
        List<String> interventionTypes, Double minimumAgeYears, Double maximumAgeYears) {

    /** A sponsor as the index needs it; {@code lead} when this trial's edge to it has the role LEAD. */
    record SponsorFacts(String key, String name, String agencyClass, boolean lead) {
    }

    TrialFacts {
        phases = phases == null ? List.of() : List.copyOf(phases);
        conditionKeys = conditionKeys == null ? List.of() : List.copyOf(conditionKeys);
        studiesMesh = studiesMesh == null ? List.of() : List.copyOf(studiesMesh);
        testsMesh = testsMesh == null ? List.of() : List.copyOf(testsMesh);
        conditionNames = conditionNames == null ? Map.of() : Map.copyOf(conditionNames);
        sponsors = sponsors == null ? List.of() : List.copyOf(sponsors);
        countries = countries == null ? List.of() : List.copyOf(countries);
        interventionTypes = interventionTypes == null ? List.of() : List.copyOf(interventionTypes);
    }

    /** A trial without the stats-only facts (sponsors, countries, intervention types, condition names). */
    TrialFacts(String nctId, String overallStatus, List<String> phases, String studyType, String sex,
            Boolean healthyVolunteers, Boolean hasResults, String startDate, String lastUpdated, Long enrollment,
            Long startYear, List<String> conditionKeys, List<String> studiesMesh, List<String> testsMesh,
            Double minimumAgeYears, Double maximumAgeYears) {
        this(nctId, overallStatus, phases, studyType, sex, healthyVolunteers, hasResults, startDate, lastUpdated,
                enrollment, startYear, conditionKeys, studiesMesh, testsMesh, null, null, null, null, minimumAgeYears,
                maximumAgeYears);
    }
}
