package org.trialgraph.limits;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most a fixed number of GraphQL requests execute at once; the others wait their turn (first come, first
 * served) up to a limit, then get 503 with Retry-After. Only the GraphQL endpoint is limited, so health and
 * metrics answer while queries queue.
 */
class ConcurrencyFilter extends OncePerRequestFilter {

    private final Semaphore permits;
    private final Duration maxWait;

    ConcurrencyFilter(int maxExecutions, Duration maxWait) {
        this.permits = new Semaphore(maxExecutions, true);
        this.maxWait = maxWait;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(response);
            return;
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.compareAndSet(true, false)) {
                permits.release();
            }
        };
        try {
            chain.doFilter(request, response);
        } finally {
            // Spring for GraphQL answers asynchronously: the permit is held until the async request ends.
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new ReleasingListener(release));
            } else {
                release.run();
            }
        }
    }

    private record ReleasingListener(Runnable release) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "5");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"errors\":[{\"message\":\"the server is busy; waited " + maxWait.toMillis()
                + " ms for a turn (trialgraph.graphql.concurrency)\",\"extensions\":{\"classification\":\"SERVICE_UNAVAILABLE\"}}]}");
    }
}
