package org.trialgraph.facets;

import java.util.List;

/** What the index keeps of one trial: the values of the filters and sort keys it covers, as stored in the graph. */
record TrialFacts(String nctId, String overallStatus, List<String> phases, String studyType, String sex,
        Boolean healthyVolunteers, Boolean hasResults, String startDate, String lastUpdated, Long enrollment,
        Long startYear, List<String> conditionKeys, List<String> studiesMesh, List<String> testsMesh) {

    TrialFacts {
        phases = phases == null ? List.of() : List.copyOf(phases);
        conditionKeys = conditionKeys == null ? List.of() : List.copyOf(conditionKeys);
        studiesMesh = studiesMesh == null ? List.of() : List.copyOf(studiesMesh);
        testsMesh = testsMesh == null ? List.of() : List.copyOf(testsMesh);
    }
}
