package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.trialgraph.ingest.StudyRecord.Browse;
import org.trialgraph.ingest.StudyRecord.MeshRef;

class MeshAncestryTest {

    private static final MeshRef ALL = new MeshRef("D1", "Leukemia, Lymphoid");
    private static final MeshRef LEUKEMIA = new MeshRef("D2", "Leukemia");
    private static final MeshRef NEOPLASMS = new MeshRef("D3", "Neoplasms");
    private static final MeshRef ASTHMA = new MeshRef("D4", "Asthma");
    private static final MeshRef LUNG = new MeshRef("D5", "Lung Diseases");

    @Test
    void aTermCarriedAloneGetsExactlyTheListedAncestors() {
        MeshAncestry ancestry = new MeshAncestry();
        ancestry.add(new Browse(List.of(ALL), List.of(LEUKEMIA, NEOPLASMS)));
        assertThat(ancestry.ancestryRows()).containsExactly(
                Map.of("id", "D1", "exact", true, "ancestors", List.of("D2", "D3")));
    }

    @Test
    void aTermCarriedWithOthersIsBoundedByTheIntersectionOfItsRecords() {
        MeshAncestry ancestry = new MeshAncestry();
        ancestry.add(new Browse(List.of(ALL, ASTHMA), List.of(LEUKEMIA, NEOPLASMS, LUNG)));
        ancestry.add(new Browse(List.of(ALL, NEOPLASMS), List.of(LEUKEMIA)));
        assertThat(ancestry.ancestryRows()).filteredOn(row -> row.get("id").equals("D1")).singleElement()
                .isEqualTo(Map.of("id", "D1", "exact", false, "ancestors", List.of("D2", "D3")));
    }

    @Test
    void exactEvidenceWinsOverABound() {
        MeshAncestry ancestry = new MeshAncestry();
        ancestry.add(new Browse(List.of(ALL, ASTHMA), List.of(LEUKEMIA, NEOPLASMS, LUNG)));
        ancestry.add(new Browse(List.of(ALL), List.of(LEUKEMIA, NEOPLASMS)));
        ancestry.add(new Browse(List.of(ALL, ASTHMA), List.of(LEUKEMIA, NEOPLASMS, LUNG)));
        assertThat(ancestry.ancestryRows()).filteredOn(row -> row.get("id").equals("D1")).singleElement()
                .isEqualTo(Map.of("id", "D1", "exact", true, "ancestors", List.of("D2", "D3")));
    }
}
