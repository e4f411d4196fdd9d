#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests of the PostgreSQL trial store and the worker pool.
#
#   scripts/services/postgresql.sh install   # Debian's postgresql (15) with apt-get, if missing (root)
#   eval "$(scripts/services/postgresql.sh start)"   # start it; prints the variables clients need
#   scripts/services/postgresql.sh stop      # stop it (by its PID) and delete its data
#
# start runs initdb and pg_ctl in a fresh temporary directory (as the user 'postgres' when run as
# root, since the server refuses root), listens on 127.0.0.1 only, on port $LAYERNAS_PG_PORT
# (default 55432), and creates the databases 'layernas_test', 'layernas_test_empty' (for tests of
# a database without the LayerNAS tables) and 'layernas_test_outage' (for a test that takes its
# database away), owned by the user 'layernas_test' with a random password. It prints, and
# writes to target/services/postgresql.env:
#   LAYERNAS_TEST_POSTGRES  the store URL tests use (postgresql://127.0.0.1:55432/layernas_test)
#   LAYERNAS_TEST_POSTGRES_EMPTY, LAYERNAS_TEST_POSTGRES_OUTAGE  the URLs of the other two
#   PGUSER, PGPASSWORD      the credentials (the store reads them from the environment)
# Starting twice reuses the running server.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
STATE_DIR="$ROOT/target/services"
STATE="$STATE_DIR/postgresql.state"
ENV_FILE="$STATE_DIR/postgresql.env"
PORT="${LAYERNAS_PG_PORT:-55432}"
DATABASE=layernas_test
USER_NAME=layernas_test

bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install() {
  if bin_dir >/dev/null; then
    echo "postgresql: already installed ($(bin_dir))" >&2
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgresql: installing the Debian package needs root: run scripts/setup.sh as root" >&2
    return 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
}

running_pid() {
  [ -f "$STATE" ] || return 1
  local pid
  pid="$(sed -n 's/^pid=//p' "$STATE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start() {
  if running_pid >/dev/null; then
    cat "$ENV_FILE"
    return 0
  fi
  local bin data password
  bin="$(bin_dir)" || { echo "postgresql: not installed; run scripts/services/postgresql.sh install as root" >&2; return 1; }
  data="$(mktemp -d /tmp/layernas-postgresql.XXXXXX)"
  password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  printf '%s\n' "$password" > "$data/pwfile"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$data"; fi
  chmod 700 "$data"
  as_server_user "$bin/initdb" -D "$data/db" -U "$USER_NAME" --pwfile="$data/pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 \
    || { cat "$data/initdb.log" >&2; return 1; }
  rm -f "$data/pwfile"
  as_server_user "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$data -c fsync=on -c max_connections=60" \
      start >&2 || { cat "$data/server.log" >&2; return 1; }
  as_server_user "$bin/psql" -h "$data" -p "$PORT" -U "$USER_NAME" -d postgres -q -v ON_ERROR_STOP=1 \
      -c "CREATE DATABASE $DATABASE" -c "CREATE DATABASE ${DATABASE}_empty" -c "CREATE DATABASE ${DATABASE}_outage" >&2
  mkdir -p "$STATE_DIR"
  printf 'pid=%s\ndata=%s\n' "$(head -1 "$data/db/postmaster.pid")" "$data" > "$STATE"
  {
    echo "export LAYERNAS_TEST_POSTGRES=postgresql://127.0.0.1:$PORT/$DATABASE"
    echo "export LAYERNAS_TEST_POSTGRES_EMPTY=postgresql://127.0.0.1:$PORT/${DATABASE}_empty"
    echo "export LAYERNAS_TEST_POSTGRES_OUTAGE=postgresql://127.0.0.1:$PORT/${DATABASE}_outage"
    echo "export PGUSER=$USER_NAME"
    echo "export PGPASSWORD=$password"
  } > "$ENV_FILE"
  chmod 600 "$ENV_FILE"
  echo "postgresql: listening on 127.0.0.1:$PORT, data in $data" >&2
  cat "$ENV_FILE"
}

stop() {
  local pid data
  if ! pid="$(running_pid)"; then
    echo "postgresql: not running" >&2
    rm -f "$STATE" "$ENV_FILE"
    return 0
  fi
  data="$(sed -n 's/^data=//p' "$STATE")"
  kill -INT "$pid"   # fast shutdown: disconnect clients, then stop
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  case "$data" in /tmp/layernas-postgresql.*) rm -rf "$data" ;; esac
  rm -f "$STATE" "$ENV_FILE"
  echo "postgresql: stopped" >&2
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
