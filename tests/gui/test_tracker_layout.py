"""The tracker with a later edition loaded (result links, long sentences) fits the viewport at 1024×768
with 200 % text and in 大字模式: nothing runs under the scroll bar, nothing is cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from tests.conftest import SHIPPED_DB
from tests.gui.conftest import make_options
from tests.gui.layout_checks import clipped


@pytest.fixture()
def two_editions(tmp_path, dongli_2021_db):
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "dongli_2021.db").write_bytes(Path(dongli_2021_db).read_bytes())
    return folder


@pytest.mark.parametrize("look", [("--font-scale", "2"), ("--large", "--font-scale", "1.75")],
                         ids=["200%", "large175%"])
def test_tracker_rows_stay_inside_the_viewport(qtbot, tmp_path, two_editions, look):
    from dongli_desktop.ui.app import create_window

    win, code = create_window(make_options(tmp_path, "--size", "1024x768", "--db", str(SHIPPED_DB),
                                           "--editions", str(two_editions), *look))
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.show()
    win.resize(1024, 768)
    win.show_page("tracker")
    page = win.page("tracker")
    assert page.rows and any(row.result_link is not None for row in page.rows)
    viewport = page.scroll_area.viewport()
    qtbot.waitUntil(lambda: page.body.width() <= viewport.width(), timeout=5000)
    assert clipped(page) == []
    for widget in page.body.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(win) or widget.width() <= 0:
            continue
        right = widget.mapTo(viewport, widget.rect().topRight()).x()
        assert right < viewport.width(), (type(widget).__name__, widget.text()[:20], right, viewport.width())
    win.close()
