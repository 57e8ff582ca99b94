"""display_problem: which environments have a display Qt can use, and the one sentence when none has."""

from __future__ import annotations

import socket

import pytest

from dongli_desktop.core.display import display_problem, requested_platforms, wayland_compositor_answers


def never(*_args: str) -> bool:
    return False


def always(*_args: str) -> bool:
    return True


def problem(env: dict[str, str], x: bool = False, wayland: bool = False) -> str | None:
    return display_problem(env, "linux", x_probe=always if x else never, wayland_probe=always if wayland else never)


def test_no_display_variables_names_both():
    text = problem({})
    assert text is not None
    assert "neither DISPLAY nor WAYLAND_DISPLAY is set" in text
    assert "\n" not in text


def test_an_x_server_that_does_not_answer_is_named():
    text = problem({"DISPLAY": ":93"})
    assert text is not None and "DISPLAY=:93 does not answer" in text


def test_an_answering_x_server_is_enough():
    assert problem({"DISPLAY": ":0"}, x=True) is None


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc:size=800x600", "eglfs", "linuxfb"])
def test_platforms_without_a_display_server_need_none(platform):
    assert problem({"QT_QPA_PLATFORM": platform}) is None


def test_wayland_compositor_or_x_either_will_do_when_qt_chooses():
    env = {"WAYLAND_DISPLAY": "wayland-1", "DISPLAY": ":0"}
    assert requested_platforms(env) == ["wayland", "xcb"]
    assert problem(env, wayland=True) is None
    assert problem(env, x=True) is None
    text = problem(env)
    assert text is not None and "WAYLAND_DISPLAY=wayland-1" in text and "DISPLAY=:0" in text


def test_explicit_xcb_without_display_says_so():
    text = problem({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, wayland=True)
    assert text is not None and "DISPLAY is not set" in text


def test_a_fallback_list_is_tried_in_order():
    assert problem({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}, x=True) is None


def test_other_systems_are_not_second_guessed():
    assert display_problem({}, "win32", x_probe=never, wayland_probe=never) is None


def test_wayland_socket_is_really_connected(tmp_path):
    path = tmp_path / "wayland-9"
    assert not wayland_compositor_answers("wayland-9", str(tmp_path))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        server.listen(1)
        assert wayland_compositor_answers("wayland-9", str(tmp_path))
        assert wayland_compositor_answers(str(path), "")
