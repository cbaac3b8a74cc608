#!/usr/bin/env bash
# Runs the real binary in a real X window under Xvfb: it must open its window
# within 10 s, show the built-in corpus (checked on a screenshot), and quit
# with exit status 0 within 3 s of Ctrl+Q. Screenshots go to build/e2e/.
set -euo pipefail
bin=${1:-build/alliance-timeline}
out=build/e2e
mkdir -p "$out"

# The command line must work without any display, and print nothing but
# its own output under any locale: C.UTF-8 (Debian's and most containers'
# default), C, and none at all (Fyne used to log a locale error first).
env -u DISPLAY -u WAYLAND_DISPLAY "$bin" validate 2>"$out/validate.txt" \
  || { cat "$out/validate.txt"; echo "smoke: validate failed without a display" >&2; exit 1; }
for locale in C.UTF-8 C POSIX unset; do
  if [ "$locale" = unset ]; then run=(env -u LANG -u LC_ALL -u LC_MESSAGES -u LANGUAGE); else run=(env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG="$locale"); fi
  for cmd in "validate" "stats --format csv" "version" "--help" "export --chart topic-totals --out $out/locale-totals.csv --replace"; do
    # shellcheck disable=SC2086
    "${run[@]}" "$bin" $cmd >"$out/locale-out.txt" 2>"$out/locale-err.txt" || { cat "$out/locale-err.txt"; echo "smoke: '$cmd' failed under LANG=$locale" >&2; exit 1; }
    if grep -q "Fyne error" "$out/locale-err.txt" "$out/locale-out.txt"; then
      cat "$out/locale-err.txt"; echo "smoke: '$cmd' printed Fyne's noise under LANG=$locale" >&2; exit 1
    fi
  done
  lines=$("${run[@]}" "$bin" validate 2>&1 | wc -l)
  [ "$lines" -eq 1 ] || { echo "smoke: validate printed $lines lines under LANG=$locale, not its summary alone" >&2; exit 1; }
done
rm -f "$out/locale-out.txt" "$out/locale-err.txt" "$out/locale-totals.csv"

xvfb=
app=
home=
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; [ -n "$home" ] && rm -rf "$home"; true; }
trap cleanup EXIT
# A home of its own: no preference of the user's leaks in or is written.
home=$(mktemp -d)
export LANG=en_US.UTF-8 HOME="$home" XDG_CONFIG_HOME="$home/.config"
. "$(dirname "$0")/xvfb.sh"
start_xvfb

# The window opens under a C locale too, and says nothing of it.
LANG=C.UTF-8 "$bin" >"$out/app-c-locale.log" 2>&1 &
app=$!
win=$(timeout 10 xdotool search --sync --onlyvisible --pid "$app" 2>/dev/null | head -n 1) \
  || { cat "$out/app-c-locale.log"; echo "smoke: no window within 10 s under LANG=C.UTF-8" >&2; exit 1; }
xdotool windowfocus --sync "$win" key --clearmodifiers ctrl+q 2>/dev/null || true
for _ in $(seq 30); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app" 2>/dev/null && { echo "smoke: still running 3 s after Ctrl+Q under LANG=C.UTF-8" >&2; exit 1; }
wait "$app" || { cat "$out/app-c-locale.log"; echo "smoke: bad exit status under LANG=C.UTF-8" >&2; exit 1; }
app=
if grep -qi "locale" "$out/app-c-locale.log"; then
  cat "$out/app-c-locale.log"; echo "smoke: the window logged Fyne's locale noise under LANG=C.UTF-8" >&2; exit 1
fi

"$bin" >"$out/app.log" 2>&1 &
app=$!
win=$(timeout 10 xdotool search --sync --onlyvisible --pid "$app" 2>/dev/null | head -n 1) \
  || { cat "$out/app.log"; echo "smoke: no window within 10 s" >&2; exit 1; }
sleep 2 # let the corpus load and the first frames draw
import -window root "$out/01-start.png"

# The window must show something: a blank or single-colour screen has few colours.
colours=$(convert-im6.q16 "$out/01-start.png" -format %k info: 2>/dev/null || identify -format %k "$out/01-start.png")
if [ "${colours:-0}" -lt 20 ]; then
  echo "smoke: the screenshot has only $colours colours: the window looks empty" >&2; exit 1
fi

xdotool windowfocus --sync "$win" key --clearmodifiers ctrl+q 2>/dev/null || true # it may quit before the key is released
for _ in $(seq 30); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then
  echo "smoke: still running 3 s after Ctrl+Q" >&2; exit 1
fi
status=0; wait "$app" || status=$?
app=
[ "$status" -eq 0 ] || { cat "$out/app.log"; echo "smoke: exit status $status after Ctrl+Q" >&2; exit 1; }
if grep -q "Error in Fyne call thread" "$out/app.log"; then
  echo "smoke: the app touched the UI off the UI goroutine:" >&2; grep -m3 "call thread" "$out/app.log" >&2; exit 1
fi
echo "smoke: window opened, drew $colours colours, quit cleanly; screenshot $out/01-start.png"
