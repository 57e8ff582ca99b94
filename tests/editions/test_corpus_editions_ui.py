"""Any valid edition opens in every mode (issue 18): the corpus reports the builder accepts, built with
``--no-annotations`` (no indicators, no livelihood items), open in the desktop on every page, in English and
in 大字模式, and in the kiosk (offscreen here; a real X session in tests/session/test_corpus_kiosk_session.py),
with empty states that say what is missing instead of empty headings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from db.build import build
from dongli_desktop.ui.widgets.common import Section
from tests.conftest import ROOT
from tests.db.corpus_expectations import EXPECTED, Accepted
from tests.db.test_corpus import CORPUS, completed
from tests.gui.conftest import kiosk, make_options
from tests.gui.test_editions_ui import everything_shown, visit_every_page

ACCEPTED = sorted(name for name, e in EXPECTED.items() if isinstance(e, Accepted))
NO_CARDS = "这一版报告没有标注指标，所以这里没有数字卡片"
NO_CHARTS = "这一版报告没有可以对比的指标数据"


def corpus_edition(folder: Path, name: str) -> Path:
    """The corpus file, completed with fictional lines, built without annotations."""
    expected = EXPECTED[name]
    assert isinstance(expected, Accepted)
    source = folder / (Path(name).stem + ".txt")
    source.write_text(completed((CORPUS / name).read_text(encoding="utf-8"), expected), encoding="utf-8")
    out = folder / (Path(name).stem + ".db")
    build(source, None, out)
    return out


@pytest.fixture(scope="module")
def corpus_editions(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("corpus_editions")
    return {name: corpus_edition(folder, name) for name in ACCEPTED}


def open_window(qtbot, tmp_path, db: Path, *args: str):
    from dongli_desktop.ui.app import create_window

    win, code = create_window(make_options(tmp_path, "--size", "1280x800", "--db", str(db), *args))
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.mark.parametrize("name", ACCEPTED)
def test_a_corpus_edition_without_annotations_opens_on_every_page(qtbot, tmp_path, corpus_editions, name):
    expected = EXPECTED[name]
    assert isinstance(expected, Accepted)
    win = open_window(qtbot, tmp_path, corpus_editions[name])
    assert expected.district in win.windowTitle()
    seen = visit_every_page(qtbot, win)
    assert NO_CARDS in seen and NO_CHARTS in seen  # the overview says what is missing
    for section in win.page("overview").findChildren(Section):  # no heading stands over nothing
        assert [w for w in section.findChildren(QWidget) if w is not section.title], section.title.text()
    win.close()


@pytest.mark.parametrize("args", [("--lang", "en"), ("--large",)], ids=["english", "large"])
def test_a_corpus_edition_opens_in_english_and_large_mode(qtbot, tmp_path, corpus_editions, args):
    win = open_window(qtbot, tmp_path, corpus_editions["genre/2022_liaoning_shuangta.txt"], *args)
    seen = visit_every_page(qtbot, win)
    assert "双塔区" in seen
    win.close()


def test_a_corpus_edition_opens_in_the_kiosk_with_and_without_attract(qtbot, tmp_path, corpus_editions):
    for attract in ("false", "true"):
        window, controller = kiosk(qtbot, tmp_path, f"attract = {attract}\n", "1920x1080",
                                   "--db", str(corpus_editions["genre/2025_xinjiang_yuli.txt"]),
                                   idle_ms=60_000, attract_ms=20)
        screen = controller.attract
        assert "没有标注指标数据" in everything_shown(screen)
        assert screen.isVisible() == (attract == "true")
        screen.next_slide()  # the slideshow timer firing with nothing to show
        controller.stop()
        window.close()


def test_the_plan_page_shows_the_goals_part_under_its_own_heading(qtbot, tmp_path):
    source = tmp_path / "yearfirst.txt"
    source.write_text((ROOT / "tests/fixtures/genre/yearfirst_report.txt").read_text("utf-8"), encoding="utf-8")
    build(source, None, tmp_path / "yearfirst.db")
    win = open_window(qtbot, tmp_path, tmp_path / "yearfirst.db")
    page = win.show_page("plan")
    titles = [page.list.item(i).text() for i in range(page.list.count())]
    assert titles[0] == "“十四五”时期奋斗目标" and titles.count("概述") == 1  # not a second, untitled 概述
    goals = next(s for s in page.sections if s.key == "goals_intro")
    page.show_section(goals.id)
    shown = page.reader.toPlainText()
    assert shown.startswith("“十四五”时期奋斗目标") and "编者所加" not in shown  # the report's own words
    win.close()
