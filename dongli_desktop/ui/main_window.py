"""The main window: a top bar (title, text size, about), a navigation bar and the pages.

Pages are created on first visit (by :mod:`dongli_desktop.ui.page_factory`), so start-up pays only for the
start page. The window shows one edition of the report at a time, from its catalogue of editions
(:mod:`dongli_desktop.core.editions`): the overview and tracker pages carry an edition picker in their header
slot, and switching rebuilds the pages for the chosen report.
Every title and page name comes from the shown edition's document and parts.
"""

from __future__ import annotations

import functools
import itertools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop.core.constants import FONT_SCALES, LARGE_SCALES, PAGES, shown_scale
from dongli_desktop.core.editions import Catalogue, Edition
from dongli_desktop.core.errors import DongliError
from dongli_desktop.core.layout import default_window
from dongli_desktop.core.models import SourceRef
from dongli_desktop.core.navigation import page_for_section, part_years
from dongli_desktop.core.repository import Report
from dongli_desktop.ui import accessible, i18n, theme
from dongli_desktop.ui.logs import LOG
from dongli_desktop.ui.page_factory import FACTORIES
from dongli_desktop.ui.pages.base import Page, PageState
from dongli_desktop.ui.qtapp import qapp
from dongli_desktop.ui.style import Metrics, app_font, stylesheet
from dongli_desktop.ui.widgets.common import (
    PageArea,
    PageStack,
    install_enter_activates,
    layout_focus_order,
    make_label,
    scroll_page,
)
from dongli_desktop.ui.widgets.speech_bar import SpeechBar
from dongli_desktop.ui.widgets.toolbar import TopBar

if TYPE_CHECKING:
    from dongli_desktop.core import charts
    from dongli_desktop.ui.dialogs import AboutDialog, TermDialog  # imported on first use, off the start path
    from dongli_desktop.ui.pages.tracker import TrackedSource

CONTROL_SCALE = 1.25  # the text-size controls keep the size of this step (125 %), so they never move
LANGUAGE_LABELS = ("English", "中文")  # the language toggle's label in Chinese and in English: it fits both
LARGE_LABELS = ("大字模式", "Large mode")  # 大字模式's label in both languages: its width fits both
TOUCH_TARGET = 44  # px: the least width and height of A－ and A＋ (WCAG 2.5.5); the kiosk's finger size is 60
NAV_COMPACT_PAD = 6  # px around a navigation button's text when the column would otherwise scroll
NAV_COMPACT_CHARS = 36  # a window fewer characters wide than this gets the tight navigation too
KIOSK_WINDOW_FLAGS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint  # full screen, on top
# Pages kept built once left, besides the start page: the reader's last ones (a search and the text it opened).
# Older ones are let go and built again, with what the reader left on them, when next visited: a tour of every
# page holds three or four pages, not seven (about 6 MB less; bench/RESULTS.md, "RSS after every page").
KEPT_PAGES = 2


@dataclass(frozen=True)
class Look:
    """How the interface is shown: text size, 大字模式, colour theme and language."""

    scale: float = 1.0
    large: bool = False
    theme: str = "normal"
    lang: str = "zh_CN"


