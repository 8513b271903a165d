package org.trialgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void whatTheServerCannotTellPrintsAsNotAvailable() {
        ServerCost.PerRequest peer = new ServerCost.Snapshot(Double.NaN, 1.0).perRequest(new ServerCost.Snapshot(Double.NaN, 2.0), 100);
        assertThat(BenchReport.number(peer.queries())).isEqualTo("n/a");
        assertThat(BenchReport.number(peer.cpuMillis())).isEqualTo("10.00");
    }
}
