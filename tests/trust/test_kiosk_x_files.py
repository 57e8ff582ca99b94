"""The X libraries read ~/.Xauthority and ~/.icons from the kiosk user's own HOME before any app code runs
(red-team pass 2): a FIFO or a sparse giant there hung every start, and a screen-sized cursor image drew an
unsigned picture over the report. In kiosk mode the app points them elsewhere first (core/hardening.py)."""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from dongli_desktop.core.hardening import MAX_XAUTHORITY_BYTES, SYSTEM_CURSOR_PATH, x_client_environment

ROOT = Path(__file__).resolve().parents[2]
HANG_CEILING = 240  # seconds: only a ceiling for a hang, never a timing margin


def test_cursors_come_from_the_system_themes_only(tmp_path: Path):
    assert x_client_environment({}, str(tmp_path))["XCURSOR_PATH"] == SYSTEM_CURSOR_PATH
    assert str(tmp_path) not in SYSTEM_CURSOR_PATH and "~" not in SYSTEM_CURSOR_PATH


@pytest.mark.parametrize("plant", ["fifo", "sparse", "link"])
def test_an_unsafe_xauthority_is_not_read(tmp_path: Path, plant: str):
    target = tmp_path / ".Xauthority"
    if plant == "fifo":
        os.mkfifo(target)
    elif plant == "sparse":
        with open(target, "wb") as fh:
            fh.truncate(2 * 1024**3)
    else:
        target.symlink_to("/dev/zero")
    assert x_client_environment({}, str(tmp_path)).get("XAUTHORITY") == "/dev/null"


def test_a_small_regular_xauthority_is_read_once_into_a_private_copy(tmp_path: Path):
    cookie = b"\x01\x00" * 20
    (tmp_path / ".Xauthority").write_bytes(cookie)
    copy = x_client_environment({}, str(tmp_path))["XAUTHORITY"]
    assert copy.startswith("/proc/self/fd/")  # never the checked name again (test_kiosk_leases)
    assert Path(copy).read_bytes() == cookie
    with pytest.raises(PermissionError):  # sealed: not even this process can change it
        Path(copy).write_bytes(b"forged")
    # no file: /dev/null, so that libXau does not look at ~/.Xauthority itself later
    assert x_client_environment({}, str(tmp_path / "none"))["XAUTHORITY"] == "/dev/null"


def test_a_given_xauthority_is_checked_too(tmp_path: Path):
    os.mkfifo(tmp_path / "cookie")
    assert x_client_environment({"XAUTHORITY": str(tmp_path / "cookie")}, None)["XAUTHORITY"] == "/dev/null"


STDIN_PROBE = """
import os, sys
from pathlib import Path
from dongli_desktop.core.hardening import x_client_environment
copy = x_client_environment({"XAUTHORITY": "/dev/stdin"}, None)["XAUTHORITY"]
data = Path(copy).read_bytes() if copy.startswith("/proc/self/fd/") else b""
print(copy.startswith("/proc/self/fd/"), data.hex(), os.path.samefile("/proc/self/fd/0", os.devnull), sep="|")
"""


@pytest.mark.parametrize("given", ["file", "fifo", "huge"])
def test_the_cookie_given_as_standard_input_is_read_from_the_descriptor_and_let_go(tmp_path: Path, given: str):
    """The kiosk unit's StandardInput=file: (XAUTHORITY=/dev/stdin): a file the kiosk user cannot read, opened by
    systemd as root. It is read through descriptor 0 (reopening /proc/self/fd/0 would be refused to that user),
    only when it is a small regular file, and descriptor 0 is /dev/null afterwards (nothing the app starts
    inherits the cookie)."""
    cookie = b"\x01\x00" * 20
    source = tmp_path / "xauth"
    if given == "fifo":
        os.mkfifo(source)
        stdin = os.open(source, os.O_RDWR)  # a FIFO nobody writes to: a blocking read would hang
    else:
        source.write_bytes(cookie if given == "file" else b"\0" * (MAX_XAUTHORITY_BYTES + 1))
        stdin = os.open(source, os.O_RDONLY)
    try:
        result = subprocess.run([sys.executable, "-c", STDIN_PROBE], stdin=stdin, capture_output=True, text=True,
                                timeout=60, check=True, cwd=ROOT)
    finally:
        os.close(stdin)
    copied, data, released = result.stdout.strip().split("|")
    assert (copied, data) == (("True", cookie.hex()) if given == "file" else ("False", ""))
    assert released == "True"


@pytest.fixture()
def xvfb():
    """An Xvfb on a display it chose itself (-displayfd), ended after the test."""
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        ready, _, _ = select.select([read], [], [], HANG_CEILING)
        assert ready, "Xvfb did not say its display"
        yield ":" + os.read(read, 32).decode().strip()
    finally:
        os.close(read)
        proc.terminate()
        proc.wait(timeout=60)


def test_no_session_bus_is_autolaunched_unless_one_is_given(tmp_path: Path):
    assert x_client_environment({}, str(tmp_path))["DBUS_SESSION_BUS_ADDRESS"] == "disabled:"
    given = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus", "KIOSK_SESSION_BUS": "1"}
    assert "DBUS_SESSION_BUS_ADDRESS" not in x_client_environment(given, str(tmp_path))  # test_kiosk_session_bus


def _machine_id() -> str:
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        with contextlib.suppress(OSError):
            return Path(path).read_text(encoding="ascii").strip()
    return "none"


@pytest.mark.parametrize("plant", [".Xauthority", ".icons/default/cursors/left_ptr", "dbus"])
def test_a_fifo_the_x_libraries_would_read_does_not_hang_the_kiosk(tmp_path: Path, xvfb: str, plant: str):
    if plant == "dbus":  # where dbus-launch (D-Bus autolaunch over X) writes the bus address (red-team pass 3)
        plant = f".dbus/session-bus/{_machine_id()}-{xvfb.lstrip(':')}"
    fifo = tmp_path / plant
    fifo.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(fifo)
    env = {k: v for k, v in os.environ.items()
           if k not in ("XAUTHORITY", "XCURSOR_PATH", "FONTCONFIG_FILE", "DBUS_SESSION_BUS_ADDRESS",
                         "KIOSK_SESSION_BUS")}
    env.update(DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / ".config"),
               XDG_DATA_HOME=str(tmp_path / ".local" / "share"), XDG_CACHE_HOME=str(tmp_path / ".cache"))
    result = subprocess.run([sys.executable, "-m", "dongli_desktop", "--kiosk", "--kiosk-config", "/dev/null",
                             "--quit-when-ready"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=HANG_CEILING, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
