"""The frozen one-folder bundle (fixture ``bundle``, tests/frozen/conftest.py) starts offscreen with --screenshot."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from dongli_desktop.core.constants import PAGES
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
FATAL = re.compile(r"ImportError|ModuleNotFoundError|Traceback|could not load|Could not load", re.IGNORECASE)


def run_frozen(bundle, tmp_path, *args):
    exe = bundle / ("dongli-desktop.exe" if sys.platform == "win32" else "dongli-desktop")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"), QT_DEBUG_PLUGINS="0")
    return subprocess.run([str(exe), "--settings", str(tmp_path / "s.ini"), *args], env=env, capture_output=True,
                          text=True, timeout=180, cwd=tmp_path, check=False)


def test_frozen_app_renders_every_page(bundle, tmp_path):
    result = run_frozen(bundle, tmp_path, "--screenshot", str(tmp_path / "shots"))
    output = result.stdout + result.stderr
    log = (tmp_path / "data" / "dongli-desktop" / "logs" / "dongli-desktop.log").read_text(encoding="utf-8")
    assert result.returncode == 0, output[-3000:]
    assert not FATAL.search(output) and not FATAL.search(log), output[-3000:] + log[-3000:]
    shots = sorted((tmp_path / "shots").glob("*.png"))
    assert {shot.stem for shot in shots} == set(PAGES)  # one picture per page
    from PySide6.QtGui import QImage

    for shot in shots:
        image = QImage(str(shot))
        colours = {image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)}
        assert len(colours) > 20, f"{shot.name} looks blank"


def test_frozen_app_quits_when_ready_in_kiosk_mode(bundle, tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text("attract = false\n", encoding="utf-8")
    result = run_frozen(bundle, tmp_path, "--kiosk", "--kiosk-config", str(config), "--quit-when-ready")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert not FATAL.search(result.stdout + result.stderr)


def test_bundle_leaves_out_unused_qt(bundle):
    names = {p.name for p in bundle.rglob("*")}
    assert not any(n.startswith(("libQt6WebEngine", "libQt6Quick", "libQt6Qml", "libQt6Pdf", "libQt6Designer",
                                 "libavcodec")) for n in names)
    assert "libQt6TextToSpeech.so.6" in names  # read-aloud ships; it links QtMultimedia
    assert "dongli.db" in names and "NotoSansSC-Regular.subset.otf" in names


def test_bundle_names_no_build_machine_library_path(bundle):
    """No RUNPATH/RPATH into the build machine (e.g. a pyenv prefix under /root) survives finish.py."""
    offenders = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            dynamic = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=False).stdout
            for line in dynamic.splitlines():
                if line.split()[:1] in (["RUNPATH"], ["RPATH"]):
                    entries = line.split()[1].split(":")
                    offenders += [f"{path.name}: {e}" for e in entries
                                  if not e.startswith(("$ORIGIN", "/usr/lib/", "/lib/"))]
    assert offenders == []


def test_read_aloud_libraries_all_load(bundle):
    """QtTextToSpeech, its speechd plug-in and the mock plug-in that read-aloud starts on (then switches to
    speechd in a worker thread, so the window never freezes) find every library they need."""
    wanted = {"libQt6TextToSpeech.so.6", "libqtexttospeech_speechd.so", "libqtexttospeech_mock.so"}
    speech = [p for p in bundle.rglob("*") if p.name in wanted and not p.is_symlink()]
    assert {p.name for p in speech} == wanted
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    for lib in speech:
        ldd = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, env=env, check=False).stdout
        assert "not found" not in ldd, f"{lib.name}:\n{ldd}"


def test_frozen_content_status_finds_the_bundled_trust_anchor(bundle, tmp_path):
    """`content status` verifies an installed edition against the bundle's root.json and exits 0.

    The installed file is the bundled database without signed metadata: with the anchor found, status
    says it is not the publisher's signed content; without it, it says it cannot check at all.
    """
    from dongli_desktop.core.trust import machine_trust_dir

    if (machine_trust_dir() / "root.json").exists():
        pytest.fail(f"{machine_trust_dir()}/root.json exists here: it would hide the bundle's anchor")
    anchor = bundle / "_internal" / "resources" / "trust" / "root.json"
    assert anchor.read_bytes() == (ROOT / "resources" / "trust" / "root.json").read_bytes()
    content = tmp_path / "data" / "dongli-desktop" / "content"
    content.mkdir(parents=True)
    shutil.copyfile(ROOT / "db" / "dongli.db", content / "dongli.db")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([str(bundle / "dongli-desktop"), "content", "status", "--json"], env=env,
                            capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not FATAL.search(result.stdout + result.stderr), result.stderr
    status = json.loads(result.stdout)
    assert status["source"] == "bundled"
    problems = " ".join(status["problems"])
    assert "cannot check installed content" not in problems, problems  # the anchor was found and read
    assert "not the publisher's signed content" in problems, problems


def test_bundle_carries_the_libraries_a_minimal_debian_lacks(bundle):
    """build.spec bundles what PyInstaller leaves to the system but a minimal Debian 12 lacks (see
    tests/packaging/test_install.py), the fallback fonts.conf, and no FFmpeg utility libraries."""
    internal = bundle / "_internal"
    for soname in ("libGL.so.1", "libEGL.so.1", "libGLX.so.0", "libGLdispatch.so.0", "libxcb.so.1",
                   "libXau.so.6", "libXdmcp.so.6", "libwayland-client.so.0", "libwayland-cursor.so.0",
                   "libwayland-egl.so.1"):
        assert (internal / soname).exists(), soname
    assert "<fontconfig>" in (internal / "fontconfig" / "fonts.conf").read_text(encoding="utf-8")
    names = {p.name for p in bundle.rglob("*")}
    assert not any(n.startswith(("libavutil", "libswresample", "libswscale", "libdrm.so")) for n in names)
