"""The kiosk's X display against the kiosk user's shell and other local users (SECURITY.md, "The display").

The installed Debian 12 (tests/packaging/conftest.py, ``kiosk_root``) booted in systemd-nspawn, the package's units
unchanged. The attacker is the kiosk user ``dongli-kiosk`` (what a shell escaped from the app would be: it can
write /tmp and its HOME and signal its own processes) or any other local user (``nobody``):

- **Authority**: the X server admits only clients with the display's cookie, made afresh at each start and
  readable by nobody else; a client without it is refused, the kiosk (which has it) paints.
- **Planted lock**: a ``/tmp/.X7-lock`` naming a live process and a ``/tmp/.X11-unix/X7`` planted by the kiosk
  user do not keep the display from starting again (the server's /tmp is private).
- **Abstract name**: the kiosk user holding ``@/tmp/.X11-unix/X7`` while the display restarts neither keeps it
  down nor receives a connection (and with it the new cookie) from the session (red-team pass 11).
- **Stopped pieces**: the kiosk user cannot SIGSTOP the X server or openbox (they run as ``dongli-display``); and a
  stopped one (root can) is noticed: a stopped openbox is replaced, a stopped X server restarts the display, and the
  kiosk is painted again each time.
- **The window manager is who runs it**: a client of the kiosk user that takes the window manager's selection
  ``WM_S0`` (openbox gives the screen up) or holds the kiosk's window inside a window of its own is ended by the
  kiosk within its next looks (red-team pass 9: both were spared), while openbox, run by ``dongli-display``, is
  never taken for an attacker.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from tests.packaging.conftest import chroot, keep_screenshot
from tests.packaging.container import (
    COOKIE,
    SCREEN,
    X_SOCKETS,
    Container,
    back_on_screen,
    booted,
    journal,
    kiosk_is_up,
    painted,
    through_socket_folder,
)
from tests.session.harness import ROOT, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.screenshot]


def up_and_painted(box: Container, shot: Path) -> str:
    pid = str(wait_until(lambda: kiosk_is_up(box), 300, 0.5, "dongli-kiosk.service to be active at boot"))
    wait_until(lambda: painted(box, shot), 120, 0.5, "the kiosk to be painted")
    return pid


def state(pid: int) -> str:
    """The process's state letter (T: stopped)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def test_only_holders_of_the_cookie_reach_the_display(kiosk_root, tmp_path):
    shot = tmp_path / "kiosk-auth.png"
    with booted(kiosk_root, tmp_path / "nspawn.log") as box:
        up_and_painted(box, shot)  # the kiosk app, which holds the cookie, paints
        # another local user, and the kiosk user without the cookie, are refused by the server
        for user, group in (("nobody", "nogroup"), ("dongli-kiosk", "dongli-kiosk")):
            refused = box.as_user(user, group, "env", "DISPLAY=:7", "XAUTHORITY=/dev/null", "xset", "q")
            assert refused.returncode != 0 and "unable to open display" in refused.stderr, (user, refused.stdout)
        without = box.on_display("xset", "q", cookie=False)  # a root client on the socket file, no cookie
        assert without.returncode != 0 and "unable to open display" in without.stderr, without.stdout
        assert box.on_display("xset", "q").returncode == 0  # with the cookie: admitted
        # the cookie: nobody else may read it, and only root may change or replace it
        assert box.sh("stat", "-c", "%U:%G %a", COOKIE).stdout.split() == ["dongli-display:dongli-display", "400"]
        assert box.sh("stat", "-c", "%U:%G", os.path.dirname(COOKIE)).stdout.split() == ["root:root"]
        assert box.as_user("nobody", "nogroup", "cat", COOKIE).returncode != 0
        # the kiosk user cannot read it either (red-team pass 10: its shell connected with it and drew over the
        # kiosk), nor reach it through the kiosk app, which systemd gave it to as standard input
        assert box.as_user("dongli-kiosk", "dongli-kiosk", "cat", COOKIE).returncode != 0
        app = kiosk_is_up(box)
        assert box.as_user("dongli-kiosk", "dongli-kiosk", "cat", f"/proc/{app}/fd/0").returncode != 0
        assert box.as_user("dongli-kiosk", "dongli-kiosk", "env", "DISPLAY=:7", f"XAUTHORITY={COOKIE}", "xset",
                           "q").returncode != 0
        assert box.as_user("dongli-kiosk", "dongli-kiosk", "sh", "-c", f"echo x >> {COOKIE}").returncode != 0
        # a new cookie at every start of the display
        cookie = Path(f"/proc/{box.leader}/root{COOKIE}")  # binary: read through the container's root
        before = cookie.read_bytes()
        assert before
        pid = kiosk_is_up(box) or ""
        box.sh("systemctl", "restart", "--no-block", SCREEN)
        back_on_screen(box, pid, shot, "the display was restarted")
        assert wait_until(lambda: cookie.exists() and cookie.read_bytes(), 120, 0.5, "the new cookie") != before
        keep_screenshot(shot)


