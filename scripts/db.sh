#!/usr/bin/env bash
# Private PostgreSQL cluster for development and tests, kept under $REPO/.data/pg.
# Used whenever DATABASE_URL is unset (see the Makefile and docs/operations.md).
#
#   scripts/db.sh start    install pgvector if missing, initdb once, start, create the database
#   scripts/db.sh url      print the connection URL (nothing else on stdout)
#   scripts/db.sh stop     stop the server
#   scripts/db.sh status   say whether it runs (exit 0 running, 3 stopped, 4 not created)
#   scripts/db.sh psql     open psql on the database (starts the cluster first); extra args go to psql
#   scripts/db.sh reset    stop and delete the cluster
#
# Layout of .data/pg: data/ (PGDATA), port (the TCP port picked once), log (server log),
# run/ (unix socket directory). The server listens on 127.0.0.1 only, with trust auth.
# As root the server runs as the `postgres` system user (initdb refuses root).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
DATA_DIR=$REPO/.data
PGROOT=$DATA_DIR/pg
DB_NAME=supportbot
DB_USER=postgres
PORT_BASE=${SUPPORTBOT_PG_PORT_BASE:-55432}
# Everything below uses absolute paths; a cwd the postgres user cannot read (e.g. /root) would
# only make the server tools complain.
cd /

say() { echo "db.sh: $*" >&2; }
die() { say "$*"; exit 1; }

find_pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local d
  # shellcheck disable=SC2012 # plain version-numbered directories
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] || [ ! -x "$d/postgres" ]; then die "no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql, or run .ci/run)"; fi
  echo "$d"
}

IS_ROOT=0
[ "$(id -u)" -eq 0 ] && IS_ROOT=1

