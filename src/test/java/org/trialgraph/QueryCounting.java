package org.trialgraph;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.neo4j.driver.Driver;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import org.trialgraph.neo4j.InProcessReads;

/**
 * Counts the queries the application sends to Neo4j, so tests can show that nested GraphQL fields load in
 * batches: the driver bean is wrapped, and every query or session it opens is one round trip counted; so are the
 * in-process reads of embedded Neo4j (neo4j.InProcessReads), one per statement. The in-memory
 * indexes' own threads (they re-read the trials of every write in the background, at times that depend on the
 * scheduler) are not counted: their reads belong to no request.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QueryCounting {

    /** The number of queries sent since the last reset. */
    public static final class Counter {
        private final AtomicInteger queries = new AtomicInteger();

        public void reset() {
            queries.set(0);
        }

        public int queries() {
            return queries.get();
        }

        void count() {
            queries.incrementAndGet();
        }
    }

    /** The names of the threads of facets.FacetIndexService and related.RelatedIndex. */
    private static final Set<String> BACKGROUND_INDEX_THREADS = Set.of("facet-index", "related-index");

    @Bean
    static Counter queryCounter() {
        return new Counter();
    }

    @Bean
    static BeanPostProcessor countingDriver(org.springframework.beans.factory.ObjectProvider<Counter> counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof InProcessReads reads) {
                    return (InProcessReads) (cypher, parameters) -> {
                        countUnlessBackground(counter);
                        return reads.read(cypher, parameters);
                    };
                }
                if (!(bean instanceof Driver driver)) {
                    return bean;
                }
                return Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] {Driver.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("executableQuery") || method.getName().equals("session")) {
                                countUnlessBackground(counter);
                            }
                            try {
                                return method.invoke(driver, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    private static void countUnlessBackground(org.springframework.beans.factory.ObjectProvider<Counter> counter) {
        if (!BACKGROUND_INDEX_THREADS.contains(Thread.currentThread().getName())) {
            counter.getObject().count();
        }
    }
}
