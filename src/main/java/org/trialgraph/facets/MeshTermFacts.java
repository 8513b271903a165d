package org.trialgraph.facets;

import java.util.List;

/** A MeSH term as the index needs it: its name (matched case-insensitively) and all its broader terms. */
record MeshTermFacts(String id, String term, List<String> broader) {

    MeshTermFacts {
        broader = broader == null ? List.of() : List.copyOf(broader);
    }
}
