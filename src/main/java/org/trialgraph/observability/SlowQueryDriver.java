package org.trialgraph.observability;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;

/**
 * Decorates the Neo4j driver for the slow-query log: every {@code executableQuery} is timed with its rows, and
 * every transaction function of a {@link Session} ({@code executeRead/executeWrite/executeWriteWithoutResult})
 * is timed as a whole with the Cypher of the statements it ran, and every auto-commit {@code Session.run} read
 * with {@code list()} is timed with its rows. Every statement sent (an executable query, a
 * session's or a transaction function's {@code run}) is counted. Everything else passes through unchanged.
 */
final class SlowQueryDriver {

    private SlowQueryDriver() {
    }

    static Driver decorate(Driver driver, SlowQueryLog log) {
        return proxy(Driver.class, driver, (method, args) -> {
            Object result = invoke(method, driver, args);
            if (method.getName().equals("executableQuery")) {
                return new TimedExecutableQuery((org.neo4j.driver.ExecutableQuery) result, (String) args[0], log);
            }
            if (result instanceof Session session) {
                return decorate(session, log);
            }
            return result;
        });
    }

    private static Session decorate(Session session, SlowQueryLog log) {
        return proxy(Session.class, session, (method, args) -> {
            if (method.getName().equals("run")) {
                log.sent();
                return timed(invoke(method, session, args), args, System.nanoTime(), log);
            }
            if (!method.getName().startsWith("execute") || args == null || args.length == 0) {
                return invoke(method, session, args);
            }
            List<String> statements = Collections.synchronizedList(new ArrayList<>());
            Object[] timedArgs = args.clone();
            timedArgs[0] = recording(args[0], statements, log);
            long started = System.nanoTime();
            try {
                return invoke(method, session, timedArgs);
            } finally {
                log.transaction(List.copyOf(statements), System.nanoTime() - started);
            }
        });
    }

    /**
     * An auto-commit statement ({@code Session.run}): timed from the run until its rows are read with
     * {@code list()}, as executable queries are. Other ways of reading its rows pass through untimed.
     */
    private static Object timed(Object result, Object[] args, long started, SlowQueryLog log) {
        if (!(result instanceof Result rows) || args == null || args.length == 0) {
            return result;
        }
        String cypher = args[0] instanceof Query query ? query.text() : String.valueOf(args[0]);
        return proxy(Result.class, rows, (method, methodArgs) -> {
            if (!method.getName().equals("list") || methodArgs != null && methodArgs.length > 0) {
                return invoke(method, rows, methodArgs);
            }
            try {
                List<?> list = (List<?>) invoke(method, rows, methodArgs);
                log.query(cypher, System.nanoTime() - started, list.size());
                return list;
            } catch (RuntimeException e) {
                log.failedQuery(cypher, System.nanoTime() - started, e);
                throw e;
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Object recording(Object work, List<String> statements, SlowQueryLog log) {
        if (work instanceof TransactionCallback<?> callback) {
            return (TransactionCallback<Object>) tx -> callback.execute(recording(tx, statements, log));
        }
        if (work instanceof Consumer<?> consumer) {
            return (Consumer<TransactionContext>) tx -> ((Consumer<TransactionContext>) consumer).accept(recording(tx, statements, log));
        }
        return work;
    }

    private static TransactionContext recording(TransactionContext tx, List<String> statements, SlowQueryLog log) {
        return proxy(TransactionContext.class, tx, (method, args) -> {
            if (method.getName().equals("run") && args != null && args.length > 0) {
                log.sent();
                statements.add(args[0] instanceof Query query ? query.text() : String.valueOf(args[0]));
            }
            return invoke(method, tx, args);
        });
    }

    private interface Call {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.handle(method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
