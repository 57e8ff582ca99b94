"""Fixtures for the Debian packages: the frozen bundle (shared with tests/frozen) and the two .deb files."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT, RUN_MARK
from tests.frozen.bundle import build_bundle
from tests.session.harness import SessionError, XSession, wait_until


def project_version() -> str:
    """The release's version: the one in dongli_desktop/__init__.py (pyproject.toml and the Makefile read it)."""
    from dongli_desktop import __version__

    return __version__


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    return build_bundle(tmp_path_factory)


@pytest.fixture(scope="session")
def debs(bundle, tmp_path_factory) -> dict[str, Path]:
    """Build both packages as `make deb` does; {"desktop": …, "kiosk": …}.

    DONGLI_TEST_DEBS=DIR uses the two packages already in DIR (`make deb`'s dist/), for re-running the install
    and systemd tests while working on them; CI leaves it unset and builds them from the sources."""
    given = os.environ.get("DONGLI_TEST_DEBS")
    if given:
        folder = Path(given)
        return {"desktop": next(folder.glob("dongli-desktop_*.deb")),
                "kiosk": next(folder.glob("dongli-kiosk_*_all.deb"))}
    out = tmp_path_factory.mktemp("debs")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "debian" / "build_debs.py"), "--bundle",
                             str(bundle), "--out", str(out), "--version", project_version()],
                            capture_output=True, text=True, timeout=1800, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    print(result.stdout)
    return {"desktop": next(out.glob("dongli-desktop_*.deb")), "kiosk": next(out.glob("dongli-kiosk_*_all.deb"))}


@pytest.fixture(scope="session")
def unpacked(debs, tmp_path_factory) -> Path:
    """Both packages' files extracted into one folder (as they would lie on the disk)."""
    root = tmp_path_factory.mktemp("unpacked")
    for deb in debs.values():
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True, timeout=600)
    return root


MIRROR = os.environ.get("DEBIAN_MIRROR", "http://deb.debian.org/debian")


CHROOT_ENV = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "DEBIAN_FRONTEND": "noninteractive", "HOME": "/root",
              "LANG": "C.UTF-8"}


