#!/usr/bin/env bash
# Sets up the machine (first time only does real work) and starts AnomalyStudio on http://localhost:5000.
# Arguments are passed on: ./run.sh detect samples/sample_access.log runs a CLI verb instead.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
app=AnomalyStudio.App/bin/Release/net10.0
# The web app reads appsettings.json and its static assets from the build output; models and keys live in the data
# directory (~/.local/share/AnomalyStudio by default), whatever the working directory.
export ASPNETCORE_CONTENTROOT="$PWD/$app"
exec dotnet "$app/AnomalyStudio.App.dll" "$@"
