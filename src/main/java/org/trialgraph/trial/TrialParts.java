package org.trialgraph.trial;

import java.util.List;

import org.trialgraph.paging.Cursors;

/** The parts of a trial that live in linked nodes, as the GraphQL schema shows them. */
public final class TrialParts {

    private TrialParts() {
    }

    public record Sponsor(String name, String agencyClass) {
    }

    public record Condition(String key, String name) {
    }

    public record MeshTerm(String id, String term) {

        /** Where a page of narrower terms that follows this one starts (terms are listed by term, then id). */
        public String cursor() {
            return Cursors.encode(term, id);
        }
    }

    /** A page of one MeSH term's narrower terms: those after a (term, id), by term. */
    record NarrowerPage(String id, String afterTerm, String afterId, int size) {
    }

    public record TrialIntervention(String type, String name, List<String> otherNames, String description,
            List<String> armGroupLabels) {
    }

    public record Intervention(String type, String name) {
    }

    public record Country(String name, long siteCount) {
    }

    /** A study site, shared by every trial that lists it. */
    public record Site(String key, String facility, String city, String state, String zip, String country,
            Double latitude, Double longitude) {
    }

    /** A site and how far it is from the point asked about. */
    public record NearbySite(Site site, double distanceKm) {

        /** Where a page of nearby sites that follows this one starts (by distance, then key). */
        public String cursor() {
            return Cursors.encode(distanceKm, site.key());
        }
    }

    public record SponsorLink(Sponsor sponsor, long sharedTrials) {
    }

    public record Arm(String label, String type, String description, List<String> interventionNames) {
    }

    public record Outcome(String kind, String measure, String timeFrame, String description) {
    }

    public record TrialSite(String key, String facility, String status, String city, String state, String zip, String country,
            Double latitude, Double longitude, int position) {

        /** Where a page of the trial's sites that follows this one starts. */
        public String cursor() {
            return Cursors.encode(position);
        }
    }

    /** A page of one trial's sites: those after a position, in the order the record lists them. */
    record SitePage(String nctId, int afterPosition, int size) {

        /** The page that {@code Trial.sites(first, after)} asks for. */
        static SitePage of(String nctId, Integer first, String after) {
            List<String> position = Cursors.decode(after, 1);
            int afterPosition = position.isEmpty() ? -1 : sitePosition(position.get(0), after);
            return new SitePage(nctId, afterPosition, Cursors.pageSize(first == null ? 100 : first));
        }

        private static int sitePosition(String value, String cursor) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("after is not a cursor of Trial.sites: " + cursor);
            }
        }
    }
}
