"""Exit code 70 as a person meets it: in a real X session (Xvfb + openbox), an unexpected error before the
event loop shows exactly one dialog (no traceback anywhere on screen or terminal) and the app exits 70."""

from __future__ import annotations

from tests.session.harness import wait_until

# Loaded by Python at start-up (PYTHONPATH): the main window's constructor fails, as a bug would.
BREAK_WINDOW = """
import os
import sys

sys.path.insert(0, os.getcwd())  # the checkout under test, as ``-m`` would (site runs before that)
import dongli_desktop.ui.main_window as target


def broken(*args, **kwargs):
    raise RuntimeError("broken on purpose")


target.MainWindow.__init__ = broken
"""


def test_error_before_the_event_loop_shows_one_dialog_and_exits_70(x_session, tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(BREAK_WINDOW, encoding="utf-8")
    app = x_session.start_app(extra_env={"PYTHONPATH": str(hooks)})

    def dialog() -> int | None:
        shown = app.top_levels()
        return shown[0] if len(shown) == 1 else None

    wid = int(wait_until(dialog, 60, 0.2, "the crash dialog"))  # type: ignore[arg-type]
    assert x_session.title(wid) == "程序出错"
    text = "程序遇到意外问题，需要重新启动。问题已记录在日志中。"
    assert x_session.controls(app, text)[text], "the dialog's message is not readable by a screen reader"
    x_session.screenshot(tmp_path / "crash-dialog.png")
    assert len(app.top_levels()) == 1  # one dialog, not one per error
    x_session.key("Return")
    wait_until(lambda: app.proc.poll() is not None, 30, 0.1, "the app to exit after the dialog")
    assert app.proc.returncode == 70
    output = app.output()
    assert "Traceback" not in output
    log = (app.log.parent / "data" / "dongli-desktop" / "logs" / "dongli-desktop.log").read_text(encoding="utf-8")
    assert "RuntimeError: broken on purpose" in log
