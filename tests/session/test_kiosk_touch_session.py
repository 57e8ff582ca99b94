"""Issue 20, in a real X session (Xvfb + openbox, xdotool taps, AT-SPI): touch that is honoured.

* the idle prompt closes on any touch, and that touch presses nothing beneath; it speaks the shown language (#2);
* a tap made while the kiosk rebuilds is not delivered to whatever the new layout put there (#3);
* a dialog moved off the screen (xdotool, openbox's Alt+drag) comes back where 关闭 can be tapped, and
  the shipped openbox configuration refuses the window menu (Alt+Space) and Alt+drag (#4);
* the docked keyboard is never cut and never shows 打开键盘 beside 收起键盘; in portrait every key of
  the search keyboard is on the screen (#7);
* round two: quick taps after one that opened the source are dropped until the new page has settled.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.session.harness import ROOT, AppProcess, XSession, wait_until
from tests.session.test_kiosk_session import IDLE_KIOSK, KIOSK, dialog_beside, new_window, open_about, start
from tests.session.test_layout_session import report_where

pytestmark = pytest.mark.screenshot

SHIPPED_OPENBOX = ROOT / "resources" / "kiosk" / "openbox-rc.xml"


def gone(session: XSession, wid: int) -> bool:
    return session.map_state(wid) in (None, "IsUnMapped")


# -- #2 the idle prompt -------------------------------------------------------------------------
def test_a_tap_beside_the_idle_prompt_closes_it_and_presses_nothing(x_session):
    """A tap on the 首页 page tab closes “还在浏览吗？” and is consumed: the page stays 名词解释 (before, the tap
    also switched the page; in the usability pass a topic chip ran a search). The kiosk is not reset. A
    later tap on 关于 opens the About box: once it is up, the earlier tap has surely been handled."""
    app, wid = start(x_session, IDLE_KIOSK)
    home = x_session.control(app, "首页", role="page tab")
    x_session.tap(app, "名词解释", x_session.named(app, "名词列表"), "the glossary page")
    prompt = new_window(x_session, app, {wid}, timeout=60)  # idle_timeout is 15 s, the least allowed
    assert x_session.title(prompt) == "还在浏览吗？"
    x_session.click(*home.center)
    wait_until(lambda: gone(x_session, prompt), 10, message="the prompt closed by a tap beside it")
    about = int(x_session.tap(app, "关于本程序", dialog_beside(app, {wid, prompt}), "the About box"))
    assert "关于" in x_session.title(about)
    assert x_session.controls(app, "名词列表").get("名词列表"), "the tap that closed the prompt switched the page"


def test_the_idle_prompt_speaks_english_after_the_switch(x_session):
    app, wid = start(x_session, IDLE_KIOSK)
    x_session.tap(app, "切换到英文界面", x_session.named(app, "Home"), "the English interface")
    prompt = new_window(x_session, app, {wid}, timeout=60)
    assert x_session.title(prompt) == "Still browsing?"
    keep = x_session.control(app, "Keep browsing", role="push button")
    assert not x_session.controls(app, "继续浏览").get("继续浏览")
    x_session.click(*keep.center)
    wait_until(lambda: gone(x_session, prompt), 10, message="the prompt closed")


# -- #3 taps queued during a rebuild -------------------------------------------------------------
def test_a_second_tap_made_during_the_large_mode_rebuild_is_dropped(x_session):
    """Two quick taps on 大字模式: the second lands while the pages are rebuilt, when the button may have
    moved; it is dropped, so large mode ends on (before: both acted and it ended off, or hit another control)."""
    app, wid = start(x_session)
    normal = x_session.control(app, "首页", role="page tab")
    large = x_session.control(app, "大字模式")
    x, y = large.center
    x_session.move_to(x, y)
    x_session.run("xdotool", "click", "--repeat", "2", "--delay", "60", "1")

    def settled_height() -> int | None:
        first = x_session.control(app, "首页", role="page tab", timeout=60)
        return first.h if first.h != normal.h else None

    wait_until(settled_height, 60, 0.5, "large mode on (a taller navigation)")
    assert app.top_levels() == [wid], "a queued tap opened something"
    assert not x_session.controls(app, "Home").get("Home"), "a queued tap switched the language"
    assert app.proc.poll() is None and "Traceback" not in app.output()


# -- #4 dialogs stay on screen; the shipped openbox refuses its menu and Alt+drag ----------------------
def alt_drag(session: XSession, x: int, y: int, dx: int, dy: int) -> None:
    session.move_to(x, y)
    session.run("xdotool", "keydown", "alt")
    session.run("xdotool", "mousedown", "1")
    try:
        for step in range(1, 11):
            session.move_to(x + dx * step // 10, y + dy * step // 10)
    finally:
        session.run("xdotool", "mouseup", "1")
        session.run("xdotool", "keyup", "alt")


@pytest.mark.parametrize("how", ["windowmove", "alt-drag"])
def test_a_dialog_moved_off_the_screen_comes_back_and_closes(x_session, how):
    """openbox with its default configuration (the harness's): both moves work on any window."""
    app, wid = start(x_session)
    about = open_about(x_session, app, wid)
    box = wait_until(lambda: x_session.geometry(about), 10)
    if how == "windowmove":
        x_session.move(about, 1500, 1000)
    else:
        x, y = box.center
        alt_drag(x_session, x, y, 1200 - x, 790 - y)
    wait_until(lambda: (g := x_session.geometry(about)) is not None and x_session.screen.contains(g), 10,
               message="the dialog back inside the screen")
    viewable = [w for w in x_session.stacking() if x_session.map_state(w) == "IsViewable"]
    assert viewable[-1] == about, "the dialog is not on top"
    close = x_session.control(app, "关闭", role="push button")
    assert x_session.screen.contains(close)
    x_session.click(*close.center)
    wait_until(lambda: gone(x_session, about), 10, message="关闭 closed the dialog")


def openbox_session(make_session, config: Path | None) -> XSession:
    session = make_session(1280, 800, wm=False)
    argv = ["openbox", "--sm-disable"] + (["--config-file", str(config)] if config is not None else [])
    session._spawn(argv, "openbox.log")
    wait_until(lambda: "window id" in session.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK", check=False).stdout,
               20, 0.05, "openbox")
    return session


def viewable_children(session: XSession) -> set[int]:
    out = session.run("xwininfo", "-root", "-children").stdout
    ids = {int(line.split()[0], 16) for line in out.splitlines() if line.strip().startswith("0x")}
    return {w for w in ids if session.map_state(w) == "IsViewable"}


def wm_barrier(session: XSession, wid: int) -> None:
    """Wait until openbox has handled every input event sent before this call.

    The X server hands openbox its events in order: the key or button events sent earlier, then the
    ConfigureRequest that a one-pixel resize of a managed window makes. Once the new height shows, openbox has
    dealt with the earlier input too, so whatever it was going to map or move is already mapped or moved.
    This is a wait on an event, not on the clock."""
    before = session.geometry(wid)
    assert before is not None
    session.resize(wid, before.w, before.h + 1)
    wait_until(lambda: (g := session.geometry(wid)) is not None and g.h != before.h, 120, 0.1,
               "openbox to apply a one-pixel resize")


@pytest.mark.parametrize("config", ["shipped", "default"])
def test_openbox_window_menu_and_alt_drag(make_session, config):
    """The shipped resources/kiosk/openbox-rc.xml refuses Alt+Space and Alt+drag; openbox's default
    configuration allows both (which shows the checks can fail). A plain (non-kiosk) window is used, so
    the kiosk's own guard cannot hide what the window manager does. No check waits on the clock: with the
    default configuration the test waits for the menu and the move; with the shipped one, wm_barrier() shows
    openbox has handled the keys before the test looks."""
    session = openbox_session(make_session, SHIPPED_OPENBOX if config == "shipped" else None)
    app: AppProcess = session.start_app("--size", "900x600", name="plain")
    wid = app.wait_window()
    session.control(app, "首页", timeout=30)
    before = viewable_children(session)
    session.run("xdotool", "windowactivate", "--sync", str(wid))
    wait_until(lambda: session.active_window() == wid, 60, 0.1, "the window to take focus")
    if config == "default":  # what should happen: wait for it (the chord made again if openbox took no notice)
        session.chord_until("alt+space", lambda: viewable_children(session) - before, "openbox's window menu")
    else:
        session.key("alt+space")
    wm_barrier(session, wid)
    menu_seen = bool(viewable_children(session) - before)
    session.key("Escape")
    wait_until(lambda: not viewable_children(session) - before, 60, 0.1, "no menu left open")
    place = session.geometry(wid)
    assert place is not None
    x, y = place.center
    alt_drag(session, x, y, 200, 100)
    if config == "default":
        wait_until(lambda: (g := session.geometry(wid)) is not None and (g.x, g.y) != (place.x, place.y), 60, 0.1,
                   "Alt+drag to move the window")
    wm_barrier(session, wid)
    now = session.geometry(wid)
    assert now is not None
    moved = (now.x, now.y) != (place.x, place.y)
    if config == "shipped":
        assert not menu_seen, "Alt+Space opened openbox's window menu"
        assert not moved, f"Alt+drag moved the window: {place} -> {now}"
    else:
        assert menu_seen and moved, (menu_seen, moved)


# -- #7 the on-screen keyboard ---------------------------------------------------------------------
@pytest.mark.parametrize(("width", "height", "scale"), [
    (1280, 800, 1.0), (1280, 800, 1.5), (1080, 1920, 1.0), (1280, 800, 2.0), (1024, 768, 1.0), (1024, 768, 2.0),
    (1080, 1920, 2.0)], ids=["landscape", "landscape-150", "portrait", "landscape-200", "1024x768", "1024x768-200",
                             "portrait-200"])
def test_the_docked_keyboard_is_whole_with_candidates_in_large_mode(make_session, tmp_path, width, height, scale):
    """Round three: AT-SPI gave every key inside the screen while the picture showed 空格 and 清除 cut at the
    bottom (landscape, candidates shown) and below the screen (portrait), and the right column (0, P, .) cut
    at 1024 px: the dock's own facts (tools/probes/layout_report.py) say which keys it cuts and which labels
    their keys cut."""
    session = make_session(width, height)
    report = tmp_path / "layout.json"
    app, _wid = start(session, f"attract = false\nlarge_mode = true\nfont_scale = {scale}\n",
                      ("--layout-report", str(report)))
    session.tap(app, "名词解释", session.named(app, "筛选名词"), "the glossary page")
    session.tap(app, "筛选名词", session.named(app, "收起键盘"), "the on-screen keyboard")
    for letter in "YL":
        session.click_control(app, letter, role="push button")
    session.control(app, "养老", timeout=20)  # candidates shown

    def whole():
        found = session.controls(app, "屏幕键盘", "空格", "清除", "Z", "A", "Q", "1", "0", "P", ".", "退格")
        if not all(found.get(n) for n in found):
            return None
        return {n: next(c for c in found[n] if c.w > 0) for n in found}

    keys = wait_until(whole, 20, 0.3, "the keyboard's keys")
    board = keys["屏幕键盘"]
    session.screenshot(session.folder / f"docked-keyboard-large-{width}x{height}-{round(scale * 100)}.png")
    dock = report_where(report, lambda r: "dock" in r and r["dock"]["rect"][3] == board.h, "the dock's facts")["dock"]
    assert dock["cut"] == [], f"keys cut by the keyboard's edge: {dock['cut']}"
    assert dock["clipped"] == [], f"labels cut by their keys: {dock['clipped']}"
    assert dock["rect"][1] + dock["rect"][3] <= dock["window_height"], dock
    assert session.screen.contains(board), f"the keyboard runs past the screen: {board}"
    for name in ("空格", "清除", "Z", "A", "Q", "1", "0", "P", ".", "退格"):
        assert board.contains(keys[name]) and session.screen.contains(keys[name]), (name, keys[name], board)
    assert board.y + board.h - (keys["空格"].y + keys["空格"].h) >= 4, "the bottom row touches the keyboard's edge"
    field = session.control(app, "筛选名词")
    assert field.y + field.h <= board.y or board.y + board.h <= field.y, f"the keyboard covers the field {field}"
    rows = [keys[n] for n in ("1", "Q", "A", "Z", "空格")]
    for upper, lower in zip(rows, rows[1:], strict=False):
        assert lower.y >= upper.y + upper.h, f"rows overlap: {upper} / {lower}"
    # a word chosen: the docked keyboard closes, never folding to 打开键盘 beside 收起键盘
    session.click_control(app, "养老", role="push button")  # the candidate shown above (letters are no word)
    wait_until(lambda: not session.controls(app, "收起键盘").get("收起键盘"), 10, message="the keyboard closed")
    assert not session.controls(app, "打开键盘").get("打开键盘")


def test_the_search_keyboard_is_on_the_screen_in_portrait_at_200(make_session):
    """A regression check (this one held on the starting code too): the search page's own keyboard."""
    session = make_session(1080, 1920)
    app, wid = start(session, "attract = false\nfont_scale = 2.0\n")
    session.tap(app, "搜索", session.named(app, "搜索内容"), "the search page", role="page tab")
    session.tap(app, "搜索内容", session.named(app, "屏幕键盘"), "the on-screen keyboard")
    for letter in "YL":
        session.click_control(app, letter, role="push button")
    session.control(app, "养老", timeout=20)
    found = wait_until(lambda: (c := session.controls(app, "空格", "清除", "搜索", "Z")).get("清除") and c, 20, 0.3,
                       "the bottom row")
    bottom = [c for name in ("空格", "清除") for c in found[name] if c.w > 0]
    z = next(c for c in found["Z"] if c.w > 0)
    session.screenshot(session.folder / "portrait-search-keyboard.png")
    assert bottom and all(session.screen.contains(c) for c in bottom), bottom
    assert all(c.y >= z.y + z.h for c in bottom), (bottom, z)


# -- round two, #2: quick taps after a page change --------------------------------------------------
def source_section(session: XSession, taps: int, report: Path) -> str:
    """Start the kiosk, tap the first 查看原文 on 首页 ``taps`` times quickly, and say which section of the
    reading page is shown once it has settled (two more layout reports after it came)."""
    app = session.start_app(kiosk_config=KIOSK, probes=("--layout-report", str(report)))
    wid = app.wait_window()
    wait_until(lambda: session.covers_screen(wid), 30, message="the kiosk covering the screen")
    session.control(app, "首页", timeout=60)

    def scrolled_to_a_link():  # the visitor scrolls 首页 with the wheel until a card's 查看原文 shows
        found = next((c for c in session.controls(app, "查看原文").get("查看原文", []) if session.screen.contains(c)),
                     None)
        if found is None:
            session.move_to(session.width // 2, session.height // 2)
            session.run("xdotool", "click", "--repeat", "2", "5")
        return found

    link = wait_until(scrolled_to_a_link, 90, 0.3, "a 查看原文 on the screen")
    x, y = link.center
    session.move_to(x, y)
    session.run("xdotool", "click", "--repeat", str(taps), "--delay", "70", "1")
    shown = report_where(report, lambda r: r["page"] in ("review", "plan") and r.get("part", {}).get("section"),
                         "the reading page")
    for _ in range(2):  # the reports are written twice a second: two more, and every queued tap was handled
        stamp = report.stat().st_mtime_ns
        wait_until(lambda s=stamp: report.stat().st_mtime_ns != s, 30, 0.05, "the next layout report")
    settled = report_where(report, lambda r: r["page"] == shown["page"], "the reading page still")
    app.stop()
    return str(settled["part"]["section"])


def test_quick_taps_on_view_source_do_not_land_on_the_new_page(x_session, tmp_path):
    """Five quick taps on a card's 查看原文: the first opens the source, the four after it are made before the
    reading page is shown and settled and are dropped (before, they landed in its section list and the page
    ended on another section than the highlighted one)."""
    one = source_section(x_session, 1, tmp_path / "one.json")
    five = source_section(x_session, 5, tmp_path / "five.json")
    assert five == one, (one, five)
