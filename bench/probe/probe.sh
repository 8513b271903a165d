#!/usr/bin/env bash
# One request at a time: each query of bench/probe/queries.tsv (a name, a tab, a GraphQL document per line) sent
# three times in a row to a running TrialGraph, with curl's total time per request and the start of the answer.
# Usage: bench/probe/probe.sh [URL] [QUERIES]   (default http://127.0.0.1:8080, the file beside this script)
# For reads that should stay bounded at registry size (docs/BENCHMARKS.md, "Catalog pages and other reads at 580k").
set -euo pipefail
URL=${1:-http://127.0.0.1:8080}
QUERIES=${2:-$(dirname "$0")/queries.tsv}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
while IFS=$'\t' read -r name document; do
  [ -z "$name" ] && continue
  body=$(python3 -c 'import json, sys; print(json.dumps({"query": sys.argv[1]}))' "$document")
  times=()
  for _ in 1 2 3; do
    times+=("$(curl -s -o "$OUT/$name.json" -w '%{time_total}' -H 'Content-Type: application/json' -d "$body" "$URL/graphql")")
  done
  printf '%-28s %s s  %s\n' "$name" "${times[*]}" "$(head -c 100 "$OUT/$name.json")"
done < "$QUERIES"
