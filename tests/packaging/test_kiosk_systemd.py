"""The installed kiosk under a real systemd: the throwaway Debian 12 with both packages is booted in
systemd-nspawn with its default settings (systemd as PID 1, no VT, no tty7) plus a network namespace of its
own (--private-network: its X display :7 cannot meet the host's). The package's units run unchanged; the
one setting changed is the administrator's KIOSK_X_SERVER=xvfb in /etc/default/dongli-kiosk (there is no
screen), as KIOSK.md describes for a machine without one.

Checked: the kiosk comes up by itself at boot (READY=1 from the app, Type=notify) on the package's X session;
each piece is killed in turn — the app, openbox, the X server, the session script — and the kiosk is back on
the screen each time without anyone starting it; a display that fails for a while (a wrong setting) brings
the kiosk back by itself once it starts again; a display that keeps failing gives up ("failed" in
`systemctl status`) with its reason in `journalctl -u dongli-kiosk-display`; a SIGSTOPped app misses its
WatchdogSec= pings and is restarted; an app that exits with
code 0 (the PIN-protected "退出程序") is not restarted.

Teardown ends the container also when a check fails: poweroff, and if that does not finish, SIGKILL to the
container's PID 1 (which ends every process of its PID namespace); tests/packaging/conftest.py fails any test
that leaves a process behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.conftest import (
    CONTAINER_PID_NAMESPACES,
    chroot,
    keep_screenshot,
    leftover_processes,
    pid_namespace,
    proc_mounted,
)
from tests.session.harness import longest_gap, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.screenshot]
DISPLAY = ":7"  # the package's default (resources/kiosk/default)
KIOSK = "dongli-kiosk.service"
SCREEN = "dongli-kiosk-display.service"


class Container:
    """A booted systemd-nspawn container of ``root``; ``sh`` runs commands in it (nsenter)."""

    def __init__(self, root: Path, log: Path) -> None:
        self.root, self.log = root, log
        self.proc: subprocess.Popen | None = None
        self.leader = 0
        self.namespace: int | None = None
        self.mounted: Path | None = None

    def _find_leader(self) -> int:
        """The container's PID 1 as the host sees it (systemd-nspawn's child), or 0."""
        assert self.proc is not None
        children = subprocess.run(["ps", "--ppid", str(self.proc.pid), "-o", "pid=,comm="], capture_output=True,
                                  text=True, check=False).stdout.split()
        return int(children[0]) if children and children[1:2] == ["systemd"] else 0

    def boot(self) -> None:
        # nspawn keeps propagation mounts under /run/systemd/nspawn and refuses a /run on disk
        state = Path("/run/systemd/nspawn")
        if subprocess.run(["mountpoint", "-q", str(state)], check=False).returncode != 0:
            state.mkdir(parents=True, exist_ok=True)
            subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(state)], check=True)
            self.mounted = state
        with open(self.log, "wb") as out:
            # --register=no --keep-unit: no systemd (machined) on the host to register with
            self.proc = subprocess.Popen(["systemd-nspawn", "-q", "--register=no", "--keep-unit", "--private-network",
                                          "-D", str(self.root), "--console=pipe", "-b"], stdout=out,
                                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)

        def leader() -> int:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(f"systemd-nspawn exited: {self.log.read_text(errors='replace')[-3000:]}")
            return self._find_leader()

        self.leader = int(wait_until(leader, 120, 0.2, "systemd in the container"))
        self.namespace = pid_namespace(self.leader)
        if self.namespace is not None:
            CONTAINER_PID_NAMESPACES.add(self.namespace)
        wait_until(lambda: self.sh("systemctl", "is-system-running").stdout.strip() in ("running", "degraded"),
                   300, 0.5, "the container to finish booting")

    def sh(self, *argv: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(["nsenter", "-t", str(self.leader), "-a", *argv], capture_output=True, text=True,
                              timeout=timeout, check=False)

    def on_display(self, *argv: str) -> subprocess.CompletedProcess:
        """A program of the host, in the container's network namespace (where the X server's socket is)."""
        return subprocess.run(["nsenter", "-t", str(self.leader), "-n", "env", f"DISPLAY={DISPLAY}", *argv],
                              capture_output=True, text=True, timeout=120, check=False)

    def show(self, unit: str, *props: str) -> dict[str, str]:
        out = self.sh("systemctl", "show", unit, *(f"--property={p}" for p in props)).stdout
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)

    def pids(self, comm: str) -> list[int]:
        """Host PIDs of the container's processes called ``comm``."""
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and pid_namespace(entry.name) == self.namespace:
                with contextlib.suppress(OSError):
                    if (entry / "comm").read_text().strip() == comm:
                        found.append(int(entry.name))
        return found

    def shutdown(self, grace: float = 120) -> None:
        """Power the container off; if it is not gone after ``grace`` s, kill its PID 1 (and so its whole PID
        namespace), then systemd-nspawn."""
        if self.proc is not None and self.proc.poll() is None:
            leader = self.leader or self._find_leader()
            if leader and grace > 0:
                self.leader = leader
                self.sh("systemctl", "poweroff", "--no-block", timeout=30)
            try:
                self.proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                if leader:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(leader, signal.SIGKILL)
                try:
                    self.proc.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                    self.proc.wait(timeout=60)
        if self.mounted is not None:
            subprocess.run(["umount", str(self.mounted)], check=False)
            self.mounted = None


