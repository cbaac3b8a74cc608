# Sourced by the scripts that need a real X display: start_xvfb [WxH] starts
# Xvfb (1280x800 unless told) on a free display number, exports DISPLAY, sets xvfb to its
# process id (for the caller's cleanup trap) and waits until it answers.
start_xvfb() {
  local n size=${1:-1280x800}
  for _ in $(seq 50); do
    n=$((90 + RANDOM % 400))
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break
  done
  Xvfb ":$n" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do
    xdpyinfo >/dev/null 2>&1 && return 0
    kill -0 "$xvfb" 2>/dev/null || { echo "Xvfb on :$n did not start" >&2; return 1; }
    sleep 0.1
  done
  echo "Xvfb on :$n did not answer within 5 s" >&2
  return 1
}
