"""Editions in the interface: nothing about a year or district is written into ui/, each fixture edition
shows its own years and names everywhere, the reader switches editions, the tracker is wired in."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from dongli_desktop.cli import PAGES
from dongli_desktop.core.editions import list_editions
from dongli_desktop.core.repository import Report
from tests.conftest import ROOT, SHIPPED_DB
from tests.gui.conftest import make_options, open_window

UI = ROOT / "dongli_desktop" / "ui"
YEAR_IN_TEXT = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


def _docstring_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                    and isinstance(first.value.value, str)):
                lines.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return lines


def written_years(source: str) -> list[tuple[int, str]]:
    """(line, token) of every year or 东丽 written in code: strings and numbers, not comments or docstrings."""
    docstrings = _docstring_lines(ast.parse(source))
    found = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.start[0] in docstrings or tok.type == tokenize.COMMENT:
            continue
        text = tok.string
        year_number = tok.type == tokenize.NUMBER and text.isdigit() and 2001 <= int(text) <= 2099
        in_text = tok.type in (tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", -1)) and (
            YEAR_IN_TEXT.search(text) or "东丽" in text)
        if year_number or in_text:
            found.append((tok.start[0], text))
    return found


def test_the_checker_sees_a_written_year():
    assert written_years('x = self.tr("2019年实际")\n') == [(1, '"2019年实际"')]
    assert written_years('def f():\n    """2019 in a docstring."""\n    return 1  # 2020 in a comment\n') == []


def test_no_year_or_district_is_written_into_the_interface():
    offenders = [f"{path.relative_to(ROOT)}:{line}: {text}"
                 for path in sorted(UI.rglob("*.py")) for line, text in written_years(path.read_text("utf-8"))]
    assert offenders == []


# -- each fixture edition shows its own years and names ----------------------------------------------

def everything_shown(win) -> str:
    """Window title, every label and button text, and every accessible name and description."""
    texts = [win.windowTitle()]
    for widget in win.findChildren(QWidget):
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
    return "\n".join(t for t in texts if t)


def visit_every_page(qtbot, win) -> str:
    seen = []
    for name in PAGES:
        page = win.show_page(name)
        qtbot.wait(30)
        if hasattr(page, "build_charts"):
            page.build_charts()
        if hasattr(page, "build_chart"):
            page.build_chart()
        seen.append(everything_shown(win))
    return "\n".join(seen)


source_text = {
    "dongli_2021_db": (ROOT / "tests/fixtures/editions/dongli_2021_report.txt").read_text("utf-8"),
    "three_parts_db": (ROOT / "tests/fixtures/editions/three_parts_report.txt").read_text("utf-8"),
    "unnumbered_db": (ROOT / "tests/fixtures/editions/unnumbered_report.txt").read_text("utf-8"),
}


@pytest.mark.parametrize("fixture", ["dongli_2021_db", "three_parts_db", "unnumbered_db"])
def test_a_fixture_edition_shows_its_own_years_everywhere(qtbot, tmp_path, request, fixture):
    path = request.getfixturevalue(fixture)
    report = Report.open(path)
    doc, parts = report.document, report.parts
    report.close()
    win = open_window(qtbot, tmp_path, "--db", str(path))
    assert doc.full_title in win.windowTitle()
    seen = visit_every_page(qtbot, win)
    written = {int(y) for y in re.findall(r"(?<!\d)20\d\d(?!\d)", source_text[fixture])}
    derived = {doc.year + 1}  # the tracker names the report that will fill it
    derived |= {y for p in parts for y in range(p.year_from, p.year_to + 1)}  # e.g. “十三五” → 2016—2020
    shown = {int(y) for y in re.findall(r"(?<!\d)20\d\d(?!\d)", seen)}
    assert shown <= written | derived, f"years not in {doc.full_title}: {sorted(shown - written - derived)}"
    assert 2019 not in written and "2019" not in seen.replace("2019年底", "")  # the bundled edition's year
    assert "东丽区2020年政府工作报告" not in seen
    if doc.district != "东丽区":
        assert "东丽" not in seen
    review = win.nav_buttons["review"].text()
    first = next(p for p in parts if p.kind == "review")
    assert str(first.year_from) in review and str(first.year_to) in review
    assert str(doc.planned_year) in win.nav_buttons["plan"].text()
    win.close()


# -- switching editions -----------------------------------------------------------------------------
@pytest.fixture()
def two_editions(tmp_path, dongli_2021_db):
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "dongli_2021.db").write_bytes(Path(dongli_2021_db).read_bytes())
    return folder


def test_the_newest_edition_opens_and_the_reader_can_switch(qtbot, tmp_path, two_editions):
    from dongli_desktop.ui.widgets.edition_picker import EditionPicker

    win = open_window(qtbot, tmp_path, "--db", str(SHIPPED_DB), "--editions", str(two_editions))
    assert "2021" in win.windowTitle()
    win.show_page("plan")
    picker = win.page("overview").findChild(EditionPicker)
    assert picker is not None and picker.isEnabled() and picker.count() == 2
    picker.choose(1)  # the older, bundled edition
    assert win.windowTitle().startswith("东丽区2020年政府工作报告")
    assert win.current_page_name() == "plan"  # the page the reader was on stays
    assert "2020" in win.nav_buttons["plan"].text() and "2019" in win.nav_buttons["review"].text()
    win.set_look(lang="en")  # the choice survives a language switch
    assert win.edition.document.year == 2020
    assert win.report.document.year == 2020
    win.set_look(lang="zh_CN")
    win.open_newest()  # what the kiosk's idle reset does
    assert win.edition.document.year == 2021
    assert "2021" in win.windowTitle()
    win.close()


def test_tracker_links_open_the_right_edition_at_the_exact_words(qtbot, tmp_path, two_editions):
    from dongli_desktop.ui.pages.part import PartPage
    from dongli_desktop.ui.pages.tracker import TrackerPage

    win = open_window(qtbot, tmp_path, "--db", str(SHIPPED_DB), "--editions", str(two_editions))
    tracker = win.show_page("tracker")
    assert isinstance(tracker, TrackerPage)
    assert tracker.comparison is not None and tracker.comparison.later is not None
    assert tracker.comparison.earlier.year == 2020 and tracker.comparison.later.year == 2021
    row = next(r for r in tracker.rows if r.tracked is not None and r.tracked.result is not None)
    target, result = row.source("target"), row.source("result")
    win.show_tracked_source(target)
    assert win.report.document.year == 2020  # the bundled edition holds the target
    page = win.pages[win.current_page_name()]
    assert isinstance(page, PartPage)
    assert page.current is not None
    assert target.ref.paragraph_id in {p.id for p in win.report.paragraphs(page.current.id)}
    win.show_tracked_source(result)
    assert win.report.document.year == 2021
    page = win.pages[win.current_page_name()]
    assert isinstance(page, PartPage)
    assert result.ref.paragraph_id in {p.id for p in win.report.paragraphs(page.current.id)}
    win.close()


# -- lead fix-ups -------------------------------------------------------------------------------------
def test_glossary_source_link_marks_the_words(window):
    from dongli_desktop.ui.pages.glossary import GlossaryPage

    goal = next(i for p in window.report.indicator_pairs() for i in p.later if i.glossary_id is not None)
    ref = goal.source()  # the doubling goal's words live in a note: 550家
    assert ref.glossary_id is not None and ref.spans
    window.show_source(ref)
    page = window.pages["glossary"]
    assert isinstance(page, GlossaryPage) and window.current_page_name() == "glossary"
    assert page.marked == ref.spans
    start, end = page.marked[0]
    assert "550" in page.current.definition[start:end]


def test_about_box_tells_staff_the_content_status_and_survives_a_broken_one(window, monkeypatch):
    from dongli_desktop.core import content

    about = window.show_about()
    assert "内容版本" in about.status_label.text()
    about.reject()

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    installed = content.ContentStatus(
        source="installed", path="/var/x/current.db", edition="东丽区/2021", version=7, expires="2027-01-01T00:00:00Z",
        expired=False, last_check="2026-11-25T08:00:00Z", last_success="2026-11-25T08:00:00Z",
        last_error="fetch failed: connection refused", problems=[])
    monkeypatch.setattr(content, "content_status", lambda *a, **k: installed)
    about = window.show_about()
    text = about.status_label.text()
    for shown in ("东丽区/2021", "7", "2027-01-01", "2026-11-25T08:00", "connection refused"):
        assert shown in text, shown
    about.reject()

    monkeypatch.setattr(content, "content_status", broken)
    about = window.show_about()
    assert about.isVisible()
    assert "无法读取" in about.status_label.text()
    about.reject()


def test_about_says_when_the_shown_edition_is_a_file_the_user_opened(qtbot, tmp_path, two_editions):
    """A lay reader opened a 2021 edition from a folder (--editions) and About said 随程序安装的版本. It now names
    the opened file and says it is neither the installed nor a signed edition; back on the bundled edition it
    says 随程序安装的版本 again."""
    win = open_window(qtbot, tmp_path, "--editions", str(two_editions))
    assert "2021" in win.windowTitle()
    about = win.show_about()
    text = about.status_label.text()
    about.reject()
    assert "dongli_2021.db" in text and "不是随程序安装" in text, text
    bundled = next(e for e in win.catalogue.editions if e.bundled)
    win.open_edition(bundled)
    about = win.show_about()
    text = about.status_label.text()
    about.reject()
    assert "随程序安装的版本" in text and "本机文件" not in text, text


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_kiosk_admin_corner_holds_no_enabled_button(qtbot, tmp_path, scale):
    from dongli_desktop.ui.kiosk.controller import CORNER

    win = open_window(qtbot, tmp_path, "--kiosk", "--kiosk-config", str(tmp_path / "none.toml"))
    win.show_page("overview")
    win.set_scale(scale)
    qtbot.wait(50)
    corner = QRect(0, 0, CORNER + 1, CORNER + 1)
    hits = []
    for button in win.findChildren(QAbstractButton):
        if button.isVisible() and button.isEnabled() and button.window() is win:
            rect = QRect(button.mapTo(win, button.rect().topLeft()), button.size())
            if rect.intersects(corner):
                hits.append(button.text() or button.accessibleName())
    assert hits == []
    win.locked = False
    win.close()


def test_editions_catalogue_for_the_tracker_joins_fixture_to_bundled(dongli_2021_db):
    catalogue = list_editions([dongli_2021_db], bundled=SHIPPED_DB)
    assert [e.document.year for e in catalogue.editions] == [2021, 2020]


def test_kiosk_idle_reset_returns_to_the_newest_edition(qtbot, tmp_path, two_editions):
    from dongli_desktop.ui.app import create_window, kiosk_config
    from dongli_desktop.ui.kiosk.controller import KioskController

    config_file = tmp_path / "kiosk.toml"
    config_file.write_text("attract = false\n", encoding="utf-8")
    options = make_options(tmp_path, "--kiosk", "--kiosk-config", str(config_file), "--size", "1280x800",
                           "--db", str(SHIPPED_DB), "--editions", str(two_editions))
    config = kiosk_config(options)
    win, code = create_window(options, config)
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.show_page(config.start_page)
    win.show()
    controller = KioskController(win, config, idle_ms=60_000)
    controller.start()
    older = win.catalogue.editions[1]
    assert win.open_edition(older) and win.edition == older
    controller.reset()
    assert win.edition == win.catalogue.latest and "2021" in win.windowTitle()
    controller.stop()
    win.locked = False
    win.close()


@pytest.mark.parametrize("large", [False, True])
def test_navigation_never_scrolls_at_any_text_size_on_1024x768(qtbot, tmp_path, large):
    from PySide6.QtWidgets import QApplication

    win = open_window(qtbot, tmp_path, "--size", "1024x768", *(["--large"] if large else []))
    win.resize(1024, 768)
    win.show_page("overview")
    for scale in win.scales:
        win.set_scale(scale)
        QApplication.processEvents()
        assert win.nav_scroll.verticalScrollBar().maximum() == 0, scale
        view = win.nav_scroll.viewport().rect()
        for key, button in win.nav_buttons.items():
            assert button.height() >= 44, (scale, key)
            box = QRect(button.mapTo(win.nav_scroll.viewport(), button.rect().topLeft()), button.size())
            assert view.contains(box), (scale, key, box, view)
            assert button.fontMetrics().horizontalAdvance(button.text()) <= button.width(), (scale, key)
    win.close()


def test_a_goals_part_is_read_on_the_plan_page(qtbot, tmp_path, three_parts_db):
    from dongli_desktop.core.models import SourceRef
    from dongli_desktop.core.navigation import part_sections
    from dongli_desktop.ui.pages.part import PartPage

    win = open_window(qtbot, tmp_path, "--db", str(three_parts_db))
    listed = {s.id for page in ("review", "plan") for s in part_sections(win.report, page)}
    for part in win.report.parts:
        assert {s.id for s in win.report.part_sections(part.key)} <= listed, part.key
    goal = win.report.part_sections("goals")[0]
    paragraph = win.report.paragraphs(goal.id)[0]
    win.show_source(SourceRef(paragraph_id=paragraph.id, spans=((0, 4),)))
    page = win.pages[win.current_page_name()]
    assert win.current_page_name() == "plan" and isinstance(page, PartPage)
    assert page.current is not None and page.current.id == goal.id
    win.close()


# -- the wheel over a closed drop-down scrolls the page ---------------------------------------------
def _wheel_over(widget: QWidget, steps: int = -3) -> None:
    """A mouse-wheel turn (downwards for negative steps) with the pointer resting on ``widget``."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("page", ["overview", "tracker"])
