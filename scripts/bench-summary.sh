#!/usr/bin/env bash
# Prints each benchmark's median beside its baseline and its target, from
# the output of go test -bench (make bench writes build/bench.txt).
# Usage: scripts/bench-summary.sh build/bench.txt
set -euo pipefail
in=${1:-build/bench.txt}
# median NAME: the median ns/op of the benchmark NAME (without the -N suffix).
median() {
  grep -E "^Benchmark$1-[0-9]+ " "$in" | awk '{print $3}' | sort -n |
    awk '{a[NR]=$1} END {if (NR == 0) print "NaN"; else print a[int((NR+1)/2)]}'
}
ms() { awk -v v="$1" 'BEGIN {printf "%.2f ms", v/1e6}'; }
row() { # what, value, baseline, ratio limit, absolute limit (ms)
  local what=$1 v=$2 base=$3 ratio=$4 limit=$5 verdict=met r="" 
  if [ "$base" != - ]; then
    r=$(awk -v a="$v" -v b="$base" 'BEGIN {printf "%.2f", a/b}')
    awk -v r="$r" -v l="$ratio" 'BEGIN {exit !(l != "-" && r > l)}' && verdict="NOT MET"
    r=" = ${r}× $(ms "$base")"
  fi
  awk -v v="$v" -v l="$limit" 'BEGIN {exit !(l != "-" && v/1e6 > l)}' && verdict="NOT MET"
  printf '%-46s %12s%-28s targets: ratio ≤ %s, time ≤ %s ms: %s\n' "$what" "$(ms "$v")" "$r" "$ratio" "$limit" "$verdict"
}
row "timeline frame, 100,000 marks (all in view)" "$(median 'Frame/view=all/marks=100000')" "$(median 'Frame/view=all/marks=1000')" 3 16
row "topics-by-year, 12 × 20 at 1600×900" "$(median TopicsByYear)" "$(median GoChartStackedBar)" 1.5 -
row "load of the 100,000-annotation corpus" "$(median Load100k)" "$(median DecodePlain100k)" 1.5 -
row "counting for every chart after a filter change" "$(median CountAllCharts100k)" - - 20
row "search across 30,000 sources" "$(median Search100k)" - - 50
row "warm reopen through the corpus cache" "$(median Reopen100k)" "$(median Load100k)" 0.25 300
row "first open through the cache (load and store)" "$(median LoadAndStore100k)" "$(median Load100k)" - -
