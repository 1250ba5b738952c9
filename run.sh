#!/usr/bin/env bash
# Starts AnomalyStudio: with no arguments (or `serve`) the web app on http://localhost:5000, otherwise a CLI verb
# (./run.sh detect samples/sample_access.log). scripts/setup.sh installs this script as the `anomalystudio` command.
# The first time it sets the machine up; later it only checks, and builds again (quietly) when a source changed,
# so a verb starts at once on a built tree. Paths are read from the caller's directory, not the repository's.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
# ANOMALYSTUDIO_SKIP_SETUP=1 runs the build as it is, unchecked (a deployed tree, or tests running beside their own build).
[ -n "${ANOMALYSTUDIO_SKIP_SETUP:-}" ] || SETUP_QUIET=1 "$repo/scripts/setup.sh"
app="$repo/AnomalyStudio.App/bin/Release/net10.0"
# The web app reads appsettings.json and its static assets from the build output; models and keys live in the data
# directory (~/.local/share/AnomalyStudio by default), whatever the working directory.
export ASPNETCORE_CONTENTROOT="$app"
# bench quality and bench parsing look for the shared data beside the repository and for its samples, from anywhere.
[ -n "${ANOMALYSTUDIO_SHARED_DATA:-}" ] || [ ! -d "$repo/../shared/data" ] || export ANOMALYSTUDIO_SHARED_DATA="$repo/../shared/data"
export ANOMALYSTUDIO_SAMPLES="${ANOMALYSTUDIO_SAMPLES:-$repo/samples}"
# A CLI verb is one process doing one job, so it runs without tiered compilation: each method is compiled once, fully
# optimised (or taken precompiled as it is), instead of being compiled again while the job runs, which on 2 cores takes
# a core from the work. Measured with farm-bench, 5 runs in turn: a 1,000,000-line detect 11-13 % less CPU and wall, a
# 200,000-line one 6-15 %, the 5,000-line sample 0.1 s slower. The server keeps tiering: it starts faster with it and
# runs long enough for the re-compiled code to pay. DOTNET_TieredCompilation set by the caller wins.
case "${1:-serve}" in
  serve | -*) ;;
  *) export DOTNET_TieredCompilation="${DOTNET_TieredCompilation:-0}" ;;
esac
exec dotnet "$app/AnomalyStudio.App.dll" "$@"
