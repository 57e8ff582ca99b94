"""The installed kiosk under a real systemd: the throwaway Debian 12 with both packages is booted in
systemd-nspawn with its default settings (systemd as PID 1, no VT, no tty7) plus a network namespace of its
own (--private-network: its X display :7 cannot meet the host's). The package's units run unchanged; the
one setting changed is the administrator's KIOSK_X_SERVER=xvfb in /etc/default/dongli-kiosk (there is no
screen), as KIOSK.md describes for a machine without one.

Checked: the kiosk comes up by itself at boot (READY=1 from the app, Type=notify) on the package's X session;
each piece is killed in turn — the app, openbox, the X server, the session script — and the kiosk is back on
the screen each time without anyone starting it; a display that fails for a while (a wrong setting) brings
the kiosk back by itself once it starts again; a display that keeps failing is retried past the old start limit
(never "failed": the kiosk user could use a limit up) with its reason in `journalctl -u dongli-kiosk-display`;
a SIGSTOPped app misses its
WatchdogSec= pings and is restarted; an app that exits with
code 0 (the PIN-protected "退出程序") is not restarted.

Teardown ends the container also when a check fails: poweroff, and if that does not finish, SIGKILL to the
container's PID 1 (which ends every process of its PID namespace); tests/packaging/conftest.py fails any test
that leaves a process behind.
"""


from __future__ import annotations

import os
import re
import shutil
import signal
import time
from pathlib import Path

import pytest

from tests.packaging.conftest import keep_screenshot, leftover_processes, pid_namespace, set_default
from tests.packaging.container import (
    KIOSK,
    SCREEN,
    back_on_screen,
    booted,
    journal,
    kiosk_is_up,
    painted,
)
from tests.session.harness import longest_gap, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.screenshot]


def test_kiosk_comes_up_by_itself_and_after_each_piece_is_killed(kiosk_root, tmp_path):
    shot = tmp_path / "kiosk-systemd.png"
    with booted(kiosk_root, tmp_path / "nspawn.log") as box:
        pid = str(wait_until(lambda: kiosk_is_up(box), 300, 0.5, "dongli-kiosk.service to be active at boot"))
        assert box.show(SCREEN, "ActiveState")["ActiveState"] == "active"
        blanking = box.on_display("xset", "q").stdout  # the package's X session: screen blanking off
        assert re.search(r"timeout:\s+0\b", blanking) and "prefer blanking:  no" in blanking, blanking
        wait_until(lambda: painted(box, shot), 120, 0.5, "the kiosk to be painted")
        keep_screenshot(shot)

        box.sh("systemctl", "kill", "--kill-whom=main", "--signal=SIGKILL", KIOSK)  # the app crashes
        pid = back_on_screen(box, pid, shot, "the app was killed")

        [openbox] = box.pids("openbox")  # the window manager dies: the session starts it again
        os.kill(openbox, signal.SIGKILL)
        wait_until(lambda: [p for p in box.pids("openbox") if p != openbox], 120, 0.5, "openbox to be started again")
        wait_until(lambda: "window id" in box.on_display("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").stdout,
                   120, 0.5, "openbox to manage the screen again")
        assert kiosk_is_up(box) == pid  # the app kept running meanwhile

        [xvfb] = box.pids("Xvfb")  # the X server dies: the display restarts and takes the app with it
        os.kill(xvfb, signal.SIGKILL)
        pid = back_on_screen(box, pid, shot, "the X server was killed")

        box.sh("systemctl", "kill", "--kill-whom=main", "--signal=SIGKILL", SCREEN)  # the session script dies
        pid = back_on_screen(box, pid, shot, "the session script was killed")
        keep_screenshot(shot)


