package org.trialgraph.api;

import java.util.List;

import graphql.execution.instrumentation.Instrumentation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chains the Instrumentation beans, in the order Spring Boot gives them to graphql-java, through
 * NoOpDroppingInstrumentation instead of graphql-java's plain chain (set after Boot's, so it replaces it).
 */
@Configuration(proxyBeanMethods = false)
class InstrumentationChainConfiguration {

    @Bean
    GraphQlSourceBuilderCustomizer noOpDroppingInstrumentation(ObjectProvider<Instrumentation> instrumentations) {
        return builder -> builder.configureGraphQl(graphQl -> {
            List<Instrumentation> chain = instrumentations.orderedStream().toList();
            if (chain.size() > 1) {
                graphQl.instrumentation(new NoOpDroppingInstrumentation(chain));
            }
        });
    }
}
