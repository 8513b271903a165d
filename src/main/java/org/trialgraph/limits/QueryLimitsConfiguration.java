package org.trialgraph.limits;

import graphql.execution.instrumentation.Instrumentation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Spring Boot adds every Instrumentation bean to graphql-java; the body and concurrency limits are servlet filters. */
@Configuration(proxyBeanMethods = false)
class QueryLimitsConfiguration {

    @Bean
    Instrumentation queryLimitsInstrumentation(QueryLimits limits) {
        return new QueryLimitsInstrumentation(limits);
    }

    @Bean
    Instrumentation queryTimeoutInstrumentation(QueryLimits limits) {
        return new QueryTimeoutInstrumentation(limits.timeout());
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(QueryLimits limits,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        FilterRegistrationBean<RequestSizeFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeFilter(limits.maxRequestBytes().toBytes()));
        registration.addUrlPatterns(graphQlPath);
        // Before Spring Security and everything else: an oversized body is refused before anyone reads it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<ConcurrencyFilter> concurrencyFilter(ConcurrencyLimits limits,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        FilterRegistrationBean<ConcurrencyFilter> registration =
                new FilterRegistrationBean<>(new ConcurrencyFilter(limits.executions(), limits.maxWait()));
        registration.addUrlPatterns(graphQlPath);
        // After the size check (a refused body holds no permit), before security and GraphQL.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
