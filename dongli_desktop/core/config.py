"""Kiosk configuration from TOML: every problem becomes a message and a safe default, never a crash."""

from __future__ import annotations

import os
import stat
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from dongli_desktop.core.constants import FONT_SCALES as SCALES
from dongli_desktop.core.constants import PAGES as ALL_PAGES
from dongli_desktop.core.errors import ConfigError
from dongli_desktop.core.pin import is_valid_hash


@dataclass(frozen=True)
class KioskConfig:
    """What staff can set. The defaults are the safe ones: locked, resetting, large text."""

    idle_timeout: int = 120  # seconds without touch before the prompt
    warning_seconds: int = 30  # countdown of the "还在浏览吗?" prompt (at least 20)
    start_page: str = "overview"
    attract: bool = True
    font_scale: float = 1.5
    pages: tuple[str, ...] = ALL_PAGES
    pin_hash: str | None = None
    large_mode: bool = False
    # read-aloud's speech-dispatcher configuration folder (root-owned; the kiosk reads none of its user's)
    speech_config_dir: str = "/etc/speech-dispatcher"
    source: str = "defaults"  # where the values came from, for the log
    problems: tuple[str, ...] = field(default=())


LIMITS = {"idle_timeout": (15, 3600), "warning_seconds": (20, 300)}
MAX_CONFIG_BYTES = 64 * 1024  # a real kiosk.toml is well under 1 KB


def system_config_path() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "dongli-desktop" / "kiosk.toml"
    return Path("/etc/dongli-desktop/kiosk.toml")


# A check takes a setting's name and raw value: (the value to keep, None) or (None, what is wrong with it).
Check = Callable[[str, Any], tuple[Any, str | None]]


def _whole_number(key: str, value: Any) -> tuple[Any, str | None]:
    low, high = LIMITS[key]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return None, f"{key} must be a whole number from {low} to {high}, not {value!r}"
    return value, None


def _start_page(key: str, value: Any) -> tuple[Any, str | None]:
    if value not in ALL_PAGES:
        return None, f"{key} must be one of {', '.join(ALL_PAGES)}, not {value!r}"
    return value, None


def _true_or_false(key: str, value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, bool):
        return None, f"{key} must be true or false, not {value!r}"
    return value, None


def _font_scale(key: str, value: Any) -> tuple[Any, str | None]:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value not in SCALES:
        return None, f"{key} must be one of {', '.join(map(str, SCALES))}, not {value!r}"
    return float(value), None


def _pages(key: str, value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, list) or not value or any(p not in ALL_PAGES for p in value):
        return None, f"{key} must be a non-empty list drawn from {', '.join(ALL_PAGES)}, not {value!r}"
    return tuple(p for p in ALL_PAGES if p in value), None  # in the app's order, once each


def _pin_hash(key: str, value: Any) -> tuple[Any, str | None]:
    if not is_valid_hash(value):
        return None, f"{key} is not a hash written by 'dongli-desktop kiosk set-pin'; admin exit disabled"
    return value, None


def _absolute_folder(key: str, value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, str) or not value.startswith("/") or "\0" in value or len(value) > 1024:
        return None, f"{key} must be an absolute folder path, not {value!r}"
    return value, None


CHECKS: dict[str, Check] = {
    "idle_timeout": _whole_number, "warning_seconds": _whole_number, "start_page": _start_page,
    "attract": _true_or_false, "large_mode": _true_or_false, "font_scale": _font_scale, "pages": _pages,
    "pin_hash": _pin_hash, "speech_config_dir": _absolute_folder,
}


def _check_values(raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Each setting on its own: the valid values, and a message for every unknown or rejected one."""
    good: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in raw.items():
        check = CHECKS.get(key)
        if check is None:
            problems.append(f"unknown setting '{key}' ignored")
            continue
        kept, problem = check(key, value)
        if problem is not None:
            problems.append(problem)
        else:
            good[key] = kept
    return good, problems


def _shown_start_page(good: dict[str, Any], problems: list[str]) -> None:
    """Make the start page one of the pages shown: the first of them when it is not (said when it was set)."""
    pages = good.get("pages")
    if pages is None:
        return
    if "start_page" in good and good["start_page"] not in pages:
        problems.append(f"start_page {good['start_page']} is not among pages; using {pages[0]}")
        good["start_page"] = pages[0]
    elif "start_page" not in good and KioskConfig.start_page not in pages:
        good["start_page"] = pages[0]


def _check(raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Keep the valid values; describe every rejected one."""
    good, problems = _check_values(raw)
    _shown_start_page(good, problems)
    return good, problems


def read_config_text(path: Path) -> str:
    """The text of a config file: a regular file, at most MAX_CONFIG_BYTES, UTF-8. Raises ConfigError."""
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused just below)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise ConfigError(f"{path} is not a regular file")
            data = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path} is larger than {MAX_CONFIG_BYTES // 1024} KB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def parse_config(text: str, where: object = "config") -> dict[str, Any]:
    """The TOML table in ``text``. Raises ConfigError for any syntax, nesting-depth or other parse failure."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"cannot read {where}: {exc}") from exc
    except RecursionError as exc:
        raise ConfigError(f"cannot read {where}: nested too deeply") from exc
    except (ValueError, TypeError, MemoryError) as exc:  # tomllib documents only TOMLDecodeError; be sure
        raise ConfigError(f"cannot read {where}: {type(exc).__name__}") from exc


def load_config(path: Path | None) -> KioskConfig:
    """The kiosk configuration from ``path``, else the system file, else defaults. Never raises.

    Any problem with the file as a whole (missing when named, too large, not UTF-8, not TOML, nested too
    deeply) gives the safe defaults, which are locked; a bad value gives the default for that value.
    """
    candidate = path if path is not None else system_config_path()
    if not os.path.lexists(candidate):
        if path is not None:
            return KioskConfig(problems=(f"config file {path} does not exist; using safe defaults",))
        return KioskConfig()
    try:
        raw = parse_config(read_config_text(candidate), candidate)
        good, problems = _check(raw)
        return replace(KioskConfig(), **good, source=str(candidate), problems=tuple(problems))
    except ConfigError as exc:
        return KioskConfig(source=str(candidate), problems=(f"{exc}; using safe defaults",))
    except Exception as exc:  # noqa: BLE001 - a kiosk must start locked whatever the file holds
        problem = f"cannot use {candidate}: {type(exc).__name__}; using safe defaults"
        return KioskConfig(source=str(candidate), problems=(problem,))


def dump_config(config: KioskConfig) -> str:
    """TOML text for the settings of ``config`` that differ from the defaults (``kiosk set-pin`` starts
    a new file with it)."""
    def value(v: object) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return repr(v)
        if isinstance(v, tuple):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'

    defaults = KioskConfig()
    lines = ["# Kiosk settings for dongli-desktop; see KIOSK.md."]
    for f in fields(KioskConfig):
        if f.name in ("source", "problems"):
            continue
        v = getattr(config, f.name)
        if v is not None and v != getattr(defaults, f.name):
            lines.append(f"{f.name} = {value(v)}")
    return "\n".join(lines) + "\n"
