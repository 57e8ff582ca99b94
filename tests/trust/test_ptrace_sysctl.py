"""The kiosk package sets Yama's ``kernel.yama.ptrace_scope`` to 2 (only CAP_SYS_PTRACE may attach), so that
no process of the kiosk user can attach to the kiosk's helpers (speech-dispatcher, spawned by the app and
dumpable) or to the app should it ever become dumpable again; applied at install, not only at the next boot."""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYSCTL = "usr/lib/sysctl.d/60-dongli-kiosk.conf"


@pytest.fixture(scope="module")
def kiosk_deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("dpkg-deb") is None:
        pytest.fail("dpkg-deb is needed (Debian's dpkg; tools/system-deps.sh)")
    spec = importlib.util.spec_from_file_location("build_debs", ROOT / "packaging" / "debian" / "build_debs.py")
    assert spec is not None and spec.loader is not None
    build_debs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_debs)
    out = tmp_path_factory.mktemp("debs")
    work = Path(tempfile.mkdtemp())
    try:
        return Path(build_debs.build_kiosk(out, "0.1.0", build_debs.source_date_epoch(), work))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def members(deb: Path) -> dict[str, tuple[int, bytes]]:
    data = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True).stdout
    found: dict[str, tuple[int, bytes]] = {}
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for info in tar.getmembers():
            if info.isfile():
                handle = tar.extractfile(info)
                assert handle is not None
                found[info.name.removeprefix("./")] = (info.mode, handle.read())
    return found


def test_the_kiosk_package_ships_a_ptrace_scope_of_2(kiosk_deb: Path):
    files = members(kiosk_deb)
    assert SYSCTL in files, sorted(files)
    mode, text = files[SYSCTL]
    assert mode == 0o644
    settings = [line.split("=", 1) for line in text.decode().splitlines() if line.strip() and line[0] not in "#;"]
    assert ("kernel.yama.ptrace_scope", "2") in [(k.strip(), v.strip()) for k, v in settings]


def test_the_kiosk_package_turns_the_sysrq_key_off(kiosk_deb: Path):
    """A visitor with a USB keyboard must not power the kiosk off or reboot it with Alt+SysRq+O/B (Debian's
    default 438 allows both; systemd's 50-default.conf sets it, the package's 60- file comes later and wins)."""
    mode, text = members(kiosk_deb)[SYSCTL]
    settings = [line.split("=", 1) for line in text.decode().splitlines() if line.strip() and line[0] not in "#;"]
    assert [(k.strip(), v.strip()) for k, v in settings] == [("kernel.yama.ptrace_scope", "2"), ("kernel.sysrq", "0")]


def test_the_setting_is_applied_at_install(kiosk_deb: Path, tmp_path: Path):
    subprocess.run(["dpkg-deb", "-e", str(kiosk_deb), str(tmp_path / "control")], check=True)
    postinst = (tmp_path / "control" / "postinst").read_text(encoding="utf-8")
    assert f"systemd-sysctl /{SYSCTL}" in postinst


# The kiosk's X server ignores the keys that leave its screen (red-team pass, issue 19): a visitor's USB keyboard
# pressed Ctrl+Alt+F1…F6 and reached a text console with a login prompt; nothing switched back.
XORG_CONF = "usr/share/X11/xorg.conf.d/50-dongli-kiosk.conf"
DUMMY_SCREEN = 'Section "Device"\n Identifier "d"\n Driver "dummy"\nEndSection\nSection "Screen"\n Identifier "s"\n' \
               ' Device "d"\nEndSection\n'


def test_the_kiosk_package_ships_an_xorg_snippet_turning_off_vt_switching(kiosk_deb: Path):
    files = members(kiosk_deb)
    assert XORG_CONF in files, sorted(files)
    assert files[XORG_CONF][0] == 0o644


def test_xorg_reads_the_snippet_and_turns_vt_switching_off(kiosk_deb: Path, tmp_path: Path):
    """Debian's Xorg (dummy video driver, no screen needed) started with the package's file in its
    configuration folder logs both options and the disabled Composite extension as set from the configuration,
    "(**)", and comes up."""
    if shutil.which("Xorg") is None or not Path("/usr/lib/xorg/modules/drivers/dummy_drv.so").exists():
        pytest.fail("Xorg and its dummy driver are needed (xserver-xorg-core, xserver-xorg-video-dummy; "
                    "tools/system-deps.sh)")
    confdir = tmp_path / "conf.d"
    confdir.mkdir()
    (confdir / "50-dongli-kiosk.conf").write_bytes(members(kiosk_deb)[XORG_CONF][1])
    (tmp_path / "xorg.conf").write_text(DUMMY_SCREEN, encoding="utf-8")
    log = tmp_path / "Xorg.log"
    read, write = os.pipe()
    server = subprocess.Popen(["Xorg", "-displayfd", str(write), "-config", str(tmp_path / "xorg.conf"),
                               "-configdir", str(confdir), "-logfile", str(log), "-nolisten", "tcp", "-noreset",
                               "-novtswitch", "-sharevts", "-keeptty"],
                              pass_fds=(write,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as ready:
            display = ready.readline().strip()  # written once the server accepts clients; "" if it exited
        text = log.read_text(encoding="utf-8", errors="replace")
        assert display.isdigit(), text[-2000:]
        assert '(**) Option "DontVTSwitch" "true"' in text
        assert '(**) Option "DontZap" "true"' in text
        assert '(**) Extension "Composite" is disabled' in text  # red-team pass 10: overlay and redirection
    finally:
        server.terminate()
        server.wait(timeout=60)


# Power, reboot, suspend and hibernate keys of a visitor's keyboard are ignored (red-team pass 9): Debian tags every
# keyboard as a power switch and logind's defaults power off or suspend on those keys.
LOGIND_CONF = "usr/lib/systemd/logind.conf.d/60-dongli-kiosk.conf"
KEYS = ("HandlePowerKey", "HandlePowerKeyLongPress", "HandleRebootKey", "HandleRebootKeyLongPress",
        "HandleSuspendKey", "HandleSuspendKeyLongPress", "HandleHibernateKey", "HandleHibernateKeyLongPress")


def test_logind_reads_the_packages_drop_in_and_ignores_the_power_keys(kiosk_deb: Path, tmp_path: Path):
    """systemd's own discovery (``systemd-analyze cat-config --root``) finds the package's drop-in for logind and
    every power-related key is set to ignore in it."""
    if shutil.which("systemd-analyze") is None:
        pytest.fail("systemd-analyze is needed (package systemd; tools/system-deps.sh)")
    files = members(kiosk_deb)
    assert LOGIND_CONF in files, sorted(files)
    target = tmp_path / LOGIND_CONF
    target.parent.mkdir(parents=True)
    target.write_bytes(files[LOGIND_CONF][1])
    shown = subprocess.run(["systemd-analyze", "cat-config", f"--root={tmp_path}", "systemd/logind.conf"],
                           capture_output=True, text=True, check=True).stdout
    assert f"/{LOGIND_CONF}" in shown
    settings = dict(line.split("=", 1) for line in shown.splitlines() if "=" in line and line[0] not in "#;")
    assert {key: settings.get(key) for key in KEYS} == {key: "ignore" for key in KEYS}
