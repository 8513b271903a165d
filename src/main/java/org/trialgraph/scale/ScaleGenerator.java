package org.trialgraph.scale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.trialgraph.criteria.CriterionKeys;

/**
 * Makes synthetic API v2 studies out of real ones. Study {@code i} depends only on the seed and {@code i}: a
 * template record gives titles, description, design, arms' study type and outcomes; other records drawn at
 * random (so with their real frequencies) give the sponsors, the status and dates, the conditions with their
 * MeSH terms, the arms and interventions (of the same study type), the eligibility module and the sites.
 * See docs/BENCHMARKS.md, "Registry scale harness".
 */
final class ScaleGenerator {

    /** Generated NCT ids are NCT9 followed by seven digits: no real record has one yet. */
    static final long MAX_SIZE = 9_999_999L;

    /** Share of studies whose conditions are those of two real records together instead of one. */
    private static final double TWO_CONDITION_DONORS = 0.2;

    /** How criteria lines stated by only one real record are written. */
    enum CriteriaSharing {
        /** Marked with the generated NCT id, so each becomes a criterion of its own, as new text is in the registry. */
        REALISTIC,
        /** Copied as they are: every pool line is shared by about size / pool-size generated studies. */
        POOL
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RecordPool pool;
    private final long seed;
    private final CriteriaSharing criteriaSharing;

    ScaleGenerator(RecordPool pool, long seed, CriteriaSharing criteriaSharing) {
        this.pool = pool;
        this.seed = seed;
        this.criteriaSharing = criteriaSharing;
    }

    static String nctId(long index) {
        if (index < 0 || index >= MAX_SIZE) {
            throw new IllegalArgumentException("size: at most " + MAX_SIZE + " studies, asked for study " + (index + 1));
        }
        return String.format(Locale.ROOT, "NCT9%07d", index + 1);
    }

    /** The {@code index}-th generated study (0-based). */
    ObjectNode study(long index) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        String nctId = nctId(index);
        JsonNode template = pool.any(random);
        JsonNode sponsorDonor = pool.any(random);
        JsonNode statusDonor = pool.any(random);
        JsonNode conditionDonor = pool.any(random);
        JsonNode secondConditionDonor = random.nextDouble() < TWO_CONDITION_DONORS ? pool.any(random) : null;
        JsonNode armsDonor = pool.anyOfType(RecordPool.studyType(template), random);
        JsonNode eligibilityDonor = pool.any(random);
        JsonNode sitesDonor = pool.any(random);
        double enrollmentFactor = 0.75 + random.nextDouble() * 0.5;

        Map<String, JsonNode> protocol = modules(template.path("protocolSection"));
        protocol.put("identificationModule", identification(template, sponsorDonor, nctId));
        replace(protocol, "statusModule", statusDonor);
        replace(protocol, "sponsorCollaboratorsModule", sponsorDonor);
        protocol.put("conditionsModule", conditions(conditionDonor, secondConditionDonor));
        protocol.put("designModule", design(template, enrollmentFactor));
        replace(protocol, "armsInterventionsModule", armsDonor);
        protocol.put("eligibilityModule", eligibility(eligibilityDonor, nctId));
        replace(protocol, "contactsLocationsModule", sitesDonor);

        Map<String, JsonNode> derived = modules(template.path("derivedSection"));
        putOrRemove(derived, "conditionBrowseModule", conditionBrowse(conditionDonor, secondConditionDonor));
        putOrRemove(derived, "interventionBrowseModule",
                armsDonor.path("derivedSection").get("interventionBrowseModule"));

        ObjectNode study = NODES.objectNode();
        study.set("protocolSection", object(protocol));
        template.properties().forEach(field -> {
            switch (field.getKey()) {
                case "protocolSection" -> { }
                case "derivedSection" -> study.set("derivedSection", object(derived));
                default -> study.set(field.getKey(), field.getValue());
            }
        });
        if (!study.has("derivedSection") && !derived.isEmpty()) {
            study.set("derivedSection", object(derived));
        }
        return study;
    }

    /** A seed per study (SplitMix64's finaliser), so study i is the same whatever the size asked for. */
    private static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The template's modules in its own order; the parts drawn from other records replace them in place. */
    private static Map<String, JsonNode> modules(JsonNode section) {
        Map<String, JsonNode> modules = new LinkedHashMap<>();
        section.properties().forEach(field -> modules.put(field.getKey(), field.getValue()));
        return modules;
    }

    private static void replace(Map<String, JsonNode> protocol, String module, JsonNode donor) {
        putOrRemove(protocol, module, donor.path("protocolSection").get(module));
    }

