package org.trialgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.junit.jupiter.api.Test;

/**
 * The retry policy of auto-commit reads, against a driver (or in-process reads) whose statements fail a given number
 * of times (the answers themselves are checked against the embedded database by BatchLoadingTest and the other trial
 * tests, and in-process against Bolt by InProcessReadsComparisonTest).
 */
class AutoCommitReadsTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();

    @Test
    void aTransientFailureIsRetriedUntilTheReadSucceeds() {
        AutoCommitReads reads = new AutoCommitReads(failing(2, new ServiceUnavailableException("restarting")),
                (InProcessReads) null, Duration.ofSeconds(5));

        assertThat(reads.read("RETURN 1", Map.of())).isEmpty();
        assertThat(runs).hasValue(3);
    }

    @Test
    void aTransientFailureOutlastingTheRetryTimeReachesTheCaller() {
        AutoCommitReads reads = new AutoCommitReads(failing(Integer.MAX_VALUE, new ServiceUnavailableException("down")),
                (InProcessReads) null, Duration.ofMillis(500));

        assertThatThrownBy(() -> reads.read("RETURN 1", Map.of())).isInstanceOf(ServiceUnavailableException.class);
        assertThat(runs.get()).isBetween(2, 4);
    }

    @Test
    void anErrorInTheStatementIsNotRetried() {
        AutoCommitReads reads = new AutoCommitReads(failing(1, new ClientException("syntax error")), (InProcessReads) null,
                Duration.ofSeconds(5));

        assertThatThrownBy(() -> reads.read("RETURN", Map.of())).isInstanceOf(ClientException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void inProcessReadsDoNotTouchTheDriverAndTheirTransientFailuresAreRetried() {
        AutoCommitReads reads = new AutoCommitReads(failing(0, null), (cypher, parameters) -> {
            if (runs.incrementAndGet() <= 2) {
                throw new TransientException("Neo.TransientError.General.DatabaseUnavailable", "starting");
            }
            return List.of();
        }, Duration.ofSeconds(5));

        assertThat(reads.read("RETURN 1", Map.of())).isEmpty();
        assertThat(runs).hasValue(3);
        assertThat(sessions).hasValue(0);
    }

    @Test
    void anInProcessErrorInTheStatementIsNotRetried() {
        AutoCommitReads reads = new AutoCommitReads(failing(0, null), (cypher, parameters) -> {
            runs.incrementAndGet();
            throw new ClientException("Neo.ClientError.Statement.SyntaxError", "syntax error");
        }, Duration.ofSeconds(5));

        assertThatThrownBy(() -> reads.read("RETURN", Map.of())).isInstanceOf(ClientException.class);
        assertThat(runs).hasValue(1);
    }

    /** A driver whose first {@code failures} statements fail with {@code failure}; later ones return no rows. */
    private Driver failing(int failures, RuntimeException failure) {
        Result empty = proxy(Result.class, (method, args) -> method.getName().equals("list") ? List.of() : null);
        Session session = proxy(Session.class, (method, args) -> {
            if (method.getName().equals("run")) {
                if (runs.incrementAndGet() <= failures) {
                    throw failure;
                }
                return empty;
            }
            return null;
        });
        return proxy(Driver.class, (method, args) -> switch (method.getName()) {
            case "session" -> {
                sessions.incrementAndGet();
                yield session;
            }
            case "executableQueryBookmarkManager" -> BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build());
            default -> null;
        });
    }

    private interface Handler {
        Object handle(java.lang.reflect.Method method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> handler.handle(method, args)));
    }
}
