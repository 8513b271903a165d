package org.trialgraph.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;

/**
 * What the raw-record comparisons (API v2 JSON and legacy XML) share: reading a trial as the GraphQL API returns
 * it (a JSON map), the normalisations both sides of a comparison need, and the soft assertion itself.
 */
final class TrialResponse {

    private TrialResponse() {
    }

    /** Asserts softly that one field equals its raw value; empty and missing lists count as the same. */
    static void same(SoftAssertions softly, String nctId, String field, Object expected, Object actual) {
        Object normalisedExpected = expected instanceof List<?> l && l.isEmpty() ? List.of() : expected;
        Object normalisedActual = actual instanceof List<?> l && l.isEmpty() ? List.of() : actual;
        softly.assertThat(normalisedActual).as(nctId + " " + field).isEqualTo(normalisedExpected);
    }

    /**
     * The first page of a trial's sites (the detail document asks for 100) against the record's distinct sites:
     * all of them when they fit, otherwise a page drawn from them with siteCount covering them all (walking every
     * page is LongListPagingTest's).
     */
    static void sameSites(SoftAssertions softly, String nctId, Map<String, Object> trial, Set<String> expected,
            Set<String> actual) {
        long siteCount = ((Number) trial.get("siteCount")).longValue();
        if (siteCount <= 100) {
            same(softly, nctId, "sites", expected, actual);
            return;
        }
        softly.assertThat(actual).as(nctId + " first page of sites").hasSize(100).isSubsetOf(expected);
        softly.assertThat(siteCount).as(nctId + " siteCount").isGreaterThanOrEqualTo(expected.size());
    }

    static String siteKey(String facility, String city, String country) {
        return (facility + "|" + city + "|" + country).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The values as the importer keeps them: the first of those that differ only in case, spacing or end punctuation. */
    static List<String> distinctByKey(List<String> values) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> distinct = new ArrayList<>();
        for (String value : values) {
            if (seen.add(ApiV2ImportTest.key(value).replaceAll("[.,;:]+$", ""))) {
                distinct.add(value);
            }
        }
        return distinct;
    }

    static Object field(Object map, String name) {
        return map == null ? null : ((Map<?, ?>) map).get(name);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listOf(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    static List<Object> pluck(Object list, String name) {
        List<Object> values = new ArrayList<>();
        listOf(list).forEach(item -> values.add(item.get(name)));
        return values;
    }
}
