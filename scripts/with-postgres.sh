#!/usr/bin/env bash
# Runs CMD... against a fresh throwaway PostgreSQL 15 cluster, then deletes it.
#   scripts/with-postgres.sh swift test --filter IntegrationTests
# PGHOST/PGPORT/PGUSER are exported for CMD; the exit code is CMD's.
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: $0 CMD..." >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Each run gets its own cluster unless SCHEMAC_PG_PORT says otherwise, so two runs
# on one machine neither share databases nor stop each other's server.
pick_port() {
    local port=$((56000 + $$ % 4000))
    while [ -e "/tmp/schemac-pg-$port" ] || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        port=$((port + 1))
    done
    echo "$port"
}
export SCHEMAC_PG_PORT=${SCHEMAC_PG_PORT:-$(pick_port)}

bash "$here/install-deps.sh"
# A leftover cluster from an interrupted run would carry old databases: start clean.
bash "$here/pg-cluster.sh" stop
trap 'bash "$here/pg-cluster.sh" stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
settings=$(bash "$here/pg-cluster.sh" start)
eval "$settings"

status=0
"$@" || status=$?
exit "$status"
