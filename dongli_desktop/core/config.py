"""Kiosk configuration from TOML: every problem becomes a message and a safe default, never a crash."""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from dongli_desktop.core.pin import is_valid_hash

ALL_PAGES = ("overview", "review", "plan", "livelihood", "glossary", "search")
SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)


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
    source: str = "defaults"  # where the values came from, for the log
    problems: tuple[str, ...] = field(default=())


LIMITS = {"idle_timeout": (15, 3600), "warning_seconds": (20, 300)}


def system_config_path() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "dongli-desktop" / "kiosk.toml"
    return Path("/etc/dongli-desktop/kiosk.toml")


def _check(raw: dict) -> tuple[dict, list[str]]:
    """Keep the valid values; describe every rejected one."""
    good: dict = {}
    problems: list[str] = []
    known = {f.name for f in fields(KioskConfig)} - {"source", "problems"}
    for key, value in raw.items():
        if key not in known:
            problems.append(f"unknown setting '{key}' ignored")
            continue
        if key in LIMITS:
            low, high = LIMITS[key]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                problems.append(f"{key} must be a whole number from {low} to {high}, not {value!r}")
                continue
        elif key == "start_page":
            if value not in ALL_PAGES:
                problems.append(f"start_page must be one of {', '.join(ALL_PAGES)}, not {value!r}")
                continue
        elif key in ("attract", "large_mode"):
            if not isinstance(value, bool):
                problems.append(f"{key} must be true or false, not {value!r}")
                continue
        elif key == "font_scale":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value not in SCALES:
                problems.append(f"font_scale must be one of {', '.join(map(str, SCALES))}, not {value!r}")
                continue
            value = float(value)
        elif key == "pages":
            if not isinstance(value, list) or not value or any(p not in ALL_PAGES for p in value):
                problems.append(f"pages must be a non-empty list drawn from {', '.join(ALL_PAGES)}, not {value!r}")
                continue
            value = tuple(p for p in ALL_PAGES if p in value)
        elif key == "pin_hash":
            if not is_valid_hash(value):
                problems.append("pin_hash is not a hash written by 'dongli-desktop kiosk set-pin'; admin exit disabled")
                continue
        good[key] = value
    if "start_page" in good and "pages" in good and good["start_page"] not in good["pages"]:
        problems.append(f"start_page {good['start_page']} is not among pages; using {good['pages'][0]}")
        good["start_page"] = good["pages"][0]
    if "pages" in good and "start_page" not in good and KioskConfig.start_page not in good["pages"]:
        good["start_page"] = good["pages"][0]
    return good, problems


def load_config(path: Path | None) -> KioskConfig:
    """The kiosk configuration from ``path``, else the system file, else defaults. Never raises."""
    candidates = [path] if path is not None else [system_config_path()]
    for candidate in candidates:
        if candidate is None or not candidate.exists():
            if path is not None:
                return KioskConfig(problems=(f"config file {path} does not exist; using safe defaults",))
            continue
        try:
            raw = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            return KioskConfig(source=str(candidate), problems=(f"cannot read {candidate}: {exc}; using safe defaults",))
        good, problems = _check(raw)
        return replace(KioskConfig(), **good, source=str(candidate), problems=tuple(problems))
    return KioskConfig()


def dump_config(config: KioskConfig) -> str:
    """TOML text for a configuration (used by ``kiosk set-pin``)."""
    def value(v: object) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return repr(v)
        if isinstance(v, tuple):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["# Kiosk settings for dongli-desktop; see KIOSK.md."]
    for f in fields(KioskConfig):
        if f.name in ("source", "problems"):
            continue
        v = getattr(config, f.name)
        if v is not None:
            lines.append(f"{f.name} = {value(v)}")
    return "\n".join(lines) + "\n"