def test_kiosk_follows_a_display_that_fails_for_a_while_and_gives_up_with_a_reason(kiosk_root, tmp_path):
    shot = tmp_path / "kiosk-after-failures.png"
    with booted(kiosk_root, tmp_path / "nspawn.log") as box:
        pid = str(wait_until(lambda: kiosk_is_up(box), 300, 0.5, "dongli-kiosk.service to be active at boot"))
        # a wrong setting: the display fails and is retried; the kiosk cannot run meanwhile
        set_default(box.root, KIOSK_X_SERVER="wrong")
        restarts = int(box.show(SCREEN, "NRestarts")["NRestarts"])
        box.sh("systemctl", "restart", "--no-block", SCREEN)
        wait_until(lambda: int(box.show(SCREEN, "NRestarts")["NRestarts"]) >= restarts + 2, 300, 0.5,
                   "the display to fail and be retried")
        assert kiosk_is_up(box) is None
        # the setting is put right: nobody starts anything, the kiosk comes back with its display
        set_default(box.root, KIOSK_X_SERVER="xvfb")
        pid = back_on_screen(box, pid, shot, "the display started working again")

        # a display that keeps failing is retried for good (no start limit: the kiosk user could use one up,
        # tests/packaging/test_unit_restart.py), and says why
        set_default(box.root, KIOSK_X_SERVER="wrong")
        restarts = int(box.show(SCREEN, "NRestarts")["NRestarts"])
        box.sh("systemctl", "restart", "--no-block", SCREEN)
        wait_until(lambda: int(box.show(SCREEN, "NRestarts")["NRestarts"]) >= restarts + 12, 600, 1,
                   "the display to be retried past the old start limit (10 in 5 minutes)")
        assert box.show(SCREEN, "ActiveState")["ActiveState"] != "failed"
        assert "KIOSK_X_SERVER must be xorg or xvfb, not wrong" in journal(box, SCREEN)  # the reason
        assert kiosk_is_up(box) is None
        # once repaired, the next retry brings the kiosk back too: nobody has to start anything
        set_default(box.root, KIOSK_X_SERVER="xvfb")
        back_on_screen(box, pid, shot, "the display was repaired")


def test_systemd_restarts_a_hung_kiosk_and_respects_an_admin_exit(kiosk_root, tmp_path):
    with booted(kiosk_root, tmp_path / "nspawn.log") as box:
        wait_until(lambda: kiosk_is_up(box), 300, 0.5, "dongli-kiosk.service to be active (READY=1)")
        first = box.show(KIOSK, "MainPID", "NRestarts", "WatchdogUSec")

        # hang the app: SIGSTOP; systemd's watchdog must abort and restart it
        stopped_at = time.monotonic()
        box.sh("systemctl", "kill", "--kill-whom=main", "--signal=SIGSTOP", KIOSK)

        def restarted() -> bool:
            now = box.show(KIOSK, "MainPID", "ActiveState", "NRestarts")
            return (now["ActiveState"] == "active" and now["MainPID"] not in ("0", first["MainPID"])
                    and int(now["NRestarts"]) > int(first["NRestarts"]))

        wait_until(restarted, 300, 0.5, "systemd to restart the hung app")
        assert "Watchdog timeout" in journal(box, KIOSK), journal(box, KIOSK)[-3000:]
        print(f"hung app restarted by the watchdog after {time.monotonic() - stopped_at:.0f} s "
              f"(WatchdogUSec={first['WatchdogUSec']})")

        # a SIGTERM from the kiosk user's own shell (not a stop the admin asked for) restarts the app too:
        # systemd counts that signal as a clean exit unless the unit says otherwise (RestartForceExitStatus)
        second = box.show(KIOSK, "MainPID", "NRestarts")
        box.sh("systemctl", "kill", "--kill-whom=main", "--signal=SIGTERM", KIOSK)  # as `kill` from a shell would

        def restarted_after_term() -> bool:
            now = box.show(KIOSK, "MainPID", "ActiveState", "NRestarts")
            return (now["ActiveState"] == "active" and now["MainPID"] not in ("0", second["MainPID"])
                    and int(now["NRestarts"]) > int(second["NRestarts"]))

        wait_until(restarted_after_term, 300, 0.5, "systemd to restart the app killed by SIGTERM")

        # an exit with code 0 stays exited: the app as the unit starts it, told to quit once ready
        override = box.root / "etc" / "systemd" / "system" / f"{KIOSK}.d"
        override.mkdir(parents=True, exist_ok=True)
        (override / "exit.conf").write_text(
            "[Service]\nExecStart=\nExecStart=/usr/bin/dongli-desktop --kiosk --kiosk-config "
            "/etc/dongli-desktop/kiosk.toml --quit-when-ready\n", encoding="utf-8")
        try:
            box.sh("systemctl", "daemon-reload")
            box.sh("systemctl", "restart", "--no-block", KIOSK)
            wait_until(lambda: box.show(KIOSK, "ActiveState", "Result", "ExecMainStatus")
                       == {"ActiveState": "inactive", "Result": "success", "ExecMainStatus": "0"}, 300, 0.3,
                       "the app to exit with code 0")
            # RestartSec=2: watch well past it; the unit must never come back
            gap, last = longest_gap(lambda: box.show(KIOSK, "ActiveState")["ActiveState"] == "inactive",
                                    seconds=8, interval=0.2)
            assert last and gap == 0.0, "an exit with code 0 was restarted"
        finally:
            shutil.rmtree(override)


