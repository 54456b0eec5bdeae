#!/usr/bin/env bash
# API benchmark: GET by id and a filtered list page against a Release build, with a bare Kestrel endpoint
# serving the same JSON bytes as the ceiling, measured in the same run. Loopback only, bounded (wrk -t2 -c64 -d10s).
# The three endpoints are measured in interleaved rounds (bare, item, list, bare, item, list, …) and the median
# round is reported, so that load from other processes on the machine hits the ceiling and the API alike.
# Usage: bench/api/run.sh [duration per run, default 10s] [rounds, default 3]
# READ_CACHE_SECONDS=0 bench/api/run.sh measures with the published read cache turned off (every read hits SQLite);
# READ_CACHE_SECONDS="2 0" measures both, restarting the server over the same data.
# ITEMS=100000 bench/api/run.sh seeds that many items in haugiang through the store (bench/Portals.Api.Seed: the 200
# benchmark calls, then half news, half investment calls) instead of 200 API posts, and also measures a plain list,
# a deep page (DEEP_PAGE, default min(400, ITEMS/80)) and the news feed. SEEDED=DIR reuses (copies) a data folder
# that `Portals.Api.Seed seed --data DIR --items N` made.
# PROVIDER=PostgreSQL bench/api/run.sh puts both tenants on a throwaway PostgreSQL cluster (tests/postgres.sh, durable
# settings, stopped on exit) and ends with bench/api/writes.py (publish throughput, index lag under 200 writes/s).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-10s}"
ROUNDS="${2:-3}"
READ_CACHE_SECONDS="${READ_CACHE_SECONDS:-2}"
ITEMS="${ITEMS:-}"
SEEDED="${SEEDED:-}"
PORT=5181
BARE_PORT=5182
SECRET=bench-secret
WORK=$(mktemp -d /tmp/portals-bench.XXXXXX)
BASE="http://127.0.0.1:$PORT"
PROVIDER="${PROVIDER:-Sqlite}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

cleanup() {
  [[ -n "${APP_PID:-}" ]] && kill "$APP_PID" 2>/dev/null || true
  [[ -n "${BARE_PID:-}" ]] && kill "$BARE_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  [[ -n "${PG_STARTED:-}" ]] && tests/postgres.sh stop
  rm -rf "$WORK"
}
trap cleanup EXIT

DB_ENV=()
if [[ "$PROVIDER" == PostgreSQL ]]; then
  eval "$(tests/postgres.sh start)"; PG_STARTED=1
  # The test cluster runs without fsync; a benchmark of writes needs the durable defaults back.
  runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql" -h "$PORTALS_TEST_PGDATA" \
    -p "$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$PORTALS_TEST_POSTGRES")" -U postgres -qAt \
    -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET synchronous_commit = on" -c "ALTER SYSTEM SET full_page_writes = on" -c "SELECT pg_reload_conf()" >/dev/null
  DB_ENV=(Portals__Tenants__haugiang__DatabaseProvider=PostgreSQL "Portals__Tenants__haugiang__ConnectionString=$PORTALS_TEST_POSTGRES;Database=bench_haugiang"
          Portals__Tenants__cantho__DatabaseProvider=PostgreSQL "Portals__Tenants__cantho__ConnectionString=$PORTALS_TEST_POSTGRES;Database=bench_cantho")
fi

echo "== Building (Release)"
dotnet build -c Release -v q -nologo src/Portals.Web/Portals.Web.csproj >/dev/null
dotnet build -c Release -v q -nologo bench/BareKestrel/BareKestrel.csproj >/dev/null

start_server() { # read cache seconds
  # The anonymous rate limit is raised for the benchmark: wrk is one IP address.
  # From its output folder: the tenants are declared in its appsettings.json.
  (cd src/Portals.Web/bin/Release/net10.0 && exec env Portals__DataPath="$WORK/data" Portals__Setup__ApiClientSecret=$SECRET \
    Portals__Setup__AdminPassword='Bench-admin-1!' Portals__Tenants__haugiang__AnonymousRequestsPerMinute=1000000000 \
    Portals__Api__ReadCacheSeconds="$1" Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production Urls="$BASE" \
    Portals__Health__ProbeCacheSeconds=0 Portals__Api__BearerRequestsPerMinute=1000000000 "${DB_ENV[@]}" dotnet Portals.Web.dll) >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -sf "$BASE/health" 2>/dev/null | grep -q '"haugiang":"Running"'; then break; fi
    sleep 0.5
  done
  curl -sf "$BASE/health" >/dev/null
}

stop_server() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

if [[ -n "$ITEMS" ]]; then
  if [[ -n "$SEEDED" ]]; then
    echo "== Copying the seeded data of $SEEDED"
    cp -r "$SEEDED" "$WORK/data"
  else
    echo "== Seeding $ITEMS items through the store (bench/Portals.Api.Seed)"
    dotnet build -c Release -v q -nologo bench/Portals.Api.Seed/Portals.Api.Seed.csproj >/dev/null
    dotnet bench/Portals.Api.Seed/bin/Release/net10.0/Portals.Api.Seed.dll seed --data "$WORK/data" --items "$ITEMS"
  fi
fi

echo "== Starting Portals.Web (data in $WORK)"
start_server "${READ_CACHE_SECONDS%% *}"

if [[ -z "$ITEMS" ]]; then
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
fi

