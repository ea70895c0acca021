#!/usr/bin/env bash
# Downloads the sentence transformer all-MiniLM-L6-v2 (Apache-2.0; 384 dimensions, ~90 MB) from Hugging Face into
# .data/models/all-MiniLM-L6-v2/ (model.onnx, vocab.txt, tokenizer_config.json). Use it with
#   Embeddings__Provider=onnx Embeddings__ModelPath=.data/models/all-MiniLM-L6-v2
# (Provider auto also picks it when ModelPath is set), then `kb reembed`.
# Idempotent: does nothing when both files exist. Needs network access to huggingface.co: where there is none
# (as on the project's build machines) it fails with a clear message and changes nothing.
# Environment: ONNX_MODEL_DIR (target folder), HF_REPO (another BERT-style model with onnx/model.onnx).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
HF_REPO=${HF_REPO:-sentence-transformers/all-MiniLM-L6-v2}
OUT=${ONNX_MODEL_DIR:-$REPO/.data/models/${HF_REPO##*/}}
BASE="https://huggingface.co/$HF_REPO/resolve/main"

say() { echo "fetch-onnx-model: $*"; }
fail() { echo "fetch-onnx-model: $*" >&2; exit 1; }

if [ -s "$OUT/model.onnx" ] && [ -s "$OUT/vocab.txt" ]; then
  say "$OUT has model.onnx and vocab.txt, nothing to do"
  exit 0
fi
command -v curl >/dev/null 2>&1 || fail "curl is not on PATH"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/fetch-onnx-model.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

fetch() { # fetch URL FILE [optional]
  say "downloading $1"
  if ! curl --fail --location --silent --show-error --connect-timeout 15 --max-time 900 \
      --retry 2 --retry-connrefused -o "$2" "$1" 2>"$WORK/curl.log"; then
    [ "${3:-}" = optional ] && { say "skipped (not available): $1"; return 0; }
    cat "$WORK/curl.log" >&2
    fail "could not download $1. Hugging Face is not reachable from this machine (no network, a proxy, or the file moved). The default GloVe embedder (scripts/fetch-glove.sh) needs no such download."
  fi
}

fetch "$BASE/onnx/model.onnx" "$WORK/model.onnx"
fetch "$BASE/vocab.txt" "$WORK/vocab.txt"
fetch "$BASE/tokenizer_config.json" "$WORK/tokenizer_config.json" optional

# A model file is protobuf, not an HTML error page or a Git LFS pointer.
[ "$(stat -c %s "$WORK/model.onnx")" -gt 1000000 ] || fail "$BASE/onnx/model.onnx is too small to be a model"
grep -qx '\[CLS\]' "$WORK/vocab.txt" || fail "$BASE/vocab.txt is not a BERT WordPiece vocabulary"

mkdir -p "$OUT"
for file in model.onnx vocab.txt tokenizer_config.json; do
  if [ -f "$WORK/$file" ]; then mv -f "$WORK/$file" "$OUT/$file"; fi
done
say "done: $OUT ($(du -sh "$OUT" | cut -f1)); set Embeddings:ModelPath to it"
