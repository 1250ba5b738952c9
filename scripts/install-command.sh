#!/usr/bin/env bash
# Installs the `anomalystudio` command: a two-line wrapper that runs this checkout's run.sh, so
# `anomalystudio detect FILE` works from any directory and reads FILE from there. It goes into $ANOMALYSTUDIO_BIN if
# set, else /usr/local/bin for root, else ~/.local/bin; it is rewritten only when it would change. Called by setup.sh.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
if [ -n "${ANOMALYSTUDIO_BIN:-}" ]; then bin=$ANOMALYSTUDIO_BIN
elif [ "$(id -u)" -eq 0 ]; then bin=/usr/local/bin
else bin="$HOME/.local/bin"; fi
target="$bin/anomalystudio"
wrapper=$(printf '#!/bin/sh\n# The anomalystudio command, installed by %s/scripts/setup.sh.\nexec %q "$@"\n' "$repo" "$repo/run.sh")
# From run.sh (ANOMALYSTUDIO_KEEP_COMMAND=1) a command that runs another checkout is left alone; setup.sh run by hand
# points it here.
current=$(cat "$target" 2>/dev/null || true)
keep=no
if [ -n "${ANOMALYSTUDIO_KEEP_COMMAND:-}" ] && [ -n "$current" ]; then
  other=$(printf '%s\n' "$current" | sed -n 's/^exec \(.*\) "\$@"$/\1/p')
  [ -n "$other" ] && [ -x "$(eval "printf '%s' $other")" ] && keep=yes
fi
if [ "$keep" = no ] && [ "$current" != "$wrapper" ]; then
  mkdir -p "$bin"
  printf '%s\n' "$wrapper" > "$target.tmp.$$"
  chmod 755 "$target.tmp.$$"
  mv -f "$target.tmp.$$" "$target"
  printf '[setup] installed the anomalystudio command: %s (runs %s)\n' "$target" "$repo/run.sh" >&2
  case ":$PATH:" in
    *":$bin:"*) ;;
    *) printf '[setup] %s is not on PATH: add it (export PATH="%s:$PATH") to type anomalystudio\n' "$bin" "$bin" >&2 ;;
  esac
fi
