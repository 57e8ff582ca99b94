"""Text size from 100% to 200%: applied everywhere, re-laid out without clipping, remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dongli_desktop.cli import PAGES
from tests.gui.layout_checks import clipped


def test_buttons_step_through_sizes_and_persist(window, qtbot, tmp_path):
    assert not window.smaller.isEnabled()
    base_pt = QApplication.font().pointSizeF()
    title_height = window.app_title.sizeHint().height()
    for _ in range(4):
        qtbot.mouseClick(window.larger, Qt.MouseButton.LeftButton)
    assert window.scale == 2.0 and not window.larger.isEnabled()
    assert QApplication.font().pointSizeF() == pytest.approx(base_pt * 2)
    assert window.app_title.sizeHint().height() > title_height * 1.6
    assert window.scale_label.text() == "文字 200%"
    settings = (tmp_path / "settings.ini").read_text()
    assert "font_scale=2" in settings


def test_charts_follow_the_text_size(window):
    chart = window.page("overview").growth_chart
    small = chart.plot.height()
    window.set_scale(2.0)
    assert chart.plot.height() > small * 1.5


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_nothing_clipped_on_any_page(window, qtbot, size, scale):
    window.resize(*size)
    window.set_scale(scale)
    for name in PAGES:
        window.show_page(name)
        if name == "livelihood":
            window.page(name).build_chart()
        qtbot.wait(30)
        assert clipped(window) == [], (name, size, scale)


def test_the_clipping_check_catches_clipped_text(qtbot):
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    label = QLabel("东丽区2020年政府工作报告")
    button = QPushButton("查看原文")
    layout.addWidget(label)
    layout.addWidget(button)
    root.show()
    assert clipped(root) == []
    label.setFixedWidth(20)
    button.setFixedHeight(5)
    assert len(clipped(root)) == 2
