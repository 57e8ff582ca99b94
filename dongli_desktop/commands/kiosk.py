"""``kiosk set-pin``: store a salted hash of the admin PIN in the kiosk config, editing it in place.

The file keeps its comments, layout and unknown keys (tomlkit); a file that cannot be parsed is left
untouched and the command fails. The file is written atomically with mode 0640 (owner root, group the
kiosk user's, given by ``--group`` or kept from the existing file), so only root and the kiosk can read
the hash.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
from pathlib import Path

import tomlkit

from dongli_desktop.core.config import (
    KioskConfig,
    dump_config,
    parse_config,
    read_config_text,
    system_config_path,
)
from dongli_desktop.core.errors import ConfigError
from dongli_desktop.core.pin import (
    PIN_MAX_DIGITS,
    PIN_MIN_DIGITS,
    PinFormatError,
    check_pin_format,
    guessable,
    hash_pin,
)

CONFIG_MODE = 0o640


def write_atomically(path: Path, text: str, group: int | None = None) -> None:
    """Replace ``path`` with ``text`` (mode 0640, optionally chgrp'd) so that a power cut keeps old or new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.chmod(tmp, CONFIG_MODE)
            if group is not None and hasattr(os, "fchown"):
                os.fchown(fh.fileno(), -1, group)
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        if os.name == "posix":  # make the rename itself durable
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def read_pin(stdin_mode: bool) -> str:
    if stdin_mode or not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass(f"New admin PIN ({PIN_MIN_DIGITS}-{PIN_MAX_DIGITS} digits): ")
    second = getpass.getpass("Repeat the PIN: ")
    if first != second:
        raise PinFormatError("the two PINs differ")
    return first


def with_pin_hash(text: str, pin_hash: str, where: object) -> str:
    """``text`` with its top-level ``pin_hash`` set, everything else kept. Raises ConfigError."""
    parse_config(text, where)  # the same parser the app uses: what it cannot read, we do not edit
    try:
        doc = tomlkit.parse(text)
    except Exception as exc:
        raise ConfigError(f"cannot edit {where}: {exc}") from exc
    doc["pin_hash"] = pin_hash
    return tomlkit.dumps(doc)


def resolve_group(name: str | None, path: Path) -> int | None:
    """The group id for ``--group``, else the existing file's group, else None (the creator's)."""
    if name is not None:
        import grp  # POSIX only; Windows protects the file with its folder's ACL

        return int(name) if name.isdigit() else grp.getgrnam(name).gr_gid
    try:
        return path.stat().st_gid
    except OSError:
        return None


def set_pin(args: argparse.Namespace) -> int:
    path: Path = args.config or system_config_path()
    try:
        pin = read_pin(args.stdin)
        if not pin and not args.stdin and not sys.stdin.isatty():
            raise PinFormatError("no PIN was given: standard input is not a terminal, so there is no prompt; give the "
                                 "PIN on standard input with --stdin")
        check_pin_format(pin)
        weak = guessable(pin)
        if weak is not None:
            raise PinFormatError(f"that PIN is among the first anyone would try ({weak}); choose another")
    except PinFormatError as exc:
        print(f"set-pin: {exc}; nothing written", file=sys.stderr)
        return 1
    try:
        group = resolve_group(args.group, path)
    except KeyError:
        print(f"set-pin: no group named {args.group!r}; nothing written", file=sys.stderr)
        return 1
    try:
        text = read_config_text(path) if os.path.lexists(path) else dump_config(KioskConfig())
        new_text = with_pin_hash(text, hash_pin(pin), path)
    except ConfigError as exc:
        print(f"set-pin: {exc}; fix or remove the file first; nothing written", file=sys.stderr)
        return 1
    try:
        write_atomically(path, new_text, group)
    except OSError as exc:
        print(f"set-pin: cannot write {path}: {exc.strerror}; nothing written", file=sys.stderr)
        return 1
    print(f"set-pin: PIN hash written to {path} (mode 0640); a running kiosk reads it at its next start: "
          "systemctl restart dongli-kiosk.service")
    return 0


def add_parser(groups: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``kiosk set-pin``."""
    kiosk = groups.add_parser("kiosk", help="kiosk administration").add_subparsers(dest="action", required=True)
    pin = kiosk.add_parser("set-pin", help="store a salted hash of a new admin PIN in the kiosk config")
    pin.add_argument("--config", type=Path, help=f"config file (default: {system_config_path()})")
    pin.add_argument("--stdin", action="store_true", help="read the PIN from standard input instead of a prompt")
    pin.add_argument("--group", metavar="GROUP",
                     help="group that may read the file, e.g. the kiosk user's (default: keep the file's group)")
    pin.set_defaults(run=set_pin)
