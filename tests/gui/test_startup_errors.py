"""Start-up failures: a clear Chinese message, a log entry, a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHIPPED_DB


def run_app(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run(check=False,
                          args=[sys.executable, "-m", "dongli_desktop", "--settings", str(tmp_path / "s.ini"), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def log_text(tmp_path: Path) -> str:
    return (tmp_path / "data" / "dongli-desktop" / "logs" / "dongli-desktop.log").read_text(encoding="utf-8")


def damaged(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.db"
    if kind == "missing":
        return path
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "noise":
        path.write_bytes(os.urandom(8192))
    elif kind == "truncated":
        path.write_bytes(SHIPPED_DB.read_bytes()[:20_000])
    elif kind == "version":
        shutil.copy(SHIPPED_DB, path)
        conn = sqlite3.connect(path)
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
        conn.commit()
        conn.close()
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [("missing", "找不到报告数据文件"), ("empty", "已损坏或不完整"), ("noise", "已损坏或不完整"),
     ("truncated", "已损坏或不完整"), ("version", "版本与本程序不符")],
)
def test_bad_database_is_reported_cleanly(tmp_path, kind, message):
    result = run_app(tmp_path, "--db", str(damaged(tmp_path, kind)))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert message in log_text(tmp_path)


def test_unreadable_font_stops_start_up_cleanly(qapp, tmp_path, monkeypatch, capsys):
    from dongli_desktop.cli import build_parser
    from dongli_desktop.ui import app, errors, style

    with pytest.raises(style.FontError):
        style.load_fonts(tmp_path)
    monkeypatch.setattr(style, "FONT_FILES", ("no-such-font.otf",))
    window, code = app.create_window(build_parser().parse_args(["--settings", str(tmp_path / "s.ini")]))
    assert window is None and code == errors.EXIT_FONT
    assert "无法加载程序自带的中文字体" in capsys.readouterr().err


def test_quit_when_ready_exits_zero(tmp_path):
    result = run_app(tmp_path, "--quit-when-ready", "--page", "plan")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_screenshot_writes_every_page(tmp_path):
    result = run_app(tmp_path, "--screenshot", str(tmp_path / "shots"), "--size", "1280x800")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "shots").iterdir())
    pages = ("overview", "review", "plan", "livelihood", "glossary", "search", "tracker")
    assert names == sorted(f"{n}.png" for n in pages)


def test_crash_handler_logs_shows_one_message_and_keeps_running(qapp, tmp_path, monkeypatch):
    import logging

    from dongli_desktop.ui import errors

    records = []
    handler = logging.Handler()
    handler.emit = records.append
    errors.LOG.addHandler(handler)
    exits = []
    monkeypatch.setattr(qapp, "exit", exits.append)
    shown = []
    monkeypatch.setattr(errors, "show_notice", lambda title, text: shown.append(text))
    crash = errors.CrashHandler()
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        crash(type(exc), exc, exc.__traceback__)
        crash(type(exc), exc, exc.__traceback__)
    errors.LOG.removeHandler(handler)
    assert exits == []  # an error in the event loop no longer ends the app (tests/trust/test_page_errors.py)
    assert len(shown) == 1 and "boom" not in shown[0]  # one plain message, however many errors follow
    assert any("boom" in r.getMessage() or (r.exc_info is None and "RuntimeError" in r.getMessage()) for r in records)


BREAK_AND_RUN = """
import sys
import {module} as target
def broken(*args, **kwargs):
    raise RuntimeError("broken on purpose")
setattr(target{attr_path}, broken)
from dongli_desktop.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    ("module", "attr_path", "args", "line"),
    [
        # before Qt exists: the command-line parser
        ("dongli_desktop.cli", ', "build_parser"', ["--quit-when-ready"],
         "dongli-desktop: unexpected error (RuntimeError)"),
        # Qt is up, before the event loop: building the window
        ("dongli_desktop.ui.main_window", '.MainWindow, "__init__"', ["--quit-when-ready"], "程序遇到意外问题"),
        # kiosk configuration handling, before the event loop
        ("dongli_desktop.core.config", ', "load_config"', ["--kiosk", "--quit-when-ready"], "程序遇到意外问题"),
        # a staff command
        ("dongli_desktop.commands.kiosk", ', "read_pin"', ["kiosk", "set-pin", "--stdin"],
         "unexpected error (RuntimeError)"),
    ],
)
def test_unexpected_error_before_the_event_loop_exits_70(tmp_path, module, attr_path, args, line):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    code = BREAK_AND_RUN.format(module=module, attr_path=attr_path)
    extra = ["--config", str(tmp_path / "k.toml")] if args[0] == "kiosk" else ["--settings", str(tmp_path / "s.ini")]
    result = subprocess.run(check=False, args=[sys.executable, "-c", code, *args, *extra], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, input="")
    assert result.returncode == 70, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert line in result.stderr
    assert len([x for x in result.stderr.splitlines() if x.strip()]) == 1  # one line, not a screenful
    assert "RuntimeError: broken on purpose" in log_text(tmp_path)  # the details are in the log
