// The peer of TrialGraph for the benchmark comparison: the Neo4j GraphQL Library (@neo4j/graphql 7) with Apollo
// Server, reading the same graph over Bolt. See docs/BENCHMARKS.md, "Peer comparison: @neo4j/graphql".
//
//   NEO4J_URI=bolt://127.0.0.1:7687 PORT=4000 node server.mjs
//
// Generated queries and filters where the library has them (trial detail, filtered trials with totalCount,
// full-text search through @fulltext); @cypher queries with TrialGraph's own Cypher where it has none
// (relatedTrials, trialStats). preScreen cannot be expressed (its constraint evaluation runs in Java).
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";
import { printSchema } from "graphql";

const uri = process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687";
const port = Number(process.env.PORT ?? 4000);

// The graph model of docs/ARCHITECTURE.md ("Graph model"), as far as the benchmark's queries read it. Property
// names are the stored ones: the library maps a field to the property of the same name.
const typeDefs = /* GraphQL */ `
  type Trial @node
    @fulltext(indexes: [{ indexName: "trial_text", queryName: "trialsByText",
                          fields: ["briefTitle", "officialTitle", "acronym", "briefSummary", "keywordText"] }]) {
    nctId: ID!
    briefTitle: String
    officialTitle: String
    acronym: String
    overallStatus: String
    phases: [String!]
    studyType: String
    enrollmentCount: Int
    enrollmentType: String
    startDate: String
    primaryCompletionDate: String
    completionDate: String
    lastUpdated: String
    briefSummary: String
    keywordText: String
    minimumAgeText: String
    minimumAgeYears: Float
    maximumAgeText: String
    maximumAgeYears: Float
    sex: String
    healthyVolunteers: Boolean
    keywords: [String!]
    sponsors: [Sponsor!]! @relationship(type: "SPONSORED_BY", direction: OUT, properties: "SponsoredBy")
    conditions: [Condition!]! @relationship(type: "STUDIES", direction: OUT, properties: "Positioned")
    meshTerms: [MeshTerm!]! @relationship(type: "STUDIES_MESH", direction: OUT)
    interventions: [Intervention!]! @relationship(type: "TESTS", direction: OUT, properties: "Tests")
    arms: [Arm!]! @relationship(type: "HAS_ARM", direction: OUT, properties: "Positioned")
    outcomes: [Outcome!]! @relationship(type: "MEASURES", direction: OUT, properties: "Measures")
    sites: [Site!]! @relationship(type: "RECRUITS_AT", direction: OUT, properties: "RecruitsAt")
    criteria: [Criterion!]! @relationship(type: "HAS_CRITERION", direction: OUT, properties: "HasCriterion")
    matchedFields(phrase: String!): [String!]! @cypher(statement: """${MATCHED_FIELDS()}""", columnName: "result")
  }

  type Sponsor @node {
    key: String!
    name: String
    agencyClass: String
  }

  type Condition @node {
    key: String!
    name: String
  }

  type MeshTerm @node {
    id: ID!
    term: String
    ancestry: String
    broader: [MeshTerm!]! @relationship(type: "BROADER", direction: OUT)
  }

  type Intervention @node {
    key: String!
    type: String
    name: String
  }

  type Arm @node {
    id: ID!
    label: String
    type: String
  }

  type Outcome @node {
    id: ID!
    measure: String
    timeFrame: String
  }

  type Site @node {
    key: String!
    facility: String
    city: String
    country: String
    location: Point
  }

  type Criterion @node {
    key: String!
    text: String
    trialCount: Int
  }

  type SponsoredBy @relationshipProperties {
    role: String
    position: Int
  }

  type Positioned @relationshipProperties {
    position: Int
  }

  type Tests @relationshipProperties {
    position: Int
    name: String
  }

  type Measures @relationshipProperties {
    kind: String
    position: Int
  }

  type RecruitsAt @relationshipProperties {
    status: String
    position: Int
  }

  type HasCriterion @relationshipProperties {
    kind: String
    section: String
    sectionIndex: Int
    position: Int
    text: String
  }

  type RelatedReason {
    kind: String!
    label: String!
    contribution: Float!
  }

  type RelatedTrialResult {
    nctId: ID!
    briefTitle: String
    score: Float!
    reasons: [RelatedReason!]!
  }

  type StatsBucket {
    keys: [String!]!
    trials: Int!
    enrollment: Float!
    sponsors: Int
  }

  type Query {
    relatedTrials(nctId: ID!, first: Int! = 10, overallStatus: [String!]! = []): [RelatedTrialResult!]!
      @cypher(statement: """${RELATED_TRIALS()}""", columnName: "result")

    trialStatsByPhaseAndStatus(top: Int! = 50): [StatsBucket!]!
      @cypher(statement: """${STATS_BY_PHASE_AND_STATUS()}""", columnName: "result")

    trialStatsOfConditions(country: String!, overallStatus: [String!]!, top: Int! = 50): [StatsBucket!]!
      @cypher(statement: """${STATS_OF_CONDITIONS()}""", columnName: "result")
  }
`;

