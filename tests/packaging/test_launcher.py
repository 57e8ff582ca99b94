"""packaging/launch.py, the frozen entry script: the bundle's fonts.conf stands in for a missing system one."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.fixture
def launch():
    spec = importlib.util.spec_from_file_location("dongli_launch", ROOT / "packaging" / "launch.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def bundle(tmp_path):
    conf = tmp_path / "bundle" / "fontconfig" / "fonts.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text((ROOT / "packaging" / "linux" / "fonts.conf").read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path / "bundle"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is the Linux font back-end")
@pytest.mark.parametrize(("system_conf", "preset", "expected"), [
    (False, None, "bundle"),         # a minimal Debian: no /etc/fonts/fonts.conf
    (True, None, None),              # the system's configuration wins
    (False, "/srv/mine.conf", "/srv/mine.conf"),  # an explicit choice is kept
])
def test_fontconfig_file_only_when_the_system_has_none(launch, bundle, tmp_path, monkeypatch, system_conf, preset,
                                                       expected):
    system = tmp_path / "etc-fonts.conf"
    if system_conf:
        system.write_text("<fontconfig/>", encoding="utf-8")
    if preset is None:
        monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    else:
        monkeypatch.setenv("FONTCONFIG_FILE", preset)
    launch.use_bundled_fontconfig(bundle, system)
    want = str(bundle / "fontconfig" / "fonts.conf") if expected == "bundle" else expected
    assert os.environ.get("FONTCONFIG_FILE") == want


def test_bundled_fonts_conf_is_what_fontconfig_parses(tmp_path):
    """fc-match with only this file as configuration reports no error (fontconfig from Debian)."""
    if shutil.which("fc-match") is None:
        pytest.fail("fc-match (fontconfig) is not installed: tools/system-deps.sh installs it")
    env = dict(os.environ, FONTCONFIG_FILE=str(ROOT / "packaging" / "linux" / "fonts.conf"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), HOME=str(tmp_path))
    result = subprocess.run(["fc-match", "sans"], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 0 and result.stderr == "", result.stderr
