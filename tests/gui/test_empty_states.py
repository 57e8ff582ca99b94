"""Editions without curated items or notes say so on the page (issue 18, publisher persona): no empty
livelihood or glossary page without a word, no talk of chart bars where no chart is drawn, and no review entry
that is only the salutation."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.build import build
from dongli_desktop.core.navigation import part_sections, start_row
from dongli_desktop.core.repository import Report
from tests.conftest import ROOT, SHIPPED_DB
from tests.gui.conftest import visible_text

REPORT_2021 = ROOT / "tests" / "fixtures" / "editions" / "dongli_2021_report.txt"
TEXT_2021 = REPORT_2021.read_text(encoding="utf-8")
OPENING_WORDS = "现在，我代表区人民政府向大会报告工作，请予审议。\n"


@pytest.fixture(scope="module")
def bare_edition(tmp_path_factory) -> Path:
    """The fictional 2021 report built without annotations: no indicators, no livelihood items."""
    out = tmp_path_factory.mktemp("bare") / "bare.db"
    build(REPORT_2021, None, out)
    return out


@pytest.fixture(scope="module")
def noteless_edition(tmp_path_factory) -> Path:
    """The same without its notes list, and with nothing but the salutation before the first part."""
    folder = tmp_path_factory.mktemp("noteless")
    text = TEXT_2021[: TEXT_2021.index("注释：")] + TEXT_2021[TEXT_2021.index("抄送："):]
    assert OPENING_WORDS in text
    source = folder / "report.txt"
    source.write_text(text.replace(OPENING_WORDS, ""), encoding="utf-8")
    build(source, None, folder / "noteless.db")
    return folder / "noteless.db"


def opened(path: Path) -> Report:
    return Report.open(path)


def test_a_livelihood_page_without_items_says_the_report_has_none(qtbot, bare_edition):
    from dongli_desktop.ui.pages.livelihood import LivelihoodPage

    report = opened(bare_edition)
    assert report.livelihood_items() == ()
    page = LivelihoodPage(report)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    shown = visible_text(page)
    assert "这一版报告没有标注民生实事" in shown
    assert page.chart is None and "柱子" not in shown  # no chart, so no word about its bars
    assert "共 0 项" not in shown and "点主题筛选" not in shown  # no count or instructions for hidden chips


def test_a_glossary_page_without_notes_says_the_report_has_none(qtbot, noteless_edition, bare_edition):
    from dongli_desktop.ui.pages.glossary import GlossaryPage

    page = GlossaryPage(opened(noteless_edition))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    assert "这份报告没有名词解释" in visible_text(page)
    assert not page.list.isVisibleTo(page) and not page.filter.isVisibleTo(page)
    with_notes = GlossaryPage(opened(bare_edition))  # an edition with notes is unchanged
    qtbot.addWidget(with_notes)
    with_notes.show()
    assert "没有名词解释" not in visible_text(with_notes) and with_notes.list.count() == 1


@pytest.mark.parametrize("part", ["review", "plan"])
def test_the_part_intro_talks_of_chart_bars_only_where_charts_are(qtbot, bare_edition, part):
    from dongli_desktop.ui.pages.part import PartPage

    bare = PartPage(opened(bare_edition), part)
    shipped = PartPage(opened(SHIPPED_DB), part)
    for page in (bare, shipped):
        qtbot.addWidget(page)
    assert "柱子" not in bare.intro.text() and "图表" not in bare.intro.text()
    assert "柱子" in shipped.intro.text()


def test_a_review_list_skips_an_opening_that_is_only_the_salutation(bare_edition, noteless_edition):
    salutation_only = opened(noteless_edition)
    review = part_sections(salutation_only, "review")
    assert review[0].part == "review"  # the opening (only 各位代表：) is no entry of its own
    with_words = part_sections(opened(bare_edition), "review")
    assert with_words[0].key == "opening"  # an opening with words of its own stays listed
    # without a curated overview the page starts on the review itself, not on the salutation
    assert with_words[start_row(with_words, "review")].part == "review"
    shipped = part_sections(opened(SHIPPED_DB), "review")
    assert shipped[start_row(shipped, "review")].key == "review_overview"


def test_the_salutation_reached_from_a_search_still_opens(qtbot, noteless_edition):
    from dongli_desktop.core.models import SourceRef
    from dongli_desktop.ui.pages.part import PartPage

    report = opened(noteless_edition)
    salutation = next(p for s in report.sections if s.key == "opening" for p in report.paragraphs(s.id))
    page = PartPage(report, "review")
    qtbot.addWidget(page)
    page.show_paragraph(SourceRef(paragraph_id=salutation.id, spans=((0, 4),)))
    assert page.current is not None and page.current.key == "opening"
    assert "各位代表" in page.reader.toPlainText()
    page.step(+1)
    assert page.current.part == "review"


def test_an_overview_without_cards_does_not_explain_cards(qtbot, bare_edition):
    """No 每张卡片从…走到…目标 above 这一版报告没有…数字卡片: only the latter (publisher persona, issue 18)."""
    from dongli_desktop.ui.pages.overview import OverviewPage

    page = OverviewPage(opened(bare_edition))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    shown = visible_text(page)
    assert "没有数字卡片" in shown and "每张卡片" not in shown


def test_search_topics_are_the_edition_s_own(qtbot, bare_edition):
    """The common-topic chips are the topics this edition's text mentions: not Dongli 2020's 还迁 everywhere."""
    from dongli_desktop.ui.pages.search import TOPIC_CHIPS, SearchPage

    report = opened(bare_edition)
    page = SearchPage(report)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    assert [t for t in TOPIC_CHIPS if t in TEXT_2021] == ["环境", "高新技术企业"]
    assert list(page.chips.buttons) == ["环境", "高新技术企业"]
    assert page.topics_label.isVisibleTo(page)


def test_search_without_any_topic_hides_the_topic_row(qtbot, tmp_path):
    from dongli_desktop.ui.pages.search import TOPIC_CHIPS, SearchPage

    text = TEXT_2021
    for term in TOPIC_CHIPS:
        text = text.replace(term, "事务")
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    build(source, None, tmp_path / "x.db")
    page = SearchPage(opened(tmp_path / "x.db"))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    assert not page.topics_label.isVisibleTo(page) and not page.chips.isVisibleTo(page)
