package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeshIdsTest {

    @Test
    void bothSpellingsOfADescriptorIdAreOneId() {
        assertThat(MeshIds.canonical("D054198")).isEqualTo("D000054198");
        assertThat(MeshIds.canonical("D000054198")).isEqualTo("D000054198");
        assertThat(MeshIds.canonical("D000086982")).isEqualTo("D000086982");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(MeshIds.canonical("not-an-id")).isEqualTo("not-an-id");
    }
}
