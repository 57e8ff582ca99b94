"""The installed kiosk under a real systemd: the throwaway Debian 12 with both packages is booted in
systemd-nspawn (systemd as PID 1 in the container), so the package's own units run unchanged but for
two things a container lacks: the display is Xvfb (KIOSK_X_SERVER=xvfb in /etc/default/dongli-kiosk,
as the package supports) and the display unit gets no VT or PAM login (a drop-in; Xvfb needs neither).

Checked: the kiosk app reaches `active` (READY=1 from the app, Type=notify) on the X session of the
package; a SIGSTOPped app misses its WatchdogSec= pings and systemd kills and restarts it; an app
that exits with code 0 (as the PIN-protected "退出程序" does) is not restarted (Restart=on-failure).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.packaging.conftest import chroot, keep_screenshot, proc_mounted
from tests.session.harness import longest_gap, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.screenshot]
NO_VT = """# In a container there is no VT and no login session; Xvfb needs neither.
[Service]
PAMName=
TTYPath=
StandardInput=null
UtmpIdentifier=
"""


def free_display() -> int:
    for number in range(20, 200):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise AssertionError("no free X display number")


class Container:
    """A booted systemd-nspawn container of ``root``; ``sh`` runs commands in it (nsenter)."""

    def __init__(self, root: Path, log: Path) -> None:
        self.root, self.log = root, log
        self.proc: subprocess.Popen | None = None
        self.leader = 0
        self.mounted: Path | None = None

    def boot(self) -> None:
        # nspawn keeps propagation mounts under /run/systemd/nspawn and refuses a /run on disk
        state = Path("/run/systemd/nspawn")
        if subprocess.run(["mountpoint", "-q", str(state)], check=False).returncode != 0:
            state.mkdir(parents=True, exist_ok=True)
            subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(state)], check=True)
            self.mounted = state
        with open(self.log, "wb") as out:
            # --register=no --keep-unit: no systemd (machined) on the host to register with
            self.proc = subprocess.Popen(["systemd-nspawn", "-q", "--register=no", "--keep-unit", "-D", str(self.root),
                                          "--console=pipe", "-b"], stdout=out, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)

        def leader() -> int:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(f"systemd-nspawn exited: {self.log.read_text(errors='replace')[-3000:]}")
            children = subprocess.run(["ps", "--ppid", str(self.proc.pid), "-o", "pid=,comm="], capture_output=True,
                                      text=True, check=False).stdout.split()
            return int(children[0]) if children and children[1:2] == ["systemd"] else 0

        self.leader = int(wait_until(leader, 60, 0.2, "systemd in the container"))
        wait_until(lambda: self.sh("systemctl", "is-system-running").stdout.strip() in ("running", "degraded"),
                   180, 0.5, "the container to finish booting")

    def sh(self, *argv: str, timeout: float = 60) -> subprocess.CompletedProcess:
        return subprocess.run(["nsenter", "-t", str(self.leader), "-a", *argv], capture_output=True, text=True,
                              timeout=timeout, check=False)

    def show(self, unit: str, *props: str) -> dict[str, str]:
        out = self.sh("systemctl", "show", unit, *(f"--property={p}" for p in props)).stdout
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)

    def shutdown(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.sh("systemctl", "poweroff", "--no-block")
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, 9)
                self.proc.wait(timeout=30)
        if self.mounted is not None:
            subprocess.run(["umount", str(self.mounted)], check=False)


@pytest.fixture()
def kiosk_container(installed_root, tmp_path):
    for tool in ("systemd-nspawn", "nsenter", "xset", "/usr/bin/import"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} missing: tools/system-deps.sh installs it (make test does)")
    root = installed_root
    with proc_mounted(root):
        xvfb = chroot(root, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "xvfb", "xauth")
        assert xvfb.returncode == 0, xvfb.stdout[-2000:] + xvfb.stderr[-2000:]
    number = free_display()
    default = root / "etc" / "default" / "dongli-kiosk"
    text = default.read_text(encoding="utf-8")
    text = re.sub(r"^KIOSK_X_SERVER=.*$", "KIOSK_X_SERVER=xvfb", text, flags=re.MULTILINE)
    text = re.sub(r"^KIOSK_DISPLAY=.*$", f"KIOSK_DISPLAY=:{number}", text, flags=re.MULTILINE)
    text = re.sub(r"^DISPLAY=.*$", f"DISPLAY=:{number}", text, flags=re.MULTILINE)
    default.write_text(text + "KIOSK_SCREEN=1280x800x24\n", encoding="utf-8")
    (root / "etc" / "dongli-desktop" / "kiosk.toml").write_text("attract = false\n", encoding="utf-8")
    dropin = root / "etc" / "systemd" / "system" / "dongli-kiosk-display.service.d"
    dropin.mkdir(parents=True, exist_ok=True)
    (dropin / "no-vt.conf").write_text(NO_VT, encoding="utf-8")
    container = Container(root, tmp_path / "nspawn.log")
    try:
        container.boot()
        yield container, f":{number}"
    finally:
        container.shutdown()


def test_systemd_restarts_a_hung_kiosk_and_respects_an_admin_exit(kiosk_container, tmp_path):
    box, display = kiosk_container
    wait_until(lambda: box.show("dongli-kiosk.service", "ActiveState")["ActiveState"] == "active", 120, 0.5,
               "dongli-kiosk.service to be active (READY=1)")
    first = box.show("dongli-kiosk.service", "MainPID", "NRestarts", "WatchdogUSec")
    assert int(first["MainPID"]) > 0

    # the package's X session: screen blanking off, the kiosk on screen
    env = dict(os.environ, DISPLAY=display)
    blanking = subprocess.run(["xset", "q"], env=env, capture_output=True, text=True, check=True).stdout
    assert re.search(r"timeout:\s+0\b", blanking) and "prefer blanking:  no" in blanking
    shot = tmp_path / "kiosk-systemd.png"

    def painted() -> bool:
        subprocess.run(["/usr/bin/import", "-display", display, "-window", "root", str(shot)], env=env, check=True)
        from PySide6.QtGui import QImage

        image = QImage(str(shot))
        return len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}) > 30

    wait_until(painted, 60, 0.5, "the kiosk to be painted")
    keep_screenshot(shot)
    print(f"screenshot: {shot}")

    # hang the app: SIGSTOP; systemd's watchdog must abort and restart it
    stopped_at = time.monotonic()
    box.sh("systemctl", "kill", "--kill-whom=main", "--signal=SIGSTOP", "dongli-kiosk.service")

    def restarted() -> bool:
        now = box.show("dongli-kiosk.service", "MainPID", "ActiveState", "NRestarts")
        return (now["ActiveState"] == "active" and now["MainPID"] not in ("0", first["MainPID"])
                and int(now["NRestarts"]) > int(first["NRestarts"]))

    wait_until(restarted, 120, 0.5, "systemd to restart the hung app")
    journal = box.sh("journalctl", "-u", "dongli-kiosk.service", "-o", "cat", "--no-pager").stdout
    assert "Watchdog timeout" in journal, journal[-3000:]
    print(f"hung app restarted by the watchdog after {time.monotonic() - stopped_at:.0f} s "
          f"(WatchdogUSec={first['WatchdogUSec']})")

    # an exit with code 0 stays exited: the app as the unit starts it, told to quit once ready
    override = box.root / "etc" / "systemd" / "system" / "dongli-kiosk.service.d"
    override.mkdir(parents=True, exist_ok=True)
    (override / "exit.conf").write_text(
        "[Service]\nExecStart=\nExecStart=/usr/bin/dongli-desktop --kiosk --kiosk-config "
        "/etc/dongli-desktop/kiosk.toml --quit-when-ready\n", encoding="utf-8")
    box.sh("systemctl", "daemon-reload")
    box.sh("systemctl", "restart", "--no-block", "dongli-kiosk.service")
    wait_until(lambda: box.show("dongli-kiosk.service", "ActiveState", "Result", "ExecMainStatus")
               == {"ActiveState": "inactive", "Result": "success", "ExecMainStatus": "0"}, 120, 0.3,
               "the app to exit with code 0")
    # RestartSec=2: watch well past it; the unit must never come back
    gap, last = longest_gap(lambda: box.show("dongli-kiosk.service", "ActiveState")["ActiveState"] == "inactive",
                            seconds=8, interval=0.2)
    assert last and gap == 0.0, "an exit with code 0 was restarted"
