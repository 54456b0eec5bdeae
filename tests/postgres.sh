#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: loopback only, a free private port, trust authentication, a role
# with CREATEDB and CREATEROLE (not a superuser). Needs root and Debian's postgresql package (./test.sh installs it).
#   eval "$(tests/postgres.sh start)"   # exports PORTALS_TEST_POSTGRES (connection string) and PORTALS_TEST_PGDATA
#   dotnet test …
#   tests/postgres.sh stop              # stops the cluster named by PORTALS_TEST_PGDATA and deletes it
set -euo pipefail

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

case "${1:-}" in
start)
  bin=$(pgbin)
  [ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  port=54329
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  data=$(mktemp -d /tmp/portals-pg.XXXXXX)
  chown postgres "$data"
  runuser -u postgres -- "$bin/initdb" -D "$data/db" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 \
    || { cat "$data/initdb.log" >&2; exit 1; }
  # Throwaway: durability off (fsync, full-page writes) makes creating a database per test class cheap. No
  # autovacuum: its workers would hold on to a test database that DROP DATABASE … WITH (FORCE) then must terminate.
  runuser -u postgres -- "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off" \
    start >/dev/null || { cat "$data/server.log" >&2; exit 1; }
  # pg_signal_backend: dropping a test database WITH (FORCE) may have to end another role's session on it.
  runuser -u postgres -- "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt \
    -c "CREATE ROLE portals_test LOGIN CREATEDB CREATEROLE" -c "GRANT pg_signal_backend TO portals_test" >/dev/null
  echo "export PORTALS_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=portals_test;Timeout=30;Command Timeout=120'"
  echo "export PORTALS_TEST_PGDATA='$data'"
  ;;
stop)
  data=${PORTALS_TEST_PGDATA:?PORTALS_TEST_PGDATA is not set}
  [ -d "$data/db" ] && runuser -u postgres -- "$(pgbin)/pg_ctl" -D "$data/db" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$data"
  ;;
*)
  echo "usage: tests/postgres.sh start|stop" >&2
  exit 2
  ;;
esac
