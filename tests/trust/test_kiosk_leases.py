"""Red-team pass 5: a file checked in the kiosk user's HOME and then opened again by name.

The app checked ``~/.Xauthority``, ``~/.config/Dongli.conf`` and ``~/.config/Dongli/dongli-desktop.conf`` with a
non-blocking open; libXau and QSettings then opened the same names again with a blocking open. A process of the
kiosk user that takes a Linux write lease (``F_SETLEASE``) right after the check closes the file (inotify tells
when) makes each later open wait ``fs.lease-break-time`` (45 s): the kiosk took 137 s to start, over the unit's
start timeout, at every start. Now each name is read at most once: XAUTHORITY points at a sealed private copy
and the kiosk uses no settings file (core/hardening.py, ui/settings.py).

Each holder below releases its lease when the kernel says another open is breaking it and prints ``broken``:
any reopen of a checked name shows as that line, without waiting the 45 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.trust.test_kiosk_x_files import HANG_CEILING, ROOT, xvfb  # noqa: F401 (the fixture)

HOLDER = r"""
import ctypes, fcntl, os, signal, sys
F_SETLEASE, IN_CLOSE_NOWRITE = 1024, 0x10
path = sys.argv[1]
fd = os.open(path, os.O_RDWR)
def broken(*_):
    print("broken", flush=True)
    fcntl.fcntl(fd, F_SETLEASE, fcntl.F_UNLCK)
signal.signal(signal.SIGIO, broken)
libc = ctypes.CDLL(None, use_errno=True)
watch = libc.inotify_init()
assert libc.inotify_add_watch(watch, path.encode(), IN_CLOSE_NOWRITE) >= 0
print("watching", flush=True)
while True:
    os.read(watch, 4096)
    try:
        fcntl.fcntl(fd, F_SETLEASE, fcntl.F_WRLCK)
        print("leased", flush=True)
    except OSError as exc:
        print("refused", exc.errno, flush=True)
"""

CHECKED = (".Xauthority", ".config/Dongli.conf", ".config/Dongli/dongli-desktop.conf")


def _holder(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "watching"
    return proc


def _output(proc: subprocess.Popen) -> list[str]:
    proc.terminate()
    out, _ = proc.communicate(timeout=HANG_CEILING)
    return out.split()


def test_no_checked_file_of_home_is_opened_again(tmp_path: Path, xvfb: str):  # noqa: F811 (the fixture)
    (tmp_path / ".config" / "Dongli").mkdir(parents=True)
    (tmp_path / ".Xauthority").write_bytes(b"\x01\x00" * 20)
    for name in CHECKED[1:]:
        (tmp_path / name).write_text("[ui]\ntheme=normal\n", encoding="utf-8")
    holders = {name: _holder(tmp_path / name) for name in CHECKED}
    env = {k: v for k, v in os.environ.items()
           if k not in ("XAUTHORITY", "FONTCONFIG_FILE", "DBUS_SESSION_BUS_ADDRESS", "KIOSK_SESSION_BUS")}
    env.update(DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / ".config"),
               XDG_DATA_HOME=str(tmp_path / ".local" / "share"), XDG_CACHE_HOME=str(tmp_path / ".cache"))
    try:
        result = subprocess.run([sys.executable, "-m", "dongli_desktop", "--kiosk", "--kiosk-config", "/dev/null",
                                 "--quit-when-ready"], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=HANG_CEILING, check=False)
    finally:
        seen = {name: _output(proc) for name, proc in holders.items()}
    assert result.returncode == 0, result.stderr[-2000:]
    assert "leased" in seen[".Xauthority"], seen  # the check read it once, then the lease was taken
    for name, lines in seen.items():
        assert "broken" not in lines, f"{name} was opened again after its check: {lines}"
