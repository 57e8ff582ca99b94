"""Charts as a person sees them, in a real X session with a window manager.

Portrait 1080×1920 (the kiosk screen) and 1024×768 at 200 % text, normal and high contrast: scrolled to
the overview's growth chart, the chart is at least 240 px tall, its legend and axis title are on the
screen inside the chart, above its bars, and the bars' pixels have the theme's series colours.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QImage

from dongli_desktop.core import charts
from dongli_desktop.core.navigation import part_sections
from dongli_desktop.ui import theme
from tests.session.harness import AppProcess, Control, SessionError, XSession, wait_until

pytestmark = pytest.mark.screenshot

GROWTH = "主要经济指标增长率"
LEGEND = ("2019年", "2020年目标")
AXIS = ("每一行是一个指标，有自己的尺子：同一行的柱子按数值比长短，不同行的柱子不能互相比较，"
        "请看旁边的数字；只有一个数字的行不画柱子。")  # several measures: each row its own scale, said above the bars
MIN_CHART_PX = 240


def scroll_to(session: XSession, app: AppProcess, name: str, screen: Control) -> Control:
    """Turn the mouse wheel over the page until the tallest control called ``name`` is wholly on the screen,
    or its top is in the upper third of it, or the page cannot scroll further.

    Event-based, not timed: after each notch it waits for the control to move (a generous ceiling per notch,
    for a loaded machine); a notch that moves nothing means the page is at its end. AT-SPI walks are slow at
    200 % on a small screen, so a fixed overall time limit (once 90 s) failed there on a busy machine."""

    def tallest() -> Control | None:
        found = [c for c in session.controls(app, name).get(name, []) if c.w > 0 and c.h > 0]
        return max(found, key=lambda c: c.h) if found else None

    control = wait_until(tallest, 120, 0.2, f"a control named {name!r}")
    for _notch in range(200):  # the longest page at 200 % on 1024x768 needs far fewer
        assert isinstance(control, Control)
        if screen.contains(control) or 0 <= control.y <= screen.h // 3:
            return control
        before = control.y
        session.run("xdotool", "click", "5")  # one notch down
        try:
            control = wait_until(lambda y=before: (c := tallest()) is not None and c.y != y and c, 30, 0.2,
                                 f"{name!r} to move after a notch of the wheel")
        except SessionError:
            return control  # the page cannot scroll further
    raise AssertionError(f"{name!r} never came into view")


def chart_in_view(make_session, size: tuple[int, int], scale: str, page: str, chart: str,
                  *options: str) -> tuple[XSession, AppProcess]:
    """A session of `size` with the app at `scale` on `page`, the wheel turned until `chart` is in view."""
    width, height = size
    session = make_session(width, height)
    app = session.start_app("--size", f"{width}x{height}", "--font-scale", scale, "--page", page, *options)
    app.wait_window()
    session.control(app, "搜索")  # the navigation is on the accessibility bus: the window is ready
    session.move_to(width // 2, height // 2)
    scroll_to(session, app, chart, session.screen)
    return session, app


def inside(outer: Control, inner: Control) -> bool:
    return outer.contains(inner)


@pytest.mark.parametrize(("size", "scale"), [((1080, 1920), "1.0"), ((1024, 768), "2.0")],
                         ids=["portrait", "1024x768-200"])
@pytest.mark.parametrize("contrast", [False, True], ids=["normal", "contrast"])
def test_growth_chart_shows_its_legend_axis_and_theme_colours(make_session, tmp_path, size, scale, contrast):
    width, height = size
    session, app = chart_in_view(make_session, size, scale, "overview", GROWTH, *(["--contrast"] if contrast else []))
    found = session.controls(app, GROWTH, AXIS, *LEGEND)
    chart = max(found[GROWTH], key=lambda c: c.h)  # the chart itself (its title label shares the name)
    shot = tmp_path / f"growth-{width}x{height}-{scale}-{'contrast' if contrast else 'normal'}.png"
    session.screenshot(shot)
    assert chart.h >= MIN_CHART_PX, chart
    axis = [c for c in found.get(AXIS, []) if inside(chart, c)]
    assert axis and session.screen.contains(axis[0]), found.get(AXIS)
    for name in LEGEND:
        keys = [c for c in found.get(name, []) if inside(chart, c)]
        assert keys and session.screen.contains(keys[0]), (name, found.get(name))
        assert keys[0].y < chart.y + chart.h // 2  # above the bars, not below the fold
    colours = theme.get("contrast" if contrast else "normal")
    image = QImage(str(shot))
    seen = {image.pixelColor(x, y).name() for x in range(chart.x, chart.x + chart.w, 3)
            for y in range(chart.y, min(chart.y + chart.h, height), 3)}
    assert {colours.series("actual"), colours.series("target")} <= seen
    other = theme.get("normal" if contrast else "contrast")
    assert other.series("actual") not in seen


REVIEW_CHART = "主要经济指标：2019年与2020年目标"
READER = "报告原文"


@pytest.mark.parametrize(("size", "scale"), [((1080, 1920), "2.0"), ((1920, 1080), "1.0")],
                         ids=["portrait-200", "1920x1080-100"])
def test_review_chart_is_whole_in_its_pane(make_session, tmp_path, size, scale):
    """Seen in the screenshot matrix: the review page's chart pane scrolled inside itself and cut the bottom
    bar (portrait at 200 %; at 1920×1080 and 100 % the pane was 307 px for a chart that needs 412). The whole
    chart (all its bars) must sit above the reading pane, not run on under it."""
    width, height = size
    session = make_session(width, height)
    app = session.start_app("--size", f"{width}x{height}", "--font-scale", scale, "--page", "review")
    app.wait_window()
    session.control(app, "搜索")
    session.screenshot(tmp_path / f"review-{width}x{height}-{scale}.png")

    def both() -> dict | None:
        found = session.controls(app, REVIEW_CHART, READER)
        return found if found.get(REVIEW_CHART) and found.get(READER) else None

    found = wait_until(both, 30, 0.2, "the review chart and the reading pane")
    chart = max(found[REVIEW_CHART], key=lambda c: c.h)
    reader = max(found[READER], key=lambda c: c.h)
    assert chart.h >= MIN_CHART_PX, chart
    assert session.screen.contains(chart), chart
    assert chart.y + chart.h <= reader.y, (chart, reader)


TOPICS_CHART = "本程序列出的实事条目数（按主题；点柱子筛选该主题）"
LABEL_ROOM_PX = 40  # at 200 % text: one character (about 35 px) for a count such as “4”, with its margins


def test_livelihood_bars_end_inside_their_axis(make_session, tmp_path):
    """Seen in the screenshot matrix: the items-per-topic chart's axis ended at 4 with the longest bar
    running to the axis's end, its number squeezed inside it or cut. Now the axis runs to a round number
    past every bar and its label, so the longest bar leaves room for its number before the chart's edge."""
    width, height = 1080, 1920
    session, app = chart_in_view(make_session, (width, height), "2.0", "livelihood", TOPICS_CHART)
    chart = max(session.controls(app, TOPICS_CHART)[TOPICS_CHART], key=lambda c: c.h)
    shot = session.screenshot(tmp_path / "livelihood-1080x1920-2.0.png")
    colours = theme.get("normal")
    bars = {colours.series("done"), colours.series("planned")}
    image = QImage(str(shot))
    bottom = min(chart.y + chart.h, height)
    seen = {image.pixelColor(x, y).name() for x in range(chart.x, chart.x + chart.w) for y in range(chart.y, bottom, 2)}
    assert bars <= seen, "the bars are on the screen"
    rightmost = max(x for x in range(chart.x, chart.x + chart.w) for y in range(chart.y, bottom, 2)
                    if image.pixelColor(x, y).name() in bars)
    assert rightmost <= chart.x + chart.w - LABEL_ROOM_PX, "no room for the longest bar's number right of it"


