#!/usr/bin/env bash
# Builds release packages into dist/ with the fyne tool:
#   scripts/package.sh linux     dist/alliance-timeline-VERSION-linux-ARCH.tar.xz
#   scripts/package.sh windows   dist/alliance-timeline-VERSION-windows-amd64.zip
# Each holds the stripped binary, the project's licence and the notices of
# everything compiled in. `fyne package` raises Build in FyneApp.toml on
# every run; the file is put back as it was, so packaging leaves the tree
# clean.
set -euo pipefail
target=$1
fyne=${FYNE:-$(go env GOPATH)/bin/fyne}
version=$(sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)
arch=$(go env GOARCH)
mkdir -p dist build
cp FyneApp.toml build/FyneApp.toml.keep
trap 'cp build/FyneApp.toml.keep FyneApp.toml' EXIT
work=$(mktemp -d)
trap 'cp build/FyneApp.toml.keep FyneApp.toml; rm -rf "$work"' EXIT

case "$target" in
linux)
  "$fyne" package -os linux -release 2>&1 | grep -v -e deprecated -e 'fyne.io/tools' -e '^The new tool' || true
  tar -xJf "Alliance Timeline.tar.xz" -C "$work"
  rm "Alliance Timeline.tar.xz"
  doc="$work/alliance-timeline/usr/local/share/doc/alliance-timeline"
  mkdir -p "$doc"
  cp LICENSE "$doc/"
  scripts/notices.sh "$work/alliance-timeline/usr/local/bin/alliance-timeline" "$doc/THIRD_PARTY_NOTICES.txt"
  out="dist/alliance-timeline-$version-linux-$arch.tar.xz"
  tar -cJf "$out" -C "$work" alliance-timeline
  ;;
windows)
  CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=${WINDOWS_CC:-x86_64-w64-mingw32-gcc} \
    "$fyne" package -os windows -release 2>&1 | grep -v -e deprecated -e 'fyne.io/tools' -e '^The new tool' || true
  mkdir -p "$work/Alliance Timeline"
  mv "Alliance Timeline.exe" "$work/Alliance Timeline/"
  cp LICENSE "$work/Alliance Timeline/LICENSE.txt"
  GOOS=windows GOARCH=amd64 scripts/notices.sh "$work/Alliance Timeline/Alliance Timeline.exe" "$work/Alliance Timeline/THIRD_PARTY_NOTICES.txt"
  out="$(pwd)/dist/alliance-timeline-$version-windows-amd64.zip"
  rm -f "$out"
  (cd "$work" && zip -qr "$out" "Alliance Timeline")
  out=${out#"$(pwd)/"}
  ;;
*)
  echo "usage: scripts/package.sh linux|windows" >&2; exit 2 ;;
esac
echo "package: wrote $out ($(du -h "$out" | cut -f1))"