# Runs a server-side command as the cluster owner.
as_owner() {
  if [ "$IS_ROOT" -eq 1 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_postgres_user() {
  [ "$IS_ROOT" -eq 1 ] || return 0
  if ! id -u postgres >/dev/null 2>&1; then
    say "creating system user postgres"
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
      --shell /usr/sbin/nologin postgres
  fi
}

# 32-bit checksum of the repo path, to name directories outside the repo uniquely.
repo_tag() { printf '%s' "$REPO" | cksum | cut -d' ' -f1; }

# Creates .data/pg owned by the cluster owner. When root and the repo sits where the postgres
# user cannot reach (e.g. under /root, mode 700), .data/pg becomes a symlink to /var/tmp.
prepare_root_dir() {
  mkdir -p "$DATA_DIR"
  if [ -L "$PGROOT" ]; then
    mkdir -p "$(readlink "$PGROOT")"
  elif [ -d "$PGROOT" ]; then
    :
  elif [ "$IS_ROOT" -eq 1 ] && ! runuser -u postgres -- test -x "$DATA_DIR"; then
    local ext
    ext=/var/tmp/supportbot-pg.$(repo_tag)
    say "postgres cannot reach $DATA_DIR; keeping the cluster in $ext (linked from .data/pg)"
    mkdir -p "$ext"
    ln -s "$ext" "$PGROOT"
  else
    mkdir -p "$PGROOT"
  fi
  resolve_root
  mkdir -p "$PGROOT/run"
  if [ "$IS_ROOT" -eq 1 ]; then
    chown postgres: "$PGROOT" "$PGROOT/run"
    [ ! -e "$PGROOT/log" ] || chown postgres: "$PGROOT/log"
  fi
  chmod 700 "$PGROOT"
}

# The server tools must see the real path: going through the link would cross /root again.
resolve_root() {
  if [ -L "$PGROOT" ]; then PGROOT=$(readlink -f "$PGROOT"); fi
}

# Unix socket directory; moved to /tmp when the path would pass the 107-byte socket limit.
sock_dir() {
  local d=$PGROOT/run
  if [ $(( ${#d} + 20 )) -gt 100 ]; then
    d=/tmp/supportbot-pg.$(repo_tag)
  fi
  echo "$d"
}

port_in_use() {
  local p=$1
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$p" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null
  fi
}

pick_port() {
  local p=$PORT_BASE
  while port_in_use "$p"; do
    p=$((p + 1))
    [ "$p" -lt $((PORT_BASE + 500)) ] || die "no free TCP port in $PORT_BASE..$((PORT_BASE + 499))"
  done
  echo "$p"
}

read_port() { [ -s "$PGROOT/port" ] && tr -dc '0-9' <"$PGROOT/port"; }

# 0 running, 3 stopped, 4 no cluster (as pg_ctl status).
server_state() {
  [ -f "$PGROOT/data/PG_VERSION" ] || return 4
  local rc=0
  as_owner "$PG_BIN/pg_ctl" status -D "$PGROOT/data" >/dev/null 2>&1 || rc=$?
  [ "$rc" -eq 0 ] && return 0
  return 3
}

psql_cmd() {
  local port db=$1; shift
  port=$(read_port) || die "cluster not created yet: run scripts/db.sh start"
  "$PG_BIN/psql" -X -h 127.0.0.1 -p "$port" -U "$DB_USER" -d "$db" "$@"
}

write_conf() {
  local port=$1 sock=$2 conf=$PGROOT/data/supportbot.conf
  cat >"$conf" <<CONF
# Written by scripts/db.sh at every start; edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
CONF
  [ "$IS_ROOT" -eq 0 ] || chown postgres: "$conf"
}

take_lock() {
  mkdir -p "$DATA_DIR"
  exec 9>"$DATA_DIR/pg.lock"
  flock 9
}

cmd_start() {
  local vector_control
  vector_control="$("$PG_BIN/pg_config" --sharedir)/extension/vector.control"
  if [ ! -f "$vector_control" ]; then
    say "pgvector missing ($vector_control); building it"
    "$REPO/scripts/install-pgvector.sh" >&2
  fi

  ensure_postgres_user
  prepare_root_dir

  local rc=0
  server_state || rc=$?
  if [ "$rc" -eq 0 ]; then
    [ "${QUIET:-0}" = 1 ] || say "already running on 127.0.0.1:$(read_port)"
    ensure_database
    return 0
  fi

  if [ "$rc" -eq 4 ]; then
    say "creating cluster in $PGROOT/data"
    rm -rf "$PGROOT/data"
    as_owner "$PG_BIN/initdb" -D "$PGROOT/data" -U "$DB_USER" --encoding=UTF8 --locale=C \
      --auth=trust >"$PGROOT/initdb.log" 2>&1 || { cat "$PGROOT/initdb.log" >&2; die "initdb failed"; }
    echo "include_if_exists = 'supportbot.conf'" >>"$PGROOT/data/postgresql.conf"
  fi

  local port
  port=$(read_port || true)
  if [ -z "$port" ]; then
    port=$(pick_port)
    echo "$port" >"$PGROOT/port"
  elif port_in_use "$port"; then
    local old=$port
    port=$(pick_port)
    say "port $old is taken by another program; moving the cluster to port $port"
    echo "$port" >"$PGROOT/port"
  fi

  local sock
  sock=$(sock_dir)
  mkdir -p "$sock"
  [ "$IS_ROOT" -eq 0 ] || chown postgres: "$sock"
  chmod 700 "$sock"
  write_conf "$port" "$sock"

  say "starting PostgreSQL on 127.0.0.1:$port (log: $PGROOT/log)"
  # fd 9 holds our lock: the server must not inherit it.
  if ! as_owner "$PG_BIN/pg_ctl" start -D "$PGROOT/data" -l "$PGROOT/log" -w -t 60 >/dev/null 9>&-; then
    tail -n 30 "$PGROOT/log" >&2 || true
    die "the server did not start"
  fi
  local i
  for i in $(seq 1 60); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$DB_USER" -d postgres && break
    [ "$i" -lt 60 ] || { tail -n 30 "$PGROOT/log" >&2 || true; die "server not ready after 30 s"; }
    sleep 0.5
  done
  ensure_database
}

ensure_database() {
  local exists
  exists=$(psql_cmd postgres -Atq -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")
  if [ "$exists" != 1 ]; then
    say "creating database $DB_NAME"
    psql_cmd postgres -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB_NAME" >/dev/null
  fi
}

cmd_stop() {
  local rc=0
  server_state || rc=$?
  if [ "$rc" -eq 0 ]; then
    as_owner "$PG_BIN/pg_ctl" stop -D "$PGROOT/data" -m fast -w -t 60 >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

cmd_status() {
  local rc=0
  server_state || rc=$?
  case $rc in
    0) echo "running: $(cmd_url) (data: $PGROOT/data)" ;;
    3) echo "stopped (data: $PGROOT/data, port $(read_port || echo '?'))" ;;
    *) echo "not created (scripts/db.sh start creates it in $PGROOT)" ;;
  esac
  return "$rc"
}

cmd_url() {
  local port
  port=$(read_port) || die "cluster not created yet: run scripts/db.sh start"
  echo "postgresql://$DB_USER@127.0.0.1:$port/$DB_NAME"
}

cmd_reset() {
  cmd_stop
  case $PGROOT in
    "$DATA_DIR/pg"|/var/tmp/supportbot-pg.*) rm -rf "$PGROOT" ;;
    *) die "refusing to delete unexpected cluster path $PGROOT" ;;
  esac
  if [ -L "$DATA_DIR/pg" ]; then rm -f "$DATA_DIR/pg"; fi
  rm -rf "/tmp/supportbot-pg.$(repo_tag)"
  say "cluster deleted"
}

usage() {
  sed -n '2,10p' "$REPO/scripts/db.sh" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -ge 1 ] || usage
PG_BIN=$(find_pg_bin)
resolve_root
cmd=$1; shift
case $cmd in
  start)  take_lock; cmd_start ;;
  stop)   take_lock; cmd_stop ;;
  status) cmd_status ;;
  url)    cmd_url ;;
  psql)   take_lock; QUIET=1 cmd_start; exec 9>&-; psql_cmd "$DB_NAME" "$@" ;;
  reset)  take_lock; cmd_reset ;;
  -h|--help|help) usage ;;
  *) say "unknown command: $cmd"; usage ;;
esac
