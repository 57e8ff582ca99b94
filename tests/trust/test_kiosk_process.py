"""The kiosk process cannot be attached to by another process of the kiosk user (PR_SET_DUMPABLE 0), and
it reads no fontconfig file of the kiosk user's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dongli_desktop.core import hardening
from tests.trust.test_kiosk_fifos import HANG_CEILING, ROOT

AFTER_RUN = ("import sys; from dongli_desktop.__main__ import main; "
             "from dongli_desktop.core.hardening import dumpable; import os; code = main(sys.argv[1:]); "
             "print('DUMPABLE', dumpable()); "
             "print('FONTCONFIG_FILE', os.environ.get('FONTCONFIG_FILE')); sys.exit(code)")


def run_after(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "c"),
               XDG_DATA_HOME=str(tmp_path / "d"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.run(check=False, args=[sys.executable, "-c", AFTER_RUN, "--size", "800x600",
                                             "--quit-when-ready", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=HANG_CEILING)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux only")
def test_the_started_kiosk_app_is_not_dumpable(tmp_path: Path):
    result = run_after(tmp_path, "--kiosk")
    assert result.returncode == 0, result.stderr
    assert "DUMPABLE 0" in result.stdout
    shipped = ROOT / "resources" / "fonts" / "kiosk-fonts.conf"
    assert f"FONTCONFIG_FILE {shipped}" in result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux only")
def test_the_desktop_app_stays_dumpable(tmp_path: Path):
    """Only the kiosk is locked down: a desktop reader's own debugger and core dumps keep working."""
    result = run_after(tmp_path, "--settings", str(tmp_path / "s.ini"))
    assert result.returncode == 0, result.stderr
    assert "DUMPABLE 1" in result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux only")
def test_forbid_ptrace_clears_the_dumpable_flag():
    code = ("from dongli_desktop.core import hardening as h; b = h.dumpable(); ok = h.forbid_ptrace(); "
            "print(b, ok, h.dumpable())")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         timeout=HANG_CEILING, env=dict(os.environ)).stdout.split()
    assert out == ["1", "True", "0"]


def test_forbid_ptrace_is_harmless_where_there_is_no_prctl(monkeypatch):
    monkeypatch.setattr(hardening.sys, "platform", "darwin")
    assert hardening.forbid_ptrace() is False and hardening.dumpable() is None


def test_the_kiosk_makes_itself_non_dumpable_before_it_reads_its_arguments(monkeypatch):
    """Until then another process of the kiosk user may open the new process's /proc/PID/root (and with it the
    display's socket file in the app's mount namespace) or /proc/PID/fd: the moment is kept as short as the
    entry point allows, before the option parser (which imports most of the command line's modules)."""
    from dongli_desktop import __main__ as entry
    from dongli_desktop import cli

    calls: list[str] = []
    monkeypatch.setattr(hardening, "forbid_ptrace", lambda: calls.append("non-dumpable") or True)

    def parser():
        calls.append("arguments parsed")
        raise SystemExit(2)

    monkeypatch.setattr(cli, "build_parser", parser)
    with pytest.raises(SystemExit):
        entry._main(["--kiosk", "--kiosk-config", "/nonexistent.toml"])
    assert calls == ["non-dumpable", "arguments parsed"]
