// Checks once per benchmark query that TrialGraph and the @neo4j/graphql peer answer the same: the same trials
// (NCT ids, in order), the same totals and, for the detail, the same linked parts. Each query runs with every
// value its section lists (the two query files list them in the same order) and the first NCT ids TrialGraph
// returns. Prints a Markdown table and exits 1 when an answer differs or fails.
//
//   node equivalence.mjs --trialgraph http://127.0.0.1:18080 --peer http://127.0.0.1:4000 \
//        --trialgraph-queries ../../src/main/resources/bench/queries.graphql --peer-queries queries.graphql \
//        [--ids 5] [--report ../../target/bench/peer-equivalence.md]
import { readFileSync, writeFileSync } from "node:fs";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const idCount = Number(args.ids ?? 5);

/** The sections of a query file (the format bench.BenchQuery reads). */
function parse(file) {
  const sections = new Map();
  let current = null;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("###")) {
      current = { name: line.slice(3).trim(), variables: "{}", values: {}, document: "" };
      sections.set(current.name, current);
    } else if (!current) {
      continue;
    } else if (line.startsWith("# variables:")) {
      current.variables = line.slice("# variables:".length).trim();
    } else if (line.startsWith("# values:")) {
      const [name, list] = line.slice("# values:".length).split("=", 2);
      current.values[name.trim()] = list.trim().split(/\s*\|\s*/);
    } else if (!line.startsWith("#")) {
      current.document += line + "\n";
    }
  }
  return sections;
}

