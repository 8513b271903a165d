#!/usr/bin/env bash
# Registry-scale benchmark: generates SIZE synthetic studies, imports them into a fresh embedded store (import
# rate), starts the service on that store, measures the queries of src/main/resources/bench/queries.graphql
# with 1 and 8 clients, and writes target/bench/report-SIZE.md. See docs/BENCHMARKS.md, "Registry scale harness".
#
#   bench/run.sh SIZE [SEED]
#
# Environment: BENCH_HEAP (default -Xmx2g), BENCH_PORT (18080), BENCH_SECONDS (20), BENCH_WARMUP (5),
# BENCH_CLIENTS (1,8), BENCH_ARGS (more options for the bench command, e.g. "--only trial-detail"),
# SHARED_DATA (../shared/data). The jar is built when target/trialgraph.jar is missing.
set -euo pipefail

SIZE=${1:?usage: bench/run.sh SIZE [SEED]}
SEED=${2:-42}
cd "$(dirname "$0")/.."

HEAP=${BENCH_HEAP:--Xmx2g}
PORT=${BENCH_PORT:-18080}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-5}
CLIENTS=${BENCH_CLIENTS:-1,8}
SHARED=${SHARED_DATA:-../shared/data}
JAR=target/trialgraph.jar
OUT=target/bench
DATA=$OUT/registry-$SIZE-seed$SEED.jsonl.zip
STORE=$OUT/store-$SIZE
REPORT=$OUT/report-$SIZE.md

[ -f "$JAR" ] || ./mvnw -q -DskipTests package
mkdir -p "$OUT"

if [ ! -f "$DATA" ]; then
  java -Xmx1g -jar "$JAR" generate --size "$SIZE" --seed "$SEED" --out "$DATA" --from "$SHARED/ctgov-v2"
fi

rm -rf "$STORE"
echo "importing $DATA into an empty store $STORE"
/usr/bin/time -v -o "$OUT/import-$SIZE.time" java $HEAP -jar "$JAR" import "$DATA" \
  --trialgraph.neo4j.data-dir="$STORE" --trialgraph.neo4j.bolt-port=0 | tee "$OUT/import-$SIZE.txt"
IMPORT_SUMMARY=$(grep '^read ' "$OUT/import-$SIZE.txt" | tail -1)
IMPORT_RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/import-$SIZE.time")

echo "starting the service on port $PORT"
java $HEAP -jar "$JAR" --server.port="$PORT" --trialgraph.neo4j.data-dir="$STORE" --trialgraph.neo4j.bolt-port=0 \
  --trialgraph.seed.enabled=false > "$OUT/server-$SIZE.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null; do
  kill -0 "$SERVER" 2>/dev/null || { echo "the service stopped; see $OUT/server-$SIZE.log"; exit 1; }
  sleep 2
done

# The bench command exits with 1 when a request failed: the report is still written, and says which.
set +e
java -Xmx512m -jar "$JAR" bench --url "http://127.0.0.1:$PORT" --pid "$SERVER" --clients "$CLIENTS" \
  --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP" --report "$OUT/queries-$SIZE.md" \
  --title "Queries at $SIZE studies" ${BENCH_ARGS:-}
BENCH_EXIT=$?
set -e

{
  echo "## Registry scale run: $SIZE studies (seed $SEED), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1);" \
       "load average before the queries: $(cut -d' ' -f1-3 /proc/loadavg); server heap $HEAP."
  echo
  echo "Data: \`$DATA\` ($(du -h "$DATA" | cut -f1))."
  echo
  echo "Import into an empty store: $IMPORT_SUMMARY; peak RSS $((IMPORT_RSS_KB / 1024)) MB."
  echo
  cat "$OUT/queries-$SIZE.md"
} > "$REPORT"
echo "report: $REPORT"
exit $BENCH_EXIT
