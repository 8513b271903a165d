package org.trialgraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.StudyImporter;

/**
 * Every statement that the application's AutoCommitReads callers ran while answering a spread of GraphQL queries on
 * the real records (recorded as they went in-process) is run again both over Bolt, as before, and in-process: the
 * records must be the same, value types included (nodes by element id, labels and properties). The in-memory indexes
 * are off, so that trial pages, statistics and related trials are read from the graph, with all their statements.
 * Failures, a transaction timeout among them, must be the same driver exceptions with the same codes.
 */
@TrialGraphTest
@Import(InProcessReadsComparisonTest.Recording.class)
@TestPropertySource(properties = {"trialgraph.facets.enabled=false", "trialgraph.related.index.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class InProcessReadsComparisonTest {

    /** The classes that read through AutoCommitReads (grep for it), each of which must have been seen. */
    private static final Set<String> CALLERS = Set.of("TrialPartsQuery", "TrialRepository", "TrialListRepository",
            "CatalogRepository", "RelatedTrialsRepository", "TrialStatsRepository");

    /** The reads of trial detail and related trials (issue 9's hot paths), which must have been compared. */
    private static final Set<String> HOT_READS = Set.of("TrialPartsQuery.read", "TrialRepository.byId",
            "RelatedTrialsRepository.sourceItems", "RelatedTrialsRepository.bestCandidates",
            "RelatedTrialsRepository.trials");

    private static final List<Statement> recorded = new ArrayList<>();

    @Autowired
    private HttpGraphQlTester graphQl;

    @Autowired
    private StudyImporter importer;

    @Autowired
    private Driver driver;

    @Autowired
    private InProcessReads inProcess;

    @Autowired
    private DatabaseManagementService databases;

    private Map<String, JsonNode> raw;

    record Statement(String cypher, Map<String, Object> parameters, String caller) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        @Bean
        static BeanPostProcessor recordingInProcessReads() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!(bean instanceof InProcessReads reads)) {
                        return bean;
                    }
                    return (InProcessReads) (cypher, parameters) -> {
                        String caller = caller();
                        if (!caller.startsWith(InProcessReadsComparisonTest.class.getSimpleName())) {
                            synchronized (recorded) {
                                recorded.add(new Statement(cypher, new HashMap<>(parameters), caller));
                            }
                        }
                        return reads.read(cypher, parameters);
                    };
                }
            };
        }

        /** The first application class on the stack outside neo4j and observability: the repository (or this test). */
        private static String caller() {
            return StackWalker.getInstance().walk(frames -> frames
                    .filter(f -> f.getClassName().startsWith("org.trialgraph.")
                            && (!f.getClassName().startsWith("org.trialgraph.neo4j.")
                                    || f.getClassName().contains(InProcessReadsComparisonTest.class.getSimpleName()))
                            && !f.getClassName().startsWith("org.trialgraph.observability.")
                            && !f.getClassName().startsWith("org.trialgraph.QueryCounting")
                            && !f.getClassName().startsWith(Recording.class.getName()))
                    .findFirst()
                    .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1).replaceAll("\\$.*", "")
                            + "." + f.getMethodName())
                    .orElse("?.?"));
        }
    }

    @BeforeAll
    void importApiV2Records() {
        raw = SharedData.importApiV2(importer);
    }

    @Test
    void everyCallersStatementReadsTheSameRecordsInProcessAsOverBolt() {
        askAcrossTheApi();
        List<Statement> statements;
        synchronized (recorded) {
            statements = List.copyOf(new LinkedHashSet<>(recorded.stream()
                    .map(s -> new Statement(s.cypher(), s.parameters(), s.caller())).toList()));
        }
        Set<String> callers = new TreeSet<>(statements.stream().map(Statement::caller).toList());
        assertThat(callers.stream().map(c -> c.substring(0, c.indexOf('.'))).toList())
                .as("callers seen: %s", callers).containsAll(CALLERS);
        assertThat(callers).containsAll(HOT_READS);

        for (Statement statement : statements) {
            List<Object> overBolt = plain(overBolt(statement.cypher(), statement.parameters()));
            List<Object> inProcessRows = plain(inProcess.read(statement.cypher(), statement.parameters()));
            assertThat(inProcessRows).as("%s: %s %s", statement.caller(), statement.cypher(), statement.parameters())
                    .isEqualTo(overBolt);
        }
        assertThat(statements.stream().filter(s -> !overBolt(s.cypher(), s.parameters()).isEmpty()).count())
                .as("statements with rows").isGreaterThan(statements.size() / 2);
    }

    @Test
    void everyKindOfValueIsTheSameInProcessAsOverBolt() {
        String cypher = """
                MATCH (t:Trial)-[r:RECRUITS_AT]->(s:Site) WHERE s.location IS NOT NULL
                WITH t, r, s LIMIT 3
                RETURN t, r, s, s.location AS point, 1 AS integer, 1.5 AS float, 'text' AS string, true AS boolean,
                       null AS nothing, [1, 'a', [2.5], {k: null}] AS list, {a: 1, b: ['x'], c: {d: date('2024-02-29')}} AS map,
                       date('2024-02-29') AS date, localtime('12:34:56.789') AS localTime, time('12:34:56+02:00') AS time,
                       localdatetime('2024-02-29T12:34:56') AS localDateTime,
                       datetime('2024-02-29T12:34:56[Europe/Paris]') AS zonedDateTime,
                       datetime('2024-02-29T12:34:56+05:30') AS offsetDateTime,
                       duration('P1Y2M3DT4H5M6.007S') AS duration, point({x: 1.0, y: 2.0, z: 3.0}) AS point3d,
                       t.phases AS array, $parameter AS parameter
                """;
        Map<String, Object> parameters = Map.of("parameter", List.of(1, 2L, 3.5, "x", Map.of("y", true)));

        List<Record> overBolt = overBolt(cypher, parameters);

        assertThat(overBolt).hasSize(3);
        assertThat(plain(inProcess.read(cypher, parameters))).isEqualTo(plain(overBolt));
    }

    @Test
    void failuresAreTheSameDriverExceptionsWithTheSameCodes() {
        for (String cypher : List.of("RETURN", "RETURN 1 / 0 AS n", "RETURN $missing AS m", "CREATE (:InProcessProbe)",
                "MATCH (t:Trial) RETURN toInteger(t) AS wrong", "CALL no.such.procedure()")) {
            Throwable overBolt = catchThrowable(() -> overBolt(cypher, Map.of()));
            Throwable inProcessFailure = catchThrowable(() -> inProcess.read(cypher, Map.of()));

            assertThat(overBolt).as(cypher).isInstanceOf(Neo4jException.class);
            assertThat(inProcessFailure).as(cypher).isExactlyInstanceOf(overBolt.getClass());
            assertThat(((Neo4jException) inProcessFailure).code()).as(cypher).isEqualTo(((Neo4jException) overBolt).code());
        }
        assertThat(overBolt("MATCH (p:InProcessProbe) RETURN count(p) AS n", Map.of()).get(0).get("n").asLong())
                .as("nothing written").isZero();
    }

    @Test
    void aTransactionOutlastingItsTimeoutFailsAlikeInProcessAndOverBolt() {
        String slow = "UNWIND range(1, 1000000000) AS x RETURN count(x) AS n";
        Duration timeout = Duration.ofMillis(200);
        InProcessReads withTimeout = new GraphDatabaseReads(
                (GraphDatabaseAPI) databases.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME), timeout);

        Throwable overBolt = catchThrowable(() -> {
            try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
                session.run(new Query(slow), TransactionConfig.builder().withTimeout(timeout).build()).list();
            }
        });
        Throwable inProcessFailure = catchThrowable(() -> withTimeout.read(slow, Map.of()));

        assertThat(overBolt).isInstanceOf(Neo4jException.class);
        assertThat(inProcessFailure).isExactlyInstanceOf(overBolt.getClass());
        assertThat(((Neo4jException) inProcessFailure).code()).isEqualTo(((Neo4jException) overBolt).code());
    }

    /** GraphQL queries that reach every AutoCommitReads caller, on a well-furnished real trial. */
    private void askAcrossTheApi() {
        String nctId = raw.entrySet().stream().max(Comparator.comparingInt(e -> richness(e.getValue()))).orElseThrow()
                .getKey();
        Map<String, Object> trial = graphQl.documentName("trialWithAllParts").variable("nctId", nctId).execute()
                .path("trial").entity(Map.class).get();
        Map<String, Object> site = ((List<Map<String, Object>>) trial.get("sites")).stream()
                .filter(s -> s.get("latitude") != null).findFirst().orElseThrow();
        String condition = (String) ((List<Map<String, Object>>) trial.get("conditions")).get(0).get("name");
        String mesh = (String) ((List<Map<String, Object>>) trial.get("meshTerms")).get(0).get("id");
        String sponsor = (String) ((Map<String, Object>) trial.get("leadSponsor")).get("name");
        String intervention = (String) ((List<Map<String, Object>>) trial.get("interventions")).get(0).get("name");
        String country = (String) site.get("country");
        Map<String, Object> near = Map.of("latitude", site.get("latitude"), "longitude", site.get("longitude"), "km", 50.0);
        String word = Arrays.stream(raw.get(nctId).at("/protocolSection/identificationModule/briefTitle").asString()
                .split("\\W+")).filter(w -> w.length() > 5).findFirst().orElseThrow();

        graphQl.documentName("trialDetail").variable("nctId", nctId).execute();
        String cursor = (String) ((List<Map<String, Object>>) graphQl.documentName("trialSitesPage")
                .variable("nctId", nctId).variable("first", 2).execute().path("trial").entity(Map.class).get()
                .get("sites")).get(1).get("cursor");
        graphQl.documentName("trialSitesPage").variable("nctId", nctId).variable("first", 2).variable("after", cursor)
                .execute();
        graphQl.documentName("trialPageWithAllParts").execute();
        graphQl.documentName("trialsOfCountryWithAllParts").variable("country", country).execute();
        graphQl.documentName("countryTrialsWithAllParts").variable("country", country).execute();
        graphQl.documentName("catalog").variable("condition", condition).variable("mesh", mesh)
                .variable("sponsor", sponsor).variable("country", country).variable("intervention", intervention)
                .execute();
        graphQl.documentName("siteTrials").variable("key", site.get("key")).execute();
        graphQl.documentName("sitesNear").variable("near", near).variable("first", 5).execute();
        graphQl.documentName("narrowerPage").variable("id", mesh).variable("first", 5).execute();
        graphQl.documentName("search").variable("text", word).variable("first", 5).execute();
        graphQl.documentName("search").variable("text", word).variable("where", Map.of("country", country))
                .variable("first", 5).execute();
        graphQl.documentName("trialsWhere").variable("where", Map.of("condition", condition)).execute();
        graphQl.documentName("trialStats").variable("where", Map.of("country", country))
                .variable("groupBy", List.of("STATUS", "PHASE")).variable("top", 10).execute();
        graphQl.documentName("related").variable("nctId", nctId).variable("first", 10).execute();
        graphQl.documentName("related").variable("nctId", nctId).variable("first", 10)
                .variable("where", Map.of("country", country)).execute();
        graphQl.documentName("relatedWithTexts").variable("nctId", nctId).variable("first", 5).execute();
    }

    /** Locations with coordinates, conditions, interventions and collaborators: a trial that has every part. */
    private static int richness(JsonNode study) {
        JsonNode protocol = study.path("protocolSection");
        int located = 0;
        for (JsonNode location : protocol.path("contactsLocationsModule").path("locations")) {
            located += location.has("geoPoint") ? 1 : 0;
        }
        boolean complete = located >= 3 && !protocol.path("conditionsModule").path("conditions").isEmpty()
                && !protocol.path("armsInterventionsModule").path("interventions").isEmpty()
                && !protocol.path("sponsorCollaboratorsModule").path("collaborators").isEmpty()
                && !study.path("derivedSection").path("conditionBrowseModule").path("meshes").isEmpty();
        return complete ? Math.min(located, 50) * 10 + protocol.path("conditionsModule").path("conditions").size() : 0;
    }

    private List<Record> overBolt(String cypher, Map<String, Object> parameters) {
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            return session.run(cypher, parameters).list();
        }
    }

    /** The records as plain Java: each value with its driver type; nodes and relationships with what identifies them. */
    private static List<Object> plain(List<Record> records) {
        List<Object> rows = new ArrayList<>();
        for (Record record : records) {
            Map<String, Object> row = new LinkedHashMap<>();
            record.keys().forEach(key -> row.put(key, plain(record.get(key))));
            rows.add(row);
        }
        return rows;
    }

    private static Object plain(Value value) {
        return switch (value.type().name()) {
            case "NODE" -> {
                Node node = value.asNode();
                yield List.of("NODE", node.elementId(), List.copyOf((java.util.Collection<String>) node.labels()),
                        plainMap(node.asMap(v -> v)));
            }
            case "RELATIONSHIP" -> {
                Relationship relationship = value.asRelationship();
                yield List.of("RELATIONSHIP", relationship.elementId(), relationship.type(),
                        relationship.startNodeElementId(), relationship.endNodeElementId(),
                        plainMap(relationship.asMap(v -> v)));
            }
            case "LIST" -> List.of("LIST", value.asList(InProcessReadsComparisonTest::plain));
            case "MAP" -> List.of("MAP", plainMap(value.asMap(v -> v)));
            case "NULL" -> "NULL";
            default -> List.of(value.type().name(), value.asObject().getClass().getName(), value.asObject());
        };
    }

    private static Map<String, Object> plainMap(Map<String, Value> values) {
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((key, value) -> plain.put(key, plain(value)));
        return plain;
    }
}
