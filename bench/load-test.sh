#!/usr/bin/env bash
# Load test (docs/RELIABILITY.md, "Load"): imports the seeds and the shared API v2 records into a fresh embedded
# store, starts the service on it, runs the bench harness with CLIENTS concurrent clients for SECONDS on the full
# query mix of src/main/resources/bench/queries.graphql (each request a query drawn at random), and records the
# server's heap after a full GC (jcmd GC.run, then GC.heap_info) and its RSS before and after. Writes
# target/load/report.md; exits 1 when a request failed.
#
#   bench/load-test.sh
#
# Environment: LOAD_CLIENTS (50), LOAD_SECONDS (60), LOAD_WARMUP (10), LOAD_HEAP (-Xmx2g), LOAD_PORT (18081),
# SHARED_DATA (../shared/data). The jar is built when target/trialgraph.jar is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${LOAD_CLIENTS:-50}
RUN_SECONDS=${LOAD_SECONDS:-60}
WARMUP=${LOAD_WARMUP:-10}
HEAP=${LOAD_HEAP:--Xmx2g}
PORT=${LOAD_PORT:-18081}
SHARED=${SHARED_DATA:-../shared/data}
JAR=target/trialgraph.jar
OUT=target/load
STORE=$OUT/store

[ -f "$JAR" ] || ./mvnw -q -Dmaven.test.skip=true package
rm -rf "$OUT"
mkdir -p "$OUT"

echo "importing the seeds and $SHARED/ctgov-v2 into a fresh store $STORE"
# Exit code 1 = some records rejected (reported in the summary); the load test goes on.
java -Xmx1g -jar "$JAR" import seeds "$SHARED/ctgov-v2" --trialgraph.neo4j.data-dir="$STORE" \
  --trialgraph.neo4j.bolt-port=0 > "$OUT/import.txt" 2> "$OUT/import.log" || [ $? -eq 1 ]
IMPORT_SUMMARY=$(grep '^read ' "$OUT/import.txt" | tail -1)
echo "$IMPORT_SUMMARY"

echo "starting the service on port $PORT"
java $HEAP -jar "$JAR" --server.port="$PORT" --trialgraph.neo4j.data-dir="$STORE" --trialgraph.neo4j.bolt-port=0 \
  --trialgraph.seed.enabled=false --logging.level.org.trialgraph.access=WARN > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null; do
  kill -0 "$SERVER" 2>/dev/null || { echo "the service stopped; see $OUT/server.log"; exit 1; }
  sleep 2
done

# Heap in use right after a full GC (MB), and RSS (MB).
heap_after_gc() {
  jcmd "$SERVER" GC.run > /dev/null
  jcmd "$SERVER" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1 | awk '{printf "%.0f", $1 / 1024}'
}
rss() {
  awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER/status"
}

# A short warm-up run first, so "before" is measured on a service that has compiled and cached what it uses.
java -Xmx512m -jar "$JAR" bench --url "http://127.0.0.1:$PORT" --mix --clients "$CLIENTS" --seconds "$WARMUP" \
  --warmup-seconds 0 --report "$OUT/warmup.md" --title "Warm-up" > /dev/null 2> "$OUT/warmup.log" || true
HEAP_BEFORE=$(heap_after_gc)
RSS_BEFORE=$(rss)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

set +e
java -Xmx512m -jar "$JAR" bench --url "http://127.0.0.1:$PORT" --pid "$SERVER" --mix --clients "$CLIENTS" \
  --seconds "$RUN_SECONDS" --warmup-seconds 0 --report "$OUT/queries.md" \
  --title "Load: $CLIENTS clients, $RUN_SECONDS s, full query mix" 2>&1 | tee "$OUT/bench.log"
BENCH_EXIT=${PIPESTATUS[0]}
set -e

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
HEAP_AFTER=$(heap_after_gc)
RSS_AFTER=$(rss)
SERVER_ERRORS=$(grep -c ' ERROR ' "$OUT/server.log" || true)

{
  echo "## Load test: $CLIENTS clients x $RUN_SECONDS s, full query mix, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1);" \
       "server heap $HEAP. /proc/loadavg before the run: $LOAD_BEFORE; after: $LOAD_AFTER."
  echo
  echo "Store: fresh, seeds and $SHARED/ctgov-v2 imported: $IMPORT_SUMMARY"
  echo
  echo "Server heap after a full GC: before ${HEAP_BEFORE} MB, after ${HEAP_AFTER} MB. RSS: before ${RSS_BEFORE} MB," \
       "after ${RSS_AFTER} MB. ERROR lines in the server log: $SERVER_ERRORS."
  echo
  cat "$OUT/queries.md"
} > "$OUT/report.md"
cat "$OUT/report.md"
exit $BENCH_EXIT
