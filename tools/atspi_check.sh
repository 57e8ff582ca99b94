#!/usr/bin/env bash
# Start the app on a private Xvfb with the AT-SPI bus and read it with a real AT-SPI client.
# Usage (from the project root): dbus-run-session -- bash tools/atspi_check.sh [DISPLAY_NUMBER]
set -u
cd "$(dirname "$0")/.."
N=${1:-87}
Xvfb ":$N" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & XPID=$!
trap 'kill $APID $BPID $XPID 2>/dev/null' EXIT
sleep 1
export DISPLAY=":$N" QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 & BPID=$!
sleep 1
SETTINGS=$(mktemp -d)/s.ini
.venv/bin/python -m dongli_desktop --settings "$SETTINGS" --size 1600x1000 >/dev/null 2>&1 & APID=$!
sleep 6
/usr/bin/python3 tools/atspi_read.py
