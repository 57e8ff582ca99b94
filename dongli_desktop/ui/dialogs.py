"""The About dialog and the glossary-term popup: text that wraps, a box that fits the screen."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop import __version__
from dongli_desktop.core.models import Document, GlossaryEntry
from dongli_desktop.ui.logs import LOG
from dongli_desktop.ui.qtapp import layout_of
from dongli_desktop.ui.widgets.common import make_label

if TYPE_CHECKING:
    from dongli_desktop.core.content import ContentStatus

ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
DIALOG_EM = 34  # a comfortable line length for a dialog, in characters
SCREEN_SHARE = 0.9  # a dialog never covers more of the screen than this


def chinese_date(text: str) -> str:
    """``2020-01-10`` as 2020年1月10日; anything else (``2020年1月``) as written, never an error."""
    match = ISO_DATE.fullmatch(text.strip())
    if match is None:
        return text
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return text
    return f"{year}年{month}月{day}日"


def grouped(digest: str, size: int = 8) -> str:
    """A long hexadecimal digest in space-separated groups, so it can wrap like words."""
    return " ".join(digest[i:i + size] for i in range(0, len(digest), size))


def within_screen(dialog: QWidget) -> None:
    """Size ``dialog`` to what it asks for, but never more than ``SCREEN_SHARE`` of its screen, and centre it."""
    parent = dialog.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    hint = dialog.sizeHint()
    width, height = min(hint.width(), int(room.width() * SCREEN_SHARE)), min(hint.height(),
                                                                            int(room.height() * SCREEN_SHARE))
    dialog.setMinimumSize(min(dialog.minimumSizeHint().width(), width), min(dialog.minimumSizeHint().height(), height))
    dialog.resize(width, height)
    dialog.move(room.center().x() - width // 2, room.center().y() - height // 2)


def _picture_folder() -> str:
    """Where a saved picture goes first: the user's Pictures folder if it exists, else the home folder (it opened
    in the program's own folder, among bench/, build/ and db/)."""
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return pictures if pictures and Path(pictures).is_dir() else str(Path.home())