// TrialGraph's TrialEdge.matchedFields (trial.TrialListRepository#hit): the fields, in this order, of which a
// value contains a searched word, lower-cased. The words are the phrase's, without Lucene's AND between them.
function MATCHED_FIELDS() {
  return `
    WITH this, [w IN split(toLower(trim($phrase)), ' ') WHERE w <> '' AND w <> 'and'] AS words
    WITH words, [
      ['briefTitle', [this.briefTitle]],
      ['officialTitle', [this.officialTitle]],
      ['acronym', [this.acronym]],
      ['briefSummary', [this.briefSummary]],
      ['conditions', [(this)-[:STUDIES]->(c:Condition) | c.name]],
      ['keywords', coalesce(this.keywords, [])],
      ['interventions', [(this)-[r:TESTS]->(i:Intervention) | coalesce(r.name, i.name)]]
    ] AS fields
    RETURN [f IN fields WHERE any(v IN f[1] WHERE v IS NOT NULL AND any(w IN words WHERE toLower(v) CONTAINS w))
            | f[0]] AS result`;
}

// TrialGraph's related.Relatedness queries (candidates filtered by status only, when overallStatus is given: the
// benchmark's related-trials-recruiting; TrialGraph's where takes any trials filter), with the
// scoring of related.RelatedScoring done in Cypher: idf = ln(1 + N / df) per item, an item's contribution is
// weight(kind) / sum of the weights of the kinds present * idf / sum of the idf of its kind, a candidate's score
// is the sum of the contributions of the items it shares (at most 1), ties by nctId.
function RELATED_TRIALS() {
  return `
    MATCH (trial:Trial) WITH count(trial) AS n
    CALL () {
      MATCH (s:Trial {nctId: $nctId})-[:STUDIES]->(x:Condition)
      RETURN 'CONDITION' AS kind, 0.25 AS weight, x.key AS key, x.name AS label, true AS direct,
             COUNT { (x)<-[:STUDIES]-(:Trial) } AS df,
             COLLECT { MATCH (x)<-[:STUDIES]-(t:Trial) WHERE t <> s RETURN DISTINCT t.nctId } AS candidates
      UNION ALL
      MATCH (s:Trial {nctId: $nctId})-[:STUDIES_MESH]->(m:MeshTerm)-[:BROADER*0..1]->(x:MeshTerm)
      WHERE x = m OR m.ancestry = 'EXACT'
      WITH DISTINCT s, x
      RETURN 'MESH' AS kind, 0.25 AS weight, x.id AS key, x.term AS label, EXISTS { (s)-[:STUDIES_MESH]->(x) } AS direct,
             COUNT { MATCH (o:Trial)-[:STUDIES_MESH]->(m:MeshTerm)-[:BROADER*0..1]->(x)
                     WHERE x = m OR m.ancestry = 'EXACT' RETURN DISTINCT o } AS df,
             COLLECT { MATCH (t:Trial)-[:STUDIES_MESH]->(m:MeshTerm)-[:BROADER*0..1]->(x)
                       WHERE (x = m OR m.ancestry = 'EXACT') AND t <> s RETURN DISTINCT t.nctId } AS candidates
      UNION ALL
      MATCH (s:Trial {nctId: $nctId})-[:HAS_CRITERION]->(x:Criterion)
      WITH DISTINCT s, x
      RETURN 'CRITERIA' AS kind, 0.2 AS weight, x.key AS key, x.text AS label, true AS direct, x.trialCount AS df,
             COLLECT { MATCH (x)<-[:HAS_CRITERION]-(t:Trial) WHERE t <> s RETURN DISTINCT t.nctId } AS candidates
      UNION ALL
      MATCH (s:Trial {nctId: $nctId})-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(x:Constraint)
      WITH DISTINCT s, x
      RETURN 'CONSTRAINTS' AS kind, 0.1 AS weight, x.key AS key, x.label AS label, true AS direct,
             COUNT { MATCH (o:Trial)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(x) RETURN DISTINCT o } AS df,
             COLLECT { MATCH (t:Trial)-[:HAS_CRITERION]->(:Criterion)-[:EXPRESSES]->(x)
                       WHERE t <> s RETURN DISTINCT t.nctId } AS candidates
      UNION ALL
      MATCH (s:Trial {nctId: $nctId})-[:TESTS]->(x:Intervention)
      WITH DISTINCT s, x
      RETURN 'INTERVENTION' AS kind, 0.15 AS weight, x.key AS key, x.name AS label, true AS direct,
             COUNT { MATCH (o:Trial)-[:TESTS]->(x) RETURN DISTINCT o } AS df,
             COLLECT { MATCH (x)<-[:TESTS]-(t:Trial) WHERE t <> s RETURN DISTINCT t.nctId } AS candidates
      UNION ALL
      MATCH (s:Trial {nctId: $nctId})-[:SPONSORED_BY]->(x:Sponsor)
      WITH DISTINCT s, x
      RETURN 'SPONSOR' AS kind, 0.05 AS weight, x.key AS key, x.name AS label, true AS direct,
             COUNT { MATCH (o:Trial)-[:SPONSORED_BY]->(x) RETURN DISTINCT o } AS df,
             COLLECT { MATCH (x)<-[:SPONSORED_BY]-(t:Trial) WHERE t <> s RETURN DISTINCT t.nctId } AS candidates
    }
    WITH n, kind, weight, key, label, direct, candidates,
         log(1 + toFloat(n) / CASE WHEN df IS NULL OR df < 1 THEN 1 ELSE df END) AS idf
    WITH collect({kind: kind, weight: weight, key: key, label: label, direct: direct, candidates: candidates,
                  idf: idf}) AS items
    UNWIND items AS i
    WITH items, i.kind AS kind, i.weight AS weight, sum(i.idf) AS total
    WITH items, collect({kind: kind, weight: weight, total: total}) AS kinds
    WITH items, kinds, reduce(s = 0.0, k IN kinds | s + k.weight) AS weights
    UNWIND items AS i
    WITH i, i.weight / weights * i.idf / [k IN kinds WHERE k.kind = i.kind][0].total AS contribution
    UNWIND i.candidates AS candidate
    WITH DISTINCT candidate, i, contribution
    WHERE size($overallStatus) = 0
       OR EXISTS { MATCH (c:Trial {nctId: candidate}) WHERE c.overallStatus IN $overallStatus }
    ORDER BY contribution DESC, i.label
    WITH candidate, sum(contribution) AS total,
         collect({kind: i.kind, label: i.label, key: i.key, direct: i.direct, contribution: contribution}) AS reasons
    WITH candidate, CASE WHEN total > 1.0 THEN 1.0 ELSE total END AS score, reasons
    ORDER BY score DESC, candidate
    LIMIT $first
    WITH candidate, score, reasons, [r IN reasons WHERE r.kind = 'MESH'] AS mesh
    WITH candidate, score,
         CASE WHEN size(mesh) = 0 OR any(r IN mesh WHERE r.direct) THEN reasons
              ELSE [r IN reasons | CASE WHEN r = mesh[0] THEN r {.*, label: r.label + ' (nearest common ancestor)'}
                                        ELSE r END] END AS reasons
    MATCH (t:Trial {nctId: candidate})
    RETURN {nctId: candidate, briefTitle: t.briefTitle, score: score, reasons: reasons} AS result
    ORDER BY score DESC, candidate`;
}

