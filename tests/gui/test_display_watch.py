"""The kiosk's display watch (ui/kiosk/display_watch.py) and who runs each X client (ui/kiosk/x_owners.py): logic
only, offscreen; the real display is tests/session/test_kiosk_display_owner_session.py."""

from __future__ import annotations

import os
import socket

from PySide6.QtWidgets import QWidget

from dongli_desktop.ui.kiosk.display_watch import DisplayWatch
from dongli_desktop.ui.kiosk.foreign_windows import Sweep
from dongli_desktop.ui.kiosk.x_owners import process_uids, runs_as, server_uid


def watch_with(qtbot, results: list[Sweep], shown: bool = True) -> tuple[DisplayWatch, list[str], list[Sweep]]:
    window = QWidget()
    qtbot.addWidget(window)
    if shown:
        window.show()
    answers = iter(results)
    watch = DisplayWatch(window, sweep=lambda _own: next(answers))
    lost: list[str] = []
    swept: list[Sweep] = []
    watch.lost.connect(lost.append)
    watch.swept.connect(swept.append)
    return watch, lost, swept


def test_a_destroyed_window_is_lost_at_once(qtbot):
    result = Sweep(1, False, False, ("python3 (pid 42)",))
    watch, lost, swept = watch_with(qtbot, [result])
    watch.look()
    assert (lost, swept) == (["destroyed"], [result])


def test_a_shown_window_not_viewable_twice_in_a_row_is_lost_once_is_not(qtbot):
    watch, lost, _ = watch_with(qtbot, [Sweep(0, True, False), Sweep(0, True, True), Sweep(0, True, False),
                                        Sweep(0, True, False)])
    for _ in range(3):
        watch.look()
    assert lost == []  # a window manager reframing the window unmaps it for a moment
    watch.look()
    assert lost == ["not viewable"]


def test_a_window_qt_hides_itself_is_not_lost(qtbot):
    watch, lost, swept = watch_with(qtbot, [Sweep(0, True, False)] * 3, shown=False)
    for _ in range(3):
        watch.look()
    assert (lost, swept) == ([], [])


def test_no_display_means_nothing_to_report(qtbot):
    watch, lost, swept = watch_with(qtbot, [Sweep()] * 3)
    for _ in range(3):
        watch.look()
    assert (lost, swept) == ([], [])


def test_the_servers_user_comes_from_the_kernel():
    ours, theirs = socket.socketpair(socket.AF_UNIX)
    with ours, theirs:
        assert server_uid(ours.fileno()) == os.getuid()
    with socket.socket(socket.AF_INET) as inet:
        assert server_uid(inet.fileno()) is None  # no peer credentials: not taken for anyone
    assert server_uid(987654) is None  # not an open descriptor


def fake_proc(tmp_path, pid: int, uid_line: str):
    (tmp_path / str(pid)).mkdir()
    (tmp_path / str(pid) / "status").write_text(f"Name:\topenbox\nPid:\t{pid}\n{uid_line}\nGid:\t1\t1\t1\t1\n")
    return tmp_path


def test_a_process_runs_as_a_user_only_with_every_one_of_its_ids(tmp_path):
    proc = fake_proc(tmp_path, 10, "Uid:\t107\t107\t107\t107")
    assert process_uids(10, proc) == {107}
    assert runs_as(10, 107, proc)
    assert not runs_as(10, 1000, proc)
    fake_proc(tmp_path, 11, "Uid:\t1000\t107\t107\t107")  # a kiosk user's process that became the display's
    assert not runs_as(11, 107, proc)
    assert not runs_as(12, 107, proc)  # gone or hidden: nobody's
    assert process_uids(12, proc) is None


def test_this_process_is_read_from_the_real_proc():
    assert runs_as(os.getpid(), os.getuid()) == (len({os.getuid(), os.geteuid()}) == 1)


def test_the_watch_keeps_one_x_connection_and_opens_another_only_after_a_failed_look(monkeypatch):
    """Each new connection sends the display's cookie again, to whatever answers first for the display's name in
    the app's network namespace (libxcb tries the abstract name first): one is opened at the first look and kept;
    a look that fails drops it and the next opens a new one."""
    from types import SimpleNamespace

    import pytest

    from dongli_desktop.ui.kiosk import foreign_windows

    opened: list[int] = []
    closed: list[int] = []
    failures = [False, False, True, False, False]
    monkeypatch.setattr(foreign_windows, "_xlib",
                        lambda: SimpleNamespace(XOpenDisplay=lambda _name: opened.append(len(opened)) or 4096))
    monkeypatch.setattr(foreign_windows, "_Display",
                        lambda _lib, handle: SimpleNamespace(close=lambda: closed.append(handle)))

    def sweep(_display, _own):
        if failures.pop(0):
            raise OSError("the look failed")
        return Sweep(0, True, True)

    monkeypatch.setattr(foreign_windows, "sweep", sweep)
    watcher = foreign_windows.Watcher()
    assert [watcher([1]) for _ in range(2)] == [Sweep(0, True, True)] * 2
    assert (len(opened), closed) == (1, [])
    with pytest.raises(OSError):
        watcher([1])
    assert closed == [4096]
    assert [watcher([1]) for _ in range(2)] == [Sweep(0, True, True)] * 2
    assert len(opened) == 2


def test_the_log_names_the_program_of_each_client_the_sweep_ends(tmp_path, monkeypatch):
    """An admin reading "closed the windows of 1 other X client" needs to know whose: the program and process
    where the X Resource extension tells the process, the client's id where it does not."""
    from dongli_desktop.ui.kiosk import foreign_windows, x_owners

    (tmp_path / "42").mkdir()
    (tmp_path / "42" / "comm").write_text("xdotool\n")
    monkeypatch.setattr(x_owners, "PROC", tmp_path)
    monkeypatch.setattr(foreign_windows, "program", lambda pid: x_owners.program(pid, tmp_path))
    found = {0x1E00000: 0x1E00003, 0x2200000: 0x2200001, 0x2400000: 0x2400009}
    assert foreign_windows.describe(found, {0x1E00000: 42, 0x2400000: 77}) == (
        "xdotool (pid 42)", "client 0x2200000", "pid 77, no longer running")  # 77: left windows and ended
    assert foreign_windows.describe(found, None) == ("client 0x1e00000", "client 0x2200000", "client 0x2400000")


def test_a_programs_name_is_read_from_the_real_proc():
    from pathlib import Path

    from dongli_desktop.ui.kiosk.x_owners import program

    assert program(os.getpid()) == Path("/proc/self/comm").read_text().strip()
    assert program(2**22 + 1) is None  # beyond pid_max: no such process
