"""A booted systemd-nspawn container of the installed Debian 12 (tests/packaging/conftest.py's
``installed_root``), shared by the kiosk's systemd tests and the fleet update test."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

from tests.packaging.conftest import CONTAINER_PID_NAMESPACES, pid_namespace
from tests.session.harness import wait_until

DISPLAY = ":7"  # the package's default (resources/kiosk/default)
COOKIE = "/run/dongli-kiosk-display/xauth"  # the display's X authority (resources/kiosk/display-prepare)
X_SOCKETS = "/run/dongli-kiosk-display/socket/X11-unix"  # the display's socket folder (the same)
KIOSK = "dongli-kiosk.service"
SCREEN = "dongli-kiosk-display.service"


def through_socket_folder(folder: str, *argv: str) -> list[str]:
    """``argv`` (run as root) in a mount namespace of its own whose /tmp/.X11-unix holds links to the sockets in
    ``folder``, and an empty network namespace. The kiosk's X server listens only on its socket file (no abstract
    socket: -nolisten local), in a folder only root and dongli-display reach; libxcb looks for it in /tmp/.X11-unix
    alone, after the abstract name, which anyone may hold in a shared network namespace (a test does)."""
    link = 'mount -t tmpfs -o mode=0755 none /tmp/.X11-unix && for s in "$0"/X*; do ln -s "$s" /tmp/.X11-unix/; done'
    return ["unshare", "--mount", "--net", "--propagation", "private", "sh", "-c",
            f'mkdir -p /tmp/.X11-unix && {link} && exec "$@"', folder, *argv]


class Container:
    """A booted systemd-nspawn container of ``root``; ``sh`` runs commands in it (nsenter)."""

    def __init__(self, root: Path, log: Path) -> None:
        self.root, self.log = root, log
        self.proc: subprocess.Popen | None = None
        self.leader = 0
        self.namespace: int | None = None

    def _find_leader(self) -> int:
        """The container's PID 1 as the host sees it (systemd-nspawn's child), or 0."""
        assert self.proc is not None
        children = subprocess.run(["ps", "--ppid", str(self.proc.pid), "-o", "pid=,comm="], capture_output=True,
                                  text=True, check=False).stdout.split()
        return int(children[0]) if children and children[1:2] == ["systemd"] else 0

    def boot(self) -> None:
        # nspawn keeps propagation mounts under /run/systemd/nspawn and refuses one on disk. Each container gets a
        # tmpfs there in a mount namespace of its own: two test runs side by side (a shared CI host) then neither
        # share that folder nor unmount it under each other.
        private_state = ('mkdir -p /run/systemd/nspawn && mount -t tmpfs -o mode=0755 tmpfs /run/systemd/nspawn'
                         ' && exec "$@"')
        with open(self.log, "wb") as out:
            # --register=no --keep-unit: no systemd (machined) on the host to register with
            self.proc = subprocess.Popen(["unshare", "--mount", "--propagation", "private", "sh", "-c", private_state,
                                          "sh", "systemd-nspawn", "-q", "--register=no", "--keep-unit",
                                          "--private-network", "-D", str(self.root), "--console=pipe", "-b"],
                                         stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         start_new_session=True)

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

    def on_display(self, *argv: str, cookie: bool = True) -> subprocess.CompletedProcess:
        """A program of the host on the container's display, through the server's socket file (read through the
        container's root; see ``through_socket_folder``), with the display's cookie unless ``cookie`` is False."""
        auth = f"/proc/{self.leader}/root{COOKIE}" if cookie else "/dev/null"
        folder = f"/proc/{self.leader}/root{X_SOCKETS}"
        return subprocess.run(through_socket_folder(folder, "env", f"DISPLAY={DISPLAY}", f"XAUTHORITY={auth}", *argv),
                              capture_output=True, text=True, timeout=120, check=False)

    def as_user(self, user: str, group: str, *argv: str) -> subprocess.CompletedProcess:
        """``argv`` in the container as ``user`` (group ``group`` and the user's others), as its shell would run it."""
        return self.sh("setpriv", f"--reuid={user}", f"--regid={group}", "--init-groups", "--reset-env", *argv)

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


@contextlib.contextmanager
def booted(root: Path, log: Path, grace: float = 120) -> Iterator[Container]:
    container = Container(root, log)
    try:
        container.boot()
        yield container
    finally:
        container.shutdown(grace)


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


