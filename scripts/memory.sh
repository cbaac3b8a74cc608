#!/usr/bin/env bash
# Measures the memory of the app with a corpus open, under Xvfb, against a
# minimal Fyne window: the peak resident size (VmHWM, which includes the
# load) and the resident size once the corpus is shown, for a first open
# (the corpus cache off) and a reopen through the cache.
# Usage: scripts/memory.sh BINARY HELLO-BINARY CORPUS.yaml
set -euo pipefail
bin=$(realpath "$1") hello=$(realpath "$2") corpus=$(realpath "$3")
tmp=$(mktemp -d)
xvfb= app=
trap '[ -n "$app" ] && kill $app 2>/dev/null; [ -n "$xvfb" ] && kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/xvfb.sh"
start_xvfb
export XDG_CONFIG_HOME="$tmp/config" LANG=en_US.UTF-8
export ALLIANCE_TIMELINE_CACHE_DIR="$tmp/cache"
ms() { echo $(( $(date +%s%N) / 1000000 )); }
mb() { awk -v k="$1" '$1 == k":" {printf "%d", $2/1024}' "/proc/$app/status"; }
stop() { kill "$app"; wait "$app" 2>/dev/null || true; app=; }

"$hello" >/dev/null 2>&1 &
app=$!
xdotool search --sync --onlyvisible --pid "$app" >/dev/null 2>&1
sleep 2
echo "minimal Fyne window: peak $(mb VmHWM) MB, resident $(mb VmRSS) MB"
stop

# run LABEL [ENV...]: open the corpus, wait until it is shown, settle.
run() {
  local label=$1; shift
  export ALLIANCE_TIMELINE_EVENTS="$tmp/events.log"
  # shellcheck disable=SC2086 # EXTRA_ENV is words
  launch_until_loaded "$tmp/app.log" env "$@" ${EXTRA_ENV:-} "$bin" "$corpus" || exit 1
  local shown=$(( $(ms) - launched ))
  grep -q '^loaded .* ok=true' "$ALLIANCE_TIMELINE_EVENTS" || { echo "the corpus did not load" >&2; exit 1; }
  sleep 2
  echo "$label: shown in $shown ms; peak $(mb VmHWM) MB, resident $(mb VmRSS) MB; $(grep -o '^cache .*' "$ALLIANCE_TIMELINE_EVENTS" || echo 'cache off')"
  stop
}
run "first open, cache off" ALLIANCE_TIMELINE_NO_CACHE=1
run "first open, storing in the cache"
run "reopen through the cache"
