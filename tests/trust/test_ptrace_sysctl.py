"""The kiosk package sets Yama's ``kernel.yama.ptrace_scope`` to 2 (only CAP_SYS_PTRACE may attach), so that
no process of the kiosk user can attach to the kiosk's helpers (speech-dispatcher, spawned by the app and
dumpable) or to the app should it ever become dumpable again; applied at install, not only at the next boot."""

from __future__ import annotations

import importlib.util
import io
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
