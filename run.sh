#!/usr/bin/env bash
# Starts AnomalyStudio: with no arguments (or `serve`) the web app on http://localhost:5000, otherwise a CLI verb
# (./run.sh detect samples/sample_access.log). scripts/setup.sh installs this script as the `anomalystudio` command.
# The first time it sets the machine up; later it only checks, and builds again (quietly) when a source changed,
# so a verb starts at once on a built tree. Paths are read from the caller's directory, not the repository's.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
SETUP_QUIET=1 "$repo/scripts/setup.sh"
app="$repo/AnomalyStudio.App/bin/Release/net10.0"
# The web app reads appsettings.json and its static assets from the build output; models and keys live in the data
# directory (~/.local/share/AnomalyStudio by default), whatever the working directory.
export ASPNETCORE_CONTENTROOT="$app"
# bench quality and bench parsing look for the shared data beside the repository and for its samples, from anywhere.
[ -n "${ANOMALYSTUDIO_SHARED_DATA:-}" ] || [ ! -d "$repo/../shared/data" ] || export ANOMALYSTUDIO_SHARED_DATA="$repo/../shared/data"
export ANOMALYSTUDIO_SAMPLES="${ANOMALYSTUDIO_SAMPLES:-$repo/samples}"
exec dotnet "$app/AnomalyStudio.App.dll" "$@"