async function post(base, query, variables) {
  const response = await fetch(new URL("/graphql", base), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (response.status !== 200 || body.errors) {
    throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  }
  return body.data;
}

const names = (list) => (list ?? []).map((x) => x.name);
const edges = (connection) => (connection?.edges ?? []);
const bucketRows = (buckets) => buckets.map((b) => `${b.keys.join(" / ")}: ${b.trials}`);
const round = (x) => Math.round(x * 1e9) / 1e9;
// Scores equal to 1e-9 count as a tie, ordered by NCT id: TrialGraph sums the contributions in Java (compensated
// summation), the peer in Cypher, so the last bits of equal scores can differ and swap tied trials.
const related = (list) => list.map(([nctId, score, reasons]) => ({ nctId, score: round(score), reasons }))
  .sort((a, b) => b.score - a.score || a.nctId.localeCompare(b.nctId)).map((r) => `${r.nctId} ${r.score} ${r.reasons}`);

// A page of trials by start date with its total (trials-filtered, trials-for-age): TrialGraph's trials, the peer's
// trialsConnection.
const page = (c) => ({ totalCount: c.totalCount, rows: c.edges.map((e) => [e.node.nctId, e.node.startDate ?? null]) });
const listPage = {
  trialgraph: ({ trials }) => page(trials),
  peer: ({ trialsConnection }) => page(trialsConnection),
  compare: startDateDescPages,
};

// A page of search hits: TrialGraph's search, the peer's trialsByText; what each side's hit must agree on.
const searchPage = (tgHit, peerHit) => ({
  trialgraph: ({ search: c }) => ({ totalCount: c.totalCount, hits: c.edges.map(tgHit) }),
  peer: ({ trialsByText: c }) => ({ totalCount: c.totalCount, hits: c.edges.map(peerHit) }),
});

// Related trials, with or without a filter.
const relatedList = {
  trialgraph: ({ relatedTrials: r }) => related(r.map((x) => [x.trial.nctId, x.score, x.reasons.length])),
  peer: ({ relatedTrials: r }) => related(r.map((x) => [x.nctId, x.score, x.reasons.length])),
};

// Each query's answer reduced to what both servers must agree on.
const canonical = {
  "trial-detail": {
    trialgraph: ({ trial: t }) => t && {
      nctId: t.nctId, overallStatus: t.overallStatus, phases: t.phases, enrollment: t.enrollment?.count ?? null,
      leadSponsor: t.leadSponsor?.name ?? null, collaborators: names(t.collaborators), conditions: names(t.conditions),
      meshTerms: t.meshTerms.map((m) => m.id), interventions: t.interventions.map((i) => `${i.type} ${i.name}`),
      arms: t.arms.map((a) => a.label), outcomes: t.outcomes.map((o) => `${o.kind} ${o.measure}`),
      sites: t.sites.map((s) => s.facility),
      criteria: t.eligibility.sections.flatMap((s) => s.criteria.map((c) => `${c.criterion?.key}#${c.criterion?.trialCount}`)),
    },
    peer: ({ trials: [t] }) => t && {
      nctId: t.nctId, overallStatus: t.overallStatus, phases: t.phases ?? [], enrollment: t.enrollmentCount ?? null,
      leadSponsor: edges(t.leadSponsor)[0]?.node.name ?? null, collaborators: edges(t.collaborators).map((e) => e.node.name),
      conditions: edges(t.conditionsConnection).map((e) => e.node.name), meshTerms: t.meshTerms.map((m) => m.id),
      interventions: edges(t.interventionsConnection).map((e) => `${e.node.type} ${e.properties.name ?? e.node.name}`),
      arms: edges(t.armsConnection).map((e) => e.node.label),
      outcomes: edges(t.outcomesConnection).map((e) => `${e.properties.kind} ${e.node.measure}`),
      sites: edges(t.sitesConnection).map((e) => e.node.facility),
      criteria: edges(t.criteriaConnection).map((e) => `${e.node.key}#${e.node.trialCount}`),
    },
  },
  "trials-filtered": listPage,
  "trials-for-age": listPage,
  search: searchPage((e) => [e.node.nctId, e.matchedFields], (e) => [e.node.nctId, e.node.matchedFields]),
  "search-plain": searchPage((e) => e.node.nctId, (e) => e.node.nctId),
  "related-trials": relatedList,
  "related-trials-recruiting": relatedList,
  "trial-stats": {
    trialgraph: ({ trialStats }) => bucketRows(trialStats),
    peer: ({ trialStatsByPhaseAndStatus }) => bucketRows(trialStatsByPhaseAndStatus),
  },
  "trial-stats-filtered": {
    trialgraph: ({ trialStats }) => bucketRows(trialStats),
    peer: ({ trialStatsOfConditions }) => bucketRows(trialStatsOfConditions),
  },
};

/** Every combination of the section's values; {{nctId}} takes the sampled ids. */
function variableSets(section, ids) {
  const placeholders = [...new Set([...section.variables.matchAll(/\{\{(\w+)}}/g)].map((m) => m[1]))];
  let sets = [{}];
  for (const p of placeholders) {
    const values = p === "nctId" ? ids : section.values[p];
    sets = sets.flatMap((set) => values.map((v, index) => ({ ...set, [p]: { v, index } })));
  }
  return sets;
}

function fill(section, chosen, own) {
  const text = section.variables.replace(/\{\{(\w+)}}/g, (_, p) => {
    const value = p === "nctId" ? chosen[p].v : own.values[p][chosen[p].index];
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(text);
}

/**
 * Pages sorted by start date descending, then NCT id: the documented difference is where trials without a start
 * date go (TrialGraph last, Cypher's DESC first). Everything else must agree: the total, the page size, each page
 * in its server's order, the dated trials of one page a prefix of the other's (or the same), and likewise the
 * undated ones (both by NCT id from the smallest); with the whole list on one page, the same trials.
 */
function startDateDescPages(tg, peer) {
  if (tg.totalCount !== peer.totalCount) return `totalCount: TrialGraph ${tg.totalCount} vs peer ${peer.totalCount}`;
  if (tg.rows.length !== peer.rows.length) return `page size: TrialGraph ${tg.rows.length} vs peer ${peer.rows.length}`;
  const inOrder = (rows, undatedFirst) => rows.every((r, i) => i === 0 || before(rows[i - 1], r, undatedFirst));
  const before = ([id1, d1], [id2, d2], undatedFirst) => {
    if ((d1 === null) !== (d2 === null)) return (d1 === null) === undatedFirst;
    if (d1 !== null && d1 !== d2) return d1 > d2;
    return id1 < id2;
  };
  if (!inOrder(tg.rows, false)) return `TrialGraph's page is not latest start first, undated last: ${JSON.stringify(tg.rows)}`;
  if (!inOrder(peer.rows, true)) return `the peer's page is not undated first, then latest start first: ${JSON.stringify(peer.rows)}`;
  const prefixes = (a, b) => {
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    return short.every((x, i) => JSON.stringify(x) === JSON.stringify(long[i]));
  };
  for (const dated of [true, false]) {
    const a = tg.rows.filter((r) => (r[1] !== null) === dated);
    const b = peer.rows.filter((r) => (r[1] !== null) === dated);
    if (!prefixes(a, b)) {
      return `${dated ? "dated" : "undated"} trials: TrialGraph ${JSON.stringify(a).slice(0, 160)} vs peer ${JSON.stringify(b).slice(0, 160)}`;
    }
  }
  if (tg.totalCount === tg.rows.length) {
    return firstDifference([...tg.rows].sort(), [...peer.rows].sort());
  }
  return null;
}

function firstDifference(a, b, path = "") {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[key], b[key], `${path}.${key}`);
      if (d) return d;
    }
  }
  return `${path || "answer"}: TrialGraph ${JSON.stringify(a)?.slice(0, 160)} vs peer ${JSON.stringify(b)?.slice(0, 160)}`;
}

