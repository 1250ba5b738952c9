#!/usr/bin/env bash
# Times the whole `detect` process against the Python reference design (../shared/bench/peer_seed.py) on the
# same generated 1,000,000-line access log, in the same run, and prints the ratio and peak memory of both.
# Usage: bench/compare.sh [LINES] [RUNS]     (needs Debian's python3-sklearn and python3-pandas; installed if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
runs=${2:-3}
peer=${PEER_SCRIPT:-../shared/bench/peer_seed.py}
[ -f "$peer" ] || { echo "reference design not found at $peer (set PEER_SCRIPT)" >&2; exit 2; }

SETUP_PACKAGES="python3-sklearn python3-pandas time" scripts/setup.sh
app="dotnet AnomalyStudio.App/bin/Release/net10.0/AnomalyStudio.App.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export AnomalyStudio__ModelDirectory="$work/models" PEER_MODELS="$work/peer_models"

$app samples --out "$work" --lines "$lines" --rows 10 --seed 2026 >/dev/null
log="$work/sample_access.log"
echo "log: $lines lines, $(( $(stat -c %s "$log") / 1000000 )) MB"

# Both sides train first, outside the timing: ours on its generated training data, the reference on the shipped sample.
$app train --model isolation-forest >/dev/null
/usr/bin/python3 "$peer" train --model if samples/sample_access.log 2>/dev/null

measure() { # prints "seconds peak_kb" of one run of the command
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  cat "$work/time"
}

# The reference scores with a model trained beforehand, so ours does too (--mode pretrained); auto mode, which fits
# a forest on the file itself, is timed once after, for the record.
ours=()
for _ in $(seq "$runs"); do
  read -r s kb < <(measure $app detect "$log" --mode pretrained --format csv --out "$work/ours.csv")
  ours+=("$s"); ours_kb=$kb
  echo "AnomalyStudio detect --mode pretrained: ${s} s, peak ${kb} KB"
done
read -r auto auto_kb < <(measure $app detect "$log" --format csv --out "$work/ours-auto.csv")
echo "AnomalyStudio detect (auto: fitted on the file): ${auto} s, peak ${auto_kb} KB"
read -r py py_kb < <(measure /usr/bin/python3 "$peer" detect --model if "$log" --out "$work/peer.csv")
echo "Python reference detect: ${py} s, peak ${py_kb} KB ($(grep -o 'PHASES.*' "$work/stderr"))"

median=$(printf '%s\n' "${ours[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
awk -v o="$median" -v p="$py" -v ok="$ours_kb" -v pk="$py_kb" -v a="$auto" 'BEGIN {
  printf "median AnomalyStudio %.2f s vs Python %.2f s: %.1fx faster; peak memory %d MB vs %d MB; auto mode %.2f s (%.1fx)\n", o, p, p / o, ok / 1024, pk / 1024, a, p / a }'
