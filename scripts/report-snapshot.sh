#!/usr/bin/env bash
# Writes the JSON report of every shared data set and sample, both models, default mode, into DIR with the timings
# taken out, so two builds can be compared byte for byte: restructuring must change no report.
#   scripts/report-snapshot.sh DIR [APP_DLL]      then      diff -r DIR_BEFORE DIR_AFTER
#   SNAPSHOT_MODELS=isolation-forest limits the per-file reports to one model (a quicker check on a busy machine).
# Entities and spikes are included for the access logs, a table, a line log and the HDFS blocks (with their labels).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/report-snapshot.sh DIR [APP_DLL]}
app=${2:-AnomalyStudio.App/bin/Release/net10.0/AnomalyStudio.App.dll}
data=${ANOMALYSTUDIO_SHARED_DATA:-../shared/data}
mkdir -p "$out"
export AnomalyStudio__ModelDirectory="$out/.models"
strip() { python3 -c 'import json,sys
d=json.load(sys.stdin); d.pop("timings",None)
if isinstance(d.get("summary"),dict): d["summary"].pop("elapsedSeconds",None)
json.dump(d,sys.stdout,ensure_ascii=False,indent=1,sort_keys=True)' > "$1"; }
files=$(ls "$data"/tabular/*.csv "$data"/logs/* "$data"/loghub/*_2k.log "$data"/web/csic2010_sample.csv samples/sample_access.log samples/sample_metrics.csv 2>/dev/null)
for f in $files; do
  name=$(basename "$f")
  for model in ${SNAPSHOT_MODELS:-isolation-forest autoencoder}; do
    dotnet "$app" detect "$f" --model "$model" --format json | strip "$out/$name.$model.json"
  done
done
for f in "$data"/logs/apache_access_elastic.log samples/sample_access.log samples/sample_metrics.csv "$data"/loghub/OpenStack_2k.log; do
  dotnet "$app" detect "$f" --entities --format json | strip "$out/$(basename "$f").entities.json"
  dotnet "$app" detect "$f" --spikes --format json | strip "$out/$(basename "$f").spikes.json"
done
dotnet "$app" detect "$data"/sessions/HDFS_2pct_a.log --entities --labels "$data"/sessions/HDFS_2pct_a_labels.csv --format json | strip "$out/HDFS_2pct_a.blocks.json"
rm -rf "$out/.models"
echo "$(ls "$out" | wc -l) reports in $out"
