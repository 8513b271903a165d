package org.trialgraph.ingest;

import java.util.List;

/**
 * An intervention node's key: its type and name as {@link Keys} folds them. The importer builds each node's key
 * here; a query by name asks for the keys the name can have, one per type.
 */
public final class InterventionKeys {

    /** A record's intervention without a type is stored as OTHER. */
    static final String NO_TYPE = "OTHER";

    private InterventionKeys() {
    }

    /** The key of a stated intervention. */
    public static String of(String type, String name) {
        return Keys.of(type == null ? NO_TYPE : type, name);
    }

    /** The keys of {@code name} for {@code type}, or for every type the schema knows when {@code type} is null. */
    public static List<String> ofName(String name, String type) {
        return (type == null ? ApiV2StudyMapper.INTERVENTION_TYPES.stream().sorted().toList() : List.of(type)).stream()
                .map(t -> of(t, name)).toList();
    }
}
