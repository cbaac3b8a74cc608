#!/usr/bin/env bash
# The measurements of BENCHMARKS.md that need a real window, each beside its
# baseline and target: start-up against a minimal Fyne window, and the
# memory of the app on the 100k corpus. make bench runs it last.
# Usage: scripts/bench-window.sh BINARY HELLO-BINARY CORPUS.yaml
set -euo pipefail
bin=$1 hello=$2 corpus=$3
verdict() { awk -v v="$1" -v l="$2" 'BEGIN {print (v <= l ? "met" : "NOT MET")}'; }
median_of() { sed -n "s/^$1: median \([0-9]*\) ms.*/\1/p"; }

base=$(scripts/startup-time.sh "$hello" 7 window-only)
app=$(scripts/startup-time.sh "$bin" 7)
echo "$base" | sed 's/^/minimal Fyne window: /'
echo "$app" | sed 's/^/app, built-in corpus: /'
hello_ms=$(echo "$base" | median_of 'window shown')
for what in 'window shown' 'corpus shown'; do
  ms=$(echo "$app" | median_of "$what")
  ratio=$(awk -v a="$ms" -v b="$hello_ms" 'BEGIN {printf "%.2f", a/b}')
  printf '%-46s %9s ms = %s× %s ms           target: ratio ≤ 1.5: %s\n' "start-up to the $what" "$ms" "$ratio" "$hello_ms" "$(verdict "$ratio" 1.5)"
done

mem=$(scripts/memory.sh "$bin" "$hello" "$corpus")
echo "$mem"
echo "$mem" | sed -n 's/^\([^:]*\): shown in [0-9]* ms; peak \([0-9]*\) MB.*/\1 \2/p' | while read -r line; do
  peak=${line##* } label=${line% *}
  printf '%-46s %9s MB                                 target: ≤ 400 MB in all: %s\n' "peak resident size, $label" "$peak" "$(verdict "$peak" 400)"
done
