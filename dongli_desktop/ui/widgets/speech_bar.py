"""A bar at the foot of the window: what is being read aloud with a stop control, or why nothing is.

Its message wraps (to two or more lines on a narrow screen at 大字模式) and never sets the window's least
width: a long notice must not push the window's right edge and its buttons off the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from dongli_desktop.ui.speech import Speaker
from dongli_desktop.ui.widgets.common import make_label

SHOWN_CHARS = 24  # of the text being read, in the line
MESSAGE_LEAST_EM = 6  # the message's least width, in line heights; a longer message wraps


class SpeechBar(QWidget):
    """Hidden until read-aloud does something: "正在朗读：…" with 停止朗读, or a notice with 知道了."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speechBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.speaker: Speaker | None = None
        self.message = make_label("", "speechMessage", wrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.message.setMinimumWidth(self.message.fontMetrics().height() * MESSAGE_LEAST_EM)  # not the text's
        self.stop_button = QPushButton(self.tr("停止朗读"))
        self.stop_button.setObjectName("tool")
        self.stop_button.setAccessibleName(self.tr("停止朗读"))
        self.stop_button.clicked.connect(lambda *_: self.speaker.stop() if self.speaker is not None else None)
        self.dismiss_button = QPushButton(self.tr("知道了"))
        self.dismiss_button.setObjectName("tool")
        self.dismiss_button.setAccessibleName(self.tr("关闭朗读提示"))
        self.dismiss_button.clicked.connect(lambda *_: self.hide())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.stop_button)
        layout.addWidget(self.dismiss_button)
        self.hide()

    def follow(self, speaker: Speaker) -> None:
        """Show what ``speaker`` reads and what it reports."""
        self.speaker = speaker
        speaker.speakingChanged.connect(self.show_speaking)
        speaker.notice.connect(self.show_notice)
        self.show_speaking(speaker.speaking)

    def show_speaking(self, key: str) -> None:
        if not key:
            if self.stop_button.isVisible() or not self.dismiss_button.isVisible():
                self.hide()
            return
        text = self.speaker.speaking_text if self.speaker is not None else ""
        shown = text[:SHOWN_CHARS] + ("…" if len(text) > SHOWN_CHARS else "")
        self._set(self.tr("正在朗读：{text}").format(text=shown), stop=True)

    def show_notice(self, message: str) -> None:
        self._set(message, stop=False)

    def _set(self, message: str, stop: bool) -> None:
        self.message.setText(message)
        self.message.setAccessibleName(message)
        self.stop_button.setVisible(stop)
        self.dismiss_button.setVisible(not stop)
        self.show()
