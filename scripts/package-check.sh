#!/usr/bin/env bash
# Checks the packages in dist/:
#  - the Linux archive holds an executable binary, a .desktop file that
#    desktop-file-validate accepts, an icon of at least 512×512, the licence
#    and the notices; its own Makefile installs it into a temporary prefix,
#    where the binary answers `version` and opens its window under Xvfb;
#  - the Windows zip holds a PE32+ GUI executable with an icon in its
#    resources, the licence and the notices.
set -euo pipefail
version=$(sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)
arch=$(go env GOARCH)
linux=dist/alliance-timeline-$version-linux-$arch.tar.xz
windows=dist/alliance-timeline-$version-windows-amd64.zip
fail() { echo "package-check: FAIL: $*" >&2; exit 1; }
ok() { echo "package-check: $*"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -f "$linux" ] || fail "no $linux (run make package)"
tar -xJf "$linux" -C "$work"
root="$work/alliance-timeline"
bin="$root/usr/local/bin/alliance-timeline"
desktop="$root/usr/local/share/applications/Alliance Timeline.desktop"
icon="$root/usr/local/share/pixmaps/Alliance Timeline.png"
[ -x "$bin" ] || fail "no executable binary in $linux"
file "$bin" | grep -q 'ELF 64-bit.*stripped' || fail "the binary is not a stripped ELF: $(file "$bin")"
out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate says: $out"
grep -q '^Exec=alliance-timeline$' "$desktop" || fail "the desktop file does not run alliance-timeline"
size=$(identify -format '%w %h' "$icon")
[ "${size% *}" -ge 512 ] && [ "${size#* }" -ge 512 ] || fail "the icon is $size, under 512×512"
for f in LICENSE THIRD_PARTY_NOTICES.txt; do
  [ -s "$root/usr/local/share/doc/alliance-timeline/$f" ] || fail "no $f in $linux"
done
ok "$linux: binary, valid desktop file, ${size/ /×} icon, licence and notices"

prefix="$work/prefix"
make -s -C "$root" install DESTDIR="$prefix" PREFIX=/usr >/dev/null
installed="$prefix/usr/bin/alliance-timeline"
[ -x "$installed" ] || fail "make install did not install the binary"
[ -f "$prefix/usr/share/applications/Alliance Timeline.desktop" ] || fail "make install did not install the desktop file"
[ "$(env -u DISPLAY "$installed" version 2>/dev/null)" = "alliance-timeline $version" ] || fail "the installed binary does not say its version $version"
ok "installed into a temporary prefix; version $version"
scripts/smoke-window.sh "$installed" >/dev/null || fail "the installed binary did not open its window"
ok "the installed binary opened its window under Xvfb and quit cleanly"

[ -f "$windows" ] || fail "no $windows (run make package)"
unzip -q "$windows" -d "$work/win"
exe="$work/win/Alliance Timeline/Alliance Timeline.exe"
[ -f "$exe" ] || fail "no executable in $windows"
file "$exe" | grep -q 'PE32+ executable (GUI) x86-64' || fail "not a PE32+ GUI executable: $(file "$exe")"
objdump=${WINDOWS_OBJDUMP:-x86_64-w64-mingw32-objdump}
# The resource directory's top level lists the resource types: an icon is
# an ICON (3) and a GROUP_ICON (14).
rsrc=$("$objdump" -p "$exe" | sed -n '/The .rsrc Resource Directory section/,$p')
grep -Eq '^[0-9a-f]{3}   Entry: ID: 0x0+3,' <<<"$rsrc" && grep -Eq '^[0-9a-f]{3}   Entry: ID: 0x0+e,' <<<"$rsrc" ||
  fail "no icon (resource types 3 and 14) in the executable"
for f in LICENSE.txt THIRD_PARTY_NOTICES.txt; do
  [ -s "$work/win/Alliance Timeline/$f" ] || fail "no $f in $windows"
done
ok "$windows: PE32+ GUI executable with an icon, licence and notices"
