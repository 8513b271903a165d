package org.trialgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The peer's query file (bench/peer/queries.graphql, run against @neo4j/graphql by bench/peer/compare.sh) stays
 * aligned with the benchmark's: the same section names, and each placeholder with as many values, so the
 * equivalence check asks both servers the same question. Reads files only: needs neither Node.js nor npm.
 */
class PeerQueriesTest {

    private static final Path PEER_QUERIES = Path.of("bench/peer/queries.graphql");

    @Test
    void everyBenchmarkQueryButPreScreenHasAPeerSection() throws IOException {
        Map<String, BenchQuery> ours = byName(BenchQuery.parse(resource()));
        Map<String, BenchQuery> peer = byName(BenchQuery.parse(Files.readString(PEER_QUERIES)));

        assertThat(ours.keySet()).containsAll(peer.keySet());
        assertThat(ours.keySet().stream().filter(name -> !peer.containsKey(name))).containsExactly("pre-screen");
    }

    @Test
    void peerSectionsTakeTheSamePlaceholdersWithAsManyValues() throws IOException {
        Map<String, BenchQuery> ours = byName(BenchQuery.parse(resource()));
        for (BenchQuery peer : BenchQuery.parse(Files.readString(PEER_QUERIES))) {
            BenchQuery our = ours.get(peer.name());
            assertThat(peer.placeholders()).as(peer.name()).isEqualTo(our.placeholders());
            assertThat(peer.requires()).as(peer.name() + " requires a root field").isNotBlank();
            for (String placeholder : our.placeholders()) {
                assertThat(peer.values().getOrDefault(placeholder, List.of()))
                        .as(peer.name() + " values of " + placeholder)
                        .hasSameSizeAs(our.values().getOrDefault(placeholder, List.of()));
            }
        }
    }

    private static Map<String, BenchQuery> byName(List<BenchQuery> queries) {
        return queries.stream().collect(Collectors.toMap(BenchQuery::name, Function.identity()));
    }

    private static String resource() throws IOException {
        try (InputStream in = PeerQueriesTest.class.getResourceAsStream("/bench/queries.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
