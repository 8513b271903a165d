package org.trialgraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** At most the limit of GraphQL requests run at once; one more is refused with 503 once its wait is over. */
class ConcurrencyFilterTest {

    @Test
    void requestsBeyondTheLimitAreRefusedWhileTheOthersRunAndAdmittedAfterwards() throws Exception {
        ConcurrencyFilter filter = new ConcurrencyFilter(2, Duration.ZERO);
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = clients.submit(() -> blockingRequest(filter, running, finish));
            Future<Integer> second = clients.submit(() -> blockingRequest(filter, running, finish));
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

            MockHttpServletResponse third = request(filter);
            assertThat(third.getStatus()).isEqualTo(503);
            assertThat(third.getHeader("Retry-After")).isEqualTo("5");
            assertThat(third.getContentAsString()).contains("SERVICE_UNAVAILABLE");

            finish.countDown();
            assertThat(first.get()).isEqualTo(200);
            assertThat(second.get()).isEqualTo(200);
            assertThat(request(filter).getStatus()).isEqualTo(200);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void anAsynchronousRequestHoldsItsTurnUntilItCompletes() throws Exception {
        ConcurrencyFilter filter = new ConcurrencyFilter(1, Duration.ZERO);
        MockHttpServletRequest async = new MockHttpServletRequest("POST", "/graphql");
        async.setAsyncSupported(true);
        filter.doFilter(async, new MockHttpServletResponse(), (req, res) -> req.startAsync());

        assertThat(request(filter).getStatus()).isEqualTo(503);
        async.getAsyncContext().complete();
        assertThat(request(filter).getStatus()).isEqualTo(200);
    }

    private static int blockingRequest(ConcurrencyFilter filter, CountDownLatch running, CountDownLatch finish)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/graphql"), response, (req, res) -> {
            running.countDown();
            try {
                finish.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return response.getStatus();
    }

    private static MockHttpServletResponse request(ConcurrencyFilter filter) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/graphql"), response, (req, res) -> { });
        return response;
    }
}
