package org.trialgraph.views;

import java.util.List;

import org.trialgraph.trial.Trial;

/** What the patient view is computed from, loaded in one projected query. */
record TrialFacts(
        Trial trial,
        String leadSponsor,
        List<String> conditions,
        List<Intervention> interventions,
        List<String> armTypes,
        List<Outcome> outcomes,
        int siteCount,
        int countryCount,
        Site firstSite,
        List<Site> nearestSites) {

    record Intervention(String type, String name, String description, List<String> otherNames) {
    }

    record Outcome(String kind, String measure, String timeFrame, String description) {
    }

    /** A site; distanceKm only for the nearest sites. */
    record Site(String facility, String status, String city, String state, String country, Double distanceKm) {
    }
}
