#!/usr/bin/env bash
# Public pages benchmark: a cached item page and the home page against a Release build, each beside a bare Kestrel
# endpoint serving the same HTML bytes (the ceiling), measured in interleaved rounds in the same run; then the same two
# pages with output caching off (every request renders: store reads + Fluid), at 16 connections, for p99.
# Loopback only, bounded (wrk -d per run). The median round is reported, as in bench/api/run.sh.
# Usage: bench/themes/run.sh [duration per run, default 10s] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-10s}"
ROUNDS="${2:-3}"
SECRET=bench-secret
WORK=$(mktemp -d /tmp/portals-themes-bench.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port); BARE_ITEM_PORT=$(free_port); BARE_HOME_PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
. bench/shared.sh
need_wrk

cleanup() {
  for pid in "${APP_PID:-}" "${BARE_ITEM_PID:-}" "${BARE_HOME_PID:-}"; do [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== Building (Release)"
build_release src/Portals.Web/Portals.Web.csproj bench/BareKestrel/BareKestrel.csproj

start_app() { # output cache on|off
  (cd src/Portals.Web/bin/Release/net10.0 && exec env Portals__DataPath="$WORK/data" Portals__Setup__ApiClientSecret=$SECRET \
    Portals__Setup__AdminPassword='Bench-admin-1!' Portals__Themes__OutputCache="$1" \
    Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
    dotnet Portals.Web.dll --urls "$BASE") >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -sf "$BASE/health" 2>/dev/null | grep -q '"cantho":"Running","haugiang":"Running"'; then return; fi
    sleep 0.5
  done
  echo "Portals.Web did not start; log:" >&2; tail -50 "$WORK/app.log" >&2; exit 1
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

echo "== Starting Portals.Web (output cache on, data in $WORK)"
start_app true

echo "== Seeding 200 investment calls and 30 news articles into haugiang (test data)"
TOKEN=$(curl -sf -X POST "$BASE/haugiang/connect/token" -d grant_type=client_credentials -d client_id=portals-cli -d client_secret=$SECRET \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
SECTORS=(sector-giao-thong sector-y-te sector-giao-duc sector-moi-truong)
post() { curl -sf -o /dev/null -X POST "$BASE/haugiang/api/content" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$1"; }
for i in $(seq 1 200); do
  printf '{"ContentItemId":"hg-bench-%03d","ContentType":"InvestmentCall","TitlePart":{"Title":"Dự án kêu gọi đầu tư thử nghiệm số %d"},"HtmlBodyPart":{"Html":"<p>Khu đất thử nghiệm số %d, thuận tiện giao thông thủy bộ.</p><p>Đoạn mô tả thứ hai của dự án thử nghiệm.</p>"},"InvestmentCall":{"Summary":{"Text":"Dự án thử nghiệm số %d kêu gọi nhà đầu tư."},"Sector":{"TermContentItemIds":["%s"]},"Location":{"Text":"Châu Thành, Hậu Giang"},"Status":{"Text":"dang-keu-goi"},"AreaHa":{"Value":%d},"TotalCapitalBillionVnd":{"Value":%d.5},"Deadline":{"Value":"2099-12-31"},"ContactAgency":{"Text":"Cơ quan đầu mối thử nghiệm"},"Incentives":{"Html":"<ul><li>Ưu đãi thử nghiệm</li></ul>"}}}' \
    "$i" "$i" "$i" "$i" "${SECTORS[$((i % 4))]}" "$((i * 3))" "$((i * 10))" > "$WORK/item.json"
  post "$WORK/item.json"
done
for i in $(seq 1 30); do
  printf '{"ContentItemId":"hg-bench-tin-%02d","ContentType":"NewsArticle","TitlePart":{"Title":"Tin thử nghiệm số %d về hợp tác đầu tư"},"HtmlBodyPart":{"Html":"<p>Nội dung tin thử nghiệm số %d.</p>"},"NewsArticle":{"Summary":{"Text":"Tóm tắt tin thử nghiệm số %d."},"RelatedItems":{"ContentItemIds":["hg-bench-100","hg-du-an-ql61c"]}}}' \
    "$i" "$i" "$i" "$i" > "$WORK/news.json"
  post "$WORK/news.json"
done

ITEM_PATH=$(curl -sf "$BASE/haugiang/api/content/hg-bench-100" | python3 -c 'import json,sys; print(json.load(sys.stdin)["AutoroutePart"]["Path"])')
ITEM_URL="$BASE/haugiang/$ITEM_PATH"
HOME_URL="$BASE/haugiang/"
curl -sf "$ITEM_URL" -o "$WORK/item.html"
curl -sf "$HOME_URL" -o "$WORK/home.html"
echo "   item page $ITEM_URL: $(wc -c <"$WORK/item.html") bytes; home page: $(wc -c <"$WORK/home.html") bytes"

echo "== Starting the bare Kestrel ceilings (same bytes)"
ASPNETCORE_URLS="http://127.0.0.1:$BARE_ITEM_PORT" dotnet bench/BareKestrel/bin/Release/net10.0/BareKestrel.dll "$WORK/item.html" >"$WORK/bare-item.log" 2>&1 &
BARE_ITEM_PID=$!
ASPNETCORE_URLS="http://127.0.0.1:$BARE_HOME_PORT" dotnet bench/BareKestrel/bin/Release/net10.0/BareKestrel.dll "$WORK/home.html" >"$WORK/bare-home.log" 2>&1 &
BARE_HOME_PID=$!
for port in $BARE_ITEM_PORT $BARE_HOME_PORT; do
  for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$port/item" && break; sleep 0.5; done
done

run() { # name url round connections
  wrk -t2 -c"$4" -d"$DURATION" --latency "$2" >"$WORK/$1-$3.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$1-$3.txt")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/$1-$3.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/$1-$3.txt")
  if grep -q "Non-2xx" "$WORK/$1-$3.txt"; then echo "!! $1 had non-2xx responses" >&2; grep "Non-2xx" "$WORK/$1-$3.txt" >&2; fi
  printf '%s %s %s %s %s\n' "$1" "$3" "$rps" "$p50" "$p99" >>"$WORK/rounds.txt"
  printf '   round %s %-14s %10s req/s  p50 %-8s p99 %s\n' "$3" "$1" "$rps" "$p50" "$p99"
}
median() { # name -> "round rps p50 p99" of the median round by req/s
  awk -v n="$1" '$1==n' "$WORK/rounds.txt" | sort -k3 -g | awk -v m=$(( (ROUNDS + 1) / 2 )) 'NR==m {print $2, $3, $4, $5}'
}

echo "== Warm-up (3 s each)"
for url in "http://127.0.0.1:$BARE_ITEM_PORT/item" "$ITEM_URL" "http://127.0.0.1:$BARE_HOME_PORT/item" "$HOME_URL"; do wrk -t2 -c64 -d3s "$url" >/dev/null; done
echo "== Cached pages: wrk -t2 -c64 -d$DURATION --latency, $ROUNDS interleaved rounds; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  run bare-item "http://127.0.0.1:$BARE_ITEM_PORT/item" "$round" 64
  run item-cached "$ITEM_URL" "$round" 64
  run bare-home "http://127.0.0.1:$BARE_HOME_PORT/item" "$round" 64
  run home-cached "$HOME_URL" "$round" 64
done
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')

echo "== Output cache off: restarting Portals.Web over the same data"
stop_app
start_app false
curl -sf -o /dev/null "$ITEM_URL"; curl -sf -o /dev/null "$HOME_URL"
for url in "$ITEM_URL" "$HOME_URL"; do wrk -t2 -c16 -d3s "$url" >/dev/null; done
echo "== Uncached pages: wrk -t2 -c16 -d$DURATION --latency, $ROUNDS rounds; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  run item-uncached "$ITEM_URL" "$round" 16
  run home-uncached "$HOME_URL" "$round" 16
done
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
printf '%-14s %12s %9s %9s %14s %14s\n' "page" "req/s" "p50" "p99" "% of bare" "% all rounds"
for pair in "item-cached bare-item" "home-cached bare-home"; do
  read -r name bare <<<"$pair"
  read -r round rps p50 p99 <<<"$(median "$name")"
  ceiling=$(awk -v r="$round" -v b="$bare" '$1==b && $2==r {print $3}' "$WORK/rounds.txt")
  overall=$(awk -v n="$name" -v b="$bare" '$1==n {a+=$3} $1==b {c+=$3} END {print 100 * a / c}' "$WORK/rounds.txt")
  read -r _ bare_rps bare_p50 bare_p99 <<<"$(median "$bare")"
  printf '%-14s %12s %9s %9s %14s %14s\n' "$bare" "$bare_rps" "$bare_p50" "$bare_p99" "100%" "100%"
  printf '%-14s %12s %9s %9s %13.1f%% %13.1f%%\n' "$name" "$rps" "$p50" "$p99" "$(awk -v a="$rps" -v b="$ceiling" 'BEGIN {print 100 * a / b}')" "$overall"
done
for name in item-uncached home-uncached; do
  read -r _ rps p50 p99 <<<"$(median "$name")"
  worst=$(awk -v n="$name" '$1==n {print $5}' "$WORK/rounds.txt" | tr '\n' ' ')
  printf '%-14s %12s %9s %9s   (16 connections; p99 of every round: %s)\n' "$name" "$rps" "$p50" "$p99" "$worst"
done
echo "Portals.Web RSS after the cached runs: $((RSS_KB / 1024)) MiB"
echo "Machine: $(nproc) cores, $(uname -sr), $(dotnet --version) SDK; wrk, server and ceilings share the cores."
