"""A real X session for tests: Xvfb + openbox + D-Bus + AT-SPI, the real app, xdotool and EWMH.

Offscreen Qt has no window manager and no real screen; what a person sees or touches is checked here.

API (see tests/session/conftest.py for the fixtures ``x_session`` and ``make_session``)::

    with XSession(tmp_path, 1280, 800) as s:          # Xvfb on a free display (-displayfd), openbox,
        app = s.start_app("--size", "1200x700")       # a private D-Bus + AT-SPI bus, latin-only fonts
        wid = app.wait_window()                       # polls until the main window is mapped
        box = s.control(app, "搜索")                   # AT-SPI: a showing control by accessible name
        s.controls(app, "A", "B")  -> {name: [Control]}  # one walk, every showing match (role, extents)
        app.top_levels()                              # the app's mapped windows, bottom to top
        s.stacking(); s.title(wid); s.transient_for(wid)
        s.click(*box.center)                          # xdotool mousemove X Y click 1
        s.type_text("yl"); s.key("BackSpace")        # xdotool type / key
        s.minimize(wid); s.close_window(wid)          # what a title bar's buttons do
        s.maximize(wid); s.unmaximize(wid); s.resize(wid, 400, 300)
        s.map_state(wid)  -> "IsViewable" | "IsUnMapped" | "IsUnviewable" | None (gone)
        s.geometry(wid)   -> Rect(x, y, w, h) in screen coordinates
        s.covers_screen(wid)                          # mapped and exactly the screen's rectangle
        s.screenshot(path)                            # imagemagick import -window root
        wait_until(lambda: ..., timeout=10)           # polling with a deadline, never a fixed sleep
        longest_gap(lambda: ..., seconds=4)           # longest time a condition was false while polled

``XSession.start_app(..., kiosk_config=TEXT)`` writes a kiosk.toml and adds ``--kiosk --kiosk-config``.
Every process the session starts runs in its own process group and is ended by ``close()`` (also on
a failed start). Display numbers are never fixed: Xvfb picks a free one and tells us through a pipe.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Self, TypeVar

ROOT = Path(__file__).resolve().parents[2]
APP_PYTHON = ROOT / ".venv" / "bin" / "python"
SYSTEM_PYTHON = "/usr/bin/python3"  # has Debian's python3-pyatspi
ATSPI_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
CEILING_SCALE = float(os.environ.get("DONGLI_TEST_CEILING_SCALE", "3"))  # see wait_until
T = TypeVar("T")
TOOLS = ("Xvfb", "openbox", "xdotool", "xwininfo", "xprop", "dbus-daemon", "/usr/bin/import")
X_TOOLS = ("xdotool", "xwininfo", "xprop", "/usr/bin/import")  # clients of the display (XSession.x_client)


class SessionError(RuntimeError):
    """The X session or the app could not be started or driven."""


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    w: int
    h: int

    @property
    def center(self) -> tuple[int, int]:
        return self.x + self.w // 2, self.y + self.h // 2

    def contains(self, other: Rect) -> bool:
        return (self.x <= other.x and self.y <= other.y and other.x + other.w <= self.x + self.w
                and other.y + other.h <= self.y + self.h)


@dataclass(frozen=True)
class Control(Rect):
    """A control found through AT-SPI: its role, accessible name and screen extents."""

    role: str = ""
    name: str = ""


def missing_tools() -> list[str]:
    """Programs the harness needs that are not installed (tools/system-deps.sh installs them)."""
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if not Path(ATSPI_LAUNCHER).exists():
        missing.append(ATSPI_LAUNCHER)
    return missing


def wait_until(predicate: Callable[[], object], timeout: float = 30.0, interval: float = 0.05,
               message: str = "condition") -> object:
    """Poll ``predicate`` until it returns something true; raise SessionError after ``timeout`` s.

    The timeout is a ceiling for a loaded machine, never a margin a test relies on; every ceiling is
    multiplied by CEILING_SCALE (env DONGLI_TEST_CEILING_SCALE, default 3), so a busy 2-core machine that is
    several times slower than the one a test was written on still passes, and a passing test waits no longer.
    """
    deadline = time.monotonic() + timeout * CEILING_SCALE
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise SessionError(f"timed out after {timeout * CEILING_SCALE:.0f} s waiting for {message}")
        time.sleep(interval)


def longest_gap(predicate: Callable[[], bool], seconds: float, interval: float = 0.05) -> tuple[float, bool]:
    """Poll ``predicate`` for ``seconds``; return (longest continuous time it was false, its last value)."""
    start = time.monotonic()
    worst = 0.0
    false_since: float | None = None
    last = True
    while time.monotonic() - start < seconds:
        now = time.monotonic()
        last = bool(predicate())
        if last:
            false_since = None
        else:
            false_since = now if false_since is None else false_since
            worst = max(worst, now - false_since)
        time.sleep(interval)
    return worst, last


def latin_only_fontconfig(folder: Path) -> Path:
    """A fontconfig file that hides every system font but DejaVu: Chinese can only come from the app."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        "<dir>/usr/share/fonts/truetype/dejavu</dir>"
        f"<cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return conf


