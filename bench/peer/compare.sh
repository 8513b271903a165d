#!/usr/bin/env bash
# TrialGraph against the @neo4j/graphql peer on the same Neo4j and data, in one run. See docs/BENCHMARKS.md,
# "Peer comparison: @neo4j/graphql".
#
#   bench/peer/compare.sh SIZE [SEED]      SIZE: "real" (the API v2 records of ../shared/data) or a number of
#                                          generated studies (bench/run.sh's generator, seed SEED)
#
# Steps: prepares the store (import, as bench/run.sh does), starts TrialGraph on it with its embedded Neo4j's Bolt
# on 127.0.0.1:BENCH_BOLT_PORT, starts the peer (bench/peer/server.mjs) against that Bolt, checks once per query
# that both answer the same (equivalence.mjs), then for each query measures TrialGraph and then the peer with the
# same clients, duration and warm-up (the bench command of the jar; the peer's documents in
# bench/peer/queries.graphql, NCT ids sampled from TrialGraph for both), and writes the table of both and their
# ratio to target/bench/peer-SIZE.md and stdout.
#
# Environment: BENCH_HEAP (-Xmx2g), BENCH_PORT (18080), BENCH_PEER_PORT (4000), BENCH_BOLT_PORT (17687),
# BENCH_SECONDS (20), BENCH_WARMUP (5), BENCH_CLIENTS (1,8), BENCH_ONLY (comma-separated query names),
# BENCH_REUSE_STORE=1 (keep an existing target/bench/store-SIZE), SHARED_DATA (../shared/data),
# BENCH_SERVER_ARGS (more arguments for TrialGraph, e.g. --trialgraph.neo4j.page-cache=6GB for the 580k store),
# BENCH_PREWARM (60: seconds of unmeasured mixed requests per side before the first measurement; 0 = none; a fresh
# TrialGraph reaches its steady state after about a minute of load, docs/BENCHMARKS.md, "The peer asked the same").
# Needs Node.js >= 20 and npm: bench/peer/node_modules is installed with `npm ci` when missing.
set -euo pipefail

SIZE=${1:?usage: bench/peer/compare.sh SIZE|real [SEED]}
SEED=${2:-42}
cd "$(dirname "$0")/../.."

HEAP=${BENCH_HEAP:--Xmx2g}
PORT=${BENCH_PORT:-18080}
PEER_PORT=${BENCH_PEER_PORT:-4000}
BOLT_PORT=${BENCH_BOLT_PORT:-17687}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-5}
CLIENTS=${BENCH_CLIENTS:-1,8}
SHARED=${SHARED_DATA:-../shared/data}
JAR=target/trialgraph.jar
OUT=target/bench
STORE=$OUT/store-$SIZE
REPORT=$OUT/peer-$SIZE.md
TG_QUERIES=src/main/resources/bench/queries.graphql
PEER_QUERIES=bench/peer/queries.graphql

[ -f "$JAR" ] || ./mvnw -q -DskipTests package
[ -d bench/peer/node_modules ] || (cd bench/peer && npm ci --no-audit --no-fund)
mkdir -p "$OUT"

if [ "$SIZE" = real ]; then
  DATA=$SHARED/ctgov-v2
else
  DATA=$OUT/registry-$SIZE-seed$SEED.jsonl.zip
  [ -f "$DATA" ] || java -Xmx1g -jar "$JAR" generate --size "$SIZE" --seed "$SEED" --out "$DATA" --from "$SHARED/ctgov-v2"
fi

if [ "${BENCH_REUSE_STORE:-0}" = 1 ] && [ -d "$STORE" ]; then
  echo "reusing the store $STORE"
else
  rm -rf "$STORE"
  echo "importing $DATA into an empty store $STORE"
  java $HEAP -jar "$JAR" import "$DATA" --trialgraph.neo4j.data-dir="$STORE" --trialgraph.neo4j.bolt-port=0 \
    > "$OUT/peer-import-$SIZE.txt" 2>&1
  grep '^read ' "$OUT/peer-import-$SIZE.txt" | tail -1
fi

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # so that the EXIT trap stops the servers on Ctrl-C or kill too

echo "starting TrialGraph on port $PORT, Bolt on 127.0.0.1:$BOLT_PORT"
java $HEAP -jar "$JAR" --server.port="$PORT" --trialgraph.neo4j.data-dir="$STORE" \
  --trialgraph.neo4j.bolt-port="$BOLT_PORT" --trialgraph.seed.enabled=false ${BENCH_SERVER_ARGS:-} \
  > "$OUT/peer-trialgraph-$SIZE.log" 2>&1 &
SERVER=$!
PIDS+=("$SERVER")
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null; do
  kill -0 "$SERVER" 2>/dev/null || { echo "TrialGraph stopped; see $OUT/peer-trialgraph-$SIZE.log"; exit 1; }
  sleep 2
