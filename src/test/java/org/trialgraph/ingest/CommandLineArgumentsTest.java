package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandLineArgumentsTest {

    @Test
    void commandLineImportsRunWithoutSeedDataAndWithoutTheInMemoryReadIndexes() {
        assertThat(ImportCommand.commandLineArguments(List.of("--trialgraph.neo4j.data-dir=/tmp/x")))
                .containsExactly("--trialgraph.seed.enabled=false", "--trialgraph.facets.enabled=false",
                        "--trialgraph.related.index.enabled=false", "--trialgraph.neo4j.data-dir=/tmp/x");
    }

    @Test
    void aSettingTheCallerGivesWinsOverTheCommandLineDefault() {
        List<String> arguments = ImportCommand.commandLineArguments(List.of("--trialgraph.facets.enabled=true"));

        assertThat(arguments).contains("--trialgraph.facets.enabled=true")
                .doesNotContain("--trialgraph.facets.enabled=false")
                .contains("--trialgraph.related.index.enabled=false", "--trialgraph.seed.enabled=false");
    }
}
