#!/bin/sh
# Install the Debian packages the app, its tests and its packaging need, only when something is missing.
# binutils (objdump), libpython3.11 (libpython3.11.so.1.0), patchelf, icu-devtools and gcc (trimmed ICU data)
# are for PyInstaller and packaging/finish.py (make dist); lintian,
# desktop-file-utils, appstream, debootstrap, systemd (systemd-analyze) and systemd-container (systemd-nspawn
# boots the installed kiosk) check the .deb packages;
# speech-dispatcher with espeak-ng and sox prove that read-aloud produces sound; faketime runs TUF's
# conformance suite (tests/trust/test_conformance.py).
set -eu
PKGS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 xvfb xauth imagemagick fonts-dejavu-core libpulse0 \
dbus-x11 at-spi2-core python3-pyatspi python3-venv \
openbox xdotool x11-utils nginx-light \
binutils patchelf icu-devtools gcc libpython3.11 libwayland-cursor0 libwayland-egl1 \
lintian desktop-file-utils appstream debootstrap systemd systemd-container x11-xserver-utils \
speech-dispatcher speech-dispatcher-espeak-ng sox faketime"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: not a Debian system; please install:$missing" >&2; exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "system-deps: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