    /** A record without the module gives a study without it, so optional parts keep their real frequency. */
    private static void putOrRemove(Map<String, JsonNode> modules, String name, JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            modules.remove(name);
        } else {
            modules.put(name, value);
        }
    }

    private static ObjectNode object(Map<String, JsonNode> fields) {
        ObjectNode node = NODES.objectNode();
        fields.forEach(node::set);
        return node;
    }

    private static ObjectNode identification(JsonNode template, JsonNode sponsorDonor, String nctId) {
        ObjectNode identification = (ObjectNode) template.path("protocolSection").path("identificationModule").deepCopy();
        identification.put("nctId", nctId);
        JsonNode lead = sponsorDonor.path("protocolSection").path("sponsorCollaboratorsModule").path("leadSponsor");
        if (lead.hasNonNull("name")) {
            ObjectNode organization = NODES.objectNode();
            organization.put("fullName", lead.get("name").asString());
            if (lead.hasNonNull("class")) {
                organization.put("class", lead.get("class").asString());
            }
            identification.set("organization", organization);
        }
        return identification;
    }

    private static ObjectNode design(JsonNode template, double enrollmentFactor) {
        JsonNode module = template.path("protocolSection").path("designModule");
        if (!module.isObject()) {
            return NODES.objectNode();
        }
        ObjectNode design = (ObjectNode) module.deepCopy();
        JsonNode enrollment = design.path("enrollmentInfo");
        if (enrollment.isObject() && enrollment.path("count").isIntegralNumber()) {
            long count = Math.round(enrollment.path("count").asLong() * enrollmentFactor);
            ((ObjectNode) enrollment).put("count", count);
        }
        return design;
    }

    /** The conditions and keywords of one or two records, without repeats (case ignored). */
    private static ObjectNode conditions(JsonNode first, JsonNode second) {
        ObjectNode module = NODES.objectNode();
        for (String list : List.of("conditions", "keywords")) {
            Map<String, String> values = new LinkedHashMap<>();
            for (JsonNode donor : donors(first, second)) {
                donor.path("protocolSection").path("conditionsModule").path(list)
                        .forEach(value -> values.putIfAbsent(value.asString().toLowerCase(Locale.ROOT), value.asString()));
            }
            if (!values.isEmpty()) {
                ArrayNode array = module.putArray(list);
                values.values().forEach(array::add);
            }
        }
        return module;
    }

    /**
     * The donors' condition MeSH terms and ancestors together. A term that is direct for one donor is dropped
     * from the ancestors, as ClinicalTrials.gov never lists a direct term among a record's ancestors; each
     * term's ancestors stay those of the real records carrying it, so the derived MeSH hierarchy is unchanged.
     */
    private static ObjectNode conditionBrowse(JsonNode first, JsonNode second) {
        List<JsonNode> modules = new ArrayList<>();
        for (JsonNode donor : donors(first, second)) {
            JsonNode module = donor.path("derivedSection").path("conditionBrowseModule");
            if (module.isObject()) {
                modules.add(module);
            }
        }
        if (modules.isEmpty()) {
            return null;
        }
        if (modules.size() == 1) {
            return (ObjectNode) modules.get(0);
        }
        Map<String, JsonNode> meshes = byId(modules, "meshes");
        ObjectNode merged = NODES.objectNode();
        for (String list : List.of("meshes", "ancestors", "browseLeaves", "browseBranches")) {
            Map<String, JsonNode> entries = list.equals("meshes") ? meshes : byId(modules, list);
            if (list.equals("ancestors")) {
                entries.keySet().removeAll(meshes.keySet());
            }
            if (!entries.isEmpty() || modules.stream().anyMatch(m -> m.has(list))) {
                ArrayNode array = merged.putArray(list);
                entries.values().forEach(array::add);
            }
        }
        return merged;
    }

    private static Map<String, JsonNode> byId(List<JsonNode> modules, String list) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (JsonNode module : modules) {
            for (JsonNode entry : module.path(list)) {
                String key = entry.hasNonNull("id") ? entry.get("id").asString() : entry.toString();
                entries.putIfAbsent(key.replaceFirst("^D0*", "D"), entry);
            }
        }
        return entries;
    }

    private static List<JsonNode> donors(JsonNode first, JsonNode second) {
        return second == null || second == first ? List.of(first) : List.of(first, second);
    }

    private ObjectNode eligibility(JsonNode donor, String nctId) {
        JsonNode module = donor.path("protocolSection").path("eligibilityModule");
        if (!module.isObject()) {
            return NODES.objectNode();
        }
        ObjectNode eligibility = (ObjectNode) module.deepCopy();
        if (criteriaSharing == CriteriaSharing.REALISTIC && eligibility.path("eligibilityCriteria").isString()) {
            eligibility.put("eligibilityCriteria", ownRareLines(eligibility.get("eligibilityCriteria").asString(), nctId));
        }
        return eligibility;
    }

    /**
     * Lines no other real record states are marked as this study's own. Most criteria text in the registry is
     * written once; without this, each such line would be shared by every copy of its record.
     */
    private String ownRareLines(String text, String nctId) {
        List<String> lines = new ArrayList<>(EligibilityLines.split(text));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || EligibilityLines.isHeading(line)) {
                continue;
            }
            String key = CriterionKeys.keyOf(line);
            if (!key.isEmpty() && pool.recordsStating(key) <= 1) {
                lines.set(i, line.stripTrailing() + " (" + nctId + ")");
            }
        }
        return EligibilityLines.join(lines);
    }
}
