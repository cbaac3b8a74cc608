#!/usr/bin/env bash
# The window's path at scale (BENCHMARKS.md, issue 19), in one run beside
# its baseline: a headless load of the corpus (`validate`, the floor the
# window adds to), then the window under Xvfb opening it the first time
# (an empty cache, which it fills) and again through the cache, the three
# one after the other in each run. Each figure is a median of RUNS (3
# unless told), each ratio the median of the runs' own ratios; peaks are
# VmHWM once the corpus is shown and its cache entry stored. Then the
# corpus reopened from the cache in the running window (Ctrl+R, RUNS times
# in one window): the cache's part without the window's start. The
# window's own floor comes last: launch to shown on the built-in corpus
# (21 meetings), reopened the same way.
# Usage: scripts/window-scale.sh BINARY CORPUS.yaml [RUNS]
set -euo pipefail
bin=$(realpath "$1") corpus=$(realpath "$2") runs=${3:-3}
tmp=$(mktemp -d)
xvfb= app=
trap '[ -n "$app" ] && kill $app 2>/dev/null; [ -n "$xvfb" ] && kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/xvfb.sh"
start_xvfb
export XDG_CONFIG_HOME="$tmp/config" LANG=en_US.UTF-8 ALLIANCE_TIMELINE_CACHE_DIR="$tmp/cache"
ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
verdict() { awk -v v="$1" -v l="$2" 'BEGIN {print (v <= l ? "met" : "NOT MET")}'; }

# headless: one load of the corpus without a window, in ms.
headless() {
  local start; start=$(ms)
  "$bin" validate "$corpus" >/dev/null 2>&1
  echo $(( $(ms) - start ))
}

# open ENV...: launch the window on $target (the corpus unless set); prints
# "launch-ms load-ms peak-MB".
target=$corpus
open_window() {
  export ALLIANCE_TIMELINE_EVENTS="$tmp/events.log"
  launch_until_loaded "$tmp/app.log" env "$@" "$bin" "$target" || exit 1
  local shown=$(( $(ms) - launched ))
  grep -q '^loaded .* ok=true' "$ALLIANCE_TIMELINE_EVENTS" || { echo "the corpus did not load" >&2; exit 1; }
  local load; load=$(sed -n 's/^loaded .* ms=\([0-9]*\).*/\1/p' "$ALLIANCE_TIMELINE_EVENTS")
  # A first open stores its cache entry once the corpus is shown: the next
  # open needs it, and the peak includes it.
  for _ in $(seq 200); do grep -q '^cache ' "$ALLIANCE_TIMELINE_EVENTS" && break; sleep 0.05; done
  local peak; peak=$(awk '$1 == "VmHWM:" {printf "%d", $2/1024}' "/proc/$app/status")
  kill "$app"; wait "$app" 2>/dev/null || true; app=
  echo "$shown $load $peak"
}
# Each run times the headless load, the first open and the reopen one
# after the other, and its ratios are of its own figures: this machine's
# speed drifts by a third and more over a minute, which ratios of medians
# taken minutes apart mistook for the window's.
headless=() first_launch=() first_load=() first_peak=() again_launch=() again_load=() again_peak=()
first_ratio=() again_ratio=()
for _ in $(seq "$runs"); do
  h=$(headless)
  headless+=("$h")
  rm -rf "$tmp/cache"
  read -r l d p < <(open_window)   # the first open stores the cache entry
  first_launch+=("$l") first_load+=("$d") first_peak+=("$p")
  first_ratio+=("$(awk -v a="$l" -v b="$h" 'BEGIN {printf "%.3f", a/b}')")
  read -r l2 d p < <(open_window)
  again_launch+=("$l2") again_load+=("$d") again_peak+=("$p")
  again_ratio+=("$(awk -v a="$l2" -v b="$l" 'BEGIN {printf "%.3f", a/b}')")
