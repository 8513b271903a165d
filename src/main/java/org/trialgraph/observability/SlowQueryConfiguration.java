package org.trialgraph.observability;

import org.neo4j.driver.Driver;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import org.trialgraph.neo4j.InProcessReads;

/**
 * Wraps the Neo4j driver bean and the in-process reads of embedded Neo4j (neo4j.InProcessReads) so that slow Cypher
 * is logged (SlowQueryLog) and every query sent is counted ({@code trialgraph.db.queries}, see QueryMeter); the
 * repositories are unaware.
 */
@Configuration(proxyBeanMethods = false)
class SlowQueryConfiguration {

    // Static, and bound straight from the environment: a BeanPostProcessor must not pull other beans in early.
    @Bean
    static BeanPostProcessor slowQueryDriver(Environment environment, ObjectProvider<MeterRegistry> meters) {
        SlowQueryProperties properties = Binder.get(environment)
                .bindOrCreate("trialgraph.slow-query", SlowQueryProperties.class);
        SlowQueryLog log = new SlowQueryLog(properties.threshold(), new QueryMeter(meters));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof InProcessReads reads) {
                    return new TimedInProcessReads(reads, log);
                }
                return bean instanceof Driver driver ? SlowQueryDriver.decorate(driver, log) : bean;
            }
        };
    }
}
