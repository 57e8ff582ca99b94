#!/usr/bin/env bash
# Start the app on a private Xvfb with the AT-SPI bus and read it with a real AT-SPI client.
# Usage (from anywhere): dbus-run-session -- bash tools/atspi_check.sh
# Xvfb picks a free display itself (-displayfd); every step is polled with a deadline, and a step that
# fails prints why together with the tail of the logs of what was started.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
WORK=$(mktemp -d)
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "atspi_check: $*" >&2
  for log in "$WORK"/*.log; do
    [ -s "$log" ] && { echo "--- $(basename "$log"):" >&2; tail -n 30 "$log" >&2; }
  done
  exit 1
}

# wait_for SECONDS PID DESCRIPTION COMMAND...: poll COMMAND until it succeeds; fail if PID dies or time runs out.
wait_for() {
  local seconds=$1 pid=$2 what=$3
  shift 3
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || fail "$what: the process exited"
    [ "$SECONDS" -lt "$deadline" ] || fail "$what: not ready after $seconds s"
    sleep 0.1
  done
}

command -v Xvfb >/dev/null || fail "Xvfb is not installed (tools/system-deps.sh installs it)"
[ -x /usr/libexec/at-spi-bus-launcher ] || fail "at-spi2-core is not installed (tools/system-deps.sh installs it)"
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || fail "no D-Bus session: run me under dbus-run-session"

Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$WORK/display" >"$WORK/xvfb.log" 2>&1 &
XPID=$!
PIDS+=("$XPID")
wait_for 20 "$XPID" "Xvfb did not start" grep -q '^[0-9]' "$WORK/display"
export DISPLAY=":$(head -n 1 "$WORK/display")"
echo "atspi_check: Xvfb on $DISPLAY"

export QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$WORK/atspi-bus.log" 2>&1 &
BPID=$!
PIDS+=("$BPID")
wait_for 20 "$BPID" "the AT-SPI bus did not start" \
  dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress >/dev/null 2>&1

"$PYTHON" -m dongli_desktop --settings "$WORK/s.ini" --size 1600x1000 >"$WORK/app.log" 2>&1 &
APID=$!
PIDS+=("$APID")
# The client polls the bus until the app and its controls appear (with its own deadline).
/usr/bin/python3 tools/atspi_read.py || fail "the AT-SPI client did not find everything"
kill -0 "$APID" 2>/dev/null || fail "the app exited while being read"
