"""The no-display check (dongli_desktop/core/display.py) against a real X server: it answers while the server
runs, and not once it is gone (libxcb, as Qt's xcb plug-in connects)."""

from __future__ import annotations

from dongli_desktop.core.display import x_server_answers
from tests.session.harness import XSession


def test_a_running_x_server_answers_the_check(tmp_path):
    with XSession(tmp_path, 640, 480, wm=False, atspi=False) as session:
        assert x_server_answers(session.display)
    assert not x_server_answers(session.display)  # the server is gone