done
# The in-memory indexes build after start-up (Cypher answers meanwhile): measure once they are ready.
for _ in $(seq 1 300); do
  curl -s "http://127.0.0.1:$PORT/actuator/prometheus" | grep -E '^trialgraph_(facets|related_index)_ready' \
    | grep -q ' 0' || break
  sleep 2
done

echo "starting the peer on port $PEER_PORT"
NEO4J_URI="bolt://127.0.0.1:$BOLT_PORT" PORT="$PEER_PORT" node bench/peer/server.mjs > "$OUT/peer-server-$SIZE.log" 2>&1 &
PEER=$!
PIDS+=("$PEER")
until curl -sf -X POST -H 'content-type: application/json' -d '{"query":"{ __typename }"}' \
    "http://127.0.0.1:$PEER_PORT/graphql" > /dev/null; do
  kill -0 "$PEER" 2>/dev/null || { echo "the peer stopped; see $OUT/peer-server-$SIZE.log"; exit 1; }
  sleep 1
done

echo "checking that both answer the same"
set +e
node bench/peer/equivalence.mjs --trialgraph "http://127.0.0.1:$PORT" --peer "http://127.0.0.1:$PEER_PORT" \
  --trialgraph-queries "$TG_QUERIES" --peer-queries "$PEER_QUERIES" --report "$OUT/peer-equivalence-$SIZE.md" \
  ${BENCH_ONLY:+--only "$BENCH_ONLY"}
EQUIVALENT=$?
set -e

QUERIES=${BENCH_ONLY:-$(grep '^### ' "$TG_QUERIES" | cut -c5- | paste -sd,)}
# A fresh JVM's first requests run interpreted: one unmeasured round of every query on both servers first, so the
# first query measured is not also TrialGraph's JIT warm-up (BENCH_PREWARM seconds per side; 0 = none).
PREWARM=${BENCH_PREWARM:-60}
if [ "$PREWARM" -gt 0 ]; then
  echo "warming both servers: $PREWARM s each"
  java -Xmx512m -jar "$JAR" bench --url "http://127.0.0.1:$PORT" --queries "$TG_QUERIES" --only "$QUERIES" --mix \
    --clients 8 --seconds "$PREWARM" --warmup-seconds 0 --report "$OUT/peer-$SIZE-prewarm-trialgraph.md" > /dev/null || true
  java -Xmx512m -jar "$JAR" bench --url "http://127.0.0.1:$PEER_PORT" --queries "$PEER_QUERIES" \
    --only "$(echo "$QUERIES" | tr ',' '\n' | grep -Fxf <(grep '^### ' "$PEER_QUERIES" | cut -c5-) | paste -sd,)" --mix \
    --sample-from "http://127.0.0.1:$PORT" --clients 8 --seconds "$PREWARM" --warmup-seconds 0 \
    --report "$OUT/peer-$SIZE-prewarm-peer.md" > /dev/null || true
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
BENCH_EXIT=0
# Query by query, TrialGraph then the peer, so both see about the same background load.
for query in ${QUERIES//,/ }; do
  for side in trialgraph peer; do
    if [ "$side" = trialgraph ]; then
      url="http://127.0.0.1:$PORT"; pid=$SERVER; queries=$TG_QUERIES; sample=()
    else
      url="http://127.0.0.1:$PEER_PORT"; pid=$PEER; queries=$PEER_QUERIES; sample=(--sample-from "http://127.0.0.1:$PORT")
      # e.g. pre-screen, which the peer has no equivalent of
      grep -qx "### $query" "$PEER_QUERIES" || { echo "the peer has no $query: TrialGraph only"; continue; }
    fi
    java -Xmx512m -jar "$JAR" bench --url "$url" --pid "$pid" --queries "$queries" --only "$query" "${sample[@]}" \
      --clients "$CLIENTS" --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP" \
      --report "$OUT/peer-$SIZE-$side-$query.md" --title "$side: $query" > /dev/null || BENCH_EXIT=1
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "## TrialGraph vs @neo4j/graphql: $SIZE studies, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1)," \
       "Node.js $(node -v); load average before the queries: $LOAD_BEFORE, after: $LOAD_AFTER." \
       "TrialGraph heap $HEAP; each run $SECONDS_PER_RUN s after a $WARMUP s warm-up, clients $CLIENTS; data \`$DATA\`."
  echo
  node bench/peer/table.mjs "$OUT" "$SIZE" "${QUERIES}"
  echo
  echo "Equivalence of the answers (bench/peer/equivalence.mjs):"
  echo
  cat "$OUT/peer-equivalence-$SIZE.md"
} | tee "$REPORT"
echo "report: $REPORT"
[ "$EQUIVALENT" = 0 ] && [ "$BENCH_EXIT" = 0 ]