ITEM_URL="$BASE/haugiang/api/content/hg-bench-100"
LIST_URL="$BASE/haugiang/api/content?type=InvestmentCall&sector=sector-giao-thong&page=1&pageSize=20&sort=-publishedUtc"
ENDPOINTS=(bare get-by-id list-20)
declare -A URLS=([get-by-id]="$ITEM_URL" [list-20]="$LIST_URL")
if [[ -n "$ITEMS" ]]; then
  DEEP_PAGE="${DEEP_PAGE:-$(( ITEMS / 80 < 400 ? (ITEMS / 80 > 1 ? ITEMS / 80 : 1) : 400 ))}"
  ENDPOINTS+=(list-plain list-deep feed)
  URLS[list-plain]="$BASE/haugiang/api/content?type=InvestmentCall&pageSize=20"
  URLS[list-deep]="$BASE/haugiang/api/content?type=InvestmentCall&pageSize=20&page=$DEEP_PAGE"
  URLS[feed]="$BASE/haugiang/feeds/news.rss"
fi
curl -sf "$ITEM_URL" -o "$WORK/item-response.json"
curl -sf "$LIST_URL" -o "$WORK/list-response.json"
echo "   item body: $(wc -c <"$WORK/item-response.json") bytes; list body: $(wc -c <"$WORK/list-response.json") bytes"
for name in "${ENDPOINTS[@]:1}"; do
  curl -sf -o /dev/null -w "   $name: %{http_code}, %{size_download} bytes, %{time_total} s first request\n" "${URLS[$name]}"
done

echo "== Starting the bare Kestrel ceiling"
ASPNETCORE_URLS="http://127.0.0.1:$BARE_PORT" dotnet bench/BareKestrel/bin/Release/net10.0/BareKestrel.dll "$WORK/item-response.json" >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$BARE_PORT/item" && break; sleep 0.5; done

run() { # name url round
  wrk -t2 -c64 -d"$DURATION" --latency "$2" >"$WORK/$1-$3.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$1-$3.txt")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/$1-$3.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/$1-$3.txt")
  if grep -q "Non-2xx" "$WORK/$1-$3.txt"; then echo "!! $1 had non-2xx responses" >&2; grep "Non-2xx" "$WORK/$1-$3.txt" >&2; fi
  printf '%s %s %s %s %s\n' "$1" "$3" "$rps" "$p50" "$p99" >>"$WORK/rounds.txt"
  printf '   round %s %-10s %10s req/s  p50 %-8s p99 %s\n' "$3" "$1" "$rps" "$p50" "$p99"
}

URLS[bare]="http://127.0.0.1:$BARE_PORT/item"
for cache in $READ_CACHE_SECONDS; do
  if [[ -z "${APP_PID:-}" ]]; then
    echo "== Restarting Portals.Web with the read cache at ${cache}s"
    start_server "$cache"
  fi
  : >"$WORK/rounds.txt"
  echo "== Warm-up (3 s each: JIT, connection pools, caches)"
  for name in "${ENDPOINTS[@]}"; do wrk -t2 -c64 -d3s "${URLS[$name]}" >/dev/null; done
  echo "== wrk -t2 -c64 -d$DURATION --latency, $ROUNDS interleaved rounds; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for round in $(seq 1 "$ROUNDS"); do
    for name in "${ENDPOINTS[@]}"; do run "$name" "${URLS[$name]}" "$round"; done
  done
  RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

  # Per endpoint, the round with the median req/s; each endpoint's share of the ceiling measured in the same round.
  echo
  printf '%-10s %12s %9s %9s %12s %14s\n' "endpoint" "req/s" "p50" "p99" "% of bare" "% all rounds"
  for name in "${ENDPOINTS[@]}"; do
    line=$(awk -v n="$name" '$1==n' "$WORK/rounds.txt" | sort -k3 -g | awk -v m=$(( (ROUNDS + 1) / 2 )) 'NR==m')
    read -r _ round rps p50 p99 <<<"$line"
    ceiling=$(awk -v r="$round" '$1=="bare" && $2==r {print $3}' "$WORK/rounds.txt")
    overall=$(awk -v n="$name" '$1==n {a+=$3} $1=="bare" {b+=$3} END {print 100 * a / b}' "$WORK/rounds.txt")
    printf '%-10s %12s %9s %9s %11.1f%% %13.1f%%\n' "$name" "$rps" "$p50" "$p99" "$(awk -v a="$rps" -v b="$ceiling" 'BEGIN {print 100 * a / b}')" "$overall"
  done
  echo "Portals.Web RSS after the runs: $((RSS_KB / 1024)) MiB (read cache: ${cache}s, items: ${ITEMS:-200})"
  stop_server
done
if [[ "$PROVIDER" == PostgreSQL || -n "${WRITES:-}" ]]; then
  start_server "${READ_CACHE_SECONDS%% *}"
  TOKEN=$(curl -sf -X POST "$BASE/haugiang/connect/token" -d grant_type=client_credentials -d client_id=portals-cli -d client_secret=$SECRET \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  echo "== Writes (bench/api/writes.py): publish throughput, then the index's lag under ${WRITE_RATE:-200} writes/s"
  python3 bench/api/writes.py "$BASE" "$TOKEN" "${WRITE_RATE:-200}" "${WRITE_SECONDS:-30}"
  stop_server
fi
echo "Machine: $(nproc) cores, $(uname -sr), $(dotnet --version) SDK; wrk, server and ceiling share the cores."
