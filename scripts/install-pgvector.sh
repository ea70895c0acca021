#!/usr/bin/env bash
# Builds and installs pgvector for the machine's PostgreSQL from the Debian source package.
# Debian 12 ships no pgvector binary for PostgreSQL 15, so the trixie source is compiled once.
set -euo pipefail

PG_CONFIG=${PG_CONFIG:-$(ls -d /usr/lib/postgresql/*/bin/pg_config 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$PG_CONFIG" ] || [ ! -x "$PG_CONFIG" ]; then
  echo "install-pgvector: no PostgreSQL server found (pg_config missing)" >&2
  exit 1
fi
SHAREDIR=$("$PG_CONFIG" --sharedir)
if [ -f "$SHAREDIR/extension/vector.control" ]; then
  echo "pgvector already installed in $SHAREDIR"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
PG_MAJOR=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')

SRC_LIST=/etc/apt/sources.list.d/pgvector-trixie-src.sources
if [ ! -f "$SRC_LIST" ]; then
  $SUDO tee "$SRC_LIST" >/dev/null <<LIST
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
LIST
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "postgresql-server-dev-$PG_MAJOR" build-essential dpkg-dev >/dev/null

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
apt-get source --download-only pgvector >/dev/null
dpkg-source -x --no-check ./pgvector_*.dsc src >/dev/null
cd src
make PG_CONFIG="$PG_CONFIG" -j"$(nproc)" >/dev/null
$SUDO make PG_CONFIG="$PG_CONFIG" install >/dev/null
echo "pgvector $(grep default_version vector.control | cut -d"'" -f2) installed for PostgreSQL $PG_MAJOR"
