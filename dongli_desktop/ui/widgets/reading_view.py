"""The comfortable reading view: lead sentences bold, quantities marked, glossary terms linked.

Signals:
    termActivated(int): a glossary term link was followed (glossary id).
    linkActivated(str): any other internal link (``p:ID``, ``g:ID``, ``q:TEXT``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from dongli_desktop.core.annotate import Segment
from dongli_desktop.ui.theme import colour
from dongli_desktop.ui.widgets.plain import attribute

# Qt's proportional line height multiplies the font's own line spacing (1.45 em for Noto Sans SC),
# so 110 % gives lines 1.6 em apart: comfortable, and eight of them fit a small screen at large text.
LINE_HEIGHT_PERCENT = 110
HIGHLIGHT_AT = 1 / 4  # a marked sentence is brought this far down the view: in its upper third, with context above


def segments_html(parts: Sequence[Segment], figure_role: str = "figure") -> str:
    """HTML for one paragraph's segments; every piece of report text is escaped.

    Quantities take the colour ``figure_role`` names: ``figure`` (last year's results, the charts' past
    colour) or ``target`` (a plan's targets, the charts' plan colour), so the text and its chart agree."""
    out = []
    figure, link, highlight = colour(figure_role), colour("link"), colour("highlight")
    for seg in parts:
        piece = html.escape(seg.text)
        styles = []
        if seg.figure_id is not None:
            styles.append(f"color:{figure}; font-weight:bold")
        elif seg.lead:
            styles.append("font-weight:bold")
        if seg.highlight:
            styles.append(f"background-color:{highlight}")
        if styles:
            piece = f"<span style='{'; '.join(styles)}'>{piece}</span>"
        if seg.glossary_id is not None:
            piece = f"<a href='term:{attribute(seg.glossary_id)}' style='color:{link}'>{piece}</a>"
        out.append(piece)
    return "".join(out)


def marked_html(snippet: str, spans: Sequence[tuple[int, int]], bold: bool = False) -> str:
    """A snippet as HTML with its matching spans highlighted; the text is escaped."""
    style = f"background-color:{colour('highlight')}" + ("; font-weight:bold" if bold else "")
    out, last = [], 0
    for s, e in spans:
        out.append(html.escape(snippet[last:s]))
        out.append(f"<span style='{style}'>{html.escape(snippet[s:e])}</span>")
        last = e
    out.append(html.escape(snippet[last:]))
    return "".join(out)


class ReadingView(QTextBrowser):
    termActivated = Signal(int)
    linkActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow)
        self.setAccessibleName(self.tr("报告原文"))
        self._blocks: dict[int, int] = {}  # paragraph id -> its text block
        self._held: int | None = None  # a paragraph kept at the top through relayouts (see hold_at_top)
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self._keep_held())
        self.verticalScrollBar().actionTriggered.connect(lambda *_: self.release())

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 (Qt's name)
        """Nothing is loaded from outside the text: no image, style sheet or file a link names."""
        return None

    def _follow(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("term:"):
            if target[5:].isdigit():
                self.termActivated.emit(int(target[5:]))
        else:
            self.linkActivated.emit(target)

    def show_paragraphs(self, heading: str, paragraphs: Sequence[tuple[int, Sequence[Segment]]], note: str = "",
                        speak_label: str = "", figure_role: str = "figure", onward: tuple[str, str] = ("", "")) -> None:
        """Render a section: its heading, then each paragraph (one text block each, found by its id).

        With ``speak_label`` each paragraph ends with a read-aloud link ``speak:<ID>``; quantities are
        coloured as ``figure_role`` says (see ``segments_html``); ``onward`` (link target, text) ends the text
        with a link to read on elsewhere.
        """
        body = [f"<h2 style='color:{colour('primary')}'>{html.escape(heading)}</h2>"]
        if note:
            body.append(f"<p style='color:{colour('muted')}'>{html.escape(note)}</p>")
        for pid, parts in paragraphs:
            label = html.escape(speak_label).replace(" ", "&nbsp;")  # one piece: never "[Read / aloud]"
            speak = f" <a href='speak:{pid}' style='color:{colour('link')}'>[{label}]</a>" if speak_label else ""
            body.append(
                f"<a name='p{pid}'></a><p style='line-height:{LINE_HEIGHT_PERCENT}%; margin-bottom:14px'>"
                f"{segments_html(parts, figure_role)}{speak}</p>"
            )
        target, label = onward
        if target and label:
            body.append(f"<p style='margin-top:18px'><a href='{html.escape(target, quote=True)}' "
                        f"style='color:{colour('link')}'><b>{html.escape(label)}</b></a></p>")
        self._held = None  # new text: any place held in the old one is gone
        self.setHtml("".join(body))
        # Qt drops empty anchors, so remember which block each paragraph became: the blocks after the
        # heading (and note) in order, matched by their text.
        self._blocks = {}
        block = self.document().begin().next()
        for pid, parts in paragraphs:
            start = "".join(seg.text for seg in parts)[:12]
            while block.isValid() and not (start and block.text().startswith(start)):
                block = block.next()
            if not block.isValid():
                break
            self._blocks[pid] = block.blockNumber()
            block = block.next()

    def paragraph_top(self, paragraph_id: int) -> float | None:
        """The y of paragraph ``paragraph_id``'s first line in the document, or None if it is not shown."""
        number = self._blocks.get(paragraph_id)
        if number is None:
            return None
        doc = self.document()
        return doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(number)).top()

    def scroll_to_paragraph(self, paragraph_id: int) -> None:
        """Bring a paragraph to the top with no line cut in half above it.

        When the paragraph sits within the first screen the view stays at the top, so the section's
        heading shows whole; otherwise the paragraph's first line is the first line shown.
        """
        top = self.paragraph_top(paragraph_id)
        if top is None:
            self.scrollToAnchor(f"p{paragraph_id}")
            return
        bar = self.verticalScrollBar()
        if top + self.fontMetrics().lineSpacing() * 3 <= self.viewport().height():
            bar.setValue(0)
        else:
            bar.setValue(int(top - self.document().documentMargin() / 2))
        self.ensureCursorVisible()  # a marked sentence further down stays in view

    def first_shown_paragraph(self) -> int | None:
        """The paragraph the view's first line belongs to (the first one not wholly above the view), or None
        while the view's top is in the heading (above the first paragraph) or the view shows no paragraph."""
        value = self.verticalScrollBar().value()
        if value <= 0:
            return None
        doc = self.document()
        layout = doc.documentLayout()
        threshold = value + doc.documentMargin()  # the top a paragraph brought up by hold_at_top is given
        for index, (pid, number) in enumerate(self._blocks.items()):  # in the document's order
            rect = layout.blockBoundingRect(doc.findBlockByNumber(number))
            if rect.bottom() > threshold:
                # the view's top inside the heading, above the first paragraph: that is the section's top
                return None if index == 0 and rect.top() > threshold else pid
        return None

    def hold_at_top(self, paragraph_id: int) -> None:
        """Show paragraph ``paragraph_id``'s first line at the top of the view, and keep it there whenever the
        text is laid out anew (a new font, a new width) until the reader scrolls or another text is shown."""
        if paragraph_id not in self._blocks:
            return
        self._held = paragraph_id
        self._keep_held()

    def release(self) -> None:
        """Stop holding a paragraph at the top (the reader scrolls by themselves)."""
        self._held = None

    def _keep_held(self) -> None:
        top = None if self._held is None else self.paragraph_top(self._held)
        if top is not None:
            self.verticalScrollBar().setValue(int(top - self.document().documentMargin() / 2))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_held()

    def viewportEvent(self, event: QEvent) -> bool:
        """A press, touch or wheel on the text is the reader taking over the scrolling."""
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel):
            self.release()
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.release()
        super().keyPressEvent(event)

    def select_first_highlight(self) -> bool:
        """Move the text cursor to the first highlighted piece, so it is on screen and read out."""
        doc = self.document()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().background().color().name() == colour("highlight"):
                    cursor = QTextCursor(doc)
                    cursor.setPosition(fragment.position())
                    self.setTextCursor(cursor)
                    self.ensureCursorVisible()
                    return True
                it += 1
            block = block.next()
        return False

    def bring_highlight_up(self) -> None:
        """When the marked text (the cursor, see :meth:`select_first_highlight`) sits below the view's upper
        third, scroll so that it starts a quarter down the view, with the line at the top shown whole."""
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        mark = self.cursorRect().top()  # in the viewport
        if 0 <= mark <= height / 3:
            return
        target = max(0, bar.value() + mark - int(height * HIGHLIGHT_AT))
        cursor = self.cursorForPosition(QPoint(0, target - bar.value()))
        block = cursor.block()
        layout = block.layout()
        if layout is not None and layout.lineCount():
            line = layout.lineForTextPosition(cursor.position() - block.position())
            top = self.document().documentLayout().blockBoundingRect(block).top()
            if line.isValid():
                target = int(top + line.y())
        bar.setValue(target)
