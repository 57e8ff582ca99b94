"""The harness itself, on the real app: it starts under openbox, is found through AT-SPI and obeys clicks."""

from __future__ import annotations

import pytest

from tests.session.harness import wait_until

pytestmark = pytest.mark.screenshot


def test_desktop_app_under_openbox_is_found_and_clicked(x_session):
    app = x_session.start_app("--size", "1000x640")
    wid = app.wait_window()
    geometry = x_session.geometry(wid)
    assert x_session.screen.contains(geometry), geometry
    assert "东丽区" in x_session.title(wid)
    search = x_session.click_control(app, "搜索")
    assert x_session.screen.contains(search)
    field = x_session.control(app, "搜索内容")  # the search page is showing now
    assert field.w > 100
    x_session.minimize(wid)
    wait_until(lambda: x_session.map_state(wid) == "IsUnMapped", 5, message="the window minimised")
    x_session.close_window(wid)
    wait_until(lambda: app.proc.poll() is not None, 10, message="the app closed by the window manager")
    assert app.proc.returncode == 0
