"""Issue 19, finding 5: content is data, never markup. Markup in every text column a reader can be shown
(tests/gui/hostile.py) must reach every page, dialog, label, tooltip and link as the characters written:
no image loaded, no link from content, no bold text made from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QComboBox, QLabel, QTextEdit, QWidget

from dongli_desktop.core.annotate import Segment
from tests.gui.conftest import kiosk, make_options
from tests.gui.hostile import hostile_database, make_canary, markup

# The payload rendered as rich text reads "链粗<i>" (tags gone); shown as data it keeps its tags.
RENDERED = "链粗"
LITERAL = "<img src='file:"
# our links: a glossary term, read-aloud, a note's mention, a search hit or word, the review's end on to the plan
OUR_LINK = re.compile(r"^(term|speak|mention|hit):\d+$|^q:[^<>'\"&]+$|^readon:plan$|^#")


def rendered(text: str, fmt: Qt.TextFormat) -> QTextDocument:
    """The document Qt builds for ``text`` shown in format ``fmt`` (AutoText: Qt's own guess)."""
    doc = QTextDocument()
    rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui_Qt.mightBeRichText(text))
    if rich:
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    return doc


def problems_in(doc: QTextDocument, where: str) -> list[str]:
    """Images, foreign links or rendered markup in a document."""
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(f"{where}: an image ({fmt.toImageFormat().name()})")
            if fmt.isAnchor() and fmt.anchorHref() and not OUR_LINK.match(fmt.anchorHref()):
                found.append(f"{where}: a link to {fmt.anchorHref()!r}")
            it += 1
        block = block.next()
    if RENDERED in doc.toPlainText():
        found.append(f"{where}: markup rendered ({doc.toPlainText()[:80]!r})")
    return found


class Audit:
    """Collects what every text sink under a widget shows."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.shown: list[str] = []  # the plain text of every sink, to prove the payload was there

    def _check(self, doc: QTextDocument, where: str) -> None:
        self.problems += problems_in(doc, where)
        self.shown.append(doc.toPlainText())

    def tooltip(self, text: str, where: str) -> None:
        if text:
            self._check(rendered(text, Qt.TextFormat.AutoText), f"tooltip of {where}")

    def widget(self, root: QWidget, where: str) -> None:
        for w in [root, *root.findChildren(QWidget)]:
            name = f"{where}/{type(w).__name__}#{w.objectName()}"
            self.tooltip(w.toolTip(), name)
            if isinstance(w, QLabel):
                self._check(rendered(w.text(), w.textFormat()), f"label {name}")
            elif isinstance(w, QTextEdit):
                self._check(w.document(), f"document {name}")
            elif isinstance(w, QComboBox):
                for row in range(w.count()):
                    self.tooltip(w.itemData(row, Qt.ItemDataRole.ToolTipRole) or "", f"{name} row {row}")

    def saw_literal(self) -> bool:
        return any(LITERAL in text for text in self.shown)


@pytest.fixture()
def hostile_window(qtbot, tmp_path: Path):
    from dongli_desktop.ui.app import create_window

    make_canary(tmp_path)
    db = hostile_database(tmp_path)
    window, code = create_window(make_options(tmp_path, "--db", str(db), "--size", "1280x800"))
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def test_every_page_shows_markup_from_the_database_as_text(hostile_window, qtbot):
    window = hostile_window
    audit = Audit()
    for name in window.allowed:
        page = window.show_page(name)
        if name in ("review", "plan"):
            for row in range(page.section_box.count()):
                page.show_section(page.section_box.itemData(row))
                audit.widget(page, f"{name} section {row}")
        elif name == "glossary":
            for entry in window.report.glossary:
                page.show_entry(entry.id)
                audit.widget(page, f"glossary {entry.id}")
        elif name == "search":
            page.search_for("工作")
            audit.widget(page, "search 工作")
            page.search_for("evil")  # matches the payload itself in the text columns
            audit.widget(page, "search evil")
        else:
            audit.widget(page, name)
    audit.widget(window, "window")  # the top bar, navigation and anything shared
    assert not audit.problems, "\n".join(audit.problems[:20])
    assert audit.saw_literal(), "the payload never reached a sink: the test proves nothing"


def test_the_title_tooltips_show_the_markup_as_text(hostile_window, qtbot):
    """The issue's two tooltips: the elided report title and the edition picker."""
    from dongli_desktop.ui.widgets.edition_picker import EditionPicker

    window = hostile_window
    window.show_page("overview")
    title = window.top_bar.title
    qtbot.waitUntil(lambda: bool(title.toolTip()))  # the hostile title is too long for the bar: elided
    pickers = window.findChildren(EditionPicker)
    assert pickers
    tips = [title.toolTip(), *(p.toolTip() for p in pickers)]
    tips += [p.itemData(0, Qt.ItemDataRole.ToolTipRole) for p in pickers]
    for tip in tips:
        doc = rendered(tip, Qt.TextFormat.AutoText)
        assert not problems_in(doc, "tooltip")
        assert markup(Path("x")).split("'")[0] in doc.toPlainText()  # "<img src=" as characters


