"""Editions in the real app, as a person uses them: a real X session with openbox.

The app starts on the bundled database with a folder of extra editions (``--editions DIR``, which holds
the fictional 2021 edition built from tests/fixtures), so it opens the newest one. The test switches
edition with the picker (found by accessible name, clicked with xdotool) and sees the window title
change, opens the promise tracker from the navigation, and follows both of a row's links: each opens its
own edition. Screenshots are saved in the test's temporary folder (``--basetemp`` keeps them).
"""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import SHIPPED_DB
from tests.session.harness import AppProcess, Control, XSession, wait_until

pytestmark = pytest.mark.screenshot

NEW_TITLE = "东丽区2021年政府工作报告"
OLD_TITLE = "东丽区2020年政府工作报告"
TARGET_LINK = "净增国家高新技术企业，2020年目标102家，查看原文"
RESULT_LINK = "净增国家高新技术企业，2021年报告的结果96家，查看原文"


def scroll_to(session: XSession, app: AppProcess, name: str) -> Control:
    """The control called ``name``, after turning the mouse wheel over the page until it is on the screen."""
    return session.scroll_into_view(session.named(app, name), f"a control named {name!r}")


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1920, 1080)])
def test_switch_edition_and_follow_the_tracker(make_session, tmp_path, dongli_2021_db, width, height):
    extra = tmp_path / "editions"
    extra.mkdir()
    shutil.copy(dongli_2021_db, extra / "dongli_2021.db")
    session = make_session(width, height)
    app = session.start_app("--db", str(SHIPPED_DB), "--editions", str(extra), "--size", f"{width - 40}x{height - 80}")
    wid = app.wait_window()
    session.maximize(wid)
    wait_until(lambda: NEW_TITLE in session.title(wid), 20, 0.2, "the newest edition's title")
    suffix = f"{width}x{height}"

    # The picker on the start page names the newest edition; choose the bundled one.
    picker = session.control(app, f"{NEW_TITLE}（最新）", role="combo box", timeout=30)
    assert picker.h >= 44, picker
    session.click(*picker.center)
    item = session.control(app, OLD_TITLE, role="list item")
    session.screenshot(tmp_path / f"edition-picker-open-{suffix}.png")
    session.click(*item.center)
    wait_until(lambda: session.title(wid).startswith(OLD_TITLE), 20, 0.2, "the title of the chosen edition")
    session.control(app, "2019 工作回顾")  # the navigation names the shown edition's years
    session.screenshot(tmp_path / f"edition-switched-{suffix}.png")

    # The tracker, from the navigation: the 2020 targets beside the 2021 results.
    session.click_control(app, "目标完成情况")
    link = scroll_to(session, app, TARGET_LINK)
    session.screenshot(tmp_path / f"tracker-{suffix}.png")
    session.click(*link.center)
    session.control(app, "2020 工作安排")
    assert session.title(wid).startswith(OLD_TITLE)  # the target is in the edition shown

    session.click_control(app, "目标完成情况")
    session.click(*scroll_to(session, app, RESULT_LINK).center)
    wait_until(lambda: session.title(wid).startswith(NEW_TITLE), 20, 0.2, "the result's edition opened")
    session.control(app, "2020 工作回顾")  # the 2021 edition reviews 2020
    session.screenshot(tmp_path / f"tracker-result-opened-{suffix}.png")
    assert app.proc.poll() is None and "Traceback" not in app.output(), app.output()[-2000:]


def test_the_wheel_over_the_picker_scrolls_the_page_and_keeps_the_edition(make_session, tmp_path,
                                                                          dongli_2021_db):
    """Issue 17 (fresh reader): the wheel over the closed edition drop-down switched the whole report. At
    1024×768 in 大字模式 the pointer rests on the picker and the wheel turns down (xdotool button 5): the
    page scrolls (the picker moves up the screen) and the window still shows the newest edition."""
    extra = tmp_path / "editions"
    extra.mkdir()
    shutil.copy(dongli_2021_db, extra / "dongli_2021.db")
    session = make_session(1024, 768)
    app = session.start_app("--db", str(SHIPPED_DB), "--editions", str(extra), "--large", "--font-scale", "2.0",
                            "--page", "overview")
    wid = app.wait_window()
    session.maximize(wid)
    wait_until(lambda: NEW_TITLE in session.title(wid), 20, 0.2, "the newest edition's title")
    name = f"{NEW_TITLE}（最新）"
    picker = session.control(app, name, role="combo box", timeout=30)
    session.screenshot(tmp_path / "picker-before-wheel.png")
    x, y = picker.center
    session.move_to(x, y)
    session.run("xdotool", "click", "--repeat", "3", "5")
    moved = wait_until(lambda: (p := session.control(app, name, role="combo box")).y < picker.y and p, 30, 0.3,
                       "the page scrolled under the wheel")
    session.screenshot(tmp_path / "picker-after-wheel.png")
    assert NEW_TITLE in session.title(wid) and OLD_TITLE not in session.title(wid)
    assert moved.x == picker.x, (picker, moved)
    assert app.proc.poll() is None and "Traceback" not in app.output()