@contextlib.contextmanager
def booted(root: Path, log: Path, grace: float = 120) -> Iterator[Container]:
    container = Container(root, log)
    try:
        container.boot()
        yield container
    finally:
        container.shutdown(grace)


def set_default(root: Path, **values: str) -> None:
    """Change settings of /etc/default/dongli-kiosk (the administrator's file)."""
    default = root / "etc" / "default" / "dongli-kiosk"
    text = default.read_text(encoding="utf-8")
    for key, value in values.items():
        text, count = re.subn(rf"^{key}=.*$", f"{key}={value}", text, flags=re.MULTILINE)
        if not count:
            text += f"{key}={value}\n"
    default.write_text(text, encoding="utf-8")


@pytest.fixture()
def kiosk_root(installed_root):
    for tool in ("systemd-nspawn", "nsenter", "xset", "xprop", "/usr/bin/import"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} missing: tools/system-deps.sh installs it (make test does)")
    root = installed_root
    with proc_mounted(root):
        xvfb = chroot(root, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "xvfb", "xauth")
        assert xvfb.returncode == 0, xvfb.stdout[-2000:] + xvfb.stderr[-2000:]
    set_default(root, KIOSK_X_SERVER="xvfb", KIOSK_SCREEN="1280x800x24")
    (root / "etc" / "dongli-desktop" / "kiosk.toml").write_text("attract = false\n", encoding="utf-8")
    for dropin in (root / "etc" / "systemd" / "system").glob("dongli-kiosk*.service.d"):
        shutil.rmtree(dropin)  # no settings of a test's own: the units as the package ships them
    return root


def kiosk_is_up(box: Container, other_than: str = "") -> str | None:
    """The kiosk app's MainPID once it is active (READY=1) and not ``other_than``."""
    now = box.show(KIOSK, "ActiveState", "MainPID")
    pid = now.get("MainPID", "0")
    return pid if now.get("ActiveState") == "active" and pid not in ("0", other_than) else None


def painted(box: Container, shot: Path) -> bool:
    """The screen shows the kiosk: a screenshot of display :7 with more than 30 colours."""
    if box.on_display("/usr/bin/import", "-window", "root", str(shot)).returncode != 0:
        return False
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    return len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}) > 30


def back_on_screen(box: Container, before: str, shot: Path, what: str) -> str:
    pid = str(wait_until(lambda: kiosk_is_up(box, before), 300, 0.5, f"the kiosk to come back after {what}"))
    wait_until(lambda: painted(box, shot), 120, 0.5, f"the kiosk to be painted after {what}")
    return pid


def journal(box: Container, unit: str) -> str:
    return box.sh("journalctl", "-u", unit, "-o", "cat", "--no-pager").stdout


