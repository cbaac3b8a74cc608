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

# await_lines FILE PATTERN COUNT PID: waits until FILE has COUNT lines
# matching PATTERN (grep -E), and fails if process PID ends first. tail
# follows the file by inotify, so the wait takes no CPU from the process it
# times: a grep and a sleep every 5 ms took an eighth of both cores while
# the window opened gen's corpus (perf -a), and so counted against the
# window in every ratio to a headless load.
await_lines() {
  local file=$1 pattern=$2 count=$3 pid=$4 fd follower found
  exec {fd}< <(exec tail -n +1 -s 0.2 -F --pid="$pid" "$file" 2>/dev/null)
  follower=$!
  found=$(grep -E -m "$count" -c -- "$pattern" <&"$fd")
  kill "$follower" 2>/dev/null
  exec {fd}<&-
  [ "${found:-0}" -ge "$count" ]
}

# launch_until_loaded LOG CMD...: runs CMD in the background, its output in
# LOG, until the event log ($ALLIANCE_TIMELINE_EVENTS) has its "loaded"
# line; sets app to its process id and launched to when it started (ms).
# Xvfb resets when its last client leaves (the app before), and refuses a
# client that connects meanwhile: such a launch is made again. (With
# -noreset it does not reset, but the app then now and then takes seconds
# to quit, which the e2e test counts as a failure.) A window that exits
# for another reason is a failure, with its output.
launch_until_loaded() {
  local log=$1 attempt; shift
  for attempt in 1 2 3; do
    : > "$ALLIANCE_TIMELINE_EVENTS"
    launched=$(( $(date +%s%N) / 1000000 ))
    "$@" >"$log" 2>&1 &
    app=$!
    await_lines "$ALLIANCE_TIMELINE_EVENTS" '^loaded' 1 "$app" && return 0
    grep -q '^loaded' "$ALLIANCE_TIMELINE_EVENTS" && return 0
    wait "$app" 2>/dev/null || true
    app=
    if [ "$attempt" = 3 ] || ! grep -q 'Failed to open display' "$log"; then
      echo "the window exited before the corpus was shown:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.2
  done
}
