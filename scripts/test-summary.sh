#!/usr/bin/env bash
# Adds up the <Counters> of every TRX file under a results directory and prints one closing line:
#   Tests: N passed, N failed, N skipped
# "failed" counts failed, error, timeout and aborted results. Always exits 0: the caller keeps
# dotnet test's own exit code.
set -uo pipefail

dir=${1:-TestResults}
passed=0 failed=0 total=0 files=0

attr() { grep -o " $1=\"[0-9]*\"" <<<"$2" | head -n 1 | tr -dc '0-9'; }

while IFS= read -r -d '' trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  [ -n "$counters" ] || continue
  files=$((files + 1))
  total=$((total + $(attr total "$counters")))
  passed=$((passed + $(attr passed "$counters")))
  for a in failed error timeout aborted; do
    v=$(attr "$a" "$counters")
    failed=$((failed + ${v:-0}))
  done
done < <(find "$dir" -name '*.trx' -print0 2>/dev/null)

skipped=$((total - passed - failed))
[ "$skipped" -ge 0 ] || skipped=0
if [ "$files" -eq 0 ]; then
  echo "test-summary: no TRX results under $dir (did the test run start?)"
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
