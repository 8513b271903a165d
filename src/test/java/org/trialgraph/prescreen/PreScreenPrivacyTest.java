package org.trialgraph.prescreen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import org.trialgraph.TrialGraphTest;

/** A patient profile never reaches the application's log output. */
@TrialGraphTest
@ExtendWith(OutputCaptureExtension.class)
class PreScreenPrivacyTest {

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void noValueOfTheProfileAppearsInTheLogOutput(CapturedOutput output) {
        // Shows the capture sees what the application logs during the test.
        LoggerFactory.getLogger(PreScreenPrivacyTest.class).warn("pre-screen privacy check starts");
        Map<String, Object> patient = Map.of(
                "birthDate", "1987-06-05",
                "sex", "FEMALE",
                "conditions", List.of("Zyxwvut syndrome of Quuxland"),
                "measurements", List.of(Map.of("concept", "LVEF", "value", 43.21987, "unit", "%"),
                        Map.of("concept", "PLATELETS", "value", 123457, "unit", "/µL")),
                "facts", List.of(Map.of("concept", "PREGNANCY", "present", true)),
                "near", Map.of("latitude", 48.8566123, "longitude", 2.3522987, "km", 20037.5));
        graphQl.documentName("preScreen").variable("patient", patient).variable("first", 5).execute()
                .path("preScreen").entityList(Map.class).satisfies(list -> assertThat(list).isNotNull());
        // A refused profile neither: its message names the argument, not the value.
        graphQl.documentName("preScreen").variable("patient", Map.of("measurements",
                List.of(Map.of("concept", "LVEF", "value", 43.21987, "unit", "Zyxwvut")))).execute()
                .errors().expect(e -> e.getMessage().startsWith("patient.measurements[0]"));
        assertThat(output.getAll()).contains("pre-screen privacy check starts")
                .doesNotContain("1987-06-05", "Zyxwvut", "Quuxland", "43.21987", "123457", "48.8566123", "2.3522987",
                        "20037.5");
    }

    @Test
    void theLoggersThatPrintGraphQlVariablesOrCypherParametersStayQuiet() {
        // Spring for GraphQL logs "Executing: ... variables=..." at DEBUG; graphql-java's notprivacysafe loggers
        // log queries and variables; the Neo4j driver logs query parameters at DEBUG/TRACE.
        for (String logger : List.of("org.springframework.graphql.server.webmvc.GraphQlHttpHandler",
                "org.springframework.graphql.execution.DefaultExecutionGraphQlService", "notprivacysafe.graphql.GraphQL",
                "notprivacysafe.graphql.execution.ExecutionStrategy", "org.neo4j.driver.internal.async.NetworkSession")) {
            assertThat(LoggerFactory.getLogger(logger).isDebugEnabled()).as(logger).isFalse();
        }
    }
}