AREA_CHART = "{section}：主要数字"  # the section's figures, named after it


@pytest.mark.parametrize("part", ["review", "plan"])
def test_every_chart_beside_the_text_is_whole_at_1920x1080(make_session, tmp_path, report, part):
    """Seen in the screenshot matrix at 1920×1080 and 100 %: the chart pane beside the text was shorter than
    its chart, which scrolled inside it with its last bars cut. Every section's chart shown together with
    the text now sits whole above the reading pane (a chart too tall for that gets the pane to itself)."""
    width, height = 1920, 1080
    session = make_session(width, height)
    path = tmp_path / "layout.json"
    app = session.start_app("--size", f"{width}x{height}", "--font-scale", "1.0", "--page", part,
                            probes=("--layout-report", str(path)))
    app.wait_window()
    session.control(app, "搜索")
    checked = 0
    for section in part_sections(report, part):
        growth = section.key in ("review_overview", "plan_targets")
        if not growth and not charts.area_chart(report, section.id).rows:
            continue
        session.click_control(app, section.display_title)
        facts = wait_until(lambda s=section.display_title: (f := read_layout(path)) is not None and
                           f.get("part", {}).get("section") == s and f, 30, 0.2, section.display_title)
        if not (facts["part"]["chart_visible"] and facts["part"]["reader_visible"]):
            continue  # one pane at a time: nothing beside the text to cut
        name = REVIEW_CHART if growth else AREA_CHART.format(section=section.display_title)
        found = session.controls(app, name, READER)
        shown = [c for c in found.get(name, []) if c.role != "label"] or found.get(name, [])
        chart = max(shown, key=lambda c: c.h)
        reader = max(found[READER], key=lambda c: c.h)
        assert session.screen.contains(chart), (section.display_title, chart)
        assert chart.y + chart.h <= reader.y, (section.display_title, chart, reader)
        checked += 1
    session.screenshot(tmp_path / f"{part}-1920x1080.png")
    assert checked > 0  # the full-HD screen shows chart and text together for some sections


