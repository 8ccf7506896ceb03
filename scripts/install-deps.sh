#!/usr/bin/env bash
# Installs what building and the PostgreSQL integration tests need (Debian 12).
# Idempotent and quiet: does nothing when everything is already there.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin

# The schemac executable links mimalloc (docs/performance.md).
has_mimalloc() {
    compgen -G "/usr/lib/*/libmimalloc.so" >/dev/null
}

have_everything() {
    command -v pkg-config >/dev/null 2>&1 &&
        pkg-config --exists yaml-0.1 &&
        has_mimalloc &&
        [ -x "$PG_BIN/initdb" ] &&
        [ -f /usr/share/postgresql/15/extension/btree_gist.control ]
}

# The JSON Schema and Mermaid tests run Python: PyYAML, jsonschema, and mermaidx
# (mermaid.js's own parser, packaged on PyPI).
python_tools() {
    python3 -c 'import yaml, jsonschema, mermaidx' 2>/dev/null && return 0
    command -v pip3 >/dev/null 2>&1 || python3 -m pip --version >/dev/null 2>&1 || {
        apt-get update -q >/dev/null 2>&1 && apt-get install -y -q --no-install-recommends python3-pip >/dev/null 2>&1
    }
    PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check \
        PyYAML jsonschema mermaidx==0.10.1 >/dev/null || {
        echo "install-deps.sh: pip install of PyYAML, jsonschema, mermaidx failed" >&2
        return 1
    }
}
python_tools

have_everything && exit 0

SUDO=()
[ "$(id -u)" -eq 0 ] || SUDO=(sudo)

# Without this, installing postgresql-15 creates and starts a "main" cluster on
# port 5432 that nobody uses; our clusters are throwaway ones (pg-cluster.sh).
"${SUDO[@]}" mkdir -p /etc/postgresql-common/createcluster.d
echo "create_main_cluster = false" |
    "${SUDO[@]}" tee /etc/postgresql-common/createcluster.d/schemac.conf >/dev/null

# On Debian 12, contrib (btree_gist & co.) ships inside postgresql-15, which
# "Provides: postgresql-contrib-15"; there is no separate real package to install.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { "${SUDO[@]}" apt-get update -q &&
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends \
        pkg-config libyaml-dev libmimalloc-dev postgresql-15; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-deps.sh: apt-get failed (output above)" >&2
    exit 1
fi

have_everything || {
    echo "install-deps.sh: packages installed but libyaml, mimalloc or PostgreSQL 15 still missing" >&2
    exit 1
}