done
# idle: wait (3 s at most) until the app has used less than a fifth of a
# core over 0.2 s: a reload ends with work after the corpus is shown (the
# collection that frees the corpus it replaced, the pending suggestions),
# which a reload started at once would compete with.
idle() {
  local tick before after
  tick=$(getconf CLK_TCK)
  for _ in $(seq 15); do
    before=$(awk '{print $14 + $15}' "/proc/$app/stat")
    sleep 0.2
    after=$(awk '{print $14 + $15}' "/proc/$app/stat")
    [ $(( (after - before) * 1000 / tick )) -lt 40 ] && return 0
  done
}
# Reloads in one window, each from an idle window: the loaded event's ms is
# from the reload's start to the corpus shown.
export ALLIANCE_TIMELINE_EVENTS="$tmp/events.log"
launch_until_loaded "$tmp/app.log" "$bin" "$target" || exit 1
win=$(timeout 10 xdotool search --sync --onlyvisible --pid "$app" 2>/dev/null | head -n 1) || { echo "no window within 10 s" >&2; exit 1; }
sleep 1
reload=()
for _ in $(seq "$runs"); do
  idle
  before=$(grep -c '^loaded' "$ALLIANCE_TIMELINE_EVENTS")
  xdotool key --window "$win" ctrl+r
  timeout 10 bash -c '. "$0"; await_lines "$1" "^loaded" "$2" "$3"' "$(dirname "$0")/xvfb.sh" "$ALLIANCE_TIMELINE_EVENTS" $((before + 1)) "$app" ||
    { echo "the reload did not end within 10 s" >&2; exit 1; }
  line=$(grep '^loaded' "$ALLIANCE_TIMELINE_EVENTS" | tail -n 1)
  case $line in *ok=true*) ;; *) echo "the reload did not show the corpus: $line" >&2; exit 1 ;; esac
  [ "$(grep -c '^cache .* hit=true' "$ALLIANCE_TIMELINE_EVENTS")" -gt "$before" ] || { echo "the reload did not come from the cache" >&2; exit 1; }
  reload+=("$(echo "$line" | sed -n 's/.* ms=\([0-9]*\).*/\1/p')")
done
kill "$app"; wait "$app" 2>/dev/null || true; app=
cp -r "$(dirname "$0")/../assets/corpus" "$tmp/builtin"
target="$tmp/builtin/scm.yaml" floor=()
open_window >/dev/null
for _ in $(seq "$runs"); do
  read -r l d p < <(open_window)
  floor+=("$l")
done
h=$(median "${headless[@]}")
fl=$(median "${first_launch[@]}") fd=$(median "${first_load[@]}") fp=$(median "${first_peak[@]}")
al=$(median "${again_launch[@]}") ad=$(median "${again_load[@]}") ap=$(median "${again_peak[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a/b}'; }
echo "corpus: $corpus"
printf '%-52s %7s ms (%s)\n' "headless load (validate)" "$h" "${headless[*]}"
r=$(median "${first_ratio[@]}")
printf '%-52s %7s ms (%s) = %s× headless   target ≤ 1.3: %s\n' "window, first open: launch to the corpus shown" "$fl" "${first_launch[*]}" "$r" "$(verdict "$r" 1.3)"
printf '%-52s %7s    (%s)\n' "  the run's own ratio, each run" "" "${first_ratio[*]}"
printf '%-52s %7s ms (%s)\n' "  of which the load (loading to loaded)" "$fd" "${first_load[*]}"
r=$(median "${again_ratio[@]}")
printf '%-52s %7s ms (%s) = %s× the first open   target ≤ 0.15: %s\n' "window, reopen: launch to the corpus shown" "$al" "${again_launch[*]}" "$r" "$(verdict "$r" 0.15)"
printf '%-52s %7s    (%s)\n' "  the run's own ratio, each run" "" "${again_ratio[*]}"
r=$(ratio "$ad" "$fd")
printf '%-52s %7s ms (%s) = %s× the first load\n' "  of which the load (loading to loaded)" "$ad" "${again_load[*]}" "$r"
rl=$(median "${reload[@]}")
r=$(ratio "$rl" "$fl")
printf '%-52s %7s ms (%s) = %s× the first open\n' "  in the running window (Ctrl+R, from the cache)" "$rl" "${reload[*]}" "$r"
printf '%-52s %7s MB (%s)   target ≤ 400: %s\n' "peak resident, first open" "$fp" "${first_peak[*]}" "$(verdict "$fp" 400)"
printf '%-52s %7s MB (%s)   target ≤ 400: %s\n' "peak resident, reopen" "$ap" "${again_peak[*]}" "$(verdict "$ap" 400)"
fw=$(median "${floor[@]}")
printf '%-52s %7s ms (%s) = %s× the first open\n' "window floor: the built-in corpus reopened" "$fw" "${floor[*]}" "$(ratio "$fw" "$fl")"
