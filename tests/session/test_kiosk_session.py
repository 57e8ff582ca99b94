"""The kiosk cannot be hidden: every window-manager action leaves the screen without it for at most 2 s.

Real X session (Xvfb + openbox), the real app in kiosk mode, actions as xdotool/EWMH send them. The
kiosk is "shown" when its window is mapped, covers the screen exactly and an app window is on top.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from tests.session.harness import AppProcess, SessionError, XSession, longest_gap, wait_until

pytestmark = pytest.mark.screenshot

KIOSK = "attract = false\n"
IDLE_KIOSK = "attract = false\nidle_timeout = 15\nwarning_seconds = 20\n"
ALLOWED_GAP = 2.0  # seconds without the kiosk (issue 10)
WATCH = 5.0  # how long the screen is watched after an action


def start(session: XSession, config: str = KIOSK, probes: tuple[str, ...] = ()) -> tuple[AppProcess, int]:
    """The kiosk with ``config`` (and test ``probes``), started up completely, covering the screen."""
    app = session.start_app(kiosk_config=config, probes=probes)
    wid = app.wait_window()
    wait_until(lambda: session.covers_screen(wid), 30, message="the kiosk covering the screen")
    session.control(app, "首页", timeout=30)  # started up completely: the navigation is on the bus
    return app, wid


def kiosk_shown(session: XSession, app: AppProcess, wid: int) -> bool:
    if not session.covers_screen(wid):
        return False
    ours = set(app.windows())
    viewable = [w for w in session.stacking() if session.map_state(w) == "IsViewable"]
    return bool(viewable) and viewable[-1] in ours


def dialog_beside(app: AppProcess, known: set[int]) -> Callable[[], int | None]:
    """A look for the app's next mapped top-level window (a dialog)."""
    return lambda: next((w for w in app.top_levels() if w not in known), None)


def new_window(session: XSession, app: AppProcess, known: set[int], timeout: float = 20.0) -> int:
    """The app's next mapped top-level window (a dialog)."""
    return int(wait_until(dialog_beside(app, known), timeout, 0.1, "a dialog window"))  # type: ignore[arg-type]


def assert_kiosk_survives(session: XSession, app: AppProcess, wid: int, action: str) -> None:
    gap, last = longest_gap(lambda: kiosk_shown(session, app, wid), WATCH)
    if gap > ALLOWED_GAP or not last:
        session.screenshot(session.folder / "failure.png")
    assert app.proc.poll() is None, app.output()[-2000:]
    assert gap <= ALLOWED_GAP, f"{action}: the kiosk was gone for {gap:.1f} s"
    assert last, f"{action}: the kiosk did not come back"


def open_about(session: XSession, app: AppProcess, wid: int) -> int:
    """A tap on 关于, again if the kiosk dropped it (made while the start page settled, or queued too long on a
    loaded machine: ci17 and ci19 waited for an About box that a dropped tap never opened)."""
    return int(session.tap(app, "关于本程序", dialog_beside(app, {wid}), "the About box"))


def open_pinpad(session: XSession, app: AppProcess, wid: int) -> int:
    """The admin gesture as a finger does it: five taps in the top-left corner, then a hold."""
    session.move_to(20, 20)
    for _ in range(5):
        session.run("xdotool", "click", "1")
    session.run("xdotool", "mousedown", "1")
    try:
        return new_window(session, app, {wid}, timeout=60)
    finally:
        session.run("xdotool", "mouseup", "1")


def open_idle_prompt(session: XSession, app: AppProcess, wid: int) -> int:
    """A visitor taps 首页 and walks away (an untouched start page is never asked “还在浏览吗？”)."""
    # idle_timeout is 15 s, the least allowed; a dropped tap is made again (a visit must be seen)
    return int(session.tap(app, "首页", dialog_beside(app, {wid}), "the idle prompt", role="page tab"))


@pytest.mark.parametrize("opener", [open_about, open_pinpad, open_idle_prompt], ids=["about", "pinpad", "idle"])
def test_minimising_a_kiosk_dialog_never_hides_the_kiosk(x_session, opener):
    app, wid = start(x_session, IDLE_KIOSK if opener is open_idle_prompt else KIOSK)
    dialog = opener(x_session, app, wid)
    x_session.minimize(dialog)
    assert_kiosk_survives(x_session, app, wid, f"minimise {opener.__name__}")
    # the dialog is back in front (or gone), never left modal and invisible behind the kiosk
    assert x_session.map_state(dialog) in ("IsViewable", None)


def test_dialogs_have_no_title_bar_to_tap(x_session):
    """A dialog the window manager decorates offers minimise/maximise/close to every visitor."""
    app, wid = start(x_session)
    dialog = open_about(x_session, app, wid)
    frame = x_session.geometry(dialog)
    extents = x_session.run("xprop", "-id", str(dialog), "_NET_FRAME_EXTENTS").stdout
    assert "= 0, 0, 0, 0" in extents or "not found" in extents, (extents, frame)


@pytest.mark.parametrize("action", ["minimise", "close", "maximise", "unmaximise", "resize"])
def test_window_manager_actions_on_the_kiosk_window(x_session, action):
    app, wid = start(x_session)
    if action == "minimise":
        x_session.minimize(wid)
    elif action == "close":
        x_session.close_window(wid)
    elif action == "maximise":
        x_session.maximize(wid)
    elif action == "unmaximise":
        x_session.maximize(wid)
        time.sleep(0.3)  # a person's second click on the same button
        x_session.unmaximize(wid)
    else:
        x_session.resize(wid, 400, 300)
    assert_kiosk_survives(x_session, app, wid, action)


