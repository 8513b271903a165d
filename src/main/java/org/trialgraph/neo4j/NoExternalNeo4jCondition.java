package org.trialgraph.neo4j;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no external Neo4j is configured, through Spring Boot's {@code spring.neo4j.uri} or the
 * {@code NEO4J_URI} variable that Neo4j's own tools use (application.properties maps one onto the other).
 */
class NoExternalNeo4jCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty("spring.neo4j.uri"));
    }
}
