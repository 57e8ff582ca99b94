"""Everyone can use it: contrast, names, keyboard, large mode, focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QLineEdit,
    QTextBrowser,
    QWidget,
)

from dongli_desktop.cli import PAGES
from dongli_desktop.ui import theme
from dongli_desktop.ui.style import stylesheet
from tests.gui.layout_checks import clipped

INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractItemView, QTextBrowser)


@pytest.mark.parametrize("name", ["normal", "contrast"])
def test_every_text_colour_pair_is_readable(name):
    colours = theme.THEMES[name]
    failing = []
    for fg, bg, min_pt in theme.PAIRS:
        ratio = theme.contrast_ratio(colours[fg], colours[bg])
        needed = 3.0 if min_pt >= 18 else 4.5
        if ratio < needed:
            failing.append(f"{fg} {colours[fg]} on {bg} {colours[bg]}: {ratio:.2f} < {needed}")
    assert failing == []


@pytest.mark.parametrize("name", ["normal", "contrast"])
def test_every_chart_graphic_stands_out(name):
    """Chart bars: WCAG 2.1 non-text contrast, at least 3:1 against what they sit on."""
    colours = theme.THEMES[name]
    weak = [(fg, bg, round(theme.contrast_ratio(colours[fg], colours[bg]), 2)) for fg, bg in theme.GRAPHIC_PAIRS
            if theme.contrast_ratio(colours[fg], colours[bg]) < 3.0]
    assert weak == []


@pytest.mark.parametrize("name", ["normal", "contrast"])
def test_placeholder_text_is_readable_where_it_is_shown(window, qtbot, name):
    """The search field's placeholder as Qt will draw it (its palette), against the field's background."""
    from PySide6.QtGui import QPalette

    window.set_look(theme=name)
    field = window.page("search").field
    window.show_page("search")
    qtbot.wait(20)
    assert field.placeholderText()
    shown = field.palette().color(QPalette.ColorRole.PlaceholderText)
    assert shown.alpha() == 255
    assert theme.contrast_ratio(shown.name(), theme.get(name)["surface"]) >= 4.5
    window.set_look(theme="normal")


def test_high_contrast_is_stronger():
    for fg, bg, _ in theme.PAIRS[:6]:
        normal = theme.contrast_ratio(theme.NORMAL[fg], theme.NORMAL[bg])
        strong = theme.contrast_ratio(theme.HIGH_CONTRAST[fg], theme.HIGH_CONTRAST[bg])
        assert strong >= normal and strong >= 7


@pytest.mark.parametrize("name", ["normal", "contrast"])
def test_focus_is_always_visible(name):
    sheet = stylesheet(1.0, theme_name=name)
    for selector in ("QPushButton:focus", "QLineEdit:focus", "QTextBrowser:focus", "QListWidget::item:focus",
                     "QPushButton#chip:focus", "QPushButton#link:focus", "QWidget#navBar QPushButton:focus"):
        assert selector in sheet, selector
    colours = theme.THEMES[name]
    assert theme.contrast_ratio(colours["focus"], colours["surface"]) >= 3 or \
        theme.contrast_ratio(colours["focus"], colours["primary"]) >= 3


def unnamed(window) -> list[str]:
    from dongli_desktop.ui.widgets.chart import ChartView

    problems = []
    for widget in window.findChildren(QWidget):
        if (not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(window)
                or isinstance(widget.parent(), QLineEdit)):
            continue
        name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
        if not name.strip():
            problems.append(f"{type(widget).__name__} {widget.objectName()!r}")
    for chart in window.findChildren(ChartView):
        if chart.isVisibleTo(window) and not (chart.accessibleName() and chart.accessibleDescription()):
            problems.append(f"chart {chart.accessibleName()!r} without a description")
    return problems


def test_every_control_and_chart_is_named(window, qtbot):
    for name in PAGES:
        window.show_page(name)
        if name == "livelihood":
            window.page(name).build_chart()
        qtbot.wait(20)
        assert unnamed(window) == [], name
    for button in window.nav_buttons.values():
        assert button.accessibleDescription()
    for card in window.page("overview").cards:
        assert card.accessibleDescription().startswith(card.pair.name)


def test_chart_summary_reads_like_a_sentence(window):
    description = window.page("overview").growth_chart.accessibleDescription()
    assert "地区生产总值增长：2019年预计4%，2020年目标4.5%" in description  # issue 17: the estimate says so


def test_full_keyboard_tour(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.current_page_name() == "review"
    review = window.page("review")
    review.list.setFocus()
    QTest.keyClick(review.list, Qt.Key.Key_Down)
    assert review.current.label == "（一）"
    review.reader.setFocus()
    for _ in range(30):  # Tab through the links of the text to the first glossary term
        QTest.keyClick(review.reader, Qt.Key.Key_Tab)
        if review.reader.textCursor().charFormat().anchorHref().startswith("term:"):
            break
    assert review.reader.textCursor().charFormat().anchorHref() == "term:1"
    with qtbot.waitSignal(review.termActivated, timeout=2000):
        QTest.keyClick(review.reader, Qt.Key.Key_Return)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
    assert dialog.entry.number == 1
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.page("search")
    assert window.current_page_name() == "search" and search.field.hasFocus()
    QTest.keyClicks(search.field, "yanglao")
    QTest.keyClick(search.field, Qt.Key.Key_Return)
    assert search.result.query == "养老" and search.result.count > 0
    search.results.setFocus()
    QTest.keyClick(search.results, Qt.Key.Key_Tab)
    QTest.keyClick(search.results, Qt.Key.Key_Return)
    assert window.current_page_name() in ("review", "plan")
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.current_page_name() == "overview"


def test_tab_order_follows_the_screen(window):
    """Top bar (the language toggle first, where it is shown), then the navigation in order, then the page."""
    chain = [window.language_button]
    while len(chain) < 40:
        chain.append(chain[-1].nextInFocusChain())
    buttons = [w for w in chain if isinstance(w, QAbstractButton) and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    top = [window.language_button, window.smaller, window.larger, window.large_button, window.contrast_button,
           window.about_button]
    assert buttons[: len(top) + len(PAGES)] == top + [window.nav_buttons[p] for p in PAGES]
    after_nav = tab_stops_after(list(window.nav_buttons.values())[-1], 1)
    assert after_nav and window.stack.currentWidget().isAncestorOf(after_nav[0])


def test_large_mode_sizes(window, qtbot):
    qtbot.mouseClick(window.large_button, Qt.MouseButton.LeftButton)
    assert window.look.large
    assert QApplication.font().pointSizeF() >= 18
    font = QApplication.font()
    metrics = QFontMetricsF(font)
    em_px = font.pointSizeF() * metrics.fontDpi() / 72  # the font size in the pixels lineSpacing() is in
    assert metrics.lineSpacing() >= 1.3 * em_px
    while window.larger.isEnabled():
        qtbot.mouseClick(window.larger, Qt.MouseButton.LeftButton)
    assert QApplication.font().pointSizeF() >= 30
    assert window.page("overview").findChild(QAbstractButton, "entry").isHidden() or \
        not window.page("overview").findChild(QAbstractButton, "entry").isVisibleTo(window)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_large_mode_at_the_largest_size_clips_nothing(window, qtbot, size):
    window.resize(*size)
    window.set_look(large=True, theme="contrast")
    window.set_scale(window.scales[-1])
    for name in PAGES:
        window.show_page(name)
        if name == "livelihood":
            window.page(name).build_chart()
        qtbot.wait(30)
        assert clipped(window) == [], (name, size)
        small = [b.text() for b in window.findChildren(QAbstractButton)
                 if b.isVisibleTo(window) and (b.width() < 60 or b.height() < 60)]
        assert small == [], name
    window.set_look(large=False, theme="normal")


# -- issue 20, finding 8: keyboard and screen-reader use ---------------------------------------------
def tab_stops_after(start: QWidget, count: int) -> list[QWidget]:
    """The widgets Tab visits after ``start``, as Qt chooses them (focus chain, Tab policy, visible, enabled)."""
    stops: list[QWidget] = []
    widget = start
    for _ in range(2000):
        widget = widget.nextInFocusChain()
        if widget is start or len(stops) >= count:
            break
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible() and widget.isEnabled()
                and widget.window() is start.window()):
            stops.append(widget)
    return stops


def ring_pixels(button: QWidget) -> list[str]:
    """The colours of the two outermost pixel columns at the middle of the left edge."""
    image = button.grab().toImage()
    y = image.height() // 2
    return [image.pixelColor(x, y).name() for x in (0, 1)]


@pytest.mark.parametrize("name", ["normal", "contrast"])
@pytest.mark.parametrize("checked", [False, True])
def test_top_bar_focus_ring_is_2px_and_3_to_1(window, qtbot, name, checked):
    """WCAG 2.4.13: the focused button's ring is at least 2 px wide, and its pixels differ at least 3:1 from
    the same pixels unfocused and from the bar beside them."""
    window.set_look(theme=name, large=checked)
    button = window.large_button
    assert button.isChecked() == checked
    window.about_button.setFocus()
    qtbot.waitUntil(lambda: window.about_button.hasFocus())
    before = ring_pixels(button)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    after = ring_pixels(button)
    beside = theme.get(name)["surface"]
    for old, new in zip(before, after, strict=True):
        assert theme.contrast_ratio(old, new) >= 3, (before, after)
        assert theme.contrast_ratio(new, beside) >= 3, (after, beside)
    window.set_look(theme="normal", large=False)


def test_navigation_items_are_page_tabs_one_selected(window, qtbot):
    from PySide6.QtGui import QAccessible

    for key in ("overview", "review", "glossary"):
        window.show_page(key)
        selected = []
        for name, button in window.nav_buttons.items():
            iface = QAccessible.queryAccessibleInterface(button)
            assert iface.role() == QAccessible.Role.PageTab, (name, iface.role())
            assert not iface.state().checked and iface.state().selectable
            if iface.state().selected:
                selected.append(name)
            assert iface.parent().role() == QAccessible.Role.PageTabList
        assert selected == [key]


def test_after_alt_2_one_navigation_item_looks_chosen(window, qtbot):
    """Focus in the navigation follows Alt+N, so the focused item and the shown page's item are one."""
    window.nav_buttons["overview"].setFocus()
    qtbot.waitUntil(window.nav_buttons["overview"].hasFocus)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.current_page_name() == "review"
    marked = [k for k, b in window.nav_buttons.items() if b.isChecked() or b.hasFocus()]
    assert marked == ["review"]


