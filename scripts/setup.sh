#!/usr/bin/env bash
# Sets up a machine for AnomalyStudio: system libraries, NuGet packages, a Release build and the samples.
# Idempotent and quick the second time. Used by ./run.sh and ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# SETUP_QUIET=1 (run.sh): say nothing when all is in place, so a verb's output is its own.
log() { printf '[setup] %s\n' "$*" >&2; }
say() { [ -n "${SETUP_QUIET:-}" ] || log "$@"; }

if ! command -v dotnet >/dev/null 2>&1; then
  log "The .NET SDK 10 is required (dotnet was not found on PATH). Install it from your package registry and run again."
  exit 1
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi; }

# TorchSharp's native library needs GCC 13's libstdc++ (GLIBCXX_3.4.32), which Debian 12 lacks:
# take libstdc++6 alone from Debian trixie, pinned low so nothing else is upgraded.
has_glibcxx() {
  local lib
  lib=$(ldconfig -p 2>/dev/null | grep 'libstdc++.so.6 ' | grep x86-64 | head -1 | awk '{print $NF}')
  [ -n "$lib" ] && grep -qa GLIBCXX_3.4.32 "$lib"
}
if [ "$(uname -s)" = Linux ] && ! has_glibcxx; then
  if [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
    log "libstdc++ lacks GLIBCXX_3.4.32 (needed by the autoencoder's libtorch): installing libstdc++6 from Debian trixie"
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
    if as_root sh -c "printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' '$mirror' > /etc/apt/sources.list.d/trixie.sources \
        && echo 'APT::Default-Release \"bookworm\";' > /etc/apt/apt.conf.d/99default-release \
        && printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' > /etc/apt/preferences.d/trixie \
        && DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t trixie libstdc++6 >/dev/null"; then
      has_glibcxx && log "libstdc++ with GLIBCXX_3.4.32 installed" || log "warning: libstdc++ still lacks GLIBCXX_3.4.32; the autoencoder will be unavailable"
    else
      log "warning: could not install libstdc++6 from trixie (no root or no mirror); the autoencoder will be unavailable, the Isolation Forest works"
    fi
  else
    log "warning: libstdc++ lacks GLIBCXX_3.4.32 and this is not Debian; the autoencoder will be unavailable, the Isolation Forest works"
  fi
fi

# Extra system packages named by the caller (the test script asks for the browser), installed only when missing.
for pkg in ${SETUP_PACKAGES:-}; do
  if ! dpkg -s "$pkg" >/dev/null 2>&1; then
    log "installing $pkg"
    as_root sh -c "DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkg >/dev/null" \
      || { log "could not install $pkg"; exit 1; }
  fi
done

# Build only when a source changed since the last build made here (a stamp beside the output), or the output is
# missing: a second run only checks, in milliseconds. A build says one line when someone watches, and its errors only.
stamp=AnomalyStudio.App/bin/Release/.setup-built
built() {
  [ -f "$stamp" ] && [ -f AnomalyStudio.App/bin/Release/net10.0/AnomalyStudio.App.dll ] && [ -f AnomalyStudio.Tests/bin/Release/net10.0/AnomalyStudio.Tests.dll ] \
    && [ -z "$(find AnomalyStudio.sln Directory.Build.props Directory.Packages.props wwwroot-assets AnomalyStudio.Core AnomalyStudio.App AnomalyStudio.Tests \
      \( -name bin -o -name obj -o -name wwwroot -o -name TestResults \) -prune -o -type f -newer "$stamp" -print -quit 2>/dev/null)" ]
}
if built; then
  say "the build is up to date"
else
  if [ -z "${SETUP_QUIET:-}" ] || [ -t 2 ]; then log "restoring and building (Release)"; fi
  started=$(date +%s.%N)
  # MSBuild prints its summary whatever the verbosity: keep its output, and show it only when the build fails.
  if ! build_output=$(dotnet build AnomalyStudio.sln -c Release -nologo -v quiet -clp:"ErrorsOnly;NoSummary" 2>&1); then
    printf '%s\n' "$build_output" >&2
    log "the build failed"
    exit 1
  fi
  # The stamp takes the time the build started: a source saved during the build is newer, and builds next time.
  touch -d "@$started" "$stamp"
fi

ANOMALYSTUDIO_KEEP_COMMAND=${SETUP_QUIET:-} scripts/install-command.sh
say "ready"
