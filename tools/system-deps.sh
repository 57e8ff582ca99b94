#!/bin/sh
# Install the Debian packages a set of tasks needs, only when something is missing.
#   sh tools/system-deps.sh run    what running the app from source needs (make run): Qt's X11/Wayland client
#                                  libraries, python3-venv, a base font
#   sh tools/system-deps.sh test   that, plus the tests' and the packaging's tools (make test, make check,
#                                  make dist, make deb; the default):
#     Xvfb, openbox, xdotool, AT-SPI, D-Bus, imagemagick: real-session tests; nginx-light: the tests start
#     their own nginx on a free port; binutils (objdump), libpython3.11 (libpython3.11.so.1.0), patchelf,
#     icu-devtools and gcc (trimmed ICU data): PyInstaller and packaging/finish.py; lintian,
#     desktop-file-utils, appstream, debootstrap, systemd (systemd-analyze) and systemd-container
#     (systemd-nspawn boots the installed kiosk): the .deb checks; reprepro, gpg and faketime: make repo and its
#     test (an expired index) and TUF's conformance suite (tests/trust/test_conformance.py); speech-dispatcher
#     with espeak-ng and sox:
#     read-aloud produces sound; unicode-data: Unicode's EquivalentUnifiedIdeograph.txt, which
#     tools/cjk_radicals.py turns into db/cjk_radicals.tsv (a test checks the shipped table against it), and
#     Unihan's kTGH field (the 通用规范汉字表), which tools/subset_font.py puts in the font subset.
# Nothing installed here is left enabled or running as a service on this machine: services are kept from
# starting during the install (policy-rc.d) and every unit the install enabled is disabled again (nginx-light
# would otherwise serve port 80 from now on).
set -eu
RUN_PKGS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libwayland-cursor0 libwayland-egl1 libpulse0 fonts-dejavu-core \
python3-venv"
TEST_PKGS="xvfb xauth imagemagick fontconfig dbus-x11 at-spi2-core python3-pyatspi \
openbox xdotool x11-utils x11-xserver-utils nginx-light \
binutils patchelf icu-devtools gcc libpython3.11 \
lintian desktop-file-utils appstream debootstrap systemd systemd-container reprepro gpg faketime \
speech-dispatcher speech-dispatcher-espeak-ng sox unicode-data xserver-xorg-core xserver-xorg-video-dummy libxres1"
POLICY_RC_D=${POLICY_RC_D:-/usr/sbin/policy-rc.d}

case "${1:-test}" in
  run) PKGS="$RUN_PKGS" ;;
  test) PKGS="$RUN_PKGS $TEST_PKGS" ;;
  *) echo "usage: $0 [run|test]" >&2; exit 2 ;;
esac

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

installed_packages() {
  dpkg-query -W -f='${Package} ${Status}\n' 2>/dev/null | awk '$NF == "installed" {print $1}' | sort
}

echo "system-deps: installing$missing"
before=$(mktemp)
installed_packages >"$before"
own_policy=""
if [ ! -e "$POLICY_RC_D" ]; then  # an administrator's own policy-rc.d is left as it is
  printf '#!/bin/sh\n# tools/system-deps.sh: no service starts while it installs packages\nexit 101\n' \
    | $SUDO tee "$POLICY_RC_D" >/dev/null
  $SUDO chmod 0755 "$POLICY_RC_D"
  own_policy=yes
fi
status=0
$SUDO apt-get update -qq || status=$?
if [ "$status" -eq 0 ]; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing || status=$?
fi
[ -z "$own_policy" ] || $SUDO rm -f "$POLICY_RC_D"
# Services of the packages this run installed (not the init system's and the system bus's own units) that
# their installation enabled: disabled again, and stopped if something started them anyway.
for package in $(installed_packages | comm -13 "$before" -); do
  case "$package" in systemd|systemd-sysv|dbus|dbus-system-bus-common|dbus-daemon) continue ;; esac
  for unit in $(dpkg-query -L "$package" 2>/dev/null | grep -E '/systemd/system/[^/]+[.](service|socket)$' \
                | sed 's|.*/||' | sort -u); do
    if [ "$(systemctl is-enabled "$unit" 2>/dev/null || true)" = enabled ]; then
      echo "system-deps: $unit ($package) was enabled by its installation; disabling it (tests start their own)"
      $SUDO systemctl disable --now "$unit" >/dev/null 2>&1 || $SUDO systemctl disable "$unit" >/dev/null 2>&1 || true
    fi
  done
done
rm -f "$before"
exit "$status"