@pytest.mark.parametrize("page_name", PAGES)
def test_no_page_gives_its_scroll_frame_a_tab_stop(window, qtbot, page_name):
    from PySide6.QtWidgets import QScrollArea

    window.show_page(page_name)
    qtbot.wait(20)
    stops = tab_stops_after(list(window.nav_buttons.values())[-1], 60)
    frames = [w for w in stops if type(w) is QScrollArea]
    assert frames == []


def test_overview_tab_order_follows_reading_order(window, qtbot):
    """From the navigation, Tab reaches the cards' links and the charts before 了解更多's buttons."""
    page = window.show_page("overview")
    qtbot.waitUntil(lambda: page.charts_built)
    qtbot.wait(20)
    stops = [w for w in tab_stops_after(list(window.nav_buttons.values())[-1], 80) if page.isAncestorOf(w)]
    tops = [w.mapTo(page, w.rect().topLeft()).y() for w in stops]
    entries = set(page.entry_buttons.values())
    first_entry = next(i for i, w in enumerate(stops) if w in entries)
    assert first_entry > 0 and max(tops[:first_entry]) < min(tops[first_entry:]), tops
    card_links = [w for card in page.cards for w in card.findChildren(QAbstractButton) if w.isVisible()]
    assert card_links and all(stops.index(w) < first_entry for w in card_links)


