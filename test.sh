#!/usr/bin/env bash
# Sets up the machine and runs every test (unit, component, API and end-to-end), then prints one line:
# "N passed, N failed[, N skipped]", counted from the TRX results. Exits non-zero if any test failed or none ran.
set -uo pipefail
cd "$(dirname "$0")"
# The browser tests drive Debian's own Chromium, headless; the scale tests (Category=Scale) start Debian's Redis, HAProxy
# and nginx themselves on loopback ports, in their short form unless ANOMALYSTUDIO_SCALE=full.
SETUP_PACKAGES="chromium redis-server haproxy nginx-light" scripts/setup.sh || exit 1

results=TestResults
rm -rf "$results"
dotnet test AnomalyStudio.sln -c Release --no-build --nologo \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0; total=0
for trx in $(find "$results" -name '*.trx' 2>/dev/null); do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$((total + $(get total)))
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

# Name the failures last, just above the summary, where a truncated log still shows them.
[ "$failed" -gt 0 ] && find "$results" -name '*.trx' -exec perl scripts/failed-tests.pl {} +

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ] || [ "$status" -ne 0 ]; then
  exit 1
fi
