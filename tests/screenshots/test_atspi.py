"""A real screen-reader client (AT-SPI over D-Bus) reads the page names and a figure card."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.screenshot


def test_atspi_client_reads_pages_and_a_card():
    for tool in ("dbus-run-session", "Xvfb", "/usr/libexec/at-spi-bus-launcher"):
        if shutil.which(tool) is None and not (tool.startswith("/") and __import__("os").path.exists(tool)):
            pytest.fail(f"{tool} missing: tools/system-deps.sh installs it (make test does)")
    result = subprocess.run(["dbus-run-session", "--", "bash", "tools/atspi_check.sh", "86"], cwd=ROOT,
                            capture_output=True, text=True, timeout=180)
    out = result.stdout
    assert result.returncode == 0, out + result.stderr[-2000:]
    for page in ("首页", "2019 工作回顾", "2020 工作安排", "民生实事", "名词解释", "搜索"):
        assert f"page button: {page} -> check box | 打开“{page}”页面" in out
    assert "figure card: 地区生产总值增长 | 地区生产总值增长：2019年 4%；2020年目标 4.5%" in out
    assert "chart: 主要经济指标增长率 | 地区生产总值增长：2019年实际4%，2020年目标4.5%" in out
