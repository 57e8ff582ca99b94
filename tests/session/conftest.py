"""Fixtures for real-session tests: an X session with a window manager, ended after each test.

``x_session``: a 1280×800 session (Xvfb + openbox + D-Bus + AT-SPI).
``make_session(width, height, wm=True, atspi=True, display_user=None)``: more sessions of other sizes (with
``display_user``, Xvfb and openbox run as that user, as the kiosk package's display does), all ended at teardown.
A missing program fails the test with the package to install (never a skip).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.session.harness import XSession, missing_tools


@pytest.fixture()
def make_session(tmp_path) -> Iterator[Callable[..., XSession]]:
    missing = missing_tools()
    if missing:
        pytest.fail(f"real-session tests need {', '.join(missing)}: run tools/system-deps.sh (make test does)")
    sessions: list[XSession] = []

    def make(width: int = 1280, height: int = 800, wm: bool = True, atspi: bool = True,
             display_user: str | None = None) -> XSession:
        session = XSession(tmp_path / f"session{len(sessions)}", width, height, wm=wm, atspi=atspi,
                           display_user=display_user)
        sessions.append(session)
        session.__enter__()
        return session

    yield make
    for session in sessions:
        session.close()


@pytest.fixture()
def x_session(make_session) -> XSession:
    return make_session(1280, 800)