def read_layout(path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def test_hovering_a_bar_shows_its_value(make_session, tmp_path):
    """Issue 20 item 10: on the desktop, the pointer resting on a bar's number (where a reader looks for the
    value) shows the value in a tooltip window, as on the bar itself (only the bar answered before)."""
    width, height = 1920, 1080
    session, app = chart_in_view(make_session, (width, height), "1.0", "overview", GROWTH)
    chart = max(session.controls(app, GROWTH)[GROWTH], key=lambda c: c.h)
    shot = session.screenshot(tmp_path / "hover-before.png")
    image = QImage(str(shot))
    target = theme.get("normal").series("target")
    bottom = min(chart.y + chart.h, height)
    points = [(x, y) for y in range(chart.y, bottom, 2) for x in range(chart.x, chart.x + chart.w, 2)
              if image.pixelColor(x, y).name() == target]
    assert points, "a target bar is on the screen"
    x, y = points[len(points) // 2]
    y = min(points, key=lambda pt: abs(pt[1] - y))[1]
    x = max(px for px, py in points if py == y) + 14  # just past the bar's end: its number
    tip = theme.get("normal")["tooltip_bg"]
    assert not any(image.pixelColor(px, py).name() == tip for px in range(0, width, 7) for py in range(0, height, 7))

    def tooltip_shown() -> bool:  # a tooltip is an override-redirect window: seen on the screen, not in a list
        after = QImage(str(session.screenshot(tmp_path / "hover-after.png")))
        near = sum(1 for px in range(max(0, x - 100), min(width, x + 500), 3)
                   for py in range(max(0, y - 200), min(height, y + 200), 3) if after.pixelColor(px, py).name() == tip)
        return near > 300

    app.activate()  # Qt shows tool tips only in the active window
    session.move_to(x, y)
    session.move_to(x + 2, y)  # a small move, as a hand makes
    wait_until(tooltip_shown, 20, 0.2, "a tooltip beside the bar")


def test_keyboard_reaches_the_chart_and_reads_each_value(make_session, tmp_path):
    """Issue 20 item 10: the chart takes keyboard focus (a click on it, then Shift+Tab and Tab back, as a
    keyboard user moves); the focused bar shows its value in a tooltip, Down moves to the next bar, Enter
    opens the sentence behind it. Before, the plot took no focus at all."""
    width, height = 1920, 1080
    session, app = chart_in_view(make_session, (width, height), "1.0", "overview", GROWTH)
    chart = max(session.controls(app, GROWTH)[GROWTH], key=lambda c: c.h)
    tip = theme.get("normal")["tooltip_bg"]

    def tooltips(name: str) -> int:
        image = QImage(str(session.screenshot(tmp_path / name)))
        return sum(1 for x in range(0, width, 3) for y in range(0, height, 3) if image.pixelColor(x, y).name() == tip)

    # the row-label column of the plot: no bar there, so the click only gives the plot focus
    session.click(chart.x + 12, chart.y + chart.h - 40)
    session.move_to(5, height - 5)  # the pointer out of the way
    session.key("shift+Tab")
    session.key("Tab")
    wait_until(lambda: tooltips("focused.png") > 300, 20, 0.2, "the focused bar's value")
    first = QImage(str(tmp_path / "focused.png"))
    session.key("Down")
    wait_until(lambda: tooltips("down.png") > 300 and QImage(str(tmp_path / "down.png")) != first, 20, 0.2,
               "the next bar's value")
    session.key("Return")
    session.control(app, "报告原文", timeout=30)  # the reading view opened at the bar's sentence
