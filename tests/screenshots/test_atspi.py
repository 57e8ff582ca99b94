"""A real screen-reader client (AT-SPI over D-Bus) reads the page names and a figure card."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.screenshot


def require_tools() -> None:
    for tool in ("dbus-run-session", "Xvfb"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} missing: tools/system-deps.sh installs it (make test does)")
    if not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        pytest.fail("at-spi2-core missing: tools/system-deps.sh installs it (make test does)")


def run_check(env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["dbus-run-session", "--", "bash", "tools/atspi_check.sh"], cwd=ROOT, capture_output=True,
                          text=True, timeout=180, env=env, check=False)


def test_atspi_client_reads_pages_and_a_card():
    require_tools()
    result = run_check()
    out = result.stdout
    assert result.returncode == 0, out + result.stderr[-2000:]
    for page in ("首页", "2019 工作回顾", "2020 工作安排", "民生实事", "名词解释", "搜索"):
        assert f"page button: {page} -> page tab | 打开“{page}”页面" in out
    assert "figure card: 地区生产总值增长 | 地区生产总值增长：2019年 预计4%；2020年目标 4.5%" in out
    assert "chart: 主要经济指标增长率 | 地区生产总值增长：2019年预计4%，2020年目标4.5%" in out


def test_atspi_check_reports_an_x_server_that_does_not_start(tmp_path):
    """An Xvfb that cannot start is named with its own error output, at once, not after fixed sleeps."""
    require_tools()
    fake = tmp_path / "bin"
    fake.mkdir()
    xvfb = fake / "Xvfb"
    xvfb.write_text("#!/bin/sh\necho '(EE) Fatal server error: Server is already active for display 86' >&2\n"
                    "exit 1\n", encoding="utf-8")
    xvfb.chmod(0o755)
    env = dict(os.environ, PATH=f"{fake}:{os.environ['PATH']}")
    started = time.monotonic()
    result = run_check(env)
    assert result.returncode != 0
    assert "Xvfb did not start" in result.stderr
    assert "Server is already active" in result.stderr  # Xvfb's own words are shown
    assert time.monotonic() - started < 15
