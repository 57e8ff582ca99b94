"""Command-line options (no Qt here, so ``--help`` and ``--version`` answer instantly)."""

from __future__ import annotations

import argparse
from pathlib import Path

from dongli_desktop import __version__
from dongli_desktop.core.constants import FONT_SCALES, LANGUAGES, LARGE_SCALES, PAGES

__all__ = ["FONT_SCALES", "LANGUAGES", "LARGE_SCALES", "PAGES", "build_parser", "parse_scale", "parse_size"]


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {text!r}") from exc
    if not (320 <= width <= 8192 and 240 <= height <= 8192):
        raise argparse.ArgumentTypeError(f"size out of range: {text}")
    return width, height


def parse_scale(text: str) -> float:
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a number such as 1.5 or 150%, got {text!r}") from exc
    if not FONT_SCALES[0] <= value <= FONT_SCALES[-1]:
        raise argparse.ArgumentTypeError(f"font scale must be between {FONT_SCALES[0]} and {FONT_SCALES[-1]}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dongli-desktop",
        description="A district government work report, explained offline for residents "
                    "(bundled: 东丽区2020年政府工作报告; --db and --editions open other editions).",
    )
    parser.add_argument("--version", action="version", version=f"dongli-desktop {__version__}")
    parser.add_argument("--db", type=Path, help="report database to open (default: the bundled one)")
    parser.add_argument("--editions", type=Path, metavar="DIR",
                        help="also offer every *.db report database in DIR as an edition (for tests and previews)")
    parser.add_argument("--font-scale", type=parse_scale, help="text size, 1.0 to 2.0 (or 100%% to 200%%)")
    parser.add_argument("--page", choices=PAGES, help="page to start on")
    parser.add_argument("--size", type=parse_size, help="window size, e.g. 1280x800")
    parser.add_argument("--screenshot", type=Path, metavar="DIR", help="render every page to PNG in DIR, then exit")
    parser.add_argument("--quit-when-ready", action="store_true", help="exit 0 once the start page is fully shown")
    parser.add_argument("--quit-on-first-frame", action="store_true",
                        help="exit 0 right after the window's first paint (to measure the first frame)")
    parser.add_argument("--settings", type=Path, help="settings file to use instead of the user's (INI)")
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language (the report stays in Chinese)")
    parser.add_argument("--large", action="store_true",
                        help="start in 大字模式 (large text, big buttons, simple pages)")
    parser.add_argument("--contrast", action="store_true", help="start with the high-contrast colours")
    parser.add_argument("--kiosk", action="store_true", help="locked-down full-screen kiosk mode (see KIOSK.md)")
    parser.add_argument("--kiosk-config", type=Path, metavar="PATH",
                        help="kiosk settings file (default: /etc/dongli-desktop/kiosk.toml, else safe defaults)")
    parser.add_argument("--supervise", action="store_true", help="run the app as a child and restart it after a crash")
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser


# Options that name content: a kiosk shows only the verified installed content (SECURITY.md), never a file named
# on its command line, which its user's shell could give the same signed program.
KIOSK_REFUSED = ("db", "editions")
EXIT_USAGE = 2  # argparse's code for a wrong option; README "Exit codes"


def kiosk_refusal(options: argparse.Namespace) -> str | None:
    """The one line to print when ``--kiosk`` comes with an option that names content; None when it does not."""
    if not getattr(options, "kiosk", False):
        return None
    given = [f"--{name}" for name in KIOSK_REFUSED if getattr(options, name, None) is not None]
    if not given:
        return None
    return (f"dongli-desktop: {' and '.join(given)} cannot be used with --kiosk: a kiosk shows only the verified "
            "installed content (dongli-desktop content status --machine)")


# Staff commands run without a window (dongli_desktop/commands; each has its own --help). A test checks
# that every command of that parser is listed here, and every exit code README names.
EPILOG = """\
staff commands (no window; each has its own --help):
  dongli-desktop kiosk set-pin [--config PATH] [--stdin] [--group GROUP]
  dongli-desktop content update [--machine] --from URL_OR_FOLDER [--timeout S] [--deadline S]
  dongli-desktop content status [--machine] [--json]
  dongli-desktop content rollback [--machine]
  (--machine: the machine's content in /var/lib/dongli-content, run as dongli-update; see KIOSK.md)

exit codes: 0 success; 2 the report database is missing, unreadable, corrupt or of another version
(or a wrong option, such as --db or --editions with --kiosk); 3 the bundled font cannot be loaded;
4 no display to show the window on (or, kiosk, another program took its window away); 70 an unexpected
error (details in the log); 75 (kiosk) a new version was installed while it was idle: it ended for
systemd to start the new one."""