def save_file_name(parent: QWidget, title: str, name: str, kinds: str) -> str:
    """Ask where to save a file (Qt's own dialog, in Chinese through ``i18n``), within the screen: at 200 % text
    the dialog was taller than a 1024×768 screen and its 保存 button below it. "" when the reader cancels."""
    dialog = QFileDialog(parent, title, _picture_folder(), kinds)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # sized and translated here, the same everywhere
    # Qt 6's own words here ("&Look in:", "Files of &type:") are not in its Chinese translation: ours
    label = QFileDialog.DialogLabel
    dialog.setLabelText(label.LookIn, QCoreApplication.translate("SaveDialog", "保存位置："))
    dialog.setLabelText(label.FileName, QCoreApplication.translate("SaveDialog", "文件名："))
    dialog.setLabelText(label.FileType, QCoreApplication.translate("SaveDialog", "文件类型："))
    dialog.setLabelText(label.Accept, QCoreApplication.translate("SaveDialog", "保存"))
    dialog.setLabelText(label.Reject, QCoreApplication.translate("SaveDialog", "取消"))
    dialog.selectFile(name)
    within_screen(dialog)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return ""
        return str(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()  # its file-system model and folder watch go with it


def tell(parent: QWidget, title: str, message: str) -> QMessageBox:
    """A short message with one 知道了 button, over ``parent``'s window, that does not block; plain text."""
    box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.NoButton,
                      parent.window())
    box.setTextFormat(Qt.TextFormat.PlainText)  # a path is never read as markup
    box.addButton(QCoreApplication.translate("Dialogs", "知道了"), QMessageBox.ButtonRole.AcceptRole)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class FittedDialog(QDialog):
    """A dialog whose text wraps at a readable width and scrolls when the screen is too small."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.body = QWidget()
        self.body.setObjectName("dialogBody")
        self.content = QVBoxLayout(self.body)
        self.content.setContentsMargins(0, 0, 8, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("dialogScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.body)
        self.scroll_area.viewport().setAutoFillBackground(False)  # the dialog's own background shows through
        self.body.setAutoFillBackground(False)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll_area, 1)
        outer.addLayout(self.buttons)

    def add_button(self, button: QPushButton) -> None:
        self.buttons.addWidget(button)

    def fit(self) -> None:
        """Size to the text at a readable line length, within the screen (the rest scrolls)."""
        self.ensurePolished()  # the stylesheet's heading sizes count
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        em = self.fontMetrics().height()
        width = DIALOG_EM * em
        height = 10_000
        if room is not None:
            width = min(width, int(room.width() * SCREEN_SHARE))
            height = int(room.height() * SCREEN_SHARE)
        margins = layout_of(self).contentsMargins()
        inner = width - margins.left() - margins.right() - self.scroll_area.verticalScrollBar().sizeHint().width()
        self.body.setMaximumWidth(16_777_215)
        needed = (self.content.totalHeightForWidth(inner) if self.content.hasHeightForWidth()
                  else self.body.sizeHint().height())
        total = needed + self.buttons.sizeHint().height() + margins.top() + margins.bottom() \
            + layout_of(self).spacing() + 4
        self.setMinimumSize(min(width, 320), min(total, height, 200))
        self.resize(width, min(total, height))
        if room is not None:
            self.move(room.center().x() - self.width() // 2, room.center().y() - self.height() // 2)


class AboutDialog(FittedDialog):
    """Where the content comes from, the version and the font licence.

    In kiosk mode nothing is said about installing software, checksums or content updates: that is for
    staff, on the desktop (``dongli-desktop content status``).
    """

    def __init__(self, document: Document, parent: QWidget | None = None, kiosk: bool = False,
                 status: Callable[[], ContentStatus] | None = None, opened_file: Path | None = None) -> None:
        super().__init__(parent)
        self.opened_file = opened_file  # shown: a file the user opened (--db, --editions), not installed content
        self.setWindowTitle(self.tr("关于本程序"))
        self.speech_hint = None
        layout = self.content
        layout.addWidget(make_label(self.tr("{district}{title} · 市民读本").format(
            district=document.district, title=document.title), "sectionTitle"))
        layout.addWidget(make_label(self.tr("版本 {v}").format(v=__version__), "muted"))
        source = self.tr("内容来源：《{title}》，{meeting}，{role}{speaker}。").format(
            title=document.full_title, meeting=document.meeting, role=document.speaker_title,
            speaker=document.speaker)
        if document.issued_on:
            source += self.tr("{issued}印发。").format(issued=chinese_date(document.issued_on))
        layout.addWidget(make_label(source))
        # no example title: an edition of another district has other sections (or no editorial ones)
        layout.addWidget(make_label(self.tr("本程序中的文字和数字全部来自报告原文，每个数字都可以点“查看原文”核对。"
                                            "报告原文没有的栏目标题（页面上注明“编者所加”）和通俗说明为编者所加。")))
        if not kiosk:  # checksums and update status are for staff, not for visitors at a kiosk
            layout.addWidget(make_label(self.tr("原文校验码（SHA-256）：{sha}").format(
                sha=grouped(document.source_sha256)), "muted"))
        layout.addWidget(make_label(self.tr("字体：思源黑体（Noto Sans SC），SIL 开源字体许可证 1.1。"), "muted"))
        layout.addWidget(make_label(self.tr("本程序完全离线运行，不收集任何个人信息。"), "muted"))
        self.kiosk = kiosk
        self.status_label = make_label("" if kiosk else self.content_status_text(status), "muted")
        self.status_label.setAccessibleName(self.tr("内容更新状态"))
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setVisible(not kiosk)
        layout.addWidget(self.status_label)
        from dongli_desktop.ui.speech import speaker

        if not speaker().available and not kiosk:
            self.speech_hint = make_label(self.tr(
                "朗读功能未启用：需要带普通话语音的语音引擎。在 Debian 上请安装 speech-dispatcher 和 "
                "speech-dispatcher-espeak-ng（sudo apt install speech-dispatcher speech-dispatcher-espeak-ng），"
                "然后重新启动本程序。"), "muted")
            self.speech_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.speech_hint)
        layout.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        self.close_button = close
        self.add_button(close)
        self.fit()


    def content_status_text(self, status: Callable[[], ContentStatus] | None = None) -> str:
        """For staff: which content edition is shown, its version, expiry, last check and last error.

        ``status`` reads it (default: :func:`core.content.content_status`); any failure to read it becomes a
        plain line, never an error in front of the reader."""
        try:
            if status is None:
                from dongli_desktop.core.content import content_status

                kiosk = getattr(self, "kiosk", False)
                status = lambda: content_status(kiosk=kiosk)  # noqa: E731 (a kiosk never reads its user's folder)
            st = status()
        except Exception as exc:  # noqa: BLE001 (About must open whatever the content folder holds)
            LOG.warning("about: content status unavailable: %s", exc)
            return self.tr("内容更新状态：暂时无法读取。")
        none = self.tr("无")
        if self.opened_file is not None:
            edition = self.tr("内容版本：正在显示本机文件“{name}”，不是随程序安装或经签名更新的版本").format(
                name=self.opened_file.name)
        elif st.source == "bundled" or st.version is None:
            edition = self.tr("内容版本：随程序安装的版本")
        else:
            edition = self.tr("内容版本：{edition}（第 {version} 版）").format(edition=st.edition, version=st.version)
        lines = [
            self.tr("内容更新状态（供工作人员参考）"),
            edition,
            self.tr("签名有效期至：{expires}").format(expires=st.expires or none),
            self.tr("上次检查更新：{when}").format(when=st.last_check or none),
            self.tr("上次错误：{error}").format(error=st.last_error or none),
        ]
        return "\n".join(lines)


class TermDialog(FittedDialog):
    """A glossary note shown over the text; can jump to the glossary page.

    Signals:
        glossaryRequested(int): show this note on the glossary page.
    """

    glossaryRequested = Signal(int)

    def __init__(self, entry: GlossaryEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(self.tr("名词解释"))
        self.content.addWidget(make_label(entry.term, "sectionTitle"))
        self.content.addWidget(make_label(entry.definition))
        self.content.addStretch(1)
        more = QPushButton(self.tr("在名词解释页查看"))
        more.clicked.connect(self._to_glossary)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        self.add_button(more)
        self.add_button(close)
        self.fit()

    def _to_glossary(self) -> None:
        self.glossaryRequested.emit(self.entry.id)
        self.accept()
