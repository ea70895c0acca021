#!/usr/bin/env bash
# Installs the Debian packages that building and testing need, each only when it is missing:
# PostgreSQL 15 server, pgvector (built by scripts/install-pgvector.sh), Debian's chromium for the
# browser tests and fonts for screenshots. Checks that dotnet and node are on PATH.
# apt output goes to $DEPS_LOG (default .data/apt.log); its tail is printed on failure.
# Run as root (CI and the dev machines are root); otherwise it uses sudo.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
LOG=${DEPS_LOG:-$REPO/.data/apt.log}
mkdir -p "$(dirname "$LOG")"
: >"$LOG"
export DEBIAN_FRONTEND=noninteractive

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

say() { echo "install-deps: $*"; }
fail() {
  echo "install-deps: $*" >&2
  if [ -s "$LOG" ]; then
    echo "----- last lines of $LOG -----" >&2
    tail -n 40 "$LOG" >&2
  fi
  exit 1
}

UPDATED=0
apt_update_once() {
  [ "$UPDATED" -eq 0 ] || return 0
  say "apt-get update"
  $SUDO apt-get update >>"$LOG" 2>&1 </dev/null || fail "apt-get update failed"
  UPDATED=1
}

apt_install() {
  apt_update_once
  say "apt-get install $*"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" \
    >>"$LOG" 2>&1 </dev/null || fail "apt-get install $* failed"
}

pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Build tools the Makefile itself needs (present on the dotnet image, cheap to check).
missing=()
command -v make >/dev/null 2>&1 || missing+=(make)
command -v flock >/dev/null 2>&1 || missing+=(util-linux)

# PostgreSQL 15 server (the metapackage also brings contrib and the client).
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql)

# Headless Chromium for browser tests, and fonts so screenshots render text.
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
pkg_installed fonts-dejavu-core || missing+=(fonts-dejavu-core)
pkg_installed fonts-noto-color-emoji || missing+=(fonts-noto-color-emoji)

# promtool (make monitoring-check) checks the Prometheus config and alert rules in deploymentTemplates/monitoring.
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)

if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
fi

# pgvector: compiled from the Debian source package by the project's script (it installs
# postgresql-server-dev-15 and build-essential itself and runs its own apt-get update).
# shellcheck disable=SC2012 # plain version-numbered directories
PG_CONFIG_BIN=$(ls -d /usr/lib/postgresql/*/bin/pg_config 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$PG_CONFIG_BIN" ] || fail "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_config)"
if [ ! -f "$("$PG_CONFIG_BIN" --sharedir)/extension/vector.control" ]; then
  say "building pgvector (scripts/install-pgvector.sh)"
  "$REPO/scripts/install-pgvector.sh" >>"$LOG" 2>&1 </dev/null || fail "install-pgvector.sh failed"
fi

# Toolchains that come with the machine image: say clearly when one is absent.
command -v dotnet >/dev/null 2>&1 \
  || fail "dotnet (the .NET 10 SDK) is not on PATH; this project needs the 'dotnet' machine kind"
{ command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } \
  || fail "node and npm are not on PATH; they come with the 'dotnet' machine image"

say "ok: postgres $(/usr/lib/postgresql/15/bin/postgres --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -n 1), dotnet $(dotnet --version), node $(node --version)"
