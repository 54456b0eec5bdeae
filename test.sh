#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, starts a throwaway PostgreSQL cluster (stopped on exit,
# also on failure), runs every test project on SQLite, runs the API, recipe, migration, search and admin content
# integration suites again on PostgreSQL, and ends with one line: "Tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")"

log() { echo "[test.sh] ${SECONDS}s $*" >&2; }

need_apt=()
# Browser tests drive Debian's Chromium (Playwright cannot download its own browser offline).
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# The admin module's build bundles its scripts with esbuild from npm (npm ci from the committed lockfile).
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
# The PostgreSQL provider's tests run on a throwaway cluster of Debian's server (tests/postgres.sh).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v dotnet >/dev/null 2>&1 || { log "the .NET 10 SDK is required (dotnet on PATH)"; echo "Tests: 0 passed, 1 failed"; exit 1; }
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log "building"
build_log=$(mktemp)
if ! dotnet build Portals.sln -c Debug -nologo -v q >"$build_log" 2>&1; then
  grep -E "error|rror\(s\)" "$build_log" | sort -u | head -n 40
  echo "Tests: 0 passed, 1 failed"
  exit 1
fi
rm -f "$build_log"

log "starting a throwaway PostgreSQL cluster"
if ! pg_env=$(tests/postgres.sh start); then
  log "PostgreSQL did not start"
  echo "Tests: 0 passed, 1 failed"
  exit 1
fi
eval "$pg_env"
trap 'tests/postgres.sh stop' EXIT

log "testing (SQLite; the store contracts on both providers)"
out=$(mktemp)
dotnet test Portals.sln -c Debug --no-build -nologo 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

# The host-level suites again with both tenants on PostgreSQL (tests/Portals.Testing/TestDatabases.cs).
postgres_runs=(
  "tests/Portals.Contents.Tests|FullyQualifiedName~Portals.Contents.Tests"
  "tests/Portals.Web.Tests|FullyQualifiedName~RecipeRoundTripTests|FullyQualifiedName~RecipeFailureTests|FullyQualifiedName~SeedContentTests|FullyQualifiedName~DatabaseMigrationTests"
  "tests/Portals.Search.Tests|FullyQualifiedName~Portals.Search.Tests.Integration"
  "tests/Portals.Admin.Tests|FullyQualifiedName~ContentWorkflowTests|FullyQualifiedName~ContentEditorTests|FullyQualifiedName~AuditLogTests|FullyQualifiedName~ApiClientsPageTests|FullyQualifiedName~UsersTests"
)
for run in "${postgres_runs[@]}"; do
  log "testing on PostgreSQL: ${run%%|*}"
  PORTALS_TEST_PROVIDER=PostgreSQL dotnet test "${run%%|*}" -c Debug --no-build -nologo --filter "${run#*|}" 2>&1 | tee -a "$out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

# dotnet test prints one summary per test project: "Passed!  - Failed: 0, Passed: 35, Skipped: 0, ..."
passed=$(grep -E '^(Passed|Failed)!' "$out" | sed -E 's/.*Passed: *([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E '^(Passed|Failed)!' "$out" | sed -E 's/.*Failed: *([0-9]+),.*/\1/' | awk '{s+=$1} END {print s+0}')
projects=$(grep -cE '^(Passed|Failed)!' "$out")
expected=$(( $(grep -lE '<IsTestProject>true</IsTestProject>' tests/*/*.csproj | wc -l) + ${#postgres_runs[@]} ))
rm -f "$out"
if [ "$projects" -lt "$expected" ] || { [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  # A test host that crashed or a project that reported nothing counts as a failure.
  failed=$((failed + 1))
fi
echo "Tests: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
