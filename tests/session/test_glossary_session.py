"""The glossary at 200 % on 1024×768 in a real X session (Xvfb + openbox), as a person uses it.

The list was six characters wide beside an eleven-character note. On a narrow page the list takes the
whole width; tapping a term (found by its accessible name, tapped with xdotool) opens its note over the
whole width, and 全部名词 (返回名词列表) brings the list back.
"""

from __future__ import annotations

import pytest

from tests.session.harness import wait_until
from tests.session.test_search_session import control_text

pytestmark = pytest.mark.screenshot

TERM = "（2）双万双服促发展"


def test_list_and_note_take_turns_at_200_percent_on_1024x768(make_session, tmp_path):
    session = make_session(1024, 768)
    app = session.start_app("--font-scale", "2.0", "--page", "overview")  # the default, maximised window
    app.wait_window()
    session.click_control(app, "名词解释", role="page tab")
    shown = session.control(app, "名词列表")
    assert shown.w >= 600, shown  # the list has the page's width, not a sliver
    assert not session.controls(app, "名词解释内容").get("名词解释内容")
    session.screenshot(tmp_path / "glossary-list-1024x768-200.png")
    term = session.control(app, TERM)
    assert session.screen.contains(term) and term.w >= 600, term
    session.click(*term.center)
    note = session.control(app, "名词解释内容")
    assert note.w >= 600 and session.screen.contains(session.control(app, "返回名词列表")), note
    wait_until(lambda: "双万双服" in control_text(session, app, "名词解释内容"), 20, 0.3, "the note")
    assert not session.controls(app, "名词列表").get("名词列表")
    session.screenshot(tmp_path / "glossary-note-1024x768-200.png")
    session.click_control(app, "返回名词列表")
    session.control(app, "名词列表")
    assert app.proc.poll() is None, app.output()[-2000:]
    assert "Traceback" not in app.output()


def test_filter_by_pinyin_typed_on_the_keyboard_and_no_match_clears_the_note(make_session, tmp_path):
    """Letters typed with xdotool reach 双万双服促发展 by initials and by full pinyin; a filter that matches
    nothing leaves no old note standing (issue 20, finding 6)."""
    session = make_session(1366, 768)
    app = session.start_app("--size", "1366x768", "--page", "glossary")
    app.wait_window()
    field = session.control(app, "筛选名词")
    session.click(*field.center)
    session.type_text("swsf")
    wait_until(lambda: session.controls(app, TERM).get(TERM), 20, 0.3, "双万双服促发展 by its initials")
    session.click_control(app, TERM)
    wait_until(lambda: "双万双服" in control_text(session, app, "名词解释内容"), 20, 0.3, "its note")
    session.click(*field.center)
    session.key("ctrl+a", "BackSpace")
    session.type_text("shuangwan")
    wait_until(lambda: session.controls(app, TERM).get(TERM), 20, 0.3, "双万双服促发展 by its full pinyin")
    session.type_text("qqq")  # shuangwanqqq: nothing
    wait_until(lambda: session.controls(app, "没有符合的名词。").get("没有符合的名词。"), 20, 0.3, "the no-match line")
    wait_until(lambda: control_text(session, app, "名词解释内容").strip() == "", 20, 0.3, "the old note cleared")
    session.screenshot(tmp_path / "glossary-no-match.png")
    assert app.proc.poll() is None, app.output()[-2000:]
    assert "Traceback" not in app.output()
