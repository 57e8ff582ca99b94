"""Numbers written the Chinese way (万, 亿) for axes and labels."""

from __future__ import annotations


def trim(value: float) -> str:
    """``4.0`` -> ``4``, ``63.20`` -> ``63.2``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def format_cn(value: float) -> str:
    """A plain number with 万 or 亿 as a Chinese reader expects: 2110000 -> 211万."""
    magnitude = abs(value)
    if magnitude >= 100_000_000:
        return trim(value / 100_000_000) + "亿"
    if magnitude >= 10_000:
        return trim(value / 10_000) + "万"
    return trim(value)
