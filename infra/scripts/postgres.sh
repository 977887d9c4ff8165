#!/usr/bin/env bash
# Ensures a throwaway PostgreSQL for tests and CI on 127.0.0.1 and prints its connection string on stdout
# (everything else goes to stderr). Idempotent: a server this script started before is reused.
#
#   export TRIPLEGAIN_TEST_POSTGRES="$(bash infra/scripts/postgres.sh)"
#   bash infra/scripts/postgres.sh stop      # stops it (the data stays until the folder is removed)
#
# - Installs Debian's postgresql package when initdb/pg_ctl are missing (needs root, or sudo).
# - The cluster lives in $TRIPLEGAIN_PG_DIR (default /tmp/triplegain-pg), owned by the postgres user when run as root
#   (initdb refuses root), listens on 127.0.0.1 only, port $TRIPLEGAIN_PG_PORT (default 55432, or the next free one),
#   trust authentication, durability switched off (it is throwaway), a database "triplegain".
# - The connection string is also written to $TRIPLEGAIN_PG_DIR/connection.
set -euo pipefail

root_dir="${TRIPLEGAIN_PG_DIR:-/tmp/triplegain-pg}"
data_dir="$root_dir/data"
log_file="$root_dir/server.log"
database="triplegain"
user="postgres"

say() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

install_postgres() {
  say "initdb/pg_ctl not found: installing Debian's postgresql package"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { say "not root and no sudo: install the postgresql package first"; exit 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

bin_dir="$(find_bin || true)"
if [ -z "$bin_dir" ]; then
  install_postgres
  bin_dir="$(find_bin)" || { say "postgresql installed but pg_ctl/initdb still not found"; exit 1; }
fi

# Runs a PostgreSQL program as the cluster's owner: the postgres user when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u "$user" -- "$@"
    else
      su "$user" -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

if [ "${1:-}" = "stop" ]; then
  if [ -f "$data_dir/PG_VERSION" ]; then
    as_owner "$bin_dir/pg_ctl" -D "$data_dir" -m fast -w stop >&2 || true
  fi
  exit 0
fi

mkdir -p "$root_dir"
if [ "$(id -u)" -eq 0 ]; then
  id "$user" >/dev/null 2>&1 || { say "the $user user is missing (the postgresql package creates it)"; exit 1; }
  chown "$user:" "$root_dir"
else
  user="$(id -un)"
fi
chmod 755 "$root_dir"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

connection_string() {
  echo "Host=127.0.0.1;Port=$1;Database=$database;Username=$user;Password=triplegain-test"
}

ready() { "$bin_dir/pg_isready" -q -h 127.0.0.1 -p "$1" -d postgres -U "$user" >/dev/null 2>&1; }

# Reuse a running server of ours.
if [ -f "$root_dir/port" ] && as_owner "$bin_dir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
  port="$(cat "$root_dir/port")"
  if ready "$port"; then
    connection_string "$port" > "$root_dir/connection"
    say "reusing the server on 127.0.0.1:$port ($data_dir)"
    cat "$root_dir/connection"
    exit 0
  fi
fi

init_cluster() {
  rm -rf "$data_dir"
  say "initdb $data_dir"
  as_owner "$bin_dir/initdb" -D "$data_dir" -U "$user" -A trust -E UTF8 --no-locale --no-sync >&2
}

if [ ! -f "$data_dir/PG_VERSION" ]; then
  init_cluster
fi

port="${TRIPLEGAIN_PG_PORT:-55432}"
for _ in $(seq 1 20); do
  port_in_use "$port" || break
  port=$((port + 1))
done
port_in_use "$port" && { say "no free port from ${TRIPLEGAIN_PG_PORT:-55432} on"; exit 1; }

start_server() {
  as_owner "$bin_dir/pg_ctl" -D "$data_dir" -l "$log_file" -w -t 60 \
    -o "-p $port -k $root_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2
}

if ! start_server; then
  say "start failed (see $log_file): initialising a fresh cluster"
  as_owner "$bin_dir/pg_ctl" -D "$data_dir" -m immediate stop >/dev/null 2>&1 || true
  init_cluster
  start_server
fi

for _ in $(seq 1 60); do
  ready "$port" && break
  sleep 0.5
done
ready "$port" || { say "the server on 127.0.0.1:$port does not answer (see $log_file)"; exit 1; }

if ! as_owner "$bin_dir/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
  as_owner "$bin_dir/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$database" >&2
fi

echo "$port" > "$root_dir/port"
connection_string "$port" > "$root_dir/connection"
chmod 644 "$root_dir/connection" "$root_dir/port"
say "PostgreSQL ready on 127.0.0.1:$port ($data_dir)"
cat "$root_dir/connection"