def test_a_lock_planted_by_the_kiosk_user_does_not_keep_the_display_down(kiosk_root, tmp_path):
    shot = tmp_path / "kiosk-lock.png"
    with booted(kiosk_root, tmp_path / "nspawn.log") as box:
        pid = up_and_painted(box, shot)
        box.sh("systemctl", "stop", SCREEN)  # down for a moment (a crash, an upgrade): the server's lock is gone
        # the kiosk user's shell: a lock naming a live process (PID 1) and a stand-in socket for display :7
        plant = ("(rm -f /tmp/.X7-lock; printf '%10d\\n' 1 > /tmp/.X7-lock) 2>/dev/null || true; "
                 "mkdir -p /tmp/.X11-unix 2>/dev/null; (rm -f /tmp/.X11-unix/X7; : > /tmp/.X11-unix/X7) 2>/dev/null;"
                 " cat /tmp/.X7-lock")
        planted = box.as_user("dongli-kiosk", "dongli-kiosk", "sh", "-c", plant)
        assert planted.stdout.strip() == "1", planted.stdout + planted.stderr
        box.sh("systemctl", "start", "--no-block", SCREEN)
        back_on_screen(box, pid, shot, "the display was restarted over a planted lock")
        keep_screenshot(shot)


HOLD_ABSTRACT_NAME = """
import socket
holder = socket.socket(socket.AF_UNIX)
holder.bind("\\0/tmp/.X11-unix/X7")
holder.listen(64)
print("bound", flush=True)
while True:
    holder.accept()[0].close()
    print("connected", flush=True)
"""


def test_the_kiosk_user_holding_the_abstract_name_gets_no_connection_and_the_display_comes_back(kiosk_root,
                                                                                                 tmp_path):
    """Red-team pass 11: the X server listened on the abstract socket @/tmp/.X11-unix/X7 in the host's network
    namespace, where the kiosk user can bind that name while the display restarts; the new server then would not
    start, and the session's `xset q` (libxcb tries the abstract name first) sent the holder the new cookie. Now
    the server has no abstract socket and the session's clients an empty network namespace of their own."""
    shot = tmp_path / "kiosk-abstract.png"
    with booted(kiosk_root, tmp_path / "nspawn.log") as box:
        pid = up_and_painted(box, shot)
        box.sh("systemctl", "stop", SCREEN)
        Path(f"/proc/{box.leader}/root/var/tmp/hold.py").write_text(HOLD_ABSTRACT_NAME, encoding="utf-8")
        box.as_user("dongli-kiosk", "dongli-kiosk", "sh", "-c",
                    "python3 /var/tmp/hold.py > /var/tmp/hold.log 2>&1 &")
        said = wait_until(lambda: box.sh("cat", "/var/tmp/hold.log").stdout, 120, 0.5, "the name to be held")
        assert said.split() == ["bound"], said
        box.sh("systemctl", "start", "--no-block", SCREEN)
        back_on_screen(box, pid, shot, "the display was restarted while the kiosk user held the abstract name")
        assert box.on_display("xset", "q").returncode == 0
        assert box.sh("cat", "/var/tmp/hold.log").stdout.split() == ["bound"]  # never connected to
        assert box.pids("python3")  # and still holding it
        keep_screenshot(shot)


def test_a_stopped_x_server_or_window_manager_is_noticed_and_the_kiosk_comes_back(kiosk_root, tmp_path):
    shot = tmp_path / "kiosk-stopped.png"
    with booted(kiosk_root, tmp_path / "nspawn.log") as box:
        pid = up_and_painted(box, shot)
        [xvfb], [openbox] = box.pids("Xvfb"), box.pids("openbox")
        # the kiosk user's shell cannot stop them: they are not its processes
        for target in (xvfb, openbox):
            status = Path(f"/proc/{target}/status").read_text().splitlines()
            inner = next(line for line in status if line.startswith("NSpid")).split()[-1]  # its PID in the container
            tried = box.as_user("dongli-kiosk", "dongli-kiosk", "sh", "-c", f"kill -STOP {inner}")
            assert tried.returncode != 0, f"the kiosk user stopped {target}"
            assert state(target) != "T"

        # root (or a stray daemon) stops openbox: the session ends it and starts another, which manages the screen
        os.kill(openbox, signal.SIGSTOP)
        wait_until(lambda: [p for p in box.pids("openbox") if p != openbox], 300, 0.5, "a new openbox")
        wait_until(lambda: "window id" in box.on_display("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").stdout,
                   120, 0.5, "the new openbox to manage the screen")
        assert "openbox is stopped" in journal(box, SCREEN)

        # a stopped X server: the display restarts, the kiosk comes back painted
        os.kill(xvfb, signal.SIGSTOP)
        pid = back_on_screen(box, pid, shot, "the X server was stopped")
        assert "is stopped" in journal(box, SCREEN)

        # a stopped session script: systemd's watchdog restarts the display, the kiosk comes back
        box.sh("systemctl", "kill", "--kill-whom=main", "--signal=SIGSTOP", SCREEN)
        back_on_screen(box, pid, shot, "the session script was stopped")
        keep_screenshot(shot)


