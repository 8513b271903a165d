package org.trialgraph.ingest;

import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A study's JSON as a tree without the parts {@link ApiV2StudyMapper} never reads: the results, document and
 * annotation sections and the references, IPD sharing and oversight modules are checked as JSON by the parser but
 * not built into nodes. They are about a third of a generated record's bytes (the results section alone 31 %), and
 * building the whole tree was a third of the reading thread's CPU (profiled on 10k generated studies).
 *
 * <p>Only for a record hashed from its own text: a study's content hash must not depend on what is read of it.
 * Anything but an object with nothing after it is read as a whole tree, so it fails (or is rejected) as before.
 */
final class StudyTree {

    private static final Set<String> UNREAD_SECTIONS = Set.of("resultsSection", "documentSection", "annotationSection");
    private static final Set<String> UNREAD_MODULES = Set.of("referencesModule", "ipdSharingStatementModule",
            "oversightModule");

    private StudyTree() {
    }

    static JsonNode read(JsonMapper json, byte[] bytes, int length) {
        try (JsonParser parser = json.createParser(bytes, 0, length)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                ObjectNode study = objectWithout(json, parser, UNREAD_SECTIONS, true);
                if (parser.nextToken() == null) {
                    return study;
                }
            }
        }
        return json.readTree(bytes, 0, length); // not a single object: as before, with the same errors
    }

    /** The object the parser is at (START_OBJECT), without the named members; protocolSection's modules too. */
    private static ObjectNode objectWithout(JsonMapper json, JsonParser parser, Set<String> unread, boolean root) {
        ObjectNode object = json.createObjectNode();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            if (unread.contains(name)) {
                parser.skipChildren();
            } else if (root && value == JsonToken.START_OBJECT && name.equals("protocolSection")) {
                object.set(name, objectWithout(json, parser, UNREAD_MODULES, false));
            } else {
                object.set(name, parser.readValueAsTree());
            }
        }
        return object;
    }
}
