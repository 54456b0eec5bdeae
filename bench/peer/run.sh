#!/usr/bin/env bash
# Against the peer (issue 11): ~12k items of the realistic corpus (10,000 Vietnamese news + 2,000 investment calls,
# fixed seed) loaded through the JSON API of a fresh Release server, then wrk -c32, three runs each: an item by id,
# a filtered list, and the searches "đầu tư", "Hậu Giang du lịch" and the phrase "nông nghiệp công nghệ cao".
# The first round starts right after the bulk load (merges and indexing may still run), as the issue asks.
# Usage: bench/peer/run.sh [seconds per run=10] [news=10000] [calls=2000]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
news=${2:-10000}
calls=${3:-2000}
port=5393
secret=bench-secret
base="http://127.0.0.1:$port"
work=$(mktemp -d /tmp/portals-peer-bench.XXXXXX)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; true' EXIT
. bench/shared.sh
need_wrk
build_release src/Portals.Web bench/Portals.Search.Pipeline

# wrk is one address: the per-address limits are raised for the run. $1: search result cache entries (1000 by default).
start() {
  (cd src/Portals.Web/bin/Release/net10.0 && exec env Portals__DataPath="$work/data" Portals__Setup__ApiClientSecret=$secret \
    Portals__Setup__AdminPassword='Bench-admin-1!' Portals__Api__AnonymousRequestsPerMinute=1000000000 \
    Portals__Api__BearerRequestsPerMinute=1000000000 Portals__Tenants__haugiang__AnonymousRequestsPerMinute=1000000000 \
    Portals__Tenants__cantho__AnonymousRequestsPerMinute=1000000000 Portals__Search__ResultCacheEntries="$1" \
    Logging__LogLevel__Default=Warning dotnet Portals.Web.dll --urls "$base" >>"$work/server.log" 2>&1) &
  server=$!
  until curl -sf "$base/health" 2>/dev/null | grep -q '"cantho":"Running"' && curl -sf "$base/health" | grep -q '"haugiang":"Running"'; do sleep 0.5; done
}
memory() { memory_of "$server"; }
start 1000

echo "## Load $news news + $calls investment calls through the API; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Portals.Search.Pipeline/bin/Release/net10.0/Portals.Search.Pipeline.dll load --base "$base" --secret $secret \
  --news "$news" --calls "$calls" --parallel 4
echo "after the load: $(memory)"

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
declare -a names urls
names+=(item);       urls+=("$base/haugiang/api/content/call0000100")
names+=(list);       urls+=("$base/haugiang/api/content?type=InvestmentCall&sector=sector-nong-nghiep&page=1&pageSize=20")
names+=(dau-tu);     urls+=("$base/api/search?q=$(enc 'đầu tư')")
names+=(hg-du-lich); urls+=("$base/api/search?q=$(enc 'Hậu Giang du lịch')")
names+=(phrase);     urls+=("$base/api/search?q=$(enc '"nông nghiệp công nghệ cao"')")
for i in "${!names[@]}"; do
  curl -sf -o "$work/${names[$i]}.json" "${urls[$i]}" || { echo "!! ${names[$i]} failed: ${urls[$i]}"; exit 1; }
  echo "   ${names[$i]}: $(wc -c <"$work/${names[$i]}.json") bytes, total $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("total", "-"))' "$work/${names[$i]}.json")"
done

run() { # $1 round label, $2 index into names/urls
  wrk -t2 -c32 -d"${seconds}s" --latency "${urls[$2]}" >"$work/wrk.txt"
  grep -q "Non-2xx" "$work/wrk.txt" && { echo "!! ${names[$2]}: $(grep Non-2xx "$work/wrk.txt")"; }
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "${names[$2]}" "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")" \
    "$(awk '$1=="50%" {print $2}' "$work/wrk.txt")" "$(awk '$1=="99%" {print $2}' "$work/wrk.txt")" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
echo "## wrk -t2 -c32 -d${seconds}s, 3 rounds (round 1 right after the load)"
printf '| round | endpoint | req/s | p50 | p99 | load average |\n| --- | --- | ---: | ---: | ---: | --- |\n'
for round in 1 2 3; do
  for i in "${!names[@]}"; do run "$round" "$i"; done
done
echo "server after the run: $(memory)CPU $(ps -o times= -p $server) s"

echo "## The searches again with the result cache off (Portals:Search:ResultCacheEntries=0): every request runs the search"
kill $server; wait $server 2>/dev/null || true
start 0
for i in 2 3 4; do wrk -t2 -c32 -d5s "${urls[$i]}" >/dev/null; done   # warm-up: tiered JIT, per-reader statistics
for i in 2 3 4; do run "cache off" "$i"; done
echo "server after the cache-off run: $(memory)"
