package org.trialgraph.trial;

import java.util.List;

import org.trialgraph.ingest.Keys;

/** The keys an intervention's name can have: one per intervention type, as the importer builds them. */
final class InterventionKeys {

    /** The schema's InterventionType values; a record's intervention without a type is stored as OTHER. */
    static final List<String> TYPES = List.of("BEHAVIORAL", "BIOLOGICAL", "COMBINATION_PRODUCT", "DEVICE",
            "DIAGNOSTIC_TEST", "DIETARY_SUPPLEMENT", "DRUG", "GENETIC", "PROCEDURE", "RADIATION", "OTHER");

    private InterventionKeys() {
    }

    /** The key of {@code name} for {@code type}, or for every type when {@code type} is null. */
    static List<String> of(String name, String type) {
        return (type == null ? TYPES : List.of(type)).stream().map(t -> Keys.of(t, name)).toList();
    }
}
