package org.trialgraph.trial;

import java.util.List;

/** The parts of a trial that live in linked nodes, as the GraphQL schema shows them. */
public final class TrialParts {

    private TrialParts() {
    }

    public record Sponsor(String name, String agencyClass) {
    }

    public record Condition(String key, String name) {
    }

    public record MeshTerm(String id, String term) {
    }

    public record TrialIntervention(String type, String name, List<String> otherNames, String description,
            List<String> armGroupLabels) {
    }

    public record Intervention(String type, String name) {
    }

    public record Country(String name, long siteCount) {
    }

    public record SponsorLink(Sponsor sponsor, long sharedTrials) {
    }

    public record Arm(String label, String type, String description, List<String> interventionNames) {
    }

    public record Outcome(String kind, String measure, String timeFrame, String description) {
    }

    public record TrialSite(String facility, String status, String city, String state, String zip, String country,
            Double latitude, Double longitude) {
    }
}
