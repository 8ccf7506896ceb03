#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the integration tests.
#
#   scripts/pg-cluster.sh start    # idempotent; prints `export PG...` lines to eval
#   scripts/pg-cluster.sh status   # exit 0 if running, 3 if not
#   scripts/pg-cluster.sh stop     # stops it and deletes its folder
#
# SCHEMAC_PG_PORT (default 55432) and SCHEMAC_PG_DIR (default /tmp/schemac-pg-$PORT)
# pick the cluster, so several can run side by side. Diagnostics go to stderr:
# stdout carries only the export lines.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
PORT=${SCHEMAC_PG_PORT:-55432}
DIR=${SCHEMAC_PG_DIR:-/tmp/schemac-pg-$PORT}
DATA=$DIR/data
LOG=$DIR/server.log
MARKER=$DIR/.schemac-pg-cluster # proves the folder is ours before `stop` deletes it

die() { echo "pg-cluster.sh: $*" >&2; exit 1; }

# A postmaster inheriting our lock (fd 9) or a caller's pipe would hold it for its
# whole life: the next start would hang, or a reader would wait for EOF forever.
close_inherited_fds() {
    local fd
    for fd in /proc/$BASHPID/fd/*; do
        fd=${fd##*/}
        if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
}

# PostgreSQL refuses to run as root, so root runs it as the postgres OS user.
as_owner() {
    (
        close_inherited_fds
        cd "$DIR"
        if [ "$(id -u)" -eq 0 ]; then
            exec runuser -u postgres -- "$@"
        else
            exec "$@"
        fi
    )
}

is_running() {
    [ -f "$DATA/PG_VERSION" ] && as_owner "$PG_BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1
}

print_env() {
    echo "export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres"
}

create_cluster() {
    [ -x "$PG_BIN/initdb" ] || die "$PG_BIN/initdb not found; run scripts/install-deps.sh"
    # A SCHEMAC_PG_DIR pointing at a folder in use (say /tmp) must not be chowned to postgres.
    if [ -n "$(ls -A "$DIR" 2>/dev/null)" ] && [ ! -f "$MARKER" ]; then
        die "$DIR is not empty and not a schemac cluster folder"
    fi
    mkdir -p "$DIR"
    touch "$MARKER"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$DIR"
    as_owner "$PG_BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C \
        --no-sync --no-instructions >"$DIR/initdb.log" 2>&1 ||
        { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
    # Speed over durability: the cluster is deleted after the run anyway.
    cat >>"$DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

wait_ready() {
    for _ in $(seq 1 120); do
        "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U postgres && return 0
        sleep 0.5
    done
    tail -n 30 "$LOG" >&2 || true
    die "server on port $PORT did not become ready"
}

start() {
    if ! is_running; then
        [ -f "$DATA/PG_VERSION" ] || create_cluster
        # After a crash or reboot, a stale pid file naming a pid now reused by another
        # process would block the start; pg_ctl status has just said no server owns it.
        rm -f "$DATA/postmaster.pid"
        as_owner "$PG_BIN/pg_ctl" start -w -t 60 -D "$DATA" -l "$LOG" >/dev/null ||
            { tail -n 30 "$LOG" >&2 || true; die "pg_ctl start failed (port $PORT in use?)"; }
    fi
    wait_ready
    print_env
}

stop() {
    if is_running; then
        as_owner "$PG_BIN/pg_ctl" stop -D "$DATA" -m immediate >/dev/null
    fi
    if [ -d "$DIR" ]; then
        [ -f "$MARKER" ] || die "$DIR is not a schemac cluster folder; not deleting it"
        rm -rf "$DIR"
    fi
}

status() {
    if is_running; then
        echo "running: port $PORT, data $DATA" >&2
    else
        echo "not running: port $PORT, data $DATA" >&2
        return 3
    fi
}

# Concurrent start/stop of the same cluster (e.g. two test processes) is serialized.
# Opened read-only, so whoever created the lock file first, any user can take the lock.
with_lock() {
    local lock=/tmp/schemac-pg-$PORT.lock
    [ -e "$lock" ] || : >"$lock"
    exec 9<"$lock"
    flock 9
    "$@"
}

case "${1:-}" in
start) with_lock start ;;
stop) with_lock stop ;;
status) status ;;
*) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
