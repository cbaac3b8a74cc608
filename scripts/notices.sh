#!/usr/bin/env bash
# Writes the licence notices of everything compiled into a binary: every Go
# module it links (read from the binary itself), the fonts Fyne embeds, the
# NanumGothic font. Usage: scripts/notices.sh BINARY OUT
set -euo pipefail
bin=$1 out=$2
modcache=$(go env GOMODCACHE)
# The module cache writes upper-case letters as '!' and the lower-case one.
escape() { sed -E 's/([A-Z])/!\L\1/g' <<<"$1"; }
{
  echo "Alliance Timeline: notices of the software and fonts it includes"
  echo "================================================================="
  echo
  echo "Alliance Timeline itself is under the MIT licence (LICENSE)."
  echo "go-chart embeds the Roboto font, under the Apache License 2.0, whose"
  echo "text is at the end."
  go version -m "$bin" | awk '$1 == "dep" || $1 == "=>" {print $2, $3}' | while read -r path version; do
    dir="$modcache/$(escape "$path")@$version"
    files=$(find "$dir" -maxdepth 2 -type f \( -ipath "$dir/licen[cs]e*" -o -ipath "$dir/copying*" -o -ipath "$dir/notice*" \) 2>/dev/null | sort)
    [ -n "$files" ] || { echo "notices: no licence file for $path $version" >&2; exit 1; }
    for f in $files; do
      printf '\n\n==== %s %s: %s ====\n\n' "$path" "$version" "$(basename "$f")"
      cat "$f"
    done
  done
  fyne=$(go list -m -f '{{.Dir}}' fyne.io/fyne/v2)
  for f in "$fyne"/theme/font/LICENSE*; do
    printf '\n\n==== fonts embedded by Fyne: %s ====\n\n' "$(basename "$f")"
    cat "$f"
  done
  printf '\n\n==== NanumGothic (assets/fonts) ====\n\n'
  cat assets/fonts/OFL-NanumGothic.txt
  printf '\n\n==== Roboto, embedded by go-chart: the Apache License 2.0 ====\n\n'
  cat assets/licenses/Apache-2.0.txt
} > "$out"
echo "notices: wrote $out ($(grep -c '^==== ' "$out") notices)"
