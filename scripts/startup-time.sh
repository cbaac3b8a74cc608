#!/usr/bin/env bash
# Measures, over N runs under Xvfb, the time from launching the binary to
# its window appearing (xdotool sees it mapped) and to the built-in corpus
# being shown (the event log's "loaded" line). Prints the median of each.
# Usage: scripts/startup-time.sh BINARY [N] [window-only]
# With window-only, only the window is waited for (the baseline built by
# scripts/build-hello.sh writes no event log).
set -euo pipefail
bin=$(realpath "$1") runs=${2:-5} mode=${3:-}
tmp=$(mktemp -d)
xvfb=
trap '[ -n "$xvfb" ] && kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/xvfb.sh"
start_xvfb
export XDG_CONFIG_HOME="$tmp/config" LANG=en_US.UTF-8
ms() { echo $(( $(date +%s%N) / 1000000 )); }
windows=() loaded=()
for i in $(seq "$runs"); do
  export ALLIANCE_TIMELINE_EVENTS="$tmp/events-$i.log"
  : > "$ALLIANCE_TIMELINE_EVENTS"
  start=$(ms)
  "$bin" >/dev/null 2>&1 &
  app=$!
  xdotool search --sync --onlyvisible --pid "$app" >/dev/null 2>&1
  windows+=($(( $(ms) - start )))
  if [ "$mode" != window-only ]; then
    await_lines "$ALLIANCE_TIMELINE_EVENTS" '^loaded' 1 "$app" || { echo "the window exited before the corpus was shown" >&2; exit 1; }
    loaded+=($(( $(ms) - start )))
  fi
  kill "$app"; wait "$app" 2>/dev/null || true
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "window shown: median $(median "${windows[@]}") ms (${windows[*]})"
[ "$mode" = window-only ] || echo "corpus shown: median $(median "${loaded[@]}") ms (${loaded[*]})"
