"""``content …``: trusted content updates over TUF (update, status, rollback).

There is deliberately no option to choose whom to trust: the trust anchor is the bundle's or the
machine's (``/etc/dongli-desktop/trust/root.json``), which only an administrator can change. The publisher's
commands are ``python -m dongli_desktop.publish`` (see SECURITY.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dongli_desktop.core.content import ContentStatus


def _base(args: argparse.Namespace) -> Path | None:
    """``--machine``: the machine's folder (the updater service's); else the user's own."""
    from dongli_desktop.core.content import system_base

    return system_base() if getattr(args, "machine", False) else None


def status_lines(status: ContentStatus, machine: bool) -> list[str]:
    """``content status`` in words. What is installed is read by the app at its start only: a running app (a
    kiosk until its next idle moment, when it starts again by itself) may still show the edition it started with."""
    version = "-" if status.version is None else str(status.version)
    expiry = status.expires or "-"
    if status.expired:
        expiry += " (passed: this machine has not received newer signed metadata; it keeps showing this edition)"
    shown = ("from the kiosk's next start (a running kiosk starts again by itself at its next idle moment)"
             if machine else "from the app's next start (a running app keeps the edition it started with)")
    lines = [f"{label:13} {value}" for label, value in (
        ("in place", f"{status.source} ({status.path})"), ("shown", shown), ("edition", status.edition),
        ("version", version), ("expires", expiry), ("last check", status.last_check or "never"),
        ("last success", status.last_success or "never"), ("last error", status.last_error or "none"))]
    if status.unchanged_since:
        frozen = " (no new signed content for over 14 days: the update channel may be frozen)" if status.stale else ""
        lines.append(f"{'unchanged':13} since {status.unchanged_since}{frozen}")
    lines.extend(f"{'problem':13} {problem}" for problem in status.problems)
    return lines


def _print_status(as_json: bool, base: Path | None = None) -> int:
    from dongli_desktop.core.content import content_status

    status = content_status(base)
    if as_json:
        print(json.dumps(status.as_dict(), ensure_ascii=False, indent=1))
        return 0
    print("\n".join(status_lines(status, machine=base is not None)))
    return 0


def content_command(args: argparse.Namespace) -> int:
    from dongli_desktop.core import content

    try:
        if args.action == "update":
            result = content.update(args.source, base=_base(args), socket_timeout=args.timeout,
                                    file_deadline=args.deadline)
            state = "installed" if result.changed else "already current:"
            print(f"content: {state} edition {result.edition or '-'} (targets version {result.version})")
        elif args.action == "rollback":
            print(f"content: rolled back; now showing {content.rollback(_base(args))}")
        else:
            return _print_status(args.json, _base(args))
    except content.ContentError as exc:
        print(f"content {args.action}: {exc}; nothing changed", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"content {args.action}: {exc.strerror or exc} ({exc.filename or ''}); nothing changed{_hint(args)}",
              file=sys.stderr)
        return 1
    return 0


def _hint(args: argparse.Namespace) -> str:
    """What to do when the machine's folder is missing: systemd makes it (StateDirectory=) only when the updater's
    service first runs, so a first update run by hand was refused with a bare "Permission denied" (admin pass)."""
    from dongli_desktop.core.content import system_base

    if not getattr(args, "machine", False) or system_base().exists():
        return ""
    return (f"\n{system_base()} does not exist yet: systemd makes it the first time the updater's service runs; "
            "run `systemctl start dongli-content-update.service` once, then this command again")


def add_parser(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``content update|status|rollback``."""
    content = groups.add_parser("content", help="trusted content updates (TUF)").add_subparsers(dest="action",
                                                                                             required=True)
    update = content.add_parser("update", help="fetch, verify and install the newest signed edition")
    update.add_argument("--from", dest="source", required=True, metavar="URL_OR_FOLDER",
                        help="the publisher's repository: http(s) URL, or a local folder (USB stick)")
    update.add_argument("--timeout", type=float, default=15.0, help="seconds without data before giving up")
    update.add_argument("--deadline", type=float, default=300.0, help="seconds allowed for any one file")
    status = content.add_parser("status", help="which edition is shown, its version and expiry, last check/error")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    rollback = content.add_parser("rollback", help="go back to the previously installed signed edition")
    for sub in (update, status, rollback):
        sub.add_argument("--machine", action="store_true",
                         help="the machine's content folder (/var/lib/dongli-content, as the dongli-update service "
                              "writes it) instead of your own")
        sub.set_defaults(run=content_command)
