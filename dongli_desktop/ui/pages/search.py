"""搜索: as-you-type results with highlighted snippets, counts, topic chips and pinyin fallback."""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtWidgets import QLineEdit, QTextBrowser, QVBoxLayout, QWidget

from dongli_desktop.core.models import SearchResult, SourceRef
from dongli_desktop.core.repository import Report
from dongli_desktop.ui.pages.base import Page
from dongli_desktop.ui.widgets.common import ChipGroup, make_label, scroll_page
from dongli_desktop.ui.widgets.reading_view import marked_html

TOPIC_CHIPS = ("养老", "教育", "就业", "医疗", "住房", "交通", "环境", "幼儿园", "高新技术企业", "还迁")
DEBOUNCE_MS = 150


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
        self.field.setPlaceholderText(self.tr("输入要找的内容，例如：养老、幼儿园、PM2.5"))
        self.field.setAccessibleName(self.tr("搜索内容"))
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(64)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _: self.timer.start())
        self.field.returnPressed.connect(self.run_search)
        self.chips = ChipGroup([(t, t) for t in TOPIC_CHIPS], exclusive=False)
        self.chips.chosen.connect(self.search_for)
        self.status = make_label("", "muted")
        self.results = QTextBrowser()
        self.results.setOpenLinks(False)
        self.results.anchorClicked.connect(self._follow)
        self.results.setAccessibleName(self.tr("搜索结果"))

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(make_label(self.tr("搜索"), "pageTitle"))
        layout.addWidget(self.field)
        layout.addWidget(make_label(self.tr("常用主题："), "muted"))
        layout.addWidget(self.chips)
        self.keyboard = None
        self.layout_ = layout
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.results.setMinimumHeight(260)  # with very large text the page scrolls instead of squeezing
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.addWidget(scroll_page(body), 1)
        self.run_search()

    def show_keyboard(self) -> None:
        """Kiosk mode: our own pinyin keyboard, docked below the page so it never covers the field
        and never scrolls away (keys outside a kinetic scroll area answer a tap at once)."""
        from dongli_desktop.ui.kiosk.keyboard import OnScreenKeyboard

        if self.keyboard is None:
            self.keyboard = OnScreenKeyboard(self.report, self.field)
            self.outer.addWidget(self.keyboard, 0)

    def search_for(self, text: str) -> None:
        self.field.setText(text)
        self.run_search()

    def run_search(self) -> None:
        self.timer.stop()
        text = self.field.text()
        result = self.report.search(text)
        self.result = result
        if not result.terms:
            self.status.setText(self.tr("请输入文字，或点上面的主题。一个字、两个字或更多都可以。"))
            self.results.setHtml("")
            return
        if result.count == 0:
            self.status.setText(self.tr("没有找到与“{q}”相关的内容。").format(q=result.query))
            tips = "　".join(f"<a href='q:{html.escape(t)}'>{html.escape(t)}</a>" for t in TOPIC_CHIPS)
            advice = self.tr("可以换个说法，或者试试这些主题：")
            self.results.setHtml(f"<p>{html.escape(advice)}</p><p style='line-height:180%'>{tips}</p>")
            return
        status = self.tr("找到 {n} 处与“{q}”相关的内容。").format(n=result.count, q=result.query)
        if result.truncated:
            status = self.tr("找到超过 {n} 处与“{q}”相关的内容，请再加一个词缩小范围。").format(n=result.count, q=result.query)
        if result.pinyin:
            status = self.tr("按拼音“{p}”查找“{q}”：").format(p=result.pinyin, q=result.query) + status
        self.status.setText(status)
        rows = []
        for index, hit in enumerate(result.hits):
            where = hit.section_title if hit.kind == "paragraph" else self.tr("名词解释：{t}").format(t=hit.section_title)
            rows.append(
                f"<p style='line-height:150%; margin-bottom:12px'><a href='hit:{index}'><b>{html.escape(where)}</b></a>"
                f"<br>{marked_html(hit.snippet, hit.snippet_spans, bold=True)}</p>"
            )
        self.results.setHtml("".join(rows))

    def hit_ref(self, index: int) -> SourceRef:
        assert self.result is not None
        hit = self.result.hits[index]
        if hit.kind == "paragraph":
            return SourceRef(paragraph_id=hit.ref_id, spans=hit.spans, sentence=False)
        return SourceRef(glossary_id=hit.ref_id)

    def _follow(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("hit:"):
            self.sourceRequested.emit(self.hit_ref(int(target[4:])))
        elif target.startswith("q:"):
            self.search_for(target[2:])

    def reset(self) -> None:
        self.field.clear()
        if self.keyboard is not None:
            self.keyboard.reset()
        self.run_search()

    def apply_scale(self, scale: float) -> None:
        self.run_search()
