"""朗读 as a control with state: it reads its item aloud, shows while that item is being read, and stops it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget

from dongli_desktop.ui import speech
from dongli_desktop.ui.speech import speaker


class SpeakButton(QPushButton):
    """A 朗读 link for one item (``key``): pressed, it reads ``text()``; while that item is read it shows
    ■ 停止朗读 (checked), and pressed again it stops. The speaker tells every button which item is read."""

    def __init__(self, key: str, text: Callable[[], str], description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("link")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setCheckable(True)
        self.key = key
        self._text = text
        self._description = description
        self.clicked.connect(lambda *_: self.toggle_reading())
        self._listening = False
        self._show("")
        self._listen()

    def _listen(self) -> None:
        """Follow the speaker once it exists (it is started after the first page is drawn, not by us)."""
        if not self._listening and speech.started():
            self._listening = True
            speaker().speakingChanged.connect(self._show)
            self._show(speaker().speaking)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._listen()

    def toggle_reading(self) -> None:
        self._listen()
        if self.reading:
            speaker().stop()
        else:
            speaker().say(self._text(), self.key)
        self._show(speaker().speaking)

    @property
    def reading(self) -> bool:
        """This button's item is being read now."""
        return bool(self.key) and speech.started() and speaker().speaking == self.key

    def _show(self, key: str) -> None:
        reading = bool(self.key) and key == self.key
        self.setChecked(reading)
        self.setText(self.tr("■ 停止朗读") if reading else self.tr("朗读"))
        self.setAccessibleName(self.tr("停止朗读") if reading else self.tr("朗读"))
        self.setAccessibleDescription(self.tr("正在朗读，按下停止") if reading else self._description)

    def set_key(self, key: str) -> None:
        """Another item (the glossary shows one note at a time)."""
        self.key = key
        self._show(speaker().speaking if speech.started() else "")
