"""Which constructor builds each page, and how the main window wires it: one small function per page.

Each page module is imported only when its page is first visited, so start-up pays only for the start page.
What the window adds to a page (the edition picker) goes through the page's own ``add_header`` slot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dongli_desktop.ui.pages.base import Page

if TYPE_CHECKING:
    from dongli_desktop.ui.main_window import MainWindow

PageFactory = Callable[["MainWindow", str], Page]


def overview(window: MainWindow, name: str) -> Page:
    from dongli_desktop.ui.pages.overview import OverviewPage

    page = OverviewPage(window.report, simple=window.look.large, scale=window.scale)
    page.pageRequested.connect(window.show_page)
    page.sourceRequested.connect(window.show_source)
    page.barActivated.connect(window.show_bar)
    page.ready.connect(window.page_ready)
    page.add_header(window.edition_picker())
    return page


def part(window: MainWindow, name: str) -> Page:
    """工作回顾 (``review``) and 工作安排 (``plan``)."""
    from dongli_desktop.ui.pages.part import PartPage

    page = PartPage(window.report, name, simple=window.look.large, onward="plan" in window.allowed)
    page.backRequested.connect(window.show_page)  # 返回 after 查看原文
    page.readOnRequested.connect(window.read_on)  # the review's end: on to the plan
    page.barActivated.connect(window.show_bar)
    page.termActivated.connect(window.show_term)
    return page


def livelihood(window: MainWindow, name: str) -> Page:
    from dongli_desktop.ui.pages.livelihood import LivelihoodPage

    page = LivelihoodPage(window.report)
    page.sourceRequested.connect(window.show_source)
    return page


def tracker(window: MainWindow, name: str) -> Page:
    from dongli_desktop.ui.pages.tracker import TrackerPage

    page = TrackerPage(window.catalogue, simple=window.look.large)
    if window.edition is not None and page.edition != window.edition:
        page.show_edition(window.edition)
    page.add_header(window.edition_picker())
    page.sourceRequested.connect(window.show_tracked_source)
    return page


def glossary(window: MainWindow, name: str) -> Page:
    from dongli_desktop.ui.pages.glossary import GlossaryPage

    page = GlossaryPage(window.report)
    page.sourceRequested.connect(window.show_source)
    page.backRequested.connect(window.show_page)  # 返回 after a search result opened a note
    return page


def search(window: MainWindow, name: str) -> Page:
    from dongli_desktop.ui.pages.search import SearchPage

    page = SearchPage(window.report)
    page.sourceRequested.connect(window.show_source)
    if window.kiosk:  # our own pinyin keyboard: a kiosk has no physical one
        page.show_keyboard()
    return page


FACTORIES: dict[str, PageFactory] = {
    "overview": overview,
    "review": part,
    "plan": part,
    "livelihood": livelihood,
    "tracker": tracker,
    "glossary": glossary,
    "search": search,
}