class AppProcess:
    """The app running in a session; ``wid`` is its main window once :meth:`wait_window` found it."""

    def __init__(self, session: XSession, proc: subprocess.Popen, log: Path) -> None:
        self.session = session
        self.proc = proc
        self.log = log
        self.wid: int | None = None

    @property
    def pid(self) -> int:
        return self.proc.pid

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def app_log(self) -> str:
        """The app's own log (dongli-desktop.log and its rotations, in the session's data folder), oldest first."""
        paths = sorted((self.log.parent / "data").rglob("dongli-desktop.log*"), reverse=True)  # .log.2, .log.1, .log
        return "".join(path.read_text(encoding="utf-8", errors="replace") for path in paths if path.is_file())

    def tap_log(self) -> list[str]:
        """The kiosk's log lines about taps it did not pass on, oldest first (for a failure's message)."""
        return [line for line in self.app_log().splitlines() if "kiosk: a tap" in line]

    def dropped_taps(self) -> int:
        """How many presses the kiosk has not passed on so far, from its own log in the session's data folder:
        dropped (made while its screen changed, or queued too long on a busy machine) or spent closing the
        attract screen or the idle prompt."""
        return self.app_log().count("kiosk: a tap was ")

    def windows(self) -> list[int]:
        """Every X window carrying this process's _NET_WM_PID (mapped or not)."""
        result = self.session.run("xdotool", "search", "--pid", str(self.pid), check=False)
        return [int(w) for w in result.stdout.split()]

    def top_levels(self) -> list[int]:
        """Mapped windows of the app, bottom to top in the window manager's stacking order."""
        ours = set(self.windows())
        return [w for w in self.session.stacking() if w in ours and self.session.map_state(w) == "IsViewable"]

    def wait_window(self, timeout: float = 180.0) -> int:
        """Wait until the main window is mapped (the first viewable top-level without a transient parent)."""

        def found() -> int | None:
            if self.proc.poll() is not None:
                raise SessionError(f"the app exited with {self.proc.returncode}:\n{self.output()[-3000:]}")
            for wid in self.windows():
                if self.session.map_state(wid) == "IsViewable" and not self.session.transient_for(wid):
                    geometry = self.session.geometry(wid)
                    if geometry is None or (geometry.w > 200 and geometry.h > 200):  # not a tooltip or popup
                        return wid
            return None

        try:
            self.wid = int(wait_until(found, timeout, 0.1, "the app's main window"))  # type: ignore[arg-type]
        except SessionError as exc:
            states = {w: (self.session.map_state(w), self.session.geometry(w), self.session.transient_for(w))
                      for w in self.windows()}
            raise SessionError(f"{exc}; windows {states}; app output:\n{self.output()[-3000:]}") from None
        return self.wid

    def activate(self, timeout: float = 60.0) -> None:
        """Give the main window the focus, as a person's click on its frame would, and wait until the window
        manager says it has it. Qt shows tool tips only in the active window, and under load the window
        manager may not have focused a new window yet (or another window took the focus)."""
        wid = self.wid or self.wait_window()

        def active() -> bool:
            if self.session.active_window() == wid:
                return True
            self.session.run("xdotool", "windowactivate", "--sync", str(wid), check=False, timeout=60)
            return False

        wait_until(active, timeout, 0.2, "the app's window to have the focus")

    def stop(self) -> int | None:
        """End the app (TERM, then KILL); returns its exit code."""
        if self.proc.poll() is None:
            _kill_group(self.proc)
        return self.proc.returncode


