#!/usr/bin/env bash
# Installs the system packages a make target needs, and only those missing.
#   scripts/install-deps.sh build   C compiler and the X11/OpenGL headers Fyne needs
#   scripts/install-deps.sh test    the above, plus Xvfb, xdotool and ImageMagick for
#                                   the real-window tests, and xmllint to check
#                                   exported REFI-QDA projects against their schema
#   scripts/install-deps.sh package the build set, plus mingw-w64 for Windows, zip,
#                                   desktop-file-utils and the tools the checks use
# On Debian/Ubuntu it uses apt-get (through sudo when not root). Elsewhere it
# only says what to install.
set -euo pipefail

want=(gcc pkg-config libgl1-mesa-dev libx11-dev libxrandr-dev libxxf86vm-dev
      libxi-dev libxcursor-dev libxinerama-dev)
case "${1:-build}" in
  test) want+=(xvfb xauth x11-utils xdotool imagemagick libxml2-utils) ;;
  package) want+=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 zip unzip xz-utils file desktop-file-utils imagemagick) ;;
esac

case "$(uname -s)" in
  Darwin)
    xcode-select -p >/dev/null 2>&1 || {
      echo "install-deps: install Xcode's command line tools first: xcode-select --install" >&2; exit 1; }
    exit 0 ;;
  MINGW*|MSYS*|CYGWIN*)
    command -v gcc >/dev/null 2>&1 || {
      echo "install-deps: install a 64-bit gcc (MSYS2: pacman -S mingw-w64-x86_64-toolchain)" >&2; exit 1; }
    exit 0 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: not a Debian/Ubuntu system; install the equivalents of: ${want[*]}" >&2
  exit 0
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