def test_enter_and_space_both_press_a_focused_link(window, qtbot):
    page = window.show_page("livelihood")
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
        window.show_page("livelihood")
        link = page.cards[0].link
        link.setFocus()
        qtbot.waitUntil(link.hasFocus)
        with qtbot.waitSignal(page.sourceRequested, timeout=2000):
            QTest.keyClick(link, key)
        assert window.current_page_name() in ("review", "plan"), key


def test_large_mode_section_drop_down_ends_a_long_title_with_an_ellipsis(qtbot, tmp_path):
    """In 大字模式 on a small screen the section drop-down cut its text with no "…" (issue 20, finding 11)."""
    from dongli_desktop.ui.app import create_window
    from dongli_desktop.ui.widgets.plain import tooltip
    from tests.gui.conftest import make_options

    win, code = create_window(make_options(tmp_path, "--size", "1024x768", "--large", "--font-scale", "1.75"))
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("plan")
    box = page.section_box
    qtbot.waitUntil(lambda: box.isVisible() and box.width() > 0)
    longest = max(range(box.count()), key=lambda i: box.fontMetrics().horizontalAdvance(box.itemText(i)))
    box.setCurrentIndex(longest)
    box.repaint()
    full = box.itemText(longest)
    shown = box.shown_text()
    assert box.fontMetrics().horizontalAdvance(full) > box.width()  # the case of the finding: it cannot fit
    assert shown.endswith("…") and full.startswith(shown[:-1]) and box.toolTip() == tooltip(full)
    win.close()
