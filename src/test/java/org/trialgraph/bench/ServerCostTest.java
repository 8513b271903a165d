package org.trialgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark reads the query counter from Prometheus' text and CPU time from /proc/PID/stat. */
class ServerCostTest {

    @Test
    void readsTheQueryCounterFromPrometheusText() {
        String exposition = """
                # HELP trialgraph_db_queries_total Statements sent to the database (Neo4j)
                # TYPE trialgraph_db_queries_total counter
                trialgraph_db_queries_total 1234.0
                trialgraph_db_queries_other 5.0
                """;

        assertThat(ServerCost.counter(exposition)).isEqualTo(1234.0);
        assertThat(ServerCost.counter("jvm_threads_live_threads 12.0\n")).isNaN();
    }

    @Test
    void readsUserAndSystemTimeOfAProcessWhoseNameHasSpaces() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 130 0 0 20 0 40 0 123 0 0";

        assertThat(ServerCost.cpuSeconds(stat)).isEqualTo(3.8);
    }

    @Test
    void perRequestCostIsTheDifferenceOverTheRequests() {
        ServerCost.PerRequest cost = new ServerCost.Snapshot(100, 2.0).perRequest(new ServerCost.Snapshot(400, 3.5), 100);

        assertThat(cost.queries()).isEqualTo(3.0);
        assertThat(cost.cpuMillis()).isEqualTo(15.0);
    }
}
