"""名词解释: every note, filterable as you type, each with the places it is mentioned.

List and note sit side by side when the page is wide enough (in characters of its font); on a narrow
page (small screen, large text) they take the whole width in turn: a tap on a term opens its note,
“← 全部名词” goes back, typing in the filter shows the list again.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop.core.models import GlossaryEntry, SourceRef
from dongli_desktop.core.repository import Report
from dongli_desktop.core.search import MAX_QUERY_CHARS, make_snippet, pinyin_letters, section_place
from dongli_desktop.ui.i18n import english
from dongli_desktop.ui.pages.base import Page, PageState
from dongli_desktop.ui.speech import speaker
from dongli_desktop.ui.theme import colour
from dongli_desktop.ui.widgets.common import make_label
from dongli_desktop.ui.widgets.reading_view import marked_html
from dongli_desktop.ui.widgets.speak_button import SpeakButton
from dongli_desktop.ui.widgets.wrap_list import WrapList

NARROW_CHARS = 30  # below this page width (in Chinese characters) list and note take turns
SHORT_LINES = 16  # a page fewer lines of its text high than this shows no title or intro above the list
PINYIN_WORDS = 24  # report words a pinyin filter may stand for


class GlossaryPage(Page):
    """Signals:
        sourceRequested(SourceRef): open a mention in the reading view.
        backRequested(str): 返回 was pressed after a link from another page (a search result) opened a note:
            back to that page (by name).
    """

    sourceRequested = Signal(object)
    backRequested = Signal(str)

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.report = report
        self.entries = report.glossary
        self.current: GlossaryEntry | None = None
        self.marked: tuple[tuple[int, int], ...] = ()  # spans of the definition a source link points at
        self.narrow = False
        self.showing_note = False  # narrow page: the note (True) or the list (False) has the width

        self.filter = QLineEdit()
        self.placeholders = (self.tr("输入词语筛选，例如：企业"), self.tr("例如：企业"))
        self.filter.setPlaceholderText(self.placeholders[0])
        self.filter.installEventFilter(self)
        self.filter.setAccessibleName(self.tr("筛选名词"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaxLength(MAX_QUERY_CHARS)
        self.filter.textChanged.connect(self.apply_filter)
        self.filter.textEdited.connect(lambda *_: self._show_note(False))
        self.list = WrapList()
        self.list.setAccessibleName(self.tr("名词列表"))
        for entry in self.entries:
            item = QListWidgetItem(f"（{entry.number}）{entry.term}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._item_changed)
        self.list.itemClicked.connect(lambda *_: self._show_note(True))
        self.list.itemActivated.connect(lambda *_: self._show_note(True))
        self.empty = make_label(self.tr("没有符合的名词。"), "muted")
        self.empty.hide()
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._follow)
        self.detail.setAccessibleName(self.tr("名词解释内容"))

        self.speak_button = None
        if speaker().available:
            self.speak_button = SpeakButton("", self._spoken_text, self.tr("朗读这条名词解释"))
        self.back_button = QPushButton(self.tr("← 全部名词"))
        self.back_button.setAccessibleName(self.tr("返回名词列表"))
        self.back_button.clicked.connect(lambda *_: self._show_note(False))
        self.back_button.hide()
        self.left_box = QWidget()
        left = QVBoxLayout(self.left_box)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.filter)
        left.addWidget(self.empty)
        left.addWidget(self.list, 1)
        columns = QHBoxLayout()
        columns.addWidget(self.left_box, 2)
        self.right_box = QWidget()
        right = QVBoxLayout(self.right_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.detail, 1)
        if self.speak_button is not None:
            right.addWidget(self.speak_button, 0, Qt.AlignmentFlag.AlignRight)
        columns.addWidget(self.right_box, 3)
        self.return_to = ""  # the page a link came from (its 返回 button shows while this is set)
        self.return_button = QPushButton()
        self.return_button.setObjectName("tool")
        self.return_button.clicked.connect(lambda *_: self._go_back())
        self.return_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.return_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.title = make_label(self.tr("名词解释"), "pageTitle")
        layout.addWidget(self.title)
        intro = self.tr("报告最后的 {n} 条注释，以及它们在报告中出现的地方。").format(n=len(self.entries))
        if english():
            intro += " " + self.tr("注释和报告原文为中文，按原样显示。")
        if not self.entries:  # a report without a notes list: say so instead of an empty list and note
            intro = self.tr("这份报告没有名词解释：报告最后没有注释。")
            self.left_box.hide()
            self.right_box.hide()
        self.intro = make_label(intro, "muted")
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)
        self.list.setCurrentRow(0)

    def offer_return(self, page: str = "", title: str = "") -> None:
        """After a link from ``page`` (called ``title``), e.g. a search result: a 返回 button back to it; ""
        takes it away."""
        self.return_to = page
        self.return_button.setText(self.tr("← 返回“{page}”").format(page=title))
        self.return_button.setAccessibleName(self.tr("返回“{page}”").format(page=title))
        self.return_button.setToolTip(self.tr("回到您刚才所在的地方"))
        self.return_button.setVisible(bool(page))

    def _go_back(self) -> None:
        page = self.return_to
        self.offer_return()
        if page:
            self.backRequested.emit(page)

    def _show_note(self, note: bool) -> None:
        self.showing_note = note
        self._arrange()

    def _arrange(self) -> None:
        """Side by side when the page is wide enough, else list or note over the whole width."""
        em = max(1, self.list.fontMetrics().horizontalAdvance("中"))
        self.narrow = (self.width() - 48) / em < NARROW_CHARS
        note = self.showing_note and self.current is not None
        focus = QApplication.focusWidget()
        # the half that takes the width takes the keyboard focus from the half that goes (else Qt passed it on
        # to the top bar's English: a stray Enter switched the language; elderly reader's pass)
        heir: QWidget | None = None
        if focus is not None:
            heir = self.detail if self.left_box.isAncestorOf(focus) else \
                self.list if self.right_box.isAncestorOf(focus) else None
        self.left_box.setVisible(bool(self.entries) and (not self.narrow or not note))
        self.right_box.setVisible(bool(self.entries) and (not self.narrow or note))
        self.back_button.setVisible(self.narrow and note)
        if heir is not None and heir.isVisibleTo(self) and focus is not None and not focus.isVisibleTo(self):
            heir.setFocus(Qt.FocusReason.OtherFocusReason)
        # A short page (large text on a laptop) gives the list or note the lines of the title (the
        # navigation names the page) and of the intro; a narrow note gets the intro's lines too.
        line = max(1, self.list.fontMetrics().lineSpacing())
        short = self.height() / line < SHORT_LINES
        self.title.setVisible(not short)
        self.intro.setVisible(not short and not (self.narrow and note))
        self._fit_placeholder()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """The filter's hint is fitted whenever the filter changes width."""
        if obj is self.filter and event.type() == QEvent.Type.Resize:
            self._fit_placeholder()
        return super().eventFilter(obj, event)

    def _fit_placeholder(self) -> None:
        """The longest hint that fits the filter whole: an elided hint loses its example."""
        metrics = self.filter.fontMetrics()
        room = self.filter.width() - 2 * metrics.horizontalAdvance("中")  # frame, padding, cursor
        fitting = next((t for t in self.placeholders if metrics.horizontalAdvance(t) <= room), self.placeholders[-1])
        if fitting != self.filter.placeholderText():
            self.filter.setPlaceholderText(fitting)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def apply_filter(self, text: str) -> None:
        """Show the notes whose term or text holds what is typed, or a report word its letters are the
        pinyin or initials of (``shuangwan``, ``swsf`` → 双万双服促发展); nothing matching clears the note."""
        needle = text.strip().casefold()
        letters = pinyin_letters(text)
        words = [w.word for w in self.report.words_for_pinyin(letters, PINYIN_WORDS)] if letters else []
        first_visible = None
        for row, entry in enumerate(self.entries):
            match = (not needle or needle in entry.term.casefold() or needle in entry.definition.casefold()
                     or any(w in entry.term or w in entry.definition for w in words))
            self.list.item(row).setHidden(not match)
            if match and first_visible is None:
                first_visible = row
        self.empty.setVisible(first_visible is None)
        if first_visible is None:
            self._clear_entry()
            return
        current = self.list.currentRow()
        if current < 0 or self.list.item(current).isHidden():
            self.list.setCurrentRow(first_visible)

    def _spoken_text(self) -> str:
        return f"{self.current.term}。{self.current.definition}" if self.current is not None else ""

    def _clear_entry(self) -> None:
        """No note matches: none is shown (the old one would look like a match)."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.current = None
        self.marked = ()
        self.detail.clear()
        if self.speak_button is not None:
            self.speak_button.setEnabled(False)
        self._show_note(False)

    def go_back(self) -> bool:
        """返回 to the page that opened the note, else from a note shown alone to the list."""
        return self._press_if_shown(self.return_button) or self._press_if_shown(self.back_button)

    def reset(self) -> None:
        self.filter.clear()
        self.list.setCurrentRow(0)
        self._show_note(False)

    def save_state(self) -> PageState:
        state: PageState = {"filter": self.filter.text()}
        if self.current is not None:
            state["entry"] = self.current.id
            state["marked"] = self.marked
            state["note"] = self.showing_note
        return state

    def restore_state(self, state: PageState) -> None:
        text = state.get("filter")
        if isinstance(text, str):
            self.filter.setText(text[:MAX_QUERY_CHARS])
        entry = state.get("entry")
        if isinstance(entry, int) and any(e.id == entry for e in self.entries):
            self.show_entry(entry, state.get("marked") or (), reveal=state.get("note") is not False)

    def visible_terms(self) -> list[str]:
        return [e.term for row, e in enumerate(self.entries) if not self.list.item(row).isHidden()]

    def _item_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None:  # another note: nothing to mark; on a narrow page the list stays
            self.show_entry(item.data(Qt.ItemDataRole.UserRole), reveal=False)

    def show_entry(self, glossary_id: int, spans: Sequence[tuple[int, int]] = (), reveal: bool = True) -> None:
        """Show a note; ``spans`` (offsets into its definition, e.g. 550家's quote) are highlighted.
        ``reveal``: on a narrow page the note takes the width (a link from elsewhere opens the note)."""
        entry = self.report.glossary_entry(glossary_id)
        self.current = entry
        kept: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if 0 <= start < end <= len(entry.definition) and not (kept and start < kept[-1][1]):
                kept.append((start, end))
        self.marked = tuple(kept)
        row = next(i for i, e in enumerate(self.entries) if e.id == glossary_id)
        if self.list.currentRow() != row:
            self.list.blockSignals(True)
            self.list.setCurrentRow(row)
            self.list.blockSignals(False)
        parts = [f"<h2 style='color:{colour('primary')}'>{html.escape(entry.term)}</h2>",
                 f"<p style='line-height:160%'>{marked_html(entry.definition, self.marked, bold=True)}</p>"]
        if entry.mentions:
            heading = self.tr("在报告中出现 {n} 处：").format(n=len(entry.mentions))
            parts.append(f"<h3>{html.escape(heading)}</h3>")
            for index, m in enumerate(entry.mentions):
                paragraph = self.report.paragraph(m.paragraph_id)
                snippet, spans = make_snippet(paragraph.text, [(m.start, m.end)])
                marked = marked_html(snippet, spans)
                part, title = section_place(self.report.sections, m.section_id, english())
                if part is not None:
                    title = self.tr("{part} · {section}").format(part=part, section=title)
                title = html.escape(title)
                parts.append(f"<p style='line-height:150%'><a href='mention:{index}'>{title}</a><br>{marked}</p>")
        else:
            never = self.tr("这个词只在注释中解释，报告正文中没有出现。")
            parts.append(f"<p style='color:{colour('figure')}'>{html.escape(never)}</p>")
        self.detail.setHtml("".join(parts))
        if self.speak_button is not None:
            self.speak_button.setEnabled(True)
            self.speak_button.set_key(f"glossary:{entry.id}")
        if reveal:
            self._show_note(True)

    def mention_ref(self, index: int) -> SourceRef:
        assert self.current is not None
        m = self.current.mentions[index]
        return SourceRef(paragraph_id=m.paragraph_id, spans=((m.start, m.end),), sentence=False)

    def _follow(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("mention:") and self.current is not None:
            self.sourceRequested.emit(self.mention_ref(int(target.split(":", 1)[1])))

    def apply_scale(self, scale: float) -> None:
        self.list.refresh()
        if self.current is not None:
            self.show_entry(self.current.id, self.marked, reveal=False)
        self._arrange()
