#!/usr/bin/env bash
# API benchmark: GET by id and a filtered list page against a Release build, with a bare Kestrel endpoint
# serving the same JSON bytes as the ceiling, measured in the same run. Loopback only, bounded (wrk -t2 -c64 -d10s).
# Usage: bench/api/run.sh [duration, default 10s]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-10s}"
PORT=5181
BARE_PORT=5182
SECRET=bench-secret
WORK=$(mktemp -d /tmp/portals-bench.XXXXXX)
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

cleanup() {
  [[ -n "${APP_PID:-}" ]] && kill "$APP_PID" 2>/dev/null || true
  [[ -n "${BARE_PID:-}" ]] && kill "$BARE_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== Building (Release)"
dotnet build -c Release -v q -nologo src/Portals.Web/Portals.Web.csproj >/dev/null
dotnet build -c Release -v q -nologo bench/BareKestrel/BareKestrel.csproj >/dev/null

echo "== Starting Portals.Web (data in $WORK)"
# The anonymous rate limit is raised for the benchmark: wrk is one IP address.
Portals__DataPath="$WORK/data" Portals__Setup__ApiClientSecret=$SECRET Portals__Setup__AdminPassword='Bench-admin-1!' \
Portals__Tenants__haugiang__AnonymousRequestsPerMinute=1000000000 \
Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production Urls="$BASE" \
  dotnet src/Portals.Web/bin/Release/net10.0/Portals.Web.dll >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  if curl -sf "$BASE/health" 2>/dev/null | grep -q '"haugiang":"Running"'; then break; fi
  sleep 0.5
done
curl -sf "$BASE/health" >/dev/null

echo "== Seeding 200 investment calls"
TOKEN=$(curl -sf -X POST "$BASE/haugiang/connect/token" -d grant_type=client_credentials -d client_id=portals-cli -d client_secret=$SECRET \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
SECTORS=(sector-giao-thong sector-y-te sector-giao-duc sector-moi-truong)
for i in $(seq 1 200); do
  sector=${SECTORS[$((i % 4))]}
  printf '{"ContentItemId":"hg-bench-%03d","ContentType":"InvestmentCall","TitlePart":{"Title":"Dự án kêu gọi đầu tư số %d tại Hậu Giang"},"HtmlBodyPart":{"Html":"<p>Khu đất thuộc huyện Châu Thành, gần Quốc lộ 61C, thuận tiện giao thông thủy bộ.</p>"},"InvestmentCall":{"Summary":{"Text":"Dự án số %d kêu gọi nhà đầu tư trong và ngoài nước."},"Sector":{"TermContentItemIds":["%s"]},"Location":{"Text":"Châu Thành, Hậu Giang"},"Status":{"Text":"dang-keu-goi"},"AreaHa":{"Value":%d},"TotalCapitalBillionVnd":{"Value":%d}}}' \
    "$i" "$i" "$i" "$sector" "$((i * 3))" "$((i * 10))" > "$WORK/item.json"
  curl -sf -o /dev/null -X POST "$BASE/haugiang/api/content" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$WORK/item.json"
done

ITEM_URL="$BASE/haugiang/api/content/hg-bench-100"
LIST_URL="$BASE/haugiang/api/content?type=InvestmentCall&sector=sector-giao-thong&page=1&pageSize=20&sort=-publishedUtc"
curl -sf "$ITEM_URL" -o "$WORK/item-response.json"
curl -sf "$LIST_URL" -o "$WORK/list-response.json"
echo "   item body: $(wc -c <"$WORK/item-response.json") bytes; list body: $(wc -c <"$WORK/list-response.json") bytes"

echo "== Starting the bare Kestrel ceiling"
ASPNETCORE_URLS="http://127.0.0.1:$BARE_PORT" dotnet bench/BareKestrel/bin/Release/net10.0/BareKestrel.dll "$WORK/item-response.json" >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$BARE_PORT/item" && break; sleep 0.5; done

run() { # name url
  wrk -t2 -c64 -d3s "$2" >/dev/null # warm-up (JIT, connection pools)
  wrk -t2 -c64 -d"$DURATION" --latency "$2" >"$WORK/$1.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$1.txt")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/$1.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/$1.txt")
  if grep -q "Non-2xx" "$WORK/$1.txt"; then echo "!! $1 had non-2xx responses" >&2; grep "Non-2xx" "$WORK/$1.txt" >&2; fi
  printf '%s %s %s %s\n' "$1" "$rps" "$p50" "$p99" >>"$WORK/summary.txt"
}

echo "== wrk -t2 -c64 -d$DURATION (after a 3 s warm-up each)"
run bare "http://127.0.0.1:$BARE_PORT/item"
kill "$BARE_PID"; wait "$BARE_PID" 2>/dev/null || true; unset BARE_PID
run get-by-id "$ITEM_URL"
run list-20 "$LIST_URL"
RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')

CEILING=$(awk '$1=="bare" {print $2}' "$WORK/summary.txt")
echo
printf '%-10s %12s %9s %9s %10s\n' "endpoint" "req/s" "p50" "p99" "% ceiling"
while read -r name rps p50 p99; do
  printf '%-10s %12s %9s %9s %9.1f%%\n' "$name" "$rps" "$p50" "$p99" "$(awk -v a="$rps" -v b="$CEILING" 'BEGIN {print 100 * a / b}')"
done <"$WORK/summary.txt"
echo "Portals.Web RSS after the runs: $((RSS_KB / 1024)) MiB"
echo "Machine: $(nproc) cores, $(uname -sr), $(dotnet --version) SDK; wrk, server and ceiling share the cores."