def test_kiosk_comes_up_by_itself_and_after_each_piece_is_killed(kiosk_root, tmp_path):
    shot = tmp_path / "kiosk-systemd.png"
    with booted(kiosk_root, tmp_path / "nspawn.log") as box:
        pid = str(wait_until(lambda: kiosk_is_up(box), 300, 0.5, "dongli-kiosk.service to be active at boot"))
        assert box.show(SCREEN, "ActiveState")["ActiveState"] == "active"
        blanking = box.on_display("xset", "q").stdout  # the package's X session: screen blanking off
        assert re.search(r"timeout:\s+0\b", blanking) and "prefer blanking:  no" in blanking, blanking
        wait_until(lambda: painted(box, shot), 120, 0.5, "the kiosk to be painted")
        keep_screenshot(shot)

        box.sh("systemctl", "kill", "--kill-whom=main", "--signal=SIGKILL", KIOSK)  # the app crashes
        pid = back_on_screen(box, pid, shot, "the app was killed")

        [openbox] = box.pids("openbox")  # the window manager dies: the session starts it again
        os.kill(openbox, signal.SIGKILL)
        wait_until(lambda: [p for p in box.pids("openbox") if p != openbox], 120, 0.5, "openbox to be started again")
        wait_until(lambda: "window id" in box.on_display("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").stdout,
                   120, 0.5, "openbox to manage the screen again")
        assert kiosk_is_up(box) == pid  # the app kept running meanwhile

        [xvfb] = box.pids("Xvfb")  # the X server dies: the display restarts and takes the app with it
        os.kill(xvfb, signal.SIGKILL)
        pid = back_on_screen(box, pid, shot, "the X server was killed")

        box.sh("systemctl", "kill", "--kill-whom=main", "--signal=SIGKILL", SCREEN)  # the session script dies
        pid = back_on_screen(box, pid, shot, "the session script was killed")
        keep_screenshot(shot)


def test_kiosk_follows_a_display_that_fails_for_a_while_and_gives_up_with_a_reason(kiosk_root, tmp_path):
    shot = tmp_path / "kiosk-after-failures.png"
    with booted(kiosk_root, tmp_path / "nspawn.log") as box:
        pid = str(wait_until(lambda: kiosk_is_up(box), 300, 0.5, "dongli-kiosk.service to be active at boot"))
        # a wrong setting: the display fails and is retried; the kiosk cannot run meanwhile
        set_default(box.root, KIOSK_X_SERVER="wrong")
        restarts = int(box.show(SCREEN, "NRestarts")["NRestarts"])
        box.sh("systemctl", "restart", "--no-block", SCREEN)
        wait_until(lambda: int(box.show(SCREEN, "NRestarts")["NRestarts"]) >= restarts + 2, 300, 0.5,
                   "the display to fail and be retried")
        assert kiosk_is_up(box) is None
        # the setting is put right: nobody starts anything, the kiosk comes back with its display
        set_default(box.root, KIOSK_X_SERVER="xvfb")
        pid = back_on_screen(box, pid, shot, "the display started working again")

        # a display that keeps failing gives up, and says why
        box.sh("systemctl", "reset-failed", SCREEN)
        set_default(box.root, KIOSK_X_SERVER="wrong")
        box.sh("systemctl", "restart", "--no-block", SCREEN)
        # (between two tries the unit is "activating (auto-restart)"; "failed" is given up: Restart=always)
        wait_until(lambda: box.show(SCREEN, "ActiveState")["ActiveState"] == "failed", 600, 1,
                   "the display unit to give up")
        status = box.sh("systemctl", "status", "--no-pager", SCREEN).stdout  # what KIOSK.md tells the admin to run
        assert "Active: failed" in status and "Start request repeated too quickly" in status, status
        assert "KIOSK_X_SERVER must be xorg or xvfb, not wrong" in journal(box, SCREEN)  # and the reason
        assert kiosk_is_up(box) is None
        # once repaired, one start of the display brings the kiosk back too
        set_default(box.root, KIOSK_X_SERVER="xvfb")
        box.sh("systemctl", "reset-failed", SCREEN)
        box.sh("systemctl", "start", "--no-block", SCREEN)
        back_on_screen(box, pid, shot, "the repaired display was started")


