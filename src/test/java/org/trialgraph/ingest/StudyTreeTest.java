package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.trialgraph.SharedData;

/** The tree a JSON Lines record is mapped from is the whole tree without the parts the mapper never reads. */
class StudyTreeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyRealStudyReadsAsItsWholeTreeWithoutTheUnreadParts() {
        List<JsonNode> studies = SharedData.v2Studies();
        assertThat(studies).hasSizeGreaterThan(1_800);
        int withResults = 0;
        for (JsonNode study : studies) {
            byte[] compact = JSON.writeValueAsBytes(study);
            ObjectNode expected = (ObjectNode) JSON.readTree(compact);
            withResults += expected.has("resultsSection") ? 1 : 0;
            expected.remove(List.of("resultsSection", "documentSection", "annotationSection"));
            if (expected.get("protocolSection") instanceof ObjectNode protocol) {
                protocol.remove(List.of("referencesModule", "ipdSharingStatementModule", "oversightModule"));
            }
            assertThat(StudyTree.read(JSON, compact, compact.length)).as(SharedData.nctId(study)).isEqualTo(expected);
        }
        assertThat(withResults).as("studies with results among them").isGreaterThan(100);
    }

    @Test
    void keepsEverythingElseAtAnyDepth() {
        String record = "{\"hasResults\":true,\"resultsSection\":{\"a\":[1,{\"b\":\"x\"}]},\"protocolSection\":"
                + "{\"statusModule\":{\"overallStatus\":\"RECRUITING\",\"referencesModule\":1},\"referencesModule\":[2],"
                + "\"oversightModule\":null},\"derivedSection\":{\"resultsSection\":3},\"documentSection\":{}}";
        assertThat(read(record)).isEqualTo(JSON.readTree("{\"hasResults\":true,\"protocolSection\":"
                + "{\"statusModule\":{\"overallStatus\":\"RECRUITING\",\"referencesModule\":1}},"
                + "\"derivedSection\":{\"resultsSection\":3}}"));
    }

    @Test
    void whatIsNotOneObjectReadsAsBefore() {
        for (String text : List.of("[1]", "null", "\"x\"", "{}", "{\"protocolSection\":null}", "{\"protocolSection\":[1]}")) {
            assertThat(read(text)).as(text).isEqualTo(JSON.readTree(text));
        }
    }

    @Test
    void malformedJsonFailsAsBeforeEvenInsideAnUnreadPart() {
        for (String text : List.of("{\"a\":1} {\"b\":2}", "{\"a\":1} x", "{\"resultsSection\":{\"a\":[}}",
                "{\"protocolSection\":{\"referencesModule\":tru}}", "{\"a\":1")) {
            String expected = messageOf(() -> JSON.readTree(text.getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> read(text)).as(text).isInstanceOf(JacksonException.class)
                    .satisfies(e -> assertThat(((JacksonException) e).getOriginalMessage()).isEqualTo(expected));
        }
    }

    private static JsonNode read(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return StudyTree.read(JSON, bytes, bytes.length);
    }

    private static String messageOf(Runnable parse) {
        try {
            parse.run();
        } catch (JacksonException e) {
            return e.getOriginalMessage();
        }
        throw new AssertionError("expected the whole tree's reading to fail");
    }
}