const tgQueries = parse(args["trialgraph-queries"]);
const peerQueries = parse(args["peer-queries"]);
const sample = await post(args.trialgraph, "{ trials(first: 100, orderBy: [{field: NCT_ID, direction: DESC}]) { edges { node { nctId } } } }");
const allIds = sample.trials.edges.map((e) => e.node.nctId);
// Spread over the page rather than the first few, so trials with and without many parts are both checked.
const ids = Array.from({ length: Math.min(idCount, allIds.length) }, (_, i) => allIds[Math.floor(i * allIds.length / idCount)]);

const rows = [];
let failures = 0;
// --only q1,q2: check these queries only (compare.sh passes BENCH_ONLY).
const only = args.only ? new Set(args.only.split(",")) : null;
for (const [name, tg] of tgQueries) {
  if (only && !only.has(name)) continue;
  const peer = peerQueries.get(name);
  if (!peer || !canonical[name]) {
    rows.push(`| ${name} | not comparable | the peer has no equivalent query |`);
    continue;
  }
  let agreed = 0;
  const differences = [];
  for (const chosen of variableSets(tg, ids)) {
    const label = Object.values(chosen).map((c) => c.v).join(", ") || "(no variables)";
    try {
      const a = canonical[name].trialgraph(await post(args.trialgraph, tg.document, fill(tg, chosen, tg)));
      const b = canonical[name].peer(await post(args.peer, peer.document, fill(tg, chosen, peer)));
      const d = (canonical[name].compare ?? firstDifference)(a, b);
      if (d) differences.push(`${label}: ${d}`); else agreed++;
    } catch (e) {
      differences.push(`${label}: ${e.message}`);
    }
  }
  failures += differences.length;
  const detail = differences.length === 0 ? "same answers" : differences.join("<br>").replaceAll("|", "\\|");
  rows.push(`| ${name} | ${agreed} of ${agreed + differences.length} agree | ${detail} |`);
}

const report = ["| query | equivalent answers | differences |", "|---|---|---|", ...rows].join("\n") + "\n";
console.log(report);
if (args.report) writeFileSync(args.report, report);
process.exit(failures === 0 ? 0 : 1);
