"""Screenshots under a real X server (Xvfb): every page, two screen sizes, normal and 200% text."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dongli_desktop.core.constants import PAGES
from tests.conftest import ROOT
from tests.session.harness import XSession, latin_only_fontconfig

pytestmark = pytest.mark.screenshot


@pytest.fixture(scope="module")
def xserver(tmp_path_factory):
    """A private Xvfb on a display it picks itself (-displayfd; the session harness, without a window manager)."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed: run tools/system-deps.sh (make test does)")
    with XSession(tmp_path_factory.mktemp("xvfb"), 1920, 1080, wm=False, atspi=False) as session:
        yield session.display


def distinct_colours(path: str) -> int:
    from PySide6.QtGui import QImage

    image = QImage(path)
    assert not image.isNull(), path
    colours = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colours.add(image.pixel(x, y))
    return len(colours)


@pytest.mark.parametrize("size", ["1920x1080", "1280x800"])
@pytest.mark.parametrize("scale", ["1.0", "2.0"])
def test_every_page_renders_without_clipping(xserver, tmp_path, size, scale, qapp):
    env = dict(os.environ, DISPLAY=xserver, QT_QPA_PLATFORM="xcb", XDG_DATA_HOME=str(tmp_path / "data"),
               FONTCONFIG_FILE=str(latin_only_fontconfig(tmp_path)))
    out = tmp_path / f"{size}-{scale}"
    result = subprocess.run([sys.executable, "-m", "tests.screenshots.render_pages", str(out), size, scale],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert sorted(report["pages"]) == sorted(PAGES)  # every page the window offers
    for name, png in report["pages"].items():
        assert distinct_colours(png) > 20, f"{name} looks blank"
    assert report["clipped"] == {name: [] for name in report["pages"]}
    keep = os.environ.get("DONGLI_KEEP_SCREENSHOTS")
    if keep:
        shutil.copytree(out, Path(keep) / out.name, dirs_exist_ok=True)


@pytest.mark.parametrize("geometry", ["1920x1080", "1080x1920"])
def test_kiosk_with_keyboard_open(tmp_path, geometry, qapp):
    width, height = (int(v) for v in geometry.split("x"))
    with XSession(tmp_path / "x", width, height, wm=False, atspi=False) as session:
        config = tmp_path / "kiosk.toml"
        config.write_text("attract = true\n", encoding="utf-8")
        env = dict(os.environ, DISPLAY=session.display, QT_QPA_PLATFORM="xcb", XDG_DATA_HOME=str(tmp_path / "data"),
                   FONTCONFIG_FILE=str(latin_only_fontconfig(tmp_path)))
        png = tmp_path / f"kiosk-{geometry}.png"
        result = subprocess.run([sys.executable, "-m", "tests.screenshots.render_kiosk", str(png), str(config)],
                                cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["window"] == [width, height]  # full screen, and nothing forced it wider
    assert report["small"] == [] and report["overlap"] is False
    assert report["candidates"][0] == "养老" and report["hits"] > 0
    assert distinct_colours(str(png)) > 20
    keep = os.environ.get("DONGLI_KEEP_SCREENSHOTS")
    if keep:
        shutil.copy(png, Path(keep) / png.name)