def test_systemd_restarts_a_hung_kiosk_and_respects_an_admin_exit(kiosk_root, tmp_path):
    with booted(kiosk_root, tmp_path / "nspawn.log") as box:
        wait_until(lambda: kiosk_is_up(box), 300, 0.5, "dongli-kiosk.service to be active (READY=1)")
        first = box.show(KIOSK, "MainPID", "NRestarts", "WatchdogUSec")

        # hang the app: SIGSTOP; systemd's watchdog must abort and restart it
        stopped_at = time.monotonic()
        box.sh("systemctl", "kill", "--kill-whom=main", "--signal=SIGSTOP", KIOSK)

        def restarted() -> bool:
            now = box.show(KIOSK, "MainPID", "ActiveState", "NRestarts")
            return (now["ActiveState"] == "active" and now["MainPID"] not in ("0", first["MainPID"])
                    and int(now["NRestarts"]) > int(first["NRestarts"]))

        wait_until(restarted, 300, 0.5, "systemd to restart the hung app")
        assert "Watchdog timeout" in journal(box, KIOSK), journal(box, KIOSK)[-3000:]
        print(f"hung app restarted by the watchdog after {time.monotonic() - stopped_at:.0f} s "
              f"(WatchdogUSec={first['WatchdogUSec']})")

        # a SIGTERM from the kiosk user's own shell (not a stop the admin asked for) restarts the app too:
        # systemd counts that signal as a clean exit unless the unit says otherwise (RestartForceExitStatus)
        second = box.show(KIOSK, "MainPID", "NRestarts")
        box.sh("systemctl", "kill", "--kill-whom=main", "--signal=SIGTERM", KIOSK)  # as `kill` from a shell would

        def restarted_after_term() -> bool:
            now = box.show(KIOSK, "MainPID", "ActiveState", "NRestarts")
            return (now["ActiveState"] == "active" and now["MainPID"] not in ("0", second["MainPID"])
                    and int(now["NRestarts"]) > int(second["NRestarts"]))

        wait_until(restarted_after_term, 300, 0.5, "systemd to restart the app killed by SIGTERM")

        # an exit with code 0 stays exited: the app as the unit starts it, told to quit once ready
        override = box.root / "etc" / "systemd" / "system" / f"{KIOSK}.d"
        override.mkdir(parents=True, exist_ok=True)
        (override / "exit.conf").write_text(
            "[Service]\nExecStart=\nExecStart=/usr/bin/dongli-desktop --kiosk --kiosk-config "
            "/etc/dongli-desktop/kiosk.toml --quit-when-ready\n", encoding="utf-8")
        try:
            box.sh("systemctl", "daemon-reload")
            box.sh("systemctl", "restart", "--no-block", KIOSK)
            wait_until(lambda: box.show(KIOSK, "ActiveState", "Result", "ExecMainStatus")
                       == {"ActiveState": "inactive", "Result": "success", "ExecMainStatus": "0"}, 300, 0.3,
                       "the app to exit with code 0")
            # RestartSec=2: watch well past it; the unit must never come back
            gap, last = longest_gap(lambda: box.show(KIOSK, "ActiveState")["ActiveState"] == "inactive",
                                    seconds=8, interval=0.2)
            assert last and gap == 0.0, "an exit with code 0 was restarted"
        finally:
            shutil.rmtree(override)


def test_teardown_ends_the_container_even_when_a_check_fails_and_poweroff_never_finishes(kiosk_root, tmp_path):
    """The worst case of a failed readiness check: the test raises, and the container is not given time to
    power off (grace 0): killing its PID 1 must still end every process in it (systemd, journald, dbus, Xvfb,
    openbox, the app)."""
    with pytest.raises(RuntimeError, match="a readiness check timed out"), \
            booted(kiosk_root, tmp_path / "nspawn.log", grace=0) as box:
        wait_until(lambda: box.pids("Xvfb"), 300, 0.5, "the container's X server")
        namespace = box.namespace
        raise RuntimeError("a readiness check timed out")
    assert namespace is not None
    wait_until(lambda: not [p for p in leftover_processes() if pid_namespace(p) == namespace], 60, 0.2,
               "the container's processes to end")
