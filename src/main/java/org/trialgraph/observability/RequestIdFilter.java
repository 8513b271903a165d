package org.trialgraph.observability;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request an id: the caller's {@code X-Request-Id} when it is a plain token, otherwise a new
 * UUID. It is echoed in the response header and put in the logging MDC as {@code requestId}, so every log line
 * written for the request carries it (also on the threads GraphQL data fetchers run on: the MDC entry is
 * registered with Micrometer's context propagation, which Spring for GraphQL uses).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    /** Turn the access lines off with logging.level.org.trialgraph.access=WARN. */
    private static final Logger access = LoggerFactory.getLogger("org.trialgraph.access");

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";

    /** A caller's id is logged as given, so it may not carry spaces, line breaks or markup (log injection). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(MDC_KEY,
                () -> MDC.get(MDC_KEY), id -> MDC.put(MDC_KEY, id), () -> MDC.remove(MDC_KEY));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            // One access line per request; no query string or body (pre-screen profiles must never be logged).
            access.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                    (System.nanoTime() - started) / 1_000_000);
            MDC.remove(MDC_KEY);
        }
    }
}
