#!/usr/bin/env bash
# Search benchmark: publish N documents through the real pipeline, then search over HTTP with wrk
# (8 connections) and compare with a raw Lucene.Net loop over the same index, measured in the same run.
# Usage: bench/search/run.sh [docs=100000] [seconds=20] [corpus=zipf|worst]
#   zipf: realistic Vietnamese news (Zipf law over >5,000 syllables; a query word in a few percent of documents);
#   worst: ~600 syllables, each query word in 50-75 % of documents.
set -euo pipefail
cd "$(dirname "$0")/../.."
docs=${1:-100000}
seconds=${2:-20}
corpus=${3:-zipf}
port=5391
data=$(mktemp -d /tmp/portals-search-bench.XXXXXX)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$data"; true' EXIT
. bench/shared.sh
need_wrk
build_release src/Portals.Web bench/Portals.Search.Pipeline
pipeline=bench/Portals.Search.Pipeline/bin/Release/net10.0/Portals.Search.Pipeline.dll

echo "## Publish and index $docs documents (fixed seed, corpus $corpus); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$pipeline" publish --data "$data" --docs "$docs" --corpus "$corpus"

# Twice: with the result cache of the deployed default, where a repeated query costs a lookup, and with it off
# (Portals:Search:ResultCacheEntries=0), where every request runs the whole search as the raw loop does.
for cache in 1000 0; do
  echo "## HTTP search, result cache $cache entries, wrk -t2 -c8 -d${seconds}s; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  # The server runs from its output folder, where its appsettings.json is (the content root is the working directory).
  (cd src/Portals.Web/bin/Release/net10.0 && exec dotnet Portals.Web.dll --urls "http://127.0.0.1:$port" \
    --Portals:DataPath="$data" --Portals:Api:AnonymousRequestsPerMinute=1000000000 --Portals:Search:ResultCacheEntries=$cache \
    --Logging:LogLevel:Default=Warning >/dev/null 2>&1) &
  server=$!
  until curl -sf "http://127.0.0.1:$port/haugiang/health" >/dev/null; do sleep 0.5; done
  # Warm-up: 15 s, since the uncached server needs ~10 s (tiered JIT, per-reader term statistics) to reach its
  # steady rate (a 20k index: 127 req/s in the first 10 s, 306 in the next 10).
  wrk -t2 -c8 -d15s -s bench/search/queries.lua "http://127.0.0.1:$port" >/dev/null
  wrk -t2 -c8 -d"${seconds}s" --latency -s bench/search/queries.lua "http://127.0.0.1:$port" | tee "$data/wrk-$cache.txt"
  echo "server $(memory_of "$server")CPU $(ps -o times= -p $server) s; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill $server; wait $server 2>/dev/null || true
  server=""
done

echo "## Raw Lucene.Net loop over the same index, 8 threads"
dotnet "$pipeline" raw --index "$data/Search" --threads 8 --queries 20000 --words bench/search/queries.txt | tee "$data/raw.txt"
raw=$(sed -n 's/^RAW_QPS=//p' "$data/raw.txt")
for cache in 1000 0; do
  http=$(awk '/Requests\/sec/ {print $2}' "$data/wrk-$cache.txt")
  echo "HTTP / raw throughput, result cache $cache: $(awk -v h="$http" -v r="$raw" 'BEGIN { printf "%.0f%%", 100*h/r }')"
done