def test_the_wheel_over_a_closed_edition_picker_scrolls_the_page_not_the_edition(
        qtbot, tmp_path, two_editions, page):
    from PySide6.QtWidgets import QScrollArea

    from dongli_desktop.ui.widgets.edition_picker import EditionPicker

    win = open_window(qtbot, tmp_path, "--db", str(SHIPPED_DB), "--editions", str(two_editions),
                      "--size", "1024x768")
    win.show_page(page)
    picker = win.page(page).findChild(EditionPicker)
    assert picker is not None and picker.isEnabled()
    area = next(a for a in win.page(page).findChildren(QScrollArea) if a.isAncestorOf(picker))
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    shown = win.edition
    _wheel_over(picker, -3)
    assert win.edition == shown and picker.currentIndex() == 0
    assert bar.value() > 0  # the page moved on
    _wheel_over(picker, +3)
    assert win.edition == shown and bar.value() == 0
    win.close()


def test_the_wheel_over_the_section_drop_down_never_changes_the_section(qtbot, tmp_path):
    from dongli_desktop.ui.widgets.common import ElidingComboBox

    win = open_window(qtbot, tmp_path, "--db", str(SHIPPED_DB), "--size", "1024x768")
    win.show_page("plan")
    box = win.page("plan").findChild(ElidingComboBox)
    assert box is not None and box.count() > 2 and not box.hasFocus()
    index = box.currentIndex()
    _wheel_over(box, -1)
    _wheel_over(box, -1)
    assert box.currentIndex() == index  # not focused, not open: the section stays
    assert not box.hasFocus()  # and the wheel did not give it the focus either
    win.close()


def test_the_page_given_the_focus_never_hands_it_to_the_edition_picker(qtbot, tmp_path, two_editions):
    """A focused drop-down takes the mouse wheel: when opening a page put the focus on the edition picker (the
    first control of 首页 with several editions), a reader scrolling past it switched the report (ci10 rehearsal,
    test_editions_session's wheel test). The page's focus goes to its first other control."""
    from PySide6.QtWidgets import QComboBox

    win = open_window(qtbot, tmp_path, "--db", str(SHIPPED_DB), "--editions", str(two_editions))
    page = win.show_page("overview")
    target = page.focus_target()
    assert target is not None and not isinstance(target, QComboBox)
    assert any(isinstance(w, QComboBox) and w.isVisibleTo(page) for w in page.findChildren(QComboBox))
