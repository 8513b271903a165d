package org.trialgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How many GraphQL requests execute at once: one per processor unless configured. */
class ConcurrencyLimitsTest {

    @Test
    void byDefaultAsManyRequestsExecuteAtOnceAsThereAreProcessors() {
        assertThat(new ConcurrencyLimits(0, Duration.ofSeconds(30)).executions())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aConfiguredLimitIsKept() {
        assertThat(new ConcurrencyLimits(7, Duration.ofSeconds(30)).executions()).isEqualTo(7);
    }

    @Test
    void aNegativeLimitIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new ConcurrencyLimits(-1, Duration.ZERO))
                .hasMessageContaining("trialgraph.graphql.concurrency.max-executions");
    }
}
