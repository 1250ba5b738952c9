#!/usr/bin/env bash
# Times the whole `detect` process against the Python reference design (../shared/bench/peer_seed.py) on the
# same generated 1,000,000-line access log, in the same run, and prints the ratio and peak memory of both.
# Ours runs in the default (auto) mode, fitting its forest on the file itself; the reference scores with a model
# it trained beforehand (outside the timing). The two alternate (ours, reference, ours, reference, …) and the
# ratio is taken pair by pair, so a machine whose speed drifts during the run still gives a fair figure.
# Usage: bench/compare.sh [LINES] [RUNS]     (needs Debian's python3-sklearn and python3-pandas; installed if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
runs=${2:-3}
peer=${PEER_SCRIPT:-../shared/bench/peer_seed.py}
[ -f "$peer" ] || { echo "reference design not found at $peer (set PEER_SCRIPT)" >&2; exit 2; }

SETUP_PACKAGES="python3-sklearn python3-pandas time" scripts/setup.sh >&2
# Ours is timed as a user runs it: through the launcher (the anomalystudio command), set up and built just above.
app="env ANOMALYSTUDIO_SKIP_SETUP=1 ./run.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export AnomalyStudio__ModelDirectory="$work/models" PEER_MODELS="$work/peer_models"

$app samples --out "$work" --lines "$lines" --rows 10 --seed 2026 >/dev/null
log="$work/sample_access.log"
echo "log: $lines lines, $(( $(stat -c %s "$log") / 1000000 )) MB; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# The reference trains outside the timing, on the shipped sample; ours needs no training in auto mode.
/usr/bin/python3 "$peer" train --model if samples/sample_access.log 2>/dev/null
$app train --model isolation-forest >/dev/null

measure() { # prints "wall_seconds peak_kb cpu_seconds" of one run of the command
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$work/time"
}

# One warm-up run of ours (the disk cache, the first JIT of anything not precompiled), not counted.
measure $app detect "$log" --format csv --out "$work/ours.csv" >/dev/null
pairs=()
for i in $(seq "$runs"); do
  read -r s kb cpu < <(measure $app detect "$log" --format csv --out "$work/ours.csv")
  echo "run $i: AnomalyStudio detect (auto): ${s} s wall, ${cpu} s CPU, peak ${kb} KB"
  read -r ps pkb pcpu < <(measure /usr/bin/python3 "$peer" detect --model if "$log" --out "$work/peer.csv")
  echo "run $i: Python reference detect:    ${ps} s wall, ${pcpu} s CPU, peak ${pkb} KB ($(grep -o 'PHASES.*' "$work/stderr"))"
  pairs+=("$s $ps $cpu $pcpu $kb $pkb")
done
read -r pre pre_kb pre_cpu < <(measure $app detect "$log" --mode pretrained --format csv --out "$work/ours-pretrained.csv")
echo "AnomalyStudio detect --mode pretrained (once, for the record): ${pre} s wall, ${pre_cpu} s CPU, peak ${pre_kb} KB"

printf '%s\n' "${pairs[@]}" | awk '
  function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                     return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { n++; o[n] = $1; p[n] = $2; r[n] = $2 / $1; oc[n] = $3; pc[n] = $4; rc[n] = $4 / $3; if ($5 > ok) ok = $5; if ($6 > pk) pk = $6 }
  END { printf "median AnomalyStudio (auto) %.2f s vs Python %.2f s wall: %.1fx faster (pair by pair); CPU %.2f s vs %.2f s: %.1fx; peak memory %d MB vs %d MB\n",
          median(o, n), median(p, n), median(r, n), median(oc, n), median(pc, n), median(rc, n), ok / 1024, pk / 1024 }'