def attack_as_kiosk_user(box: Container, *argv: str) -> str:
    """tests/session/display_attacks.py run in the container with the display's cookie, as root: the kiosk user
    can no longer read the cookie (test above), and root is, like that user, neither the kiosk app nor the
    display's user. It stays connected until the server ends it, so it returning at all means the kiosk ended it
    (Xlib's I/O error ends the process); its stderr."""
    folder = Path(f"/proc/{box.leader}/root/var/tmp/attack/tests/session")
    if not folder.exists():
        folder.mkdir(parents=True)
        for package in (folder.parent, folder):
            (package / "__init__.py").write_text("")
        for name in ("display_attacks.py", "retained_windows.py"):
            shutil.copy(ROOT / "tests" / "session" / name, folder / name)
        box.sh("chmod", "-R", "a+rX", "/var/tmp/attack")
    ran = box.sh(*through_socket_folder(X_SOCKETS, "env", "DISPLAY=:7", f"XAUTHORITY={COOKIE}",  # 120 s at most
                                        "PYTHONPATH=/var/tmp/attack", "python3", "-m",
                                        "tests.session.display_attacks", *argv))
    assert ran.returncode != 0 and "ready" in ran.stdout, (ran.returncode, ran.stdout, ran.stderr)
    return ran.stderr


def kiosk_window(box: Container) -> int:
    """The kiosk's window: the one window openbox manages."""
    listed = box.on_display("xprop", "-root", "_NET_CLIENT_LIST").stdout  # "..., window id # 0x600003"
    ids = [int(word.rstrip(","), 16) for word in listed.split("#", 1)[-1].split()] if "#" in listed else []
    return ids[0] if len(ids) == 1 else 0


def test_the_kiosk_user_taking_the_window_manager_or_the_kiosks_window_is_ended(kiosk_root, tmp_path):
    shot = tmp_path / "kiosk-wm.png"
    # no idle reset within the test: before, the reset (every idle_timeout, 120 s by default) closed what the
    # attacks leave; the kiosk must do it at once
    (kiosk_root / "etc" / "dongli-desktop" / "kiosk.toml").write_text("attract = false\nidle_timeout = 3600\n",
                                                                     encoding="utf-8")
    with booted(kiosk_root, tmp_path / "nspawn.log") as box:
        up_and_painted(box, shot)
        [openbox] = box.pids("openbox")
        wid = int(wait_until(lambda: kiosk_window(box), 120, 0.5, "openbox to manage the kiosk's window"))
        # The kiosk's window put inside a window of the kiosk user's: that client is ended by the kiosk's display
        # watch (the idle reset is an hour away), and the kiosk is painted again (on a fresh window if its own went
        # with the attacker's). openbox, run by dongli-display and looked at by the kiosk every 3 s since it
        # started, was never taken for an attacker: had the kiosk ended its connection, the session would have
        # started another.
        attack_as_kiosk_user(box, "reparent", str(wid))
        wait_until(lambda: kiosk_is_up(box) and painted(box, shot), 300, 0.5, "the kiosk to be painted again")
        assert box.pids("openbox") == [openbox]
        # WM_S0 taken: openbox gives the screen up and the session cannot start another while it is held; the
        # kiosk ends the taker, openbox is started again and manages the kiosk
        attack_as_kiosk_user(box, "wm")
        wait_until(lambda: kiosk_window(box) and painted(box, shot), 300, 0.5, "openbox back, the kiosk painted")
        assert "closed the windows of 1 other X client" in box.sh(
            "sh", "-c", "cat /var/lib/dongli-kiosk/.local/share/dongli-desktop/logs/dongli-desktop.log*").stdout
        keep_screenshot(shot)


def groups(root: Path, user: str) -> set[str]:
    return set(chroot(root, "id", "-nG", user).stdout.split())


def test_the_kiosk_user_opens_no_screen_gpu_or_input_device(kiosk_root):
    """Red-team pass 12: the kiosk user was still in video, input and render (from when it ran the X server), which
    Debian's udev rules give /dev/fb*, /dev/dri/* and /dev/input/event*: its shell could read every tap of the PIN
    pad, inject or grab taps, and take the GPU while the display restarted. Now only audio; the display's user
    keeps them; an upgrade from a version that added them takes the kiosk user out."""
    assert groups(kiosk_root, "dongli-kiosk") == {"dongli-kiosk", "audio"}
    assert {"video", "input", "render"} <= groups(kiosk_root, "dongli-display")
    for group in ("video", "input", "render"):
        assert chroot(kiosk_root, "adduser", "dongli-kiosk", group).returncode == 0
    assert {"video", "input", "render"} <= groups(kiosk_root, "dongli-kiosk")
    upgrade = chroot(kiosk_root, "/var/lib/dpkg/info/dongli-kiosk.postinst", "configure", "0.1.0")
    assert upgrade.returncode == 0, upgrade.stdout + upgrade.stderr
    assert groups(kiosk_root, "dongli-kiosk") == {"dongli-kiosk", "audio"}

