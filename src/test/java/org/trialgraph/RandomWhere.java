package org.trialgraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import org.trialgraph.trial.TrialWhere;

/**
 * Seeded random {@code TrialWhere} filters over the fields the facet index covers (nested AND / OR / NOT, empty lists,
 * condition names, MeSH ids and terms, countries drawn from the raw records), for the index-against-Cypher tests.
 */
public final class RandomWhere {

    private final List<String> nctIds;
    private final List<String> conditions = new ArrayList<>();
    private final List<String> meshIds = new ArrayList<>();
    private final List<String> countries = new ArrayList<>();

    public RandomWhere(Map<String, JsonNode> raw) {
        nctIds = new ArrayList<>(raw.keySet());
        TreeSet<String> names = new TreeSet<>();
        TreeSet<String> ids = new TreeSet<>();
        TreeSet<String> places = new TreeSet<>();
        for (JsonNode study : raw.values()) {
            JsonNode browse = study.path("derivedSection").path("conditionBrowseModule");
            browse.path("meshes").forEach(m -> { names.add(m.path("term").asString()); ids.add(m.path("id").asString()); });
            browse.path("ancestors").forEach(m -> { names.add(m.path("term").asString()); ids.add(m.path("id").asString()); });
            study.path("derivedSection").path("interventionBrowseModule").path("meshes").forEach(m -> ids.add(m.path("id").asString()));
            study.path("protocolSection").path("conditionsModule").path("conditions").forEach(c -> names.add(c.asString()));
            study.path("protocolSection").path("contactsLocationsModule").path("locations")
                    .forEach(l -> places.add(l.path("country").asString("Nowhere")));
        }
        conditions.addAll(names);
        meshIds.addAll(ids);
        countries.addAll(places);
    }

    /** A filter as GraphQL variables would give it; up to three fields, nested at most two levels. */
    public Map<String, Object> filter(Random random) {
        return filter(random, 0);
    }

    private Map<String, Object> filter(Random random, int depth) {
        Map<String, Object> filter = new HashMap<>();
        int fields = random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            switch (random.nextInt(depth < 2 ? 17 : 12)) {
                case 0 -> filter.put("overallStatus", some(random, "RECRUITING", "COMPLETED", "NOT_YET_RECRUITING",
                        "ACTIVE_NOT_RECRUITING", "TERMINATED", "UNKNOWN", "WITHDRAWN"));
                case 1 -> filter.put("phase", some(random, "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA", "EARLY_PHASE1"));
                case 2 -> filter.put("studyType", some(random, "INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"));
                case 3 -> filter.put("sex", some(random, "ALL", "FEMALE", "MALE"));
                case 4 -> filter.put("healthyVolunteers", random.nextBoolean());
                case 5 -> filter.put("hasResults", random.nextBoolean());
                case 6 -> filter.put("condition", conditionText(random));
                case 7 -> filter.put("mesh", meshIds.get(random.nextInt(meshIds.size())));
                case 8 -> {
                    Map<String, Object> c = new HashMap<>();
                    c.put(random.nextBoolean() ? "meshTerm" : "name", conditions.get(random.nextInt(conditions.size())));
                    if (random.nextBoolean()) {
                        c.put("meshId", meshIds.get(random.nextInt(meshIds.size())));
                    }
                    filter.put("conditionFilter", c);
                }
                case 9 -> filter.put("nctIds", nctIds.subList(random.nextInt(nctIds.size() - 50), nctIds.size())
                        .stream().filter(id -> random.nextInt(10) == 0).toList());
                case 10 -> filter.put("country", countries.get(random.nextInt(countries.size())));
                // Ages at and between the registry's usual limits (18 and 65 are common minimum and maximum ages).
                case 11 -> filter.put("age", List.of(0.5, 12.0, 17.9, 18.0, 40.0, 65.0, 66.0, 90.0).get(random.nextInt(8)));
                case 12 -> filter.put("AND", List.of(filter(random, depth + 1), filter(random, depth + 1)));
                case 13 -> filter.put("OR", List.of(filter(random, depth + 1), filter(random, depth + 1)));
                default -> filter.put("NOT", List.of(filter(random, depth + 1)));
            }
        }
        return filter;
    }

    private String conditionText(Random random) {
        String name = conditions.get(random.nextInt(conditions.size()));
        return switch (random.nextInt(4)) {
            case 0 -> name.toUpperCase(Locale.ROOT);
            case 1 -> "  " + name + " ";
            case 2 -> meshIds.get(random.nextInt(meshIds.size())).replaceFirst("D0+", "D");
            default -> name;
        };
    }

    private static List<String> some(Random random, String... values) {
        List<String> chosen = new ArrayList<>();
        for (String value : values) {
            if (random.nextInt(3) == 0) {
                chosen.add(value);
            }
        }
        return chosen;
    }

    /** The filter as the controller binds it. */
    @SuppressWarnings("unchecked")
    public static TrialWhere where(Map<String, Object> f) {
        if (f == null) {
            return null;
        }
        Map<String, Object> c = (Map<String, Object>) f.get("conditionFilter");
        return new TrialWhere((List<String>) f.get("nctIds"), (List<String>) f.get("overallStatus"),
                (List<String>) f.get("phase"), (List<String>) f.get("studyType"), (List<String>) f.get("sex"),
                (Boolean) f.get("healthyVolunteers"), (String) f.get("condition"),
                c == null ? null : new TrialWhere.ConditionFilter((String) c.get("name"), (String) c.get("meshId"),
                        (String) c.get("meshTerm")),
                (String) f.get("mesh"), null, null, null, null, null, (String) f.get("country"), null, null, null, null,
                null, null, null, (Double) f.get("age"), (Boolean) f.get("hasResults"), null, null, nested(f.get("AND")),
                nested(f.get("OR")), nested(f.get("NOT")));
    }

    @SuppressWarnings("unchecked")
    private static List<TrialWhere> nested(Object list) {
        return list == null ? null : ((List<Map<String, Object>>) list).stream().map(RandomWhere::where).toList();
    }
}
