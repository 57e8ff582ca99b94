"""One on-screen keyboard docked under the pages, for every line edit that has none of its own.

A tap on the glossary filter (or any other field) opens it aimed at that field; changing page or the
idle reset closes it. The search page keeps the keyboard it docks itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from dongli_desktop.core.repository import Report
from dongli_desktop.ui.kiosk.keyboard import OnScreenKeyboard


class KeyboardDock(QWidget):
    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboardDock")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.idle_field = QLineEdit(self)  # a target for the keyboard while no field is chosen
        self.idle_field.hide()
        self.keyboard = OnScreenKeyboard(report, self.idle_field)
        self.close_button = QPushButton(self.tr("收起键盘"))
        self.close_button.setObjectName("keyWide")
        self.close_button.setAccessibleName(self.tr("收起键盘"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(lambda *_: self.close_keyboard())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        row.setContentsMargins(16, 0, 16, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.keyboard)
        layout.addLayout(row)
        self.hide()

    @property
    def field(self) -> QLineEdit | None:
        field = self.keyboard.field
        return None if field is self.idle_field else field

    def show_for(self, field: QLineEdit) -> None:
        self.keyboard.set_field(field)
        self.show()

    def close_keyboard(self) -> None:
        self.keyboard.set_field(self.idle_field)
        self.keyboard.reset()
        self.hide()


def attach(window: QWidget, report: Report) -> KeyboardDock:
    """Dock a keyboard at the bottom of ``window``'s central widget: the pages get shorter, nothing is covered."""
    central = window.centralWidget()  # type: ignore[attr-defined]
    dock = KeyboardDock(report, central)
    central.layout().addWidget(dock)
    return dock