def test_teardown_ends_the_container_even_when_a_check_fails_and_poweroff_never_finishes(kiosk_root, tmp_path):
    """The worst case of a failed readiness check: the test raises, and the container is not given time to
    power off (grace 0): killing its PID 1 must still end every process in it (systemd, journald, dbus, Xvfb,
    openbox, the app)."""
    with pytest.raises(RuntimeError, match="a readiness check timed out"), \
            booted(kiosk_root, tmp_path / "nspawn.log", grace=0) as box:
        wait_until(lambda: box.pids("Xvfb"), 300, 0.5, "the container's X server")
        namespace = box.namespace
        raise RuntimeError("a readiness check timed out")
    assert namespace is not None
    wait_until(lambda: not [p for p in leftover_processes() if pid_namespace(p) == namespace], 60, 0.2,
               "the container's processes to end")


def host_mount_points(basetemp: Path) -> set[str]:
    """The mount points of the host's mount namespace (this process's), from /proc/self/mountinfo, less those
    inside another test run's temporary folders (beside ``basetemp``, this run's): a run beside this one mounts
    and unmounts its own chroots' /proc as it builds them (ci36, 5 December: its /proc went while this test ran)."""
    others = f"{basetemp.parent}/"
    with open("/proc/self/mountinfo", encoding="utf-8") as info:
        points = {line.split()[4] for line in info}
    return {p for p in points if not p.startswith(others) or p.startswith(f"{basetemp}/")}


def test_a_booted_container_leaves_the_host_mount_table_alone(kiosk_root, tmp_path, tmp_path_factory):
    """Two test runs on one CI host boot containers of folders with the same name (pytest's basetemp differs, the
    leaf does not). systemd-nspawn keeps each one's state under /run/systemd/nspawn, named after the folder;
    a tmpfs mounted there on the host, and unmounted at shutdown, was shared by both runs and pulled from under
    the other. Each container now mounts it in a mount namespace of its own: the host sees no new mount while a
    container runs, nor after, and no state of the container in a folder of that name it may already have."""
    basetemp = tmp_path_factory.getbasetemp()
    before = host_mount_points(basetemp)
    shared = Path("/run/systemd/nspawn/propagate") / kiosk_root.name
    with booted(kiosk_root, tmp_path / "nspawn.log") as box:
        wait_until(lambda: box.pids("Xvfb"), 300, 0.5, "the container's X server")
        during = host_mount_points(basetemp)
        assert not shared.exists(), f"the container keeps its state in the host's {shared.parent}"
    after = host_mount_points(basetemp)
    assert during - before == set(), f"the container mounted on the host: {sorted(during - before)}"
    assert before - after == set(), f"the container's shutdown unmounted on the host: {sorted(before - after)}"