// TrialGraph's stats.TrialStatsRepository query with the dimensions of stats.StatsDimension, and its
// "largest groups, the rest summed into (other)" done in Cypher.
function statsQuery(where, dimensions) {
  return `
    CALL () {
      MATCH (t:Trial)
      WHERE ${where}
      WITH t, head([(t)-[:SPONSORED_BY {role: 'LEAD'}]->(s:Sponsor) | s.key]) AS lead, [${dimensions}] AS dimensions
      UNWIND (CASE WHEN size(dimensions[0]) = 0 THEN ['(none)'] ELSE dimensions[0] END) AS k0
      UNWIND (CASE WHEN size(dimensions[1]) = 0 THEN ['(none)'] ELSE dimensions[1] END) AS k1
      WITH k0, k1, count(t) AS trials, sum(coalesce(t.enrollmentCount, 0)) AS enrollment,
           count(DISTINCT lead) AS sponsors
      RETURN k0, k1, trials, enrollment, sponsors
      ORDER BY trials DESC, k0, k1
    }
    WITH collect({keys: CASE WHEN $groups = 1 THEN [k0] ELSE [k0, k1] END, trials: trials,
                  enrollment: toFloat(enrollment), sponsors: sponsors}) AS all
    WITH all, all[$top..] AS rest
    UNWIND (CASE WHEN size(rest) = 0 THEN all
            ELSE all[..$top] + [{keys: [x IN range(1, $groups) | '(other)'],
                                 trials: reduce(s = 0, b IN rest | s + b.trials),
                                 enrollment: reduce(s = 0.0, b IN rest | s + b.enrollment), sponsors: null}] END) AS result
    RETURN result`;
}