class MainWindow(QMainWindow):
    """Signals:
        ready(): the start page is completely shown (data loaded, charts drawn).
        scaleChanged(float): the text size changed.
        pageCreated(QWidget): a page was built (kiosk mode hardens it).
    """

    ready = Signal()
    scaleChanged = Signal(float)
    pageCreated = Signal(QWidget)

    def __init__(self, report: Report, font_family: str, scale: float = 1.0,
                 pages: tuple[str, ...] = PAGES,
                 kiosk: bool = False, look: Look | None = None, on_look: Callable[[Look], None] | None = None,
                 *, catalogue: Catalogue, edition: Edition | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kiosk:  # before anything is measured: made frameless later, Qt polishes every widget again (the
            self.setWindowFlags(KIOSK_WINDOW_FLAGS)  # kiosk's 60 px least width undid 大字模式's pinned one)
        self.report = report
        self.catalogue = catalogue  # the editions the reader can switch between (core.editions.list_editions)
        self.edition = edition if edition is not None else self._edition_at(Path(report.path))
        self._reports: dict[Path, Report] = {Path(report.path): report}  # opened editions, kept open
        self.font_family = font_family
        started = replace(look or Look(), scale=scale)
        self.look = replace(started, scale=shown_scale(started.scale, started.large))
        self._on_look = on_look
        # the size 大字模式 lowered (at the start too: --large --font-scale 2), given back when it ends
        self._scale_before_large: float | None = started.scale if started != self.look else None
        self.allowed = tuple(p for p in PAGES if p in pages) or ("overview",)
        self.kiosk = kiosk
        self.locked = False
        self.pages: dict[str, Page] = {}
        self._pending_states: dict[str, PageState] = {}  # pages to rebuild on their next visit, with their state
        self._shown: list[str] = []  # the pages shown, the latest last (each once)
        self._speech_watched: object = None  # the speaker followed (tests may replace the app's)
        self.start_maximised = False

        self.nav_buttons: dict[str, QPushButton] = {}
        self.stack = PageStack()
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._top_bar())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav_bar = self._nav_bar()
        nav = scroll_page(self.nav_bar)  # scrolls only if the text is too large for the screen
        nav.setObjectName("navScroll")
        nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        nav.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.nav_scroll = nav
        row.addWidget(nav)
        self.page_area = PageArea(self.stack)  # scrolls only when a page's least size does not fit the window
        row.addWidget(self.page_area, 1)
        outer.addLayout(row, 1)
        self.speech_bar = SpeechBar()
        outer.addWidget(self.speech_bar)
        self.setCentralWidget(central)
        self._shortcuts()
        install_enter_activates()
        self.retranslate()
        self._fix_tab_order()
        self._fit_nav()

    @property
    def scale(self) -> float:
        return self.look.scale

    def place_on_screen(self, size: tuple[int, int] | None, preferred: tuple[int, int]) -> None:
        """The asked-for size, or the preferred one if the screen holds it, else the whole available screen."""
        self.start_maximised = False
        if size is not None:
            self.resize(*size)
            return
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(*preferred)
            return
        room = screen.availableGeometry()
        width, height, self.start_maximised = default_window((room.width(), room.height()), preferred)
        self.resize(width, height)
        self.move(room.x() + (room.width() - width) // 2, room.y() + (room.height() - height) // 2)

    def show_placed(self) -> None:
        """Show the window as :meth:`place_on_screen` decided (maximised on a small screen)."""
        if self.start_maximised:
            self.showMaximized()
        else:
            self.show()

    # -- chrome -----------------------------------------------------------------------
    def page_titles(self) -> dict[str, str]:
        """Navigation names; the part pages name the years of the shown edition's parts."""
        return {
            "overview": self.tr("首页"),
            "review": self.tr("{years} 工作回顾").format(years=part_years(self.report, "review")),
            "plan": self.tr("{years} 工作安排").format(years=part_years(self.report, "plan")),
            "livelihood": self.tr("民生实事"),
            "tracker": self.tr("目标完成情况"),
            "glossary": self.tr("名词解释"),
            "search": self.tr("搜索"),
        }

    def _tool(self, action: Callable[[], object], checkable: bool = False) -> QPushButton:
        button = QPushButton()
        button.setObjectName("tool")
        button.setCheckable(checkable)
        button.clicked.connect(lambda *_: action())
        return button

    def _top_bar(self) -> QWidget:
        self.app_title = make_label("", "appTitle", wrap=False)
        self.smaller = self._tool(lambda: self.step_scale(-1))
        self.scale_label = make_label("", "scaleLabel", wrap=False)
        self.scale_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.larger = self._tool(lambda: self.step_scale(+1))
        self.large_button = self._tool(lambda: self.set_look(large=self.large_button.isChecked()), checkable=True)
        self.contrast_button = self._tool(
            lambda: self.set_look(theme="contrast" if self.contrast_button.isChecked() else "normal"), checkable=True)
        self.language_button = self._tool(lambda: self.set_look(lang="zh_CN" if self.look.lang == "en" else "en"))
        self.about_button = self._tool(self.show_about)
        # The language toggle comes first, in a width and font that do not change with the language or the
        # text size: it stays under the finger after a switch and never goes into 更多 (a Chinese-only
        # visitor who switched by mistake finds 中文 where English was).
        # 大字模式 comes before it, in one width for both modes and both languages: a visitor who taps it twice
        # finds it under the same finger after the rebuild (it moved right as the bar grew, or into 更多).
        fixed: list[QWidget] = [self.large_button, self.language_button, self.smaller, self.scale_label, self.larger]
        if self.kiosk:  # the admin gesture's corner holds nothing a visitor could change by tapping it
            from dongli_desktop.ui.kiosk.controller import CORNER

            corner = QWidget()
            corner.setObjectName("adminCorner")
            corner.setFixedWidth(CORNER)
            fixed.insert(0, corner)
            self.kiosk_corner = CORNER
        self.top_bar = TopBar(fixed,
                              [self.contrast_button, self.about_button],
                              self.app_title,
                              yielding=((self.smaller, self.scale_label, self.larger), (self.language_button,)))
        self.top_bar.arranged.connect(lambda: self._fix_tab_order() if self.nav_buttons else None)
        self.top_bar.menu_row_least = self._touch_target()
        if self.kiosk:
            self.top_bar.setMinimumHeight(self.kiosk_corner)  # the navigation starts below the corner too
        return self.top_bar

    def _nav_bar(self) -> QWidget:
        """The page navigation: one checkable button per page, page tabs to assistive technology."""
        bar = QWidget()
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(0, 12, 0, 12)
        layout.setSpacing(4)
        group = QButtonGroup(self)
        group.setExclusive(True)
        accessible.install()
        bar.setProperty(accessible.PAGE_TAB_LIST, True)
        for key in self.allowed:
            button = QPushButton()
            button.setCheckable(True)
            accessible.mark_page_tab(button)
            button.clicked.connect(lambda *_, k=key: self.show_page(k))
            group.addButton(button)
            layout.addWidget(button)
            self.nav_buttons[key] = button
        layout.addStretch(1)
        bar.setObjectName("navBar")
        return bar

    def retranslate(self) -> None:
        """(Re)set every chrome text in the current language."""
        title = self.report.document.full_title
        self.setWindowTitle(self.tr("{title} · 市民读本").format(title=title))
        self.top_bar.set_title(title)
        for index, key in enumerate(self.allowed, start=1):
            title = self.page_titles()[key]
            button = self.nav_buttons[key]
            button.setText(title)
            button.setAccessibleName(title)
            button.setAccessibleDescription(self.tr("打开“{title}”页面（Alt+{n}）").format(title=title, n=index))
        texts = {
            self.smaller: (self.tr("A－"), self.tr("缩小字号"), self.tr("把所有文字调小一级（Ctrl+减号）")),
            self.larger: (self.tr("A＋"), self.tr("放大字号"), self.tr("把所有文字调大一级（Ctrl+加号）")),
            self.large_button: (self.tr("大字模式"), self.tr("大字模式"),
                                self.tr("更大的字、更大的按钮、更简洁的页面")),
            self.contrast_button: (self.tr("高对比度"), self.tr("高对比度"), self.tr("黑白分明的颜色，看得更清楚")),
            self.language_button: (self.tr("English"), self.tr("切换到英文界面"),
                                   self.tr("界面文字改用英文；报告原文仍为中文")),
            self.about_button: (self.tr("关于"), self.tr("关于本程序"), self.tr("内容来源、版本和字体许可")),
        }
        for button, (text, name, description) in texts.items():
            button.setText(text)
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
            button.setToolTip(description)
        for button in (self.smaller, self.larger):  # in 更多 (a narrow window) by what they do, not A－ / A＋
            button.setProperty("menuText", button.accessibleName())
        self.large_button.setChecked(self.look.large)
        self.contrast_button.setChecked(self.look.theme == "contrast")
        self.top_bar.retranslate(self.tr("更多"), self.tr("更多按钮"))
        self._update_scale_label()

    def _shortcuts(self) -> None:
        for index, key in enumerate(self.allowed, start=1):
            self._shortcut(QKeySequence(f"Alt+{index}"), functools.partial(self._page_shortcut, key))
        self._shortcut(QKeySequence(QKeySequence.StandardKey.Find), self.focus_search)
        for back in (QKeySequence(QKeySequence.StandardKey.Back), QKeySequence(Qt.Key.Key_Escape)):
            self._shortcut(back, self.go_back)  # 返回 after 查看原文, as a browser goes back (elderly reader's pass)
        self._shortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), lambda: self.step_scale(+1))
        self._shortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), lambda: self.step_scale(-1))

    def go_back(self) -> bool:
        """返回 on the page shown, where it offers one (after 查看原文, or a note opened from a search)."""
        page = self.stack.currentWidget()
        return isinstance(page, Page) and page.go_back()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.BackButton and self.go_back():  # the mouse's thumb button
            event.accept()
            return
        super().mousePressEvent(event)

    def _shortcut(self, keys: QKeySequence, action: Callable[[], object]) -> QShortcut:
        shortcut = QShortcut(keys, self)
        shortcut.activated.connect(action)
        return shortcut

    def _page_shortcut(self, name: str) -> None:
        """Alt+N: show the page; focus in the navigation moves to its tab, so one item looks chosen."""
        in_nav = QApplication.focusWidget() in self.nav_buttons.values()
        self.show_page(name)
        if in_nav and name in self.nav_buttons:
            self.nav_buttons[name].setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- pages ------------------------------------------------------------------------
    def page(self, name: str) -> Page:
        """The page called ``name``, created on first use."""
        if name not in self.pages:
            page = self._create(name)
            self.pages[name] = page
            self.stack.addWidget(page)
            self._fix_tab_order()
            self.pageCreated.emit(page)
            pending = self._pending_states.pop(name, None)
            if pending:  # built anew after a switch: what the reader left on it comes back
                page.restore_state(pending)
        return self.pages[name]

    def _create(self, name: str) -> Page:
        """Build a page through its factory (:mod:`dongli_desktop.ui.page_factory`)."""
        page = FACTORIES[name](self, name)
        page.setAccessibleName(self.page_titles()[name])
        return page

    def _fit_nav(self) -> None:
        """The navigation column is as wide as its widest button; it tightens its padding before it scrolls
        and on a window only a few characters wide."""
        bar = self.nav_bar
        bar.setStyleSheet("")
        bar.ensurePolished()
        bar.adjustSize()
        room = self.height() - self.top_bar.sizeHint().height()
        em = next(iter(self.nav_buttons.values())).fontMetrics().horizontalAdvance("中") if self.nav_buttons else 0
        narrow = self.width() < NAV_COMPACT_CHARS * em  # few characters a line: the page needs the width
        if self.isVisible() and (bar.sizeHint().height() > room or narrow):
            bar.setStyleSheet(f"QPushButton {{ padding: {NAV_COMPACT_PAD}px {2 * NAV_COMPACT_PAD}px; }}")
            bar.adjustSize()
        scroll = self.nav_scroll.verticalScrollBar().sizeHint().width() if bar.sizeHint().height() > room else 0
        self.nav_scroll.setFixedWidth(bar.sizeHint().width() + scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_nav()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_nav()

    def _fix_tab_order(self) -> None:
        """Tab goes through the top bar, then the navigation, then the page: the order things appear in."""
        more = [self.top_bar.more] if self.top_bar.more.isVisibleTo(self) else []
        chain: list[QWidget] = [self.language_button, self.smaller, self.larger, self.large_button,
                                self.contrast_button, self.about_button, *more, *self.nav_buttons.values()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        for page in self.pages.values():
            QWidget.setTabOrder(chain[-1], page)
        current = self.stack.currentWidget()
        if current is not None:  # the shown page's controls in reading order, right after the navigation
            for first, second in itertools.pairwise([chain[-1], *layout_focus_order(current)]):
                QWidget.setTabOrder(first, second)

    def show_page(self, name: str) -> Page:
        if name not in self.allowed:
            name = self.allowed[0]
        page = self.page(name)
        offer_return = getattr(page, "offer_return", None)
        if offer_return is not None:  # opened another way than 查看原文: no way “back” to offer
            offer_return()
        focus_follows = self._focus_in_page()
        if self.stack.currentWidget() is not page:  # another page starts at its top-left corner
            self.page_area.home()
        self.stack.setCurrentWidget(page)
        self._fix_tab_order()
        self.nav_buttons[name].setChecked(True)
        if focus_follows:
            self.focus_page_content()
        if name != "overview":
            QTimer.singleShot(0, self, self.page_ready)
        self._let_go_of_old_pages(name)
        return page

    def _let_go_of_old_pages(self, shown: str) -> None:
        """Remember ``shown`` as the latest page; let go of the pages left longer ago than the last
        :data:`KEPT_PAGES` (never the start page), keeping what the reader left on each for its next visit."""
        if shown in self._shown:
            self._shown.remove(shown)
        self._shown.append(shown)
        left = [name for name in self._shown if name not in (self.allowed[0], shown)]
        for name in left[:-KEPT_PAGES] if len(left) > KEPT_PAGES else []:
            self._shown.remove(name)
            self.let_go_of(name)

    def let_go_of(self, name: str, keep_state: bool = True) -> None:
        """Delete the built page ``name`` now, not at the next return to the event loop (never the caller: a page
        shown now or just before is not let go); it is built again when visited, with what the reader left on it
        unless ``keep_state`` is False."""
        page = self.pages.pop(name, None)
        if page is None:
            return
        state = page.save_state() if keep_state else {}
        if state:
            self._pending_states[name] = state
        self.stack.removeWidget(page)
        page.deleteLater()
        QApplication.sendPostedEvents(page, QEvent.Type.DeferredDelete)

    def forget_left_pages(self) -> None:
        """Drop what readers left on pages that are not built now (a kiosk's next visitor starts afresh)."""
        self._pending_states.clear()

    def _focus_in_page(self) -> bool:
        """The keyboard focus is in the shown page (or nowhere in this window): a page opened now takes it.

        Hiding a page that holds the focus hands it to the next widget in the Tab chain: a button of the new
        page or of the top bar (English), which a following Space would press."""
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            return focus is None
        current = self.stack.currentWidget()
        return current is not None and current.isAncestorOf(focus)

    def focus_page_content(self) -> None:
        """The keyboard focus goes to the shown page's content (its text, else its first control)."""
        page = self.stack.currentWidget()
        target = page.focus_target() if isinstance(page, Page) else None
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def read_on(self, name: str) -> None:
        """The link at a part's end: the next part from its first section (the focus goes with the reader)."""
        from dongli_desktop.ui.pages.part import PartPage

        if name not in self.allowed:
            return
        page = self.show_page(name)
        if isinstance(page, PartPage):
            page.read_from_start()

    def current_page_name(self) -> str:
        return next(k for k, p in self.pages.items() if p is self.stack.currentWidget())

    def page_ready(self) -> None:
        """The current page may be completely shown: say ``ready`` once its charts are drawn."""
        self._fix_tab_order()  # charts drawn after the first frame join the focus chain late
        page = self.stack.currentWidget()
        if isinstance(page, Page) and page.charts_built:
            self._watch_speech()
            self.ready.emit()

    def _watch_speech(self, retry: bool = True) -> None:
        """Once read-aloud has started: if its engine turns out unusable, rebuild the pages without 朗读 links."""
        from dongli_desktop.ui import speech

        if not speech.started():  # the overview starts it one event-loop turn after its charts
            if retry:
                QTimer.singleShot(0, self, lambda: self._watch_speech(retry=False))
            return
        if self._speech_watched is speech.speaker():
            return
        self._speech_watched = speech.speaker()
        self.speech_bar.follow(speech.speaker())
        speech.speaker().stateChanged.connect(self._speech_state)
        self._speech_state(speech.speaker().state)  # it may have failed already

    def _speech_state(self, state: object) -> None:
        from dongli_desktop.ui.speech import State

        if state is State.FAILED and self.pages:
            self.rebuild_pages()

    def focus_search(self) -> None:
        if "search" not in self.allowed:
            return
        from dongli_desktop.ui.pages.search import SearchPage

        page = self.show_page("search")
        if isinstance(page, SearchPage):
            page.field.setFocus()
            page.field.selectAll()

    # -- provenance: every number leads back to its sentence --------------------------
    def show_source(self, ref: SourceRef) -> None:
        from dongli_desktop.ui.pages.glossary import GlossaryPage
        from dongli_desktop.ui.pages.part import PartPage

        origin = self.current_page_name() if self.pages else ""
        if ref.paragraph_id is not None:
            section = self.report.section(self.report.paragraph(ref.paragraph_id).section_id)
            name = page_for_section(section)
            page = self.show_page(name) if name in self.allowed else None
            if isinstance(page, PartPage):
                focus_follows = self._focus_in_page()
                page.show_paragraph(ref)
                if focus_follows:  # the text may only show now (a page where chart and text take turns)
                    self.focus_page_content()
                if origin and origin != name:  # 返回 brings the reader back to where they were
                    page.offer_return(origin, self.page_titles()[origin])
        elif ref.glossary_id is not None and "glossary" in self.allowed:
            page = self.show_page("glossary")
            if isinstance(page, GlossaryPage):
                page.show_entry(ref.glossary_id, ref.spans)
                if origin and origin != "glossary":  # 返回 brings the reader back (to the search results)
                    page.offer_return(origin, self.page_titles()[origin])

    def show_tracked_source(self, source: TrackedSource) -> None:
        """A tracker link: open the edition the number comes from (if another is shown), then its words."""
        if Path(source.path) != Path(self.report.path):
            edition = self._edition_at(Path(source.path))
            if edition is None or not self.open_edition(edition):
                return
        self.show_source(source.ref)

    # -- editions -----------------------------------------------------------------------
    def _edition_at(self, path: Path) -> Edition | None:
        return next((e for e in self.catalogue.editions if Path(e.path) == path), None)

    def edition_picker(self) -> QWidget:
        """An edition picker for a page, showing the current edition."""
        from dongli_desktop.ui.widgets.edition_picker import EditionPicker

        picker = EditionPicker(self.catalogue, current=self.edition, simple=self.look.large)
        picker.editionChosen.connect(self.open_edition)
        return picker

    def open_edition(self, edition: Edition) -> bool:
        """Show another edition: pages are rebuilt for its report, the current page stays where it exists.

        Returns False (and keeps the shown edition) if the edition cannot be opened."""
        if edition == self.edition:
            return True
        report = self._reports.get(Path(edition.path))
        if report is None:
            try:
                report = edition.open()
            except (DongliError, sqlite3.Error) as exc:
                LOG.error("edition %s cannot be opened: %s", edition.path, exc)
                self._sync_pickers()
                return False
            self._reports[Path(edition.path)] = report
        self.report = report
        self.edition = edition
        self.retranslate()
        self.rebuild_pages(keep_state=False)
        self._fit_nav()
        self.top_bar.arrange()
        return True

    def open_newest(self) -> None:
        """Back to the newest edition (the kiosk's idle reset)."""
        if self.catalogue.latest is not None:
            self.open_edition(self.catalogue.latest)

    def _sync_pickers(self) -> None:
        from dongli_desktop.ui.widgets.edition_picker import EditionPicker

        for picker in self.findChildren(EditionPicker):
            picker.set_current(self.edition)

    def show_bar(self, bar: charts.Bar) -> None:
        from dongli_desktop.core import charts

        if bar.paragraph_id is not None or bar.glossary_id is not None:
            self.show_source(charts.bar_source(self.report, bar))

    def show_term(self, glossary_id: int) -> TermDialog:
        from dongli_desktop.ui.dialogs import TermDialog

        dialog = TermDialog(self.report.glossary_entry(glossary_id), self)
        dialog.glossaryRequested.connect(lambda gid: self.show_source(SourceRef(glossary_id=gid)))
        dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        """The About box; it also tells staff the content update status (never fails to open)."""
        from dongli_desktop.core.content import VerifiedEdition
        from dongli_desktop.ui.dialogs import AboutDialog

        edition = self.edition
        opened = None if edition is None or edition.bundled or isinstance(edition, VerifiedEdition) else edition.path
        dialog = AboutDialog(self.report.document, self, kiosk=self.kiosk, opened_file=opened)
        dialog.open()
        return dialog

    # -- text size, large mode, theme, language ------------------------------------------
    @property
    def scales(self) -> tuple[float, ...]:
        return LARGE_SCALES if self.look.large else FONT_SCALES

    def step_scale(self, direction: int) -> None:
        scales = self.scales
        index = min(range(len(scales)), key=lambda i: abs(scales[i] - self.scale))
        index = max(0, min(len(scales) - 1, index + direction))
        self.set_scale(scales[index])

    def apply_style(self) -> None:
        app = qapp()
        app.setFont(app_font(self.font_family, self.look.scale, self.look.large))
        app.setStyleSheet(stylesheet(self.look.scale, kiosk=self.kiosk, large=self.look.large,
                                     colours=theme.use(self.look.theme)))

    def set_scale(self, scale: float) -> None:
        """Apply a text size everywhere: application font, stylesheet, charts, reading views."""
        self.look = replace(self.look, scale=scale)
        self._scale_before_large = None  # a size chosen now is the person's: it stays when 大字模式 ends
        places = {name: page.save_state() for name, page in self.pages.items()}  # before the text moves
        self.apply_style()
        self._update_scale_label()
        self._fit_nav()
        self.top_bar.arrange()
        for name, page in self.pages.items():
            page.apply_scale(scale)
            page.keep_place(places[name])
        if self._on_look is not None:
            self._on_look(self.chosen_look())
        self.scaleChanged.emit(scale)

    def chosen_look(self) -> Look:
        """The look to keep for the next start: the one shown, with the reader's own text size where 大字模式
        lowered it (the next start lowers it again, and gives it back when 大字模式 ends)."""
        if self._scale_before_large is None:
            return self.look
        return replace(self.look, scale=self._scale_before_large)

    def set_look(self, *, scale: float | None = None, large: bool | None = None, theme: str | None = None,
                 lang: str | None = None) -> None:
        """Switch large mode, theme or language at run time (None: unchanged): pages are rebuilt, nothing
        restarts."""
        old = self.look
        new = Look(scale=old.scale if scale is None else scale, large=old.large if large is None else large,
                   theme=old.theme if theme is None else theme, lang=old.lang if lang is None else lang)
        given_back = None
        if new.large and new.scale > LARGE_SCALES[-1]:  # 大字模式 goes up to 175 %: remember what it lowers
            given_back = new.scale
            new = replace(new, scale=LARGE_SCALES[-1])
        elif self.look.large and not new.large and scale is None and self._scale_before_large is not None:
            new = replace(new, scale=self._scale_before_large)  # the mode ends: the person's own size again
        if new == self.look:
            return
        if given_back is not None or not new.large:
            self._scale_before_large = given_back
        if new.lang != self.look.lang:
            new = replace(new, lang=i18n.set_language(new.lang))
        restyle = (new.scale, new.large, new.theme) != (self.look.scale, self.look.large, self.look.theme)
        self.look = new

        def restyle_and_retranslate() -> None:  # between dropping the old pages and building the new one
            if restyle:  # a new stylesheet re-polishes every widget alive: the old pages are gone by now
                self.apply_style()
            self.retranslate()

        self.rebuild_pages(before_build=restyle_and_retranslate)
        self._fit_nav()
        self.top_bar.arrange()
        self.scaleChanged.emit(self.look.scale)
        if self._on_look is not None:
            self._on_look(self.chosen_look())

    def rebuild_pages(self, keep_state: bool = True, before_build: Callable[[], None] | None = None) -> None:
        """Build every visited page anew, keeping what the reader typed or chose on each (``keep_state``);
        ``before_build`` runs once the old pages are deleted, before the new one is made."""
        current = self.current_page_name() if self.pages else self.allowed[0]
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget.parent() is self:
                widget.reject()
        states: dict[str, PageState] = {name: page.save_state() if keep_state else {}
                                        for name, page in self.pages.items()}
        self.setUpdatesEnabled(False)  # no half-built frame (text struck through by the old page) is painted
        try:
            old = list(self.pages.values())
            for page in old:
                self.stack.removeWidget(page)
                page.deleteLater()
            self.pages.clear()
            if before_build is not None:  # called from outside the pages (top bar, kiosk timer): delete them
                for page in old:  # now, so that a new stylesheet does not re-polish them in vain
                    QApplication.sendPostedEvents(page, QEvent.Type.DeferredDelete)
                before_build()
            # Only the page in view is built now; the others when next visited, with what the reader left
            # there (a language switch then costs one page, not every visited one).
            # (with what was left on pages let go before, unless the states are not kept)
            self._pending_states = {**(self._pending_states if keep_state else {}),
                                    **{name: state for name, state in states.items() if state and name != current}}
            self.page(current)
            self.show_page(current)  # before its state: showing a page takes a 返回 away, which the state brings back
            if states.get(current):
                page = self.pages[current]
                page.restore_state(states[current])
                back, offer = getattr(page, "return_to", ""), getattr(page, "offer_return", None)
                if offer is not None and back in self.page_titles():  # 返回 names its page in the language shown
                    offer(back, self.page_titles()[back])
        finally:
            self.setUpdatesEnabled(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        """A locked kiosk refuses to close (Alt+F4, the window manager, anything)."""
        if self.locked:
            event.ignore()
            return
        super().closeEvent(event)

    def _update_scale_label(self) -> None:
        self.scale_label.setText(self._scale_text(self.scale))
        self.scale_label.setAccessibleName(self.tr("当前文字大小"))
        self.scale_label.setMinimumHeight(self.smaller.sizeHint().height())
        self.smaller.setEnabled(self.scale > self.scales[0])
        self.larger.setEnabled(self.scale < self.scales[-1])
        self._pin_scale_controls()

    def _scale_text(self, scale: float) -> str:
        """The size label: in 大字模式 its top size (below the usual 200 %) is named the most, as A＋ is greyed out."""
        if self.look.large and scale >= self.scales[-1]:
            return self.tr("最大 {p}%").format(p=round(scale * 100))
        return self.tr("文字 {p}%").format(p=round(scale * 100))

    def _pin_scale_controls(self) -> None:
        """A－, the size label and A＋ keep one size (that of 125 %) and one width, so none of them moves."""
        pt = Metrics(min(CONTROL_SCALE, self.scales[-1]), self.look.large).body
        more = getattr(getattr(self, "top_bar", None), "more", None)  # 更多 too: whether A＋ fits beside it must
        # not change with the text size (A＋ went into 更多 under the finger that tapped it: review)
        for widget in (self.smaller, self.scale_label, self.larger, self.language_button, self.large_button,
                       *([more] if more is not None else [])):
            widget.setStyleSheet(f"font-size: {pt}pt;")
            widget.ensurePolished()
        self._pin_large_button()
        button = self.language_button
        shown = button.text()
        widths = []
        for label in (*LANGUAGE_LABELS, shown):  # measured as the button draws each label
            button.setText(label)
            widths.append(button.sizeHint().width())
        button.setText(shown)
        button.setFixedWidth(max(*widths, self._touch_target()))
        button.setMinimumHeight(self._touch_target())
        metrics = self.scale_label.fontMetrics()
        widest = max(metrics.horizontalAdvance(self._scale_text(s)) for s in self.scales)
        self.scale_label.setFixedWidth(widest + metrics.averageCharWidth())
        least = self._touch_target()
        for button in (self.smaller, self.larger):
            button.setFixedWidth(max(least, self.smaller.sizeHint().width(), self.larger.sizeHint().width()))
            button.setMinimumHeight(least)

    def _pin_large_button(self) -> None:
        """大字模式 keeps one width: the widest its label is in either language, in the font of either mode."""
        button = self.large_button
        shown, sheet = button.text(), button.styleSheet()
        widths = []
        for large in (False, True):
            pt = Metrics(min(CONTROL_SCALE, self.scales[-1]), large).body
            button.setStyleSheet(f"font-size: {pt}pt;")
            button.ensurePolished()
            for label in (*LARGE_LABELS, shown):
                button.setText(label)
                widths.append(button.sizeHint().width())
        button.setText(shown)
        button.setStyleSheet(sheet)
        button.setFixedWidth(max(*widths, self._touch_target()))
        button.setMinimumHeight(self._touch_target())

    def _touch_target(self) -> int:
        """The least size of a text-size button: 44 px, a finger's 60 px in the kiosk."""
        if self.kiosk:
            from dongli_desktop.ui.kiosk.controller import FINGER

            return FINGER
        return TOUCH_TARGET