def test_dialogs_show_markup_as_text(hostile_window, qtbot):
    window = hostile_window
    audit = Audit()
    about = window.show_about()
    audit.widget(about, "about")
    about.close()
    for entry in window.report.glossary[:3]:
        dialog = window.show_term(entry.id)
        audit.widget(dialog, f"term {entry.id}")
        dialog.close()
    assert not audit.problems, "\n".join(audit.problems[:20])
    assert audit.saw_literal()


def test_chart_tooltips_show_markup_as_text(hostile_window, qtbot):
    from dongli_desktop.ui.widgets.chart import ChartView

    window = hostile_window
    window.show_page("overview")
    qtbot.waitUntil(lambda: window.page("overview").charts_built)
    audit = Audit()
    charts = window.findChildren(ChartView)
    assert charts
    for chart in charts:
        assert chart._chart is not None
        for bar in chart._chart.bars:
            audit.tooltip(chart.tooltip_text(bar), f"bar {bar.label[:10]}")
    assert not audit.problems, "\n".join(audit.problems[:20])
    assert audit.saw_literal()


def test_a_glossary_link_target_is_escaped_whatever_it_holds(qapp):
    """Finding 5's first path: a glossary id holding text became part of the link's markup."""
    from dongli_desktop.ui.widgets.reading_view import ReadingView

    view = ReadingView()
    hostile_id = "1' style='x'><img src='file:///etc/hostname'><a href='https://evil.example/"
    view.show_paragraphs("标题", [(1, [Segment(text="名词", glossary_id=hostile_id)])])  # type: ignore[arg-type]
    doc = view.document()
    hrefs, images = [], []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            images += [fmt.toImageFormat().name()] if fmt.isImageFormat() else []
            hrefs += [fmt.anchorHref()] if fmt.isAnchor() and fmt.anchorHref() else []
            it += 1
        block = block.next()
    assert images == []
    # one link, to a term: target (Qt keeps the escaped characters in it); nothing broke out of the attribute
    assert len(hrefs) == 1 and hrefs[0].startswith("term:1") and "'" not in hrefs[0]
    assert doc.toPlainText() == "标题\n名词"
    with_signal = []
    view.termActivated.connect(with_signal.append)
    view.anchorClicked.emit(QUrl(hrefs[0]))  # following it does nothing (not a glossary number)
    assert with_signal == []
    view.deleteLater()


def test_the_kiosk_screens_show_markup_as_text(qtbot, tmp_path: Path):
    """The attract screen cycles through the measures' names and values; every one is checked."""

    make_canary(tmp_path)
    db = hostile_database(tmp_path)
    window, controller = kiosk(qtbot, tmp_path, "attract = true\n", "1280x800", "--db", str(db),
                               idle_ms=60_000, attract_ms=20)
    attract = controller.attract
    assert attract.isVisible()
    audit = Audit()
    seen: set[str] = set()
    for _ in range(len(window.report.indicator_pairs(headline_only=True))):  # each slide at least once
        audit.widget(attract, "attract")
        shown = attract.name.text() + attract.value.text()
        seen.add(shown)
        qtbot.waitUntil(lambda shown=shown: attract.name.text() + attract.value.text() != shown, timeout=5000)
    assert len(seen) > 1
    controller.prompt.show()
    audit.widget(controller.prompt, "idle prompt")
    audit.widget(window, "kiosk window")
    assert not audit.problems, "\n".join(audit.problems[:20])
    assert audit.saw_literal()
    window.close()


def test_read_aloud_never_asks_for_speech_markup():
    """Read-aloud passes report text to speech-dispatcher, whose data mode stays plain text unless a client
    switches it to SSML: Qt's speechd plug-in never does (it does not even import spd_set_data_mode)."""
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "texttospeech" / "libqtexttospeech_speechd.so"
    data = plugin.read_bytes()
    assert b"spd_say" in data  # the right file: it speaks through speech-dispatcher
    assert b"spd_set_data_mode" not in data
