"""搜索: as-you-type results with highlighted snippets, counts, topic chips and pinyin candidates."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from dongli_desktop.core.models import SearchHit, SearchResult, SourceRef
from dongli_desktop.core.repository import Report
from dongli_desktop.core.search import (
    MAX_QUERY_CHARS,
    Candidates,
    pinyin_candidates,
    section_place,
)
from dongli_desktop.ui.i18n import english
from dongli_desktop.ui.pages.base import Page, PageState
from dongli_desktop.ui.widgets.common import ChipGroup, make_label, scroll_page
from dongli_desktop.ui.widgets.flow import FlowWidget
from dongli_desktop.ui.widgets.reading_view import marked_html

if TYPE_CHECKING:
    from dongli_desktop.ui.kiosk.keyboard import (
        OnScreenKeyboard,  # imported in kiosk mode only
    )

# Each a literal QT_TRANSLATE_NOOP, so lupdate files the topic names under "SearchTopics" (topic_label).
# PySide6's stubs type QT_TRANSLATE_NOOP as returning object; it returns its text.
TOPIC_CHIPS: tuple[str, ...] = (  # type: ignore[assignment]
    QT_TRANSLATE_NOOP("SearchTopics", "养老"), QT_TRANSLATE_NOOP("SearchTopics", "教育"),
    QT_TRANSLATE_NOOP("SearchTopics", "就业"), QT_TRANSLATE_NOOP("SearchTopics", "医疗"),
    QT_TRANSLATE_NOOP("SearchTopics", "住房"), QT_TRANSLATE_NOOP("SearchTopics", "交通"),
    QT_TRANSLATE_NOOP("SearchTopics", "环境"), QT_TRANSLATE_NOOP("SearchTopics", "幼儿园"),
    QT_TRANSLATE_NOOP("SearchTopics", "高新技术企业"), QT_TRANSLATE_NOOP("SearchTopics", "还迁"),
)
TOPICS_CONTEXT = "SearchTopics"  # translation context of the topic names


def topic_label(term: str) -> str:
    """A topic chip's label: the report's word, led by its name in the interface's language when that is
    not Chinese (``Elderly care · 养老``: the search itself is for the report's Chinese word)."""
    name = QCoreApplication.translate(TOPICS_CONTEXT, term)
    return f"{name} · {term}" if name and name != term else term


DEBOUNCE_MS = 150
ROOM_FOR_TOPICS = 24  # lines of text the page must show to keep the topic chips above a list of hits
HIT_LINE_HEIGHT = 135  # % of the font: eight lines of hits fit above the folded kiosk keyboard at 1024×768
MIN_RESULT_LINES = 8  # fewer lines of hits in view: the list takes its whole height and the page scrolls
RESULTS_MIN_PX = 260


class SearchPage(Page):
    """Signals:
        sourceRequested(SourceRef): open a hit in the reading view or the glossary.
    """

    sourceRequested = Signal(object)

    def __init__(self, report: Report, debounce_ms: int = DEBOUNCE_MS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.report = report
        self.result: SearchResult | None = None
        self.field = QLineEdit()
        self.placeholders = (self.tr("输入要找的内容，例如：养老、幼儿园、PM2.5"), self.tr("例如：养老、幼儿园、PM2.5"),
                             self.tr("例如：养老"))
        self.field.setPlaceholderText(self.placeholders[0])
        self.field.installEventFilter(self)
        self.field.setAccessibleName(self.tr("搜索内容"))
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(MAX_QUERY_CHARS)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _: self.timer.start())
        self.field.returnPressed.connect(self.run_search)
        self.candidates: Candidates | None = None
        self.candidate_buttons: list[QPushButton] = []
        self.candidate_label = make_label("", "muted")
        self.candidate_row = FlowWidget(spacing=8)
        self.candidate_row.setAccessibleName(self.tr("拼音候选词"))
        self.candidate_label.hide()
        self.candidate_row.hide()
        # the common topics this edition's text mentions (another district's report may have no 还迁)
        self.topics = [t for t in TOPIC_CHIPS if report.contains_words(t)]
        self.chips = ChipGroup([(t, topic_label(t)) for t in self.topics], exclusive=False)
        self.chips.chosen.connect(self.search_for)
        self.status = make_label("", "muted")
        self.results = QTextBrowser()
        self.results.setOpenLinks(False)
        self.results.anchorClicked.connect(self._follow)
        self.results.setAccessibleName(self.tr("搜索结果"))

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        self.title = make_label(self.tr("搜索"), "pageTitle")
        layout.addWidget(self.title)
        layout.addWidget(self.field)
        layout.addWidget(self.candidate_label)
        layout.addWidget(self.candidate_row)
        self.topics_label = make_label(self.tr("常用主题："), "muted")
        layout.addWidget(self.topics_label)
        layout.addWidget(self.chips)
        self.keyboard: OnScreenKeyboard | None = None
        self.layout_ = layout
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.results.setMinimumHeight(RESULTS_MIN_PX)  # with very large text the page scrolls instead of squeezing
        self.body = body
        self.grown = False  # the hits take their whole height (a short page scrolls as one)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.page_scroll = scroll_page(body)
        self.outer.addWidget(self.page_scroll, 1)
        self.run_search()

    def show_keyboard(self) -> None:
        """Kiosk mode: our own pinyin keyboard, docked below the page so it never covers the field
        and never scrolls away (keys outside a kinetic scroll area answer a tap at once)."""
        from dongli_desktop.ui.kiosk.keyboard import OnScreenKeyboard

        if self.keyboard is None:
            self.keyboard = OnScreenKeyboard(self.report, self.field)
            go = self.keyboard.add_key("search", self.tr("搜索"), self._search_from_keyboard)
            go.setAccessibleName(self.tr("开始搜索"))
            self.keyboard.compactChanged.connect(lambda *_: QTimer.singleShot(0, self._fit_topics))
            self.outer.addWidget(self.keyboard, 0)
            self._fit_topics()

    def _search_from_keyboard(self) -> None:
        """The keyboard's 搜索 key: search now and fold the keys so the results get the room."""
        assert self.keyboard is not None
        self.keyboard.finish()
        self.run_search()

    def search_for(self, text: str) -> None:
        self.field.setText(text)
        self.run_search()

    def choose_candidate(self, word: str) -> None:
        """A pinyin candidate was picked: it replaces the letters, as an input method would,
        and the cursor goes back to the field (the button that had the focus is gone)."""
        self.search_for(word)
        self.field.setFocus()

    def run_search(self) -> None:
        self.timer.stop()
        text = self.field.text()
        result = self.report.search(text)
        self.result = result
        self._show_candidates(pinyin_candidates(text, self.report.words_for_pinyin), result)
        self._fit_topics()
        QTimer.singleShot(0, self, self._fit_results)  # after the hits are set and laid out
        if not result.terms:
            self.status.setText(self.tr("请输入文字，或点上面的主题。一个字、两个字或更多都可以。") if self.topics
                                else self.tr("请输入文字。一个字、两个字或更多都可以。"))
            self.results.setHtml("")
            return
        if result.count == 0:
            # The suggestions are the topic chips above (shown whenever nothing is found): buttons of a finger's
            # size, not small links in the text, and only topics this edition mentions.
            self.status.setText(self.tr("没有找到与“{q}”相关的内容。").format(q=result.query))
            advice = self.tr("可以换个说法，或者点上面的常用主题。") if self.topics else self.tr("可以换个说法再找。")
            self.results.setHtml(f"<p>{html.escape(advice)}</p>")
            return
        status = self.tr("找到 {n} 处与“{q}”相关的内容。").format(n=result.count, q=result.query)
        if result.truncated:
            status = self.tr("找到超过 {n} 处与“{q}”相关的内容，请再加一个词缩小范围。").format(
                n=result.count, q=result.query)
        if result.pinyin:
            status = self.tr("按拼音“{p}”查找“{q}”：").format(p=result.pinyin, q=result.query) + status
        self.status.setText(status)
        rows = []
        for index, hit in enumerate(result.hits):
            place = html.escape(self.hit_place(hit))
            rows.append(
                f"<p style='line-height:{HIT_LINE_HEIGHT}%; margin-bottom:10px'>"
                f"<a href='hit:{index}'><b>{place}</b></a>"
                f"<br>{marked_html(hit.snippet, hit.snippet_spans, bold=True)}</p>"
            )
        self.results.setHtml("".join(rows))

    def _fit_results(self) -> None:
        """On the desktop, a page that would leave the hits a box of a few lines (200 % text on a 768 px
        screen) gives them their whole height instead: one scroll, the page's, and no box inside it.
        The kiosk keeps its list above the docked keyboard."""
        if self.keyboard is not None:
            return
        line = self.results.fontMetrics().lineSpacing() * HIT_LINE_HEIGHT / 100
        top = self.results.mapTo(self.body, self.results.rect().topLeft()).y()
        bottom = self.layout_.contentsMargins().bottom()
        room = self.page_scroll.viewport().height() - top - bottom
        grow = room / max(1.0, line) < MIN_RESULT_LINES and bool(self.result and self.result.count)
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if grow else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        self.results.setVerticalScrollBarPolicy(policy)
        height = RESULTS_MIN_PX
        if grow:
            document = self.results.document()
            document.setTextWidth(self.results.viewport().width())
            height = max(RESULTS_MIN_PX, int(document.size().height()) + 2 * self.results.frameWidth() + 2)
        self.grown = grow
        if self.results.minimumHeight() != height:
            self.results.setMinimumHeight(height)

    def _fit_topics(self) -> None:
        """On a short page (small screen, large text) the topic chips give their room to the hits, and
        so does the page title when the kiosk keyboard is docked below (the navigation names the page);
        they come back when the field is cleared, nothing is found, or the page grows."""
        has_hits = self.result is not None and self.result.count > 0
        lines = self.page_scroll.height() / max(1, self.fontMetrics().lineSpacing())
        shown = not has_hits or lines >= ROOM_FOR_TOPICS
        self.topics_label.setVisible(shown and bool(self.topics))
        self.chips.setVisible(shown and bool(self.topics))
        self.title.setVisible(shown or self.keyboard is None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_topics()
        self._fit_placeholder()
        QTimer.singleShot(0, self, self._fit_results)  # once the layout has placed the list

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """The field's hint is fitted whenever the field changes width."""
        if obj is self.field and event.type() == QEvent.Type.Resize:
            self._fit_placeholder()
        return super().eventFilter(obj, event)

    def _fit_placeholder(self) -> None:
        """The longest hint that fits the field whole: an elided hint loses its examples."""
        room = self.field.width() - 2 * self.field.fontMetrics().horizontalAdvance("中")  # frame, padding, cursor
        metrics = self.field.fontMetrics()
        fitting = next((t for t in self.placeholders if metrics.horizontalAdvance(t) <= room), self.placeholders[-1])
        if fitting != self.field.placeholderText():
            self.field.setPlaceholderText(fitting)

    def hit_place(self, hit: SearchHit) -> str:
        """Where a hit is: the report's part (from the data, e.g. 2019年工作回顾) and the section."""
        if hit.kind == "glossary":
            return self.tr("名词解释：{t}").format(t=hit.section_title)
        part, section = section_place(self.report.sections, hit.section_id, english())
        if part is None:
            return hit.section_title
        return self.tr("{part} · {section}").format(part=part, section=section)

    def _show_candidates(self, candidates: Candidates | None, result: SearchResult) -> None:
        """Every word the letters may stand for, as buttons; the one searched for is checked."""
        self.candidates = candidates
        for button in self.candidate_buttons:
            button.hide()
            button.deleteLater()
        self.candidate_buttons = []
        shown = candidates is not None
        self.candidate_label.setVisible(shown)
        self.candidate_row.setVisible(shown)
        if candidates is None:
            return
        if result.pinyin:
            label = self.tr("拼音“{p}”可以是：").format(p=candidates.letters)
        else:
            label = self.tr("也可以按拼音“{p}”找：").format(p=candidates.letters)
        if candidates.more:
            label += self.tr("（列出最常见的 {n} 个，多打几个字母可以缩小范围）").format(n=len(candidates.words))
        self.candidate_label.setText(label)
        previous: QWidget = self.field
        for word in candidates.words:
            button = QPushButton(word)
            button.setObjectName("chip")
            button.setCheckable(True)
            button.setChecked(bool(result.pinyin) and word == result.query)
            button.setAccessibleName(word)
            description = self.tr("按拼音“{p}”的候选词，查找“{w}”").format(p=candidates.letters, w=word)
            button.setAccessibleDescription(description)
            button.clicked.connect(lambda *_, w=word: self.choose_candidate(w))
            self.candidate_row.add(button)
            button.show()  # added to a shown row: visible now, not after the next event loop turn
            QWidget.setTabOrder(previous, button)  # field → candidates → topics, as they are shown
            previous = button
            self.candidate_buttons.append(button)

    def candidate_words(self) -> list[str]:
        return [b.text() for b in self.candidate_buttons]

    def hit_ref(self, index: int) -> SourceRef:
        assert self.result is not None
        hit = self.result.hits[index]
        if hit.kind == "heading":  # a section's title: open its first paragraph
            return SourceRef(paragraph_id=hit.ref_id)
        if hit.kind == "paragraph":
            return SourceRef(paragraph_id=hit.ref_id, spans=hit.spans, sentence=False)
        shift = len(hit.section_title) + 1  # glossary spans count from "term：definition"
        spans = tuple((s - shift, e - shift) for s, e in hit.spans if s >= shift)
        return SourceRef(glossary_id=hit.ref_id, spans=spans)

    def _follow(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("hit:"):
            self.sourceRequested.emit(self.hit_ref(int(target[4:])))
        elif target.startswith("q:"):
            self.search_for(target[2:])

    def showEvent(self, event: QShowEvent) -> None:
        """Opening the page (navigation, Alt+6, Ctrl+F) puts the cursor in the field."""
        super().showEvent(event)
        self.field.setFocus()

    def save_state(self) -> PageState:
        return {"text": self.field.text()}

    def restore_state(self, state: PageState) -> None:
        text = state.get("text")
        if isinstance(text, str) and text:
            self.search_for(text)

    def reset(self) -> None:
        self.field.clear()
        if self.keyboard is not None:
            self.keyboard.reset()
        self.run_search()

    def apply_scale(self, scale: float) -> None:
        self.run_search()
        self._fit_placeholder()
