"""Issue 20, round three, in a real X session: the admin PIN pad fits every screen and shows no command.

The pad is opened with the admin gesture (five taps in the top-left corner, then a hold) at the sizes a
kiosk is set up with, at 100 % and at 200 % text with 大字模式. Its keys must keep apart (a usability pass
saw rows drawn over each other at 1024×768 200 %), lie inside the dialog and the screen, stay clear of the
pad's texts, and be finger-sized; no text on the screen may be a shell command (the pad without a PIN
told every visitor to run ``dongli-desktop kiosk set-pin``).
"""

from __future__ import annotations

import pytest

from tests.session.harness import Control, Rect, wait_until
from tests.session.test_kiosk_session import open_pinpad, start

pytestmark = pytest.mark.screenshot

KEYS = (*"0123456789", "退格", "确定", "取消")
TITLE = "请输入管理员密码"
GAP = 4  # px: the least room between two keys
FINGER = 60  # px: the least height of a key
COMMAND_WORDS = ("dongli-desktop", "set-pin", "sudo", "systemctl", "--")


def apart(a: Rect, b: Rect, gap: int) -> bool:
    return (a.x + a.w + gap <= b.x or b.x + b.w + gap <= a.x or a.y + a.h + gap <= b.y
            or b.y + b.h + gap <= a.y)


@pytest.mark.parametrize(("width", "height", "scale", "large"), [
    (1024, 768, 1.0, False), (1280, 800, 1.0, False), (1024, 768, 2.0, True), (1280, 800, 2.0, True),
    (1080, 1920, 2.0, True)], ids=["1024x768", "1280x800", "1024x768-200-large", "1280x800-200-large",
                                   "portrait-200-large"])
def test_the_pin_pad_keys_keep_apart_and_no_command_is_shown(make_session, width, height, scale, large):
    session = make_session(width, height)
    app, wid = start(session, f"attract = false\nlarge_mode = {str(large).lower()}\nfont_scale = {scale}\n")
    dialog = open_pinpad(session, app, wid)
    session.control(app, "确定", role="push button")
    session.screenshot(session.folder / f"pinpad-{width}x{height}-{round(scale * 100)}{'-large' if large else ''}.png")

    def everything() -> dict[str, list[Control]] | None:
        found = session.controls(app, *KEYS, TITLE, "*")
        return found if all(found.get(k) for k in (*KEYS, TITLE)) else None

    found: dict[str, list[Control]] = wait_until(everything, 30, 0.3, "the pad's keys and title")  # type: ignore[assignment]
    box = session.geometry(dialog)
    assert box is not None
    keys = {k: next(c for c in found[k] if c.role == "push button") for k in KEYS}
    for name, key in keys.items():
        assert box.contains(key) and session.screen.contains(key), (name, key, box)
        assert key.h >= FINGER, (name, key)
    names = list(keys)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert apart(keys[a], keys[b], GAP), f"keys {a} and {b} touch or overlap: {keys[a]} / {keys[b]}"
    walk = found.get("*", [])  # depth first: the dialog's own nodes follow it
    start_at = next(i for i, c in enumerate(walk) if c.role == "dialog")
    texts = [c for c in found[TITLE] + walk[start_at:] if c.role == "label" and c.w > 0 and c.name != "已输入的位数"]
    assert len(texts) >= 2, f"the pad's title and message not found: {texts}"
    for text in texts:
        for name, key in keys.items():
            assert apart(text, key, 0), f"the text {text.name!r} runs into the key {name}: {text} / {key}"
    shown = [c.name for c in found.get("*", [])]
    commands = [n for n in shown if any(word in n for word in COMMAND_WORDS)]
    assert not commands, f"a command on the public screen: {commands}"