def chroot(root: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run a command inside the throwaway Debian root."""
    return subprocess.run(["chroot", str(root), *args], capture_output=True, text=True, timeout=timeout,
                          env=CHROOT_ENV, check=False)


@contextlib.contextmanager
def proc_mounted(root: Path) -> Iterator[None]:
    """/proc inside the root while the block runs (the frozen app and maintainer scripts read it)."""
    subprocess.run(["mount", "-t", "proc", "proc", str(root / "proc")], check=True)
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(root / "proc")], check=False)


@dataclass
class OfflineInstall:
    """A minimal Debian 12 with only dongli-desktop installed, from the .deb alone, and what happened."""

    root: Path
    base_packages: set[str]  # dpkg-query -W right after debootstrap
    apt: subprocess.CompletedProcess  # apt-get install ./dongli-desktop_….deb without network or archive
    fetched: list[str]  # .deb files apt left in its cache (none: it fetched nothing)
    offscreen: subprocess.CompletedProcess  # /usr/bin/dongli-desktop --quit-when-ready, offscreen
    xcb: subprocess.CompletedProcess  # the same on xcb against an Xvfb of the host
    seconds: dict[str, float] = field(default_factory=dict)


def run_app(root: Path, platform: str, *env: str) -> subprocess.CompletedProcess:
    """Start /usr/bin/dongli-desktop --quit-when-ready inside the root (with /proc mounted)."""
    return chroot(root, "env", f"QT_QPA_PLATFORM={platform}", *env, "/usr/bin/dongli-desktop", "--quit-when-ready",
                  "--settings", f"/tmp/{platform}.ini", timeout=180)


@pytest.fixture(scope="session")
def offline_install(tmp_path_factory, debs) -> Iterator[OfflineInstall]:
    """debootstrap --variant=minbase bookworm (Debian's mirror; DEBIAN_MIRROR overrides it), then, with no
    network (its own network namespace, unshare -n) but the archive's package lists kept as debootstrap left
    them, `apt install ./dongli-desktop_….deb` exactly as README says it (Recommends included), and the app
    starts offscreen and on xcb. The app runs right here, before anything else is installed into the root, so
    it proves what a minimal Debian 12 has suffices."""
    if os.geteuid() != 0:
        pytest.fail("the install tests need root (debootstrap, chroot, systemd-nspawn); CI runs as root")
    for program in ("debootstrap", "unshare"):
        if shutil.which(program) is None:
            pytest.fail(f"{program} is not installed: tools/system-deps.sh installs it (make test does)")
    root = tmp_path_factory.mktemp("debian12")
    root.chmod(0o755)  # it becomes "/" of that system: pytest makes temporary folders 0700
    seconds: dict[str, float] = {}
    started = time.monotonic()
    result = subprocess.run(["debootstrap", "--variant=minbase", "bookworm", str(root), MIRROR],
                            capture_output=True, text=True, timeout=1200, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    seconds["debootstrap"] = time.monotonic() - started
    base = set(chroot(root, "dpkg-query", "-W", "-f", "${Package}\n").stdout.split())
    clean = chroot(root, "apt-get", "clean")  # debootstrap's downloaded .debs: a cache, not part of the system
    assert clean.returncode == 0, clean.stderr
    assert list((root / "var" / "lib" / "apt" / "lists").glob("*_Packages")), "debootstrap left no package lists"
    deb = debs["desktop"]
    shutil.copy(deb, root / "tmp" / deb.name)
    with proc_mounted(root):
        started = time.monotonic()
        apt = subprocess.run(["unshare", "--net", "chroot", str(root), "apt", "install", "-y",
                              "-o", "Acquire::Retries=0", f"/tmp/{deb.name}"],
                             capture_output=True, text=True, timeout=900, check=False, env=CHROOT_ENV)
        seconds["offline apt install"] = time.monotonic() - started
        fetched = sorted(p.name for p in (root / "var" / "cache" / "apt" / "archives").glob("*.deb"))
        started = time.monotonic()
        offscreen = run_app(root, "offscreen")
        seconds["start offscreen"] = time.monotonic() - started
        with XSession(tmp_path_factory.mktemp("xcb"), 1280, 800, wm=False, atspi=False) as session:
            started = time.monotonic()  # Xvfb's abstract socket is reachable from the chroot (same network)
            xcb = run_app(root, "xcb", f"DISPLAY={session.display}")
            seconds["start xcb"] = time.monotonic() - started
    print({k: f"{v:.1f} s" for k, v in seconds.items()})
    yield OfflineInstall(root, base, apt, fetched, offscreen, xcb, seconds)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def installed_root(offline_install, debs, tmp_path_factory):
    """A copy of that Debian 12 with the kiosk package installed too: its Depends (X, openbox, speech) come from
    Debian's archive, so this step is online. A copy: the offline-install tests check the minimal system itself,
    and the fleet test (which comes first by name) boots a kiosk from this one."""
    root = tmp_path_factory.mktemp("debian12-kiosk")
    copied = subprocess.run(["cp", "-a", f"{offline_install.root}/.", str(root)], capture_output=True, text=True,
                            check=False, timeout=1800)
    assert copied.returncode == 0, copied.stderr
    shutil.copy("/etc/resolv.conf", root / "etc" / "resolv.conf")
    deb = debs["kiosk"]
    shutil.copy(deb, root / "tmp" / deb.name)
    with proc_mounted(root):
        started = time.monotonic()
        update = chroot(root, "apt-get", "update", "-qq")
        assert update.returncode == 0, update.stdout + update.stderr
        install = chroot(root, "apt-get", "install", "-y", "-qq", "--no-install-recommends", f"/tmp/{deb.name}",
                         timeout=1800)
        assert install.returncode == 0, install.stdout[-4000:] + install.stderr[-4000:]
        print(f"apt-get install of the kiosk package (online): {time.monotonic() - started:.0f} s")
    return root


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
    """The installed Debian 12 made ready to boot as a kiosk without a screen (KIOSK_X_SERVER=xvfb)."""
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


# -- nothing a packaging test starts outlives it -------------------------------------------------------------
CONTAINER_PID_NAMESPACES: set[int] = set()  # pid-namespace inodes of containers the tests booted


def pid_namespace(pid: int | str) -> int | None:
    try:
        return os.stat(f"/proc/{pid}/ns/pid").st_ino
    except OSError:
        return None


def leftover_processes() -> dict[int, str]:
    """Processes this test run started that still exist: those carrying its mark (tests/conftest.py RUN_MARK)
    and those inside a container it booted; {pid: command line}. pytest and its ancestors are not counted."""
    mark = f"{RUN_MARK[0]}={RUN_MARK[1]}".encode()
    ours = set()
    pid = os.getpid()
    while pid > 1:  # pytest and whatever started it
        ours.add(pid)
        try:
            pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) in ours:
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue  # gone meanwhile, or not ours to read
        if state == "Z":
            continue  # exited; its parent has not collected it yet
        if mark in environ or pid_namespace(entry.name) in CONTAINER_PID_NAMESPACES:
            found[int(entry.name)] = cmdline or f"[{entry.name}]"
    return found


@pytest.fixture(autouse=True)
def no_process_left_behind():
    """After every packaging test (its fixtures' teardown included, pass or fail): every process it started has
    ended. A test that leaves one fails, naming it; the processes are then killed so that others start clean."""
    yield
    try:
        wait_until(lambda: not leftover_processes(), 60, 0.2, "the processes this test started to end")
    except SessionError:
        left = leftover_processes()
        for pid in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        pytest.fail(f"processes left running after the test: {left}")


def keep_screenshot(path: Path) -> None:
    """Copy a screenshot to $DONGLI_KEEP_SCREENSHOTS (if set), to look at after pytest's tmp folders rotate."""
    folder = os.environ.get("DONGLI_KEEP_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)