def _kill_group(proc: subprocess.Popen, grace: float = 5.0) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=grace)
    # children that outlived their parent (a D-Bus activated service) share its group
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


class XSession:
    """Xvfb + (optionally) openbox + a private D-Bus session with the AT-SPI bus; a context manager."""

    def __init__(self, folder: Path, width: int = 1280, height: int = 800, wm: bool = True,
                 atspi: bool = True, display_user: str | None = None) -> None:
        self.folder = Path(folder)
        # the X server and openbox run as this user (as the kiosk package's display does), the app as ours
        user = pwd.getpwnam(display_user) if display_user else None
        self.as_display_user = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups",
                                "--reset-env", "env", "PATH=/usr/bin:/bin"] if user else []
        self.folder.mkdir(parents=True, exist_ok=True)
        self.width, self.height = width, height
        self.wm, self.atspi = wm, atspi
        self.procs: list[subprocess.Popen] = []
        self.apps: list[AppProcess] = []
        self.display = ""
        self.env: dict[str, str] = {}

    # -- start and stop ---------------------------------------------------------------
    def __enter__(self) -> Self:
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        missing = missing_tools()
        if missing:
            raise SessionError(f"missing: {', '.join(missing)} (tools/system-deps.sh installs them)")
        runtime = self.folder / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        base = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "AT_SPI", "QT_", "DISPLAY",
                                                                          "WAYLAND"))}
        self.env = dict(base, XDG_RUNTIME_DIR=str(runtime), XDG_CONFIG_HOME=str(self.folder / "config"),
                        XDG_CACHE_HOME=str(self.folder / "cache"),
                        FONTCONFIG_FILE=str(latin_only_fontconfig(self.folder)), NO_AT_BRIDGE="0")
        self._start_xvfb()
        if self.atspi:
            self._start_dbus()
        if self.wm:
            self._start_openbox()

    def _spawn(self, argv: list[str], log: str, **kwargs) -> subprocess.Popen:
        out = open(self.folder / log, "ab")  # noqa: SIM115 (kept open for the child)
        try:
            proc = subprocess.Popen(argv, env=kwargs.pop("env", self.env), stdout=kwargs.pop("stdout", out), stderr=out,
                                    stdin=subprocess.DEVNULL, start_new_session=True, **kwargs)
        finally:
            out.close()
        self.procs.append(proc)
        return proc

    def _start_xvfb(self) -> None:
        read, write = os.pipe()
        try:
            proc = self._spawn([*self.as_display_user, "Xvfb", "-displayfd", str(write), "-screen", "0",
                                f"{self.width}x{self.height}x24",
                                "-nolisten", "tcp", "-noreset"], "xvfb.log", pass_fds=(write,))
        finally:
            os.close(write)
        number = b""
        deadline = time.monotonic() + 120
        with os.fdopen(read, "rb", buffering=0) as pipe:
            while not number.endswith(b"\n"):
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise SessionError("Xvfb did not report a display")
                chunk = pipe.read(1)
                if not chunk:
                    raise SessionError("Xvfb closed its display pipe")
                number += chunk
        self.display = f":{int(number)}"
        self.env["DISPLAY"] = self.display

    def _start_dbus(self) -> None:
        proc = self._spawn(["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
                           "dbus.log", stdout=subprocess.PIPE)
        assert proc.stdout is not None
        address = proc.stdout.readline().decode().strip()
        if not address:
            raise SessionError("dbus-daemon did not print an address")
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address
        self.env["KIOSK_SESSION_BUS"] = "1"  # a kiosk uses the bus only when told (core/hardening.py)
        # Without DISPLAY: the launcher is found through the session bus (org.a11y.Bus), as Qt looks for it; with
        # one it stays connected to the display as a client of the app's user without a window, which a kiosk
        # ends (ui/kiosk/foreign_windows.py), and the accessibility bus would go with it.
        self._spawn([ATSPI_LAUNCHER, "--launch-immediately"], "atspi.log",
                    env={k: v for k, v in self.env.items() if k != "DISPLAY"})
        wait_until(lambda: self.run("dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus",
                                    "org.a11y.Bus.GetAddress", check=False).returncode == 0,
                   120, 0.1, "the AT-SPI bus")

    def _start_openbox(self) -> None:
        user_env = [f"DISPLAY={self.display}", "HOME=/nonexistent"] if self.as_display_user else []
        self._spawn([*self.as_display_user, *user_env, "openbox", "--sm-disable"], "openbox.log")
        wait_until(lambda: "window id" in self.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK", check=False).stdout,
                   120, 0.05, "openbox")

    def close(self) -> None:
        """End the apps and every process of the session, newest first."""
        for app in self.apps:
            app.stop()
        for proc in reversed(self.procs):
            if proc.stdout is not None:
                proc.stdout.close()
            _kill_group(proc)
        self.procs.clear()

    # -- running things in the session ---------------------------------------------
    def x_client(self, *argv: str) -> list[str]:
        """``argv`` of an X tool (xdotool, xprop, xwininfo, import) as the harness runs it. On a display of another
        user a kiosk ends every other client of the app's user, windowless ones too (foreign_windows.py): it ended
        the harness's own xwininfo and xdotool mid-call, a poll then read "no such window" and a tap was lost.
        The harness stands for the person at the screen, not the kiosk user's shell: its X tools run there as the
        display's user, as the window manager does."""
        if not self.as_display_user or argv[0] not in X_TOOLS:
            return list(argv)
        return [*self.as_display_user, f"DISPLAY={self.display}", *argv]

    def run(self, *argv: str, check: bool = True, timeout: float = 30,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        result = subprocess.run(self.x_client(*argv), check=False, env=env or self.env, capture_output=True, text=True,
                                timeout=timeout)
        if check and result.returncode != 0:
            raise SessionError(f"{' '.join(argv)} failed ({result.returncode}): {result.stderr[-1000:]}")
        return result

    def start_app(self, *args: str, kiosk_config: str | None = None, name: str = "app",
                  extra_env: dict[str, str] | None = None, probes: tuple[str, ...] = ()) -> AppProcess:
        """Start the app (``python -m tools.run_app --tts-engine mock --settings PRIVATE ...args``: Qt's silent
        speech engine) with the xcb platform. ``probes``: more of tools/run_app.py's options (``--layout-report``)."""
        folder = self.folder / name
        (folder / "data").mkdir(parents=True, exist_ok=True)
        argv = [str(APP_PYTHON if APP_PYTHON.exists() else "python3"), "-m", "tools.run_app",
                "--tts-engine", "mock", *probes, "--settings", str(folder / "settings.ini")]
        if kiosk_config is not None:
            config = folder / "kiosk.toml"
            config.write_text(kiosk_config, encoding="utf-8")
            argv += ["--kiosk", "--kiosk-config", str(config)]
        env = dict(self.env, QT_QPA_PLATFORM="xcb", XDG_DATA_HOME=str(folder / "data"),
                   PYQTGRAPH_QT_LIB="PySide6", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
                   **(extra_env or {}))
        log = folder / "app.log"
        with open(log, "wb") as out:
            proc = subprocess.Popen([*argv, *args], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
        app = AppProcess(self, proc, log)
        self.apps.append(app)
        return app

    # -- AT-SPI ----------------------------------------------------------------------
    def controls(self, app: AppProcess, *names: str) -> dict[str, list[Control]]:
        """Showing controls of ``app`` with these accessible names (one AT-SPI walk)."""
        if not self.atspi:
            raise SessionError("this session has no AT-SPI bus")
        wait = 20 * CEILING_SCALE  # a ceiling for a loaded machine, never a margin: the walk ends once the app is found
        # Without DISPLAY: libatspi would otherwise open the display to look for the bus on the root window, a
        # client of the app's user a kiosk may end mid-call; the bus is found through the session bus instead.
        result = self.run(SYSTEM_PYTHON, str(ROOT / "tests" / "session" / "atspi_find.py"), "--wait", str(wait),
                          str(app.pid), *names, timeout=wait + 60,
                          env={k: v for k, v in self.env.items() if k != "DISPLAY"})
        data = json.loads(result.stdout.strip().splitlines()[-1])
        if not data["app"]:
            code = app.proc.poll()
            raise SessionError("the app is not on the accessibility bus ("
                               + ("it is running" if code is None else f"it ended with {code}")
                               + f"); its log ends: {app.app_log()[-1500:]}")
        return {name: [Control(c["x"], c["y"], c["w"], c["h"], c["role"], c["name"]) for c in found]
                for name, found in data["found"].items()}

    def control(self, app: AppProcess, name: str, role: str | None = None, timeout: float = 60.0) -> Control:
        """The first showing control called ``name`` (and of ``role``), waiting until it appears."""

        def look() -> Control | None:
            for control in self.controls(app, name).get(name, []):
                if (role is None or control.role == role) and control.w > 0 and control.h > 0:
                    return control
            return None

        return wait_until(look, timeout, 0.2, f"a control named {name!r}")  # type: ignore[return-value]

    # -- input -----------------------------------------------------------------------
    def pointer(self) -> tuple[int, int]:
        """Where the pointer is (xdotool's getmouselocation)."""
        fields = dict(part.split(":", 1) for part in self.run("xdotool", "getmouselocation").stdout.split())
        return int(fields["x"]), int(fields["y"])

    def move_to(self, x: int, y: int) -> None:
        """Move the pointer to (x, y) and wait until the server has moved it; nothing when it is there already.

        ``xdotool mousemove --sync`` to where the pointer already is waited for a motion that never came: a kiosk
        tap made again at the same place (after the kiosk had dropped the first) hung for 15 s, until the idle
        prompt mapped under the pointer and took the tap (ci23, ci24: "8 taps at (912, 50) were all dropped")."""
        if self.pointer() != (x, y):
            self.run("xdotool", "mousemove", "--sync", str(x), str(y))

    def click(self, x: int, y: int) -> None:
        self.move_to(x, y)
        self.run("xdotool", "click", "1")

    def scroll_into_view(self, find: Callable[[], Control | None], what: str, notches: int = 40) -> Control:
        """The control ``find`` returns, after turning the mouse wheel over the middle of the screen (as a
        reader does) until it is wholly on the screen. Each notch waits for the control to move; none of this
        is timed beyond the per-step ceilings."""
        for _ in range(notches):
            control: Control = wait_until(find, 60, 0.2, what)  # type: ignore[assignment]
            if self.screen.contains(control):
                return control
            wheel = "4" if control.y < 0 else "5"  # up when it is above the screen, else down
            self.move_to(self.width // 2, self.height // 2)
            self.run("xdotool", "click", wheel)
            wait_until(lambda y=control.y: (c := find()) is not None and c.y != y, 30, 0.2, f"{what} to move")
        raise SessionError(f"{what} never scrolled onto the screen")

    def named(self, app: AppProcess, name: str) -> Callable[[], Control | None]:
        """A finder for :meth:`scroll_into_view`: the first showing control called ``name``."""
        return lambda: next((c for c in self.controls(app, name).get(name, []) if c.w > 0 and c.h > 0), None)

    def click_control(self, app: AppProcess, name: str, role: str | None = None) -> Control:
        control = self.control(app, name, role)
        self.click(*control.center)
        return control

    def tap(self, app: AppProcess, name: str, until: Callable[[], T], what: str, role: str | None = None,
            tries: int = 8) -> T:
        """Tap the control ``name`` on a kiosk until ``until()`` is true, and return it (see :meth:`tap_at`)."""
        control = self.control(app, name, role)
        return self.tap_at(app, *control.center, until=until, what=f"{what} (after a tap on {name!r})", tries=tries)

    def tap_at(self, app: AppProcess, x: int, y: int, until: Callable[[], T], what: str, tries: int = 8) -> T:
        """Tap the screen at (x, y) on a kiosk until ``until()`` is true, and return it.

        A kiosk drops a tap made while its screen changes or one left too long in the queue (as on a loaded
        machine), and logs it; then, as a visitor would, the tap is made again. Each try waits for either
        the effect or the kiosk's word that it dropped the tap: events, not a clock."""
        for _ in range(tries):
            before = app.dropped_taps()
            self.click(x, y)
            outcome = wait_until(lambda b=before: until() or (app.dropped_taps() > b and "dropped"), 120, 0.2, what)
            if outcome != "dropped":
                return outcome  # type: ignore[return-value]
        raise SessionError(f"{tries} taps at {(x, y)} were all dropped; the kiosk's word on them:\n"
                           + "\n".join(app.tap_log()[-2 * tries:]))

    def type_text(self, text: str) -> None:
        self.run("xdotool", "type", "--delay", "30", text)

    def key(self, *keys: str) -> None:
        self.run("xdotool", "key", *keys)

    def chord_until(self, chord: str, until: Callable[[], T], what: str, tries: int = 3) -> T:
        """Press ``chord`` for the window manager (Alt+F4, Alt+Space) until ``until()`` is true, and return it.
        Under load the window manager sometimes took no notice of a chord: ci27, ci28 (Alt+F4) and ci29
        (Alt+Space) each waited 45–180 s for nothing (cause not found; whether a second chord then works is not
        known yet: a failure's message says which try it was). A person presses again too; each try waits for
        the effect (an event), with the scaled ceiling."""
        for attempt in range(1, tries + 1):
            self.key(chord)
            try:
                return wait_until(until, 20, 0.1, f"{what} (after {chord}, try {attempt} of {tries})")
            except SessionError:
                if attempt == tries:
                    raise
        raise AssertionError("unreachable")

    # -- window-manager actions (what a person does with a title bar) ---------------------
    def minimize(self, wid: int) -> None:
        self.run("xdotool", "windowminimize", str(wid), check=False)  # fails harmlessly on a vanished window

    def close_window(self, wid: int) -> None:
        self._ewmh("close", wid)

    def maximize(self, wid: int) -> None:
        self._ewmh("maximize", wid)

    def unmaximize(self, wid: int) -> None:
        self._ewmh("unmaximize", wid)

    def resize(self, wid: int, width: int, height: int) -> None:
        self.run("xdotool", "windowsize", str(wid), str(width), str(height), check=False)

    def move(self, wid: int, x: int, y: int) -> None:
        self.run("xdotool", "windowmove", str(wid), str(x), str(y), check=False)

    def _ewmh(self, action: str, wid: int) -> None:
        self.run(str(APP_PYTHON if APP_PYTHON.exists() else "python3"), "-m", "tests.session.ewmh", action, str(wid),
                 check=False)

    # -- what is on the screen -------------------------------------------------------
    def _xwininfo(self, wid: int) -> str | None:
        result = self.run("xwininfo", "-id", str(wid), check=False)
        return result.stdout if result.returncode == 0 else None

    def active_window(self) -> int | None:
        """The window the window manager says has the focus (_NET_ACTIVE_WINDOW)."""
        result = self.run("xdotool", "getactivewindow", check=False)
        return int(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip().isdigit() else None

    def map_state(self, wid: int) -> str | None:
        info = self._xwininfo(wid)
        match = re.search(r"Map State:\s*(\w+)", info or "")
        return match.group(1) if match else None

    def geometry(self, wid: int) -> Rect | None:
        info = self._xwininfo(wid)
        if info is None:
            return None
        values = {}
        for key, label in (("x", "Absolute upper-left X"), ("y", "Absolute upper-left Y"), ("w", "Width"),
                           ("h", "Height")):
            match = re.search(rf"{label}:\s*(-?\d+)", info)
            if match is None:
                return None
            values[key] = int(match.group(1))
        return Rect(**values)

    @property
    def screen(self) -> Rect:
        return Rect(0, 0, self.width, self.height)

    def covers_screen(self, wid: int) -> bool:
        """The window is mapped (viewable) and exactly covers the screen."""
        info = self._xwininfo(wid)
        if info is None or "IsViewable" not in info:
            return False
        return self.geometry(wid) == self.screen

    def transient_for(self, wid: int) -> bool:
        return "window id" in self.run("xprop", "-id", str(wid), "WM_TRANSIENT_FOR", check=False).stdout

    def stacking(self) -> list[int]:
        """Client windows the window manager manages, bottom to top (EWMH _NET_CLIENT_LIST_STACKING)."""
        out = self.run("xprop", "-root", "_NET_CLIENT_LIST_STACKING", check=False).stdout
        return [int(w, 16) for w in re.findall(r"0x[0-9a-fA-F]+", out)]

    def title(self, wid: int) -> str:
        out = self.run("xprop", "-id", str(wid), "_NET_WM_NAME", check=False).stdout
        match = re.search(r'= "(.*)"', out)
        return match.group(1) if match else ""

    def screenshot(self, path: Path) -> Path:
        """The whole screen as a PNG at ``path`` (written here: import may run as the display's user)."""
        result = subprocess.run(self.x_client("/usr/bin/import", "-window", "root", "png:-"), check=False,
                                env=self.env, capture_output=True, timeout=60)
        if result.returncode != 0 or not result.stdout:
            raise SessionError(f"import failed ({result.returncode}): {result.stderr[-1000:]!r}")
        path.write_bytes(result.stdout)
        return path
