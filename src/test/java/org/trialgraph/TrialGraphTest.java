package org.trialgraph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port with its own embedded Neo4j (seeded), queried over real HTTP.
 * Test classes carrying only this annotation share one application context, so Neo4j starts once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@AutoConfigureMockMvc
// A generous response timeout: answers are fast, but a 2-core CI machine under load should not fail a test.
@AutoConfigureWebTestClient(timeout = "60s")
@Import(QueryCounting.class)
public @interface TrialGraphTest {
}