function STATS_BY_PHASE_AND_STATUS() {
  return statsQuery("true", "coalesce(t.phases, []), [x IN [t.overallStatus] WHERE x IS NOT NULL]")
    .replaceAll("$groups", "2");
}

function STATS_OF_CONDITIONS() {
  return statsQuery(
    "t.overallStatus IN $overallStatus AND EXISTS { (t)-[:RECRUITS_AT]->(:Site)-[:IN]->(:Country {name: $country}) }",
    "COLLECT { MATCH (t)-[:STUDIES]->(c:Condition) RETURN DISTINCT c.name }, ['']").replaceAll("$groups", "1");
}

// TrialGraph's embedded Bolt connector has no authentication; NEO4J_USER / NEO4J_PASSWORD for a server that has.
const auth = process.env.NEO4J_USER ? neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD ?? "") : undefined;
const driver = neo4j.driver(uri, auth, {
  maxConnectionPoolSize: Number(process.env.NEO4J_POOL ?? 100),
});
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();
if (process.argv.includes("--print-schema")) {
  console.log(printSchema(schema));
  await driver.close();
  process.exit(0);
}

const server = new ApolloServer({ schema, introspection: true });
const { url } = await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" } });
console.log(`peer (@neo4j/graphql) ready at ${url} on ${uri}`);

process.on("exit", (code) => console.log(`peer exits with code ${code}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    console.log(`peer stopping on ${signal}`);
    await server.stop();
    await driver.close();
    process.exit(0);
  });
}
