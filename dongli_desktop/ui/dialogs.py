"""The About dialog and the glossary-term popup."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from dongli_desktop import __version__
from dongli_desktop.core.models import Document, GlossaryEntry
from dongli_desktop.ui.widgets.common import make_label


class AboutDialog(QDialog):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于本程序"))
        layout = QVBoxLayout(self)
        layout.addWidget(make_label(self.tr("东丽区政府工作报告 · 市民读本"), "sectionTitle"))
        layout.addWidget(make_label(self.tr("版本 {v}").format(v=__version__), "muted"))
        layout.addWidget(make_label(self.tr("内容来源：《{title}》，{meeting}，{role}{speaker}。{issued}印发。").format(
            title=document.full_title, meeting=document.meeting, role=document.speaker_title,
            speaker=document.speaker, issued=self._date(document.issued_on))))
        layout.addWidget(make_label(self.tr("本程序中的文字和数字全部来自报告原文，每个数字都可以点“查看原文”核对。"
                                            "各部分的栏目标题（如“总体成绩”）和通俗说明为编者所加。")))
        layout.addWidget(make_label(self.tr("原文校验码（SHA-256）：{sha}").format(sha=document.source_sha256), "muted"))
        layout.addWidget(make_label(self.tr("字体：思源黑体（Noto Sans SC），SIL 开源字体许可证 1.1。"), "muted"))
        layout.addWidget(make_label(self.tr("本程序完全离线运行，不收集任何个人信息。"), "muted"))
        from dongli_desktop.ui.speech import speaker

        if not speaker().available:
            self.speech_hint = make_label(self.tr(
                "朗读功能未启用：需要带普通话语音的语音引擎。在 Debian 上请安装 speech-dispatcher 和 "
                "speech-dispatcher-espeak-ng（sudo apt install speech-dispatcher speech-dispatcher-espeak-ng），"
                "然后重新启动本程序。"), "muted")
            layout.addWidget(self.speech_hint)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.setMinimumWidth(560)

    @staticmethod
    def _date(iso: str) -> str:
        year, month, day = (int(x) for x in iso.split("-"))
        return f"{year}年{month}月{day}日"


class TermDialog(QDialog):
    """A glossary note shown over the text; can jump to the glossary page.

    Signals:
        glossaryRequested(int): show this note on the glossary page.
    """

    glossaryRequested = Signal(int)

    def __init__(self, entry: GlossaryEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(self.tr("名词解释"))
        layout = QVBoxLayout(self)
        layout.addWidget(make_label(entry.term, "sectionTitle"))
        layout.addWidget(make_label(entry.definition))
        more = QPushButton(self.tr("在名词解释页查看"))
        more.clicked.connect(lambda: (self.glossaryRequested.emit(entry.id), self.accept()))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(more)
        row.addWidget(close)
        layout.addLayout(row)
        self.setMinimumWidth(520)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
