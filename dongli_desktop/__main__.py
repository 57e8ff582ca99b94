"""Entry point: ``dongli-desktop`` and ``python -m dongli_desktop``.

``main()`` is the one place where an unexpected exception becomes exit code 70: it is logged with its
traceback, and the person sees one line on stderr (or one dialog, when a window system is up) — never
a traceback. Errors inside the Qt event loop are handled the same way by ``ui.errors.CrashHandler``.
"""

from __future__ import annotations

import contextlib
import os
import sys

from dongli_desktop.core.constants import EXIT_NO_DISPLAY

COMMANDS = ("kiosk", "content")
EXIT_CRASH = 70  # the same value as ui.errors.EXIT_CRASH (that module imports Qt; this one must not)
SUPERVISOR_WATCHDOG_SECONDS = 30.0  # the app pings every 15 s; systemd's unit uses the same WatchdogSec


def child_command(args: list[str]) -> list[str]:
    """How the supervisor starts the app: the same program without ``--supervise``."""
    rest = [a for a in args if a != "--supervise"]
    if getattr(sys, "frozen", False):  # PyInstaller: the executable is the app
        return [sys.executable, *rest]
    return [sys.executable, "-m", "dongli_desktop", *rest]


def _main(args: list[str]) -> int:
    if "--kiosk" in args:  # first thing, before parsing: the moment another process of the kiosk user could open
        from dongli_desktop.core.hardening import forbid_ptrace  # /proc/PID/root or /proc/PID/fd is kept short

        forbid_ptrace()  # and before the cookie is copied into memory (x_client_environment below)
    if args and args[0] in COMMANDS:
        from dongli_desktop.commands import run_command

        return run_command(args)
    from dongli_desktop.cli import EXIT_USAGE, build_parser, kiosk_refusal

    options = build_parser().parse_args(args)
    refusal = kiosk_refusal(options)  # before --supervise: its child would refuse the same at every restart
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return EXIT_USAGE
    if options.supervise:
        from dongli_desktop.core.supervise import Watchdog, supervise
        from dongli_desktop.ui.logs import setup_logging

        setup_logging()
        return supervise(child_command(args), watchdog=Watchdog(timeout=SUPERVISOR_WATCHDOG_SECONDS))
    if options.kiosk:  # before anything connects to X (the display check below does): see x_client_environment
        from dongli_desktop.core.hardening import x_client_environment

        os.environ.update(x_client_environment(dict(os.environ), os.environ.get("HOME")))
    problem = no_display()
    if problem is not None:
        return problem
    from dongli_desktop.ui.app import run

    return run(options)


def no_display() -> int | None:
    """Exit code 4 and one line on stderr when there is no display (Qt would abort with SIGABRT); else None."""
    from dongli_desktop.core.display import display_problem

    problem = display_problem(os.environ)
    if problem is None:
        return None
    with contextlib.suppress(Exception):  # the log is a help, not a condition
        from dongli_desktop.ui.logs import LOG, setup_logging

        setup_logging()
        LOG.error("%s", problem)
    print(f"dongli-desktop: {problem}", file=sys.stderr)
    return EXIT_NO_DISPLAY


def report_crash(exc: BaseException) -> None:
    """Log ``exc`` with its traceback; show one dialog or print one line. Never raises."""
    from dongli_desktop.ui.logs import LOG, setup_logging

    try:
        where = setup_logging()
        LOG.critical("unexpected error before or after the event loop", exc_info=exc)
    except Exception:  # noqa: BLE001 - even logging failed; the one line below is all we can do
        where = None
    errors = sys.modules.get("dongli_desktop.ui.errors")
    if errors is not None:  # Qt is up: the crash handler's dialog (or its stderr line offscreen)
        try:
            errors.CrashHandler().report()
        except Exception:  # noqa: BLE001 - fall back on the plain line below
            LOG.exception("the crash dialog failed")
        else:
            return
    log = f"; details in {where}" if where else ""
    with contextlib.suppress(Exception):  # stderr may be closed: nothing is left to tell
        print(f"dongli-desktop: unexpected error ({type(exc).__name__}){log}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        return _main(args)
    except SystemExit:
        raise  # argparse's usage errors and --help/--version
    except Exception as exc:  # noqa: BLE001 - the single place unexpected errors become exit code 70
        report_crash(exc)
        return EXIT_CRASH


if __name__ == "__main__":
    sys.exit(main())
