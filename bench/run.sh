#!/usr/bin/env bash
# Registry-scale benchmark: generates SIZE synthetic studies, loads them into a fresh embedded store (bulk-import
# by default, or import), starts the service on that store, measures the queries of
# src/main/resources/bench/queries.graphql with 1 and 8 clients, then imports BENCH_INCREMENT further new studies
# into the populated store (the incremental rate), and writes target/bench/report-SIZE.md. Each load reports wall
# time, process CPU time (user + sys) and the load average: studies per CPU-second compare across busy and quiet
# machines. See docs/BENCHMARKS.md, "Registry scale harness" and "Import speed".
#
#   bench/run.sh SIZE [SEED]
#
# Environment: BENCH_HEAP (default -Xmx2g), BENCH_BULK_JVM (extra JVM options of bulk-import loads only, default
# -XX:+UseParallelGC: 11-15 % less CPU than G1, docs/BENCHMARKS.md "Bulk load profile at 100k"), BENCH_PAGE_CACHE (embedded Neo4j page cache of loads and server,
# default 512MB; a 580k store is ~17 GB), BENCH_IMPORT (bulk: bulk-import, the default; import: the
# transactional writer), BENCH_INCREMENT (studies imported into the populated store afterwards, default SIZE/10;
# 0 skips it), BENCH_MAX_INFLATED (archive member limit of the loads, default 64GB: a 100k export
# inflates to 1.8 GB), BENCH_PORT (18080), BENCH_SECONDS (20), BENCH_WARMUP (5), BENCH_CLIENTS (1,8), BENCH_ARGS (more
# options for the bench command, e.g. "--only trial-detail"), SHARED_DATA (../shared/data). The jar is built when
# target/trialgraph.jar is missing.
set -euo pipefail

SIZE=${1:?usage: bench/run.sh SIZE [SEED]}
SEED=${2:-42}
cd "$(dirname "$0")/.."

HEAP=${BENCH_HEAP:--Xmx2g}
BULK_JVM=${BENCH_BULK_JVM--XX:+UseParallelGC}
PAGE_CACHE=${BENCH_PAGE_CACHE:-512MB}
IMPORT=${BENCH_IMPORT:-bulk}
INCREMENT=${BENCH_INCREMENT:-$((SIZE / 10))}
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

case "$IMPORT" in
  bulk) LOAD_COMMAND=bulk-import ;;
  import) LOAD_COMMAND=import ;;
  *) echo "BENCH_IMPORT must be bulk or import, not $IMPORT"; exit 2 ;;
esac

# One load: java $HEAP -jar $JAR COMMAND FILE into $STORE, timed; prints "wall, CPU, load average" for the report.
timed_load() {
  local name=$1 command=$2 file=$3 load_before jvm=""
  if [ "$command" = bulk-import ]; then jvm=$BULK_JVM; fi
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -v -o "$OUT/$name.time" java $HEAP $jvm -jar "$JAR" "$command" "$file" \
    --trialgraph.neo4j.data-dir="$STORE" --trialgraph.neo4j.bolt-port=0 --trialgraph.neo4j.page-cache="$PAGE_CACHE" \
    --trialgraph.import.max-inflated-size="${BENCH_MAX_INFLATED:-64GB}" | tee "$OUT/$name.txt" >&2
  awk -F': ' -v before="$load_before" -v after="$(cut -d' ' -f1-3 /proc/loadavg)" '
    /User time/ {user = $2} /System time/ {sys = $2} /Elapsed/ {wall = $2} /Maximum resident/ {rss = $2}
    END {printf "wall %s, CPU %.1f s (user %.1f + sys %.1f), peak RSS %d MB, load average %s before, %s after",
         wall, user + sys, user, sys, rss / 1024, before, after}' "$OUT/$name.time"
}

studies_per_cpu_second() {
  awk -F': ' -v n="$1" '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.0f", n / (u + s)}' "$2"
}

rm -rf "$STORE"
echo "loading $DATA into an empty store $STORE with $LOAD_COMMAND"
LOAD_COST=$(timed_load "import-$SIZE" "$LOAD_COMMAND" "$DATA")
IMPORT_SUMMARY=$(grep '^read ' "$OUT/import-$SIZE.txt" | tail -1)
LOAD_PER_CPU=$(studies_per_cpu_second "$SIZE" "$OUT/import-$SIZE.time")

echo "starting the service on port $PORT"
java $HEAP -jar "$JAR" --server.port="$PORT" --trialgraph.neo4j.data-dir="$STORE" --trialgraph.neo4j.bolt-port=0 \
  --trialgraph.neo4j.page-cache="$PAGE_CACHE" --trialgraph.seed.enabled=false > "$OUT/server-$SIZE.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null; do
  kill -0 "$SERVER" 2>/dev/null || { echo "the service stopped; see $OUT/server-$SIZE.log"; exit 1; }
  sleep 2
done

# The bench command exits with 1 when a request failed: the report is still written, and says which.
QUERY_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
set +e
java -Xmx512m -jar "$JAR" bench --url "http://127.0.0.1:$PORT" --pid "$SERVER" --clients "$CLIENTS" \
  --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP" --report "$OUT/queries-$SIZE.md" \
  --title "Queries at $SIZE studies" ${BENCH_ARGS:-}
BENCH_EXIT=$?
set -e
kill "$SERVER" 2>/dev/null || true
wait "$SERVER" 2>/dev/null || true

# Incremental import: the next INCREMENT studies of a larger generated file (new NCT ids) into the populated store.
INCREMENT_LINE="Incremental import: skipped (BENCH_INCREMENT=0)."
if [ "$INCREMENT" -gt 0 ]; then
  LARGER=$OUT/registry-$((SIZE + INCREMENT))-seed$SEED.jsonl.zip
  INC_DATA=$OUT/increment-$SIZE-plus-$INCREMENT-seed$SEED.jsonl
  if [ ! -f "$LARGER" ]; then
    java -Xmx1g -jar "$JAR" generate --size $((SIZE + INCREMENT)) --seed "$SEED" --out "$LARGER" --from "$SHARED/ctgov-v2"
  fi
  unzip -p "$LARGER" | tail -n "$INCREMENT" > "$INC_DATA"
  echo "importing $INCREMENT more studies into the populated store"
  INC_COST=$(timed_load "increment-$SIZE" import "$INC_DATA")
  INC_SUMMARY=$(grep '^read ' "$OUT/increment-$SIZE.txt" | tail -1)
  INCREMENT_LINE="Incremental \`import\` of $INCREMENT new studies into the populated store: $INC_SUMMARY; $INC_COST; $(
    studies_per_cpu_second "$INCREMENT" "$OUT/increment-$SIZE.time") studies per CPU-second."
fi

{
  echo "## Registry scale run: $SIZE studies (seed $SEED), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1);" \
       "load average before the queries: $QUERY_LOAD; server heap $HEAP."
  echo
  echo "Data: \`$DATA\` ($(du -h "$DATA" | cut -f1))."
  echo
  echo "Neo4j page cache: $PAGE_CACHE."
  echo
  echo "Load into an empty store (\`$LOAD_COMMAND\`): $IMPORT_SUMMARY; $LOAD_COST; $LOAD_PER_CPU studies per CPU-second."
  echo
  echo "$INCREMENT_LINE"
  echo
  cat "$OUT/queries-$SIZE.md"
} > "$REPORT"
echo "report: $REPORT"
exit $BENCH_EXIT
