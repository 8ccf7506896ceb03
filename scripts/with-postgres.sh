#!/usr/bin/env bash
# Runs CMD... against a fresh throwaway PostgreSQL 15 cluster, then deletes it.
#   scripts/with-postgres.sh swift test --filter IntegrationTests
# PGHOST/PGPORT/PGUSER are exported for CMD; the exit code is CMD's.
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: $0 CMD..." >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

"$here/install-deps.sh"
# A leftover cluster from an interrupted run would carry old databases: start clean.
"$here/pg-cluster.sh" stop
trap '"$here/pg-cluster.sh" stop' EXIT
eval "$("$here/pg-cluster.sh" start)"

status=0
"$@" || status=$?
exit "$status"