@pytest.mark.parametrize("action", ["unmap", "resize", "move"])
def test_without_a_window_manager(make_session, action):
    session = make_session(1280, 800, wm=False)
    _, wid = start(session)
    if action == "unmap":
        session.run("xdotool", "windowunmap", str(wid))
    elif action == "resize":
        session.resize(wid, 400, 300)
    else:
        session.move(wid, 300, 200)
    gap, last = longest_gap(lambda: session.covers_screen(wid), WATCH)
    assert gap <= ALLOWED_GAP and last, f"{action}: the kiosk was gone for {gap:.1f} s (back: {last})"


def test_alt_f4_closes_a_desktop_window_but_not_the_kiosk(make_session):
    """Alt+F4 reaches the window manager in a real session (unlike offscreen Qt): the desktop app closes
    (so the check can fail), the kiosk stays."""
    session = make_session(1280, 800)
    desktop = session.start_app("--size", "1000x640", name="desktop")
    desktop.wait_window()
    session.control(desktop, "首页", timeout=30)
    desktop.activate()  # the keys go to the focused window: wait until the window manager says it is this one
    try:
        session.chord_until("alt+F4", lambda: desktop.proc.poll() is not None, "the desktop app closed by Alt+F4")
    except SessionError as exc:  # ci27 and ci28 (loaded): say what the screen and the app were doing
        wid = desktop.wid or 0
        raise SessionError(f"{exc}; its window {wid}: {session.map_state(wid)}, active window "
                           f"{session.active_window()}, its windows {desktop.top_levels()}, its log: "
                           f"{desktop.app_log()[-1500:]}") from exc
    app, wid = start(session)
    app.activate()
    session.key("alt+F4")
    assert_kiosk_survives(session, app, wid, "Alt+F4")


def test_a_tap_made_again_where_a_dropped_one_was_works(x_session):
    """ci23 and ci24 failed with "8 taps at (912, 50) were all dropped": the kiosk had rightly dropped a tap made as a
    page settled, and the harness's next tap at the same place hung in `xdotool mousemove --sync` (no motion to wait
    for) until the idle prompt mapped under the pointer 15 s later and took it; and so on. A tap on the new page made
    within its settling time is dropped here on purpose (the navigation and the top bar no longer drop taps: kiosk
    visitor's pass, 5 December); the next one, at the same place, opens the keyboard of the glossary's filter."""
    app, wid = start(x_session, IDLE_KIOSK)
    x_session.tap(app, "名词解释", x_session.named(app, "名词列表"), "the glossary page")
    field = x_session.control(app, "筛选名词")  # where the filter is once the page shows
    x_session.tap(app, "首页", x_session.named(app, "了解更多"), "the start page")
    page_tab = x_session.control(app, "名词解释")
    x_session.click(*page_tab.center)
    x_session.click(*field.center)  # made before the new page has settled: dropped
    wait_until(lambda: app.dropped_taps() >= 1, 60, 0.2, "the kiosk's word that it dropped the tap on the filter")
    x_session.tap(app, "筛选名词", x_session.named(app, "收起键盘"), "the on-screen keyboard")  # the same place
    assert x_session.covers_screen(wid)


def test_150_key_taps_leave_the_kiosk_as_wide_as_the_screen(x_session):
    """Issue 10 #7: 150 taps widened the kiosk from 1280 to 2258 px and half the keyboard left the screen."""
    app, wid = start(x_session)
    key = x_session.tap(app, "搜索", x_session.named(app, "Y"), "the search page's keyboard")
    x, y = key.center
    x_session.move_to(x, y)
    x_session.run("xdotool", "click", "--repeat", "150", "--delay", "25", "1", timeout=60)
    assert_kiosk_survives(x_session, app, wid, "150 taps")
    back = x_session.control(app, "退格", role="push button")
    assert x_session.screen.contains(back), back


def test_tapping_the_glossary_filter_opens_the_keyboard(x_session):
    """Issue 10 #8: the glossary filter gave a cursor but no keyboard."""
    app, wid = start(x_session)
    x_session.tap(app, "名词解释", x_session.named(app, "名词列表"), "the glossary page")
    assert "收起键盘" not in x_session.controls(app, "收起键盘")
    x_session.tap(app, "筛选名词", x_session.named(app, "收起键盘"), "the on-screen keyboard")
    for letter in "QY":
        x_session.click_control(app, letter, role="push button")
    x_session.click_control(app, "企业", role="push button")  # the candidate
    wait_until(lambda: "没有符合的名词。" not in x_session.controls(app, "没有符合的名词。"), 5)
    # a chosen word closes the docked keyboard (issue 20 #7: no folded row with 打开键盘 beside 收起键盘)
    wait_until(lambda: "收起键盘" not in x_session.controls(app, "收起键盘"), 10, message="the keyboard closed")
    assert "打开键盘" not in x_session.controls(app, "打开键盘")
    x_session.click_control(app, "筛选名词")  # a tap on the field brings it back
    x_session.control(app, "收起键盘", role="push button")
    filter_box = x_session.control(app, "筛选名词")
    keys = x_session.control(app, "屏幕键盘")
    assert filter_box.y + filter_box.h <= keys.y, "the keyboard covers the field"
    x_session.click_control(app, "收起键盘", role="push button")
    wait_until(lambda: "收起键盘" not in x_session.controls(app, "收起键盘"), 10, message="the keyboard closed")
    assert x_session.covers_screen(wid)


def test_another_program_cannot_cover_the_kiosk(make_session):
    """A window of another program, activated and raised, does not stay over the kiosk."""
    session = make_session(1280, 800)
    app, wid = start(session)
    other = session.start_app("--size", "900x600", name="other")
    other_wid = other.wait_window()
    session.run("xdotool", "windowactivate", str(other_wid), check=False)
    session.run("xdotool", "windowraise", str(other_wid), check=False)
    assert_kiosk_survives(session, app, wid, "another program on top")
