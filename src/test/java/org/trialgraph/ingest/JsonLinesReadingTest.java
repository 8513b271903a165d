package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.trialgraph.SharedData;
import org.trialgraph.criteria.EligibilityEngine;

/**
 * JSON lines are read in blocks: a line longer than a block, blank lines, a bad line and a last line without
 * newline come out as the same records (and line numbers) as a line-by-line reading gives.
 */
class JsonLinesReadingTest {

    private final List<JsonNode> real = SharedData.v2Studies().subList(10, 13);

    @Test
    void linesLongerThanTheReadBlockBlankLinesAndALastLineWithoutNewlineAreReadWhole() throws IOException {
        ObjectNode padded = (ObjectNode) real.get(0).deepCopy();
        padded.put("padding", "x".repeat(300_000)); // several 64 kB blocks; not a field the mapper reads
        String text = padded + "\n\n" + "not json\n" + real.get(1) + "\r\n" + real.get(2);

        List<String> read = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        new StudyReader(new StudyReader.Sink() {
            @Override
            public void accept(StudyRecord study) {
                read.add(study.provenance().location() + " " + study.nctId());
            }

            @Override
            public void reject(Rejection rejection) {
                rejected.add(rejection.toString());
            }
        }, new EligibilityEngine()).readStream("in", "in.jsonl",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(read).containsExactly("in:1 " + SharedData.nctId(real.get(0)), "in:4 " + SharedData.nctId(real.get(1)),
                "in:5 " + SharedData.nctId(real.get(2)));
        assertThat(rejected).singleElement().asString().startsWith("in:3").contains("malformed JSON");
    }
}
