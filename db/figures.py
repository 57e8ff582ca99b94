"""Find the quantities written with Arabic digits in a piece of report text (pure).

A quantity is a number with a unit (家, 亿元, %, 个百分点 …) or a 万/亿 multiplier.
Years, dates, ordinals, anniversaries and digits inside names (PM2.5, 5G, 8890,
1001工程, 120急救站, 24小时城市书房) are not quantities. Numbers written in Chinese
numerals (一, 十) are not extracted: the report writes every measured quantity in digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}

# Longest first, so 个百分点 wins over 个 and 平方公里 over 公里.
UNITS = sorted(
    [
        "个百分点", "微克/立方米", "个工作日", "平方公里", "平方米", "立方米", "人次",
        "美元", "元", "亩", "公里", "家", "个", "项", "条", "处", "所", "座", "名", "人", "户",
        "套", "件", "天", "年", "小时", "%", "倍",
    ],
    key=len,
    reverse=True,
)
PRE_QUALIFIERS = ["不少于", "不低于", "不超过", "超过", "近", "约"]
POST_QUALIFIERS = ["以上", "以下", "以内", "左右"]
NAME_SUFFIXES = ["小时城市书房", "工程", "急救"]

NUMBER_RE = re.compile(
    r"(?P<pre>" + "|".join(PRE_QUALIFIERS) + r")?"
    r"(?P<num>\d+(?:\.\d+)?)"
    r"(?P<yu1>余|多)?(?P<mult>[万亿])?(?P<yu2>余|多)?"
    r"(?P<unit>" + "|".join(re.escape(u) for u in UNITS) + r")?"
    r"(?P<post>" + "|".join(POST_QUALIFIERS) + r")?"
)
CONNECTORS = ("和", "、", "至", "或")


@dataclass(frozen=True)
class FoundFigure:
    """A quantity: offsets are into the text that was scanned."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str | None
    base_value: float
    base_unit: str | None


def _is_excluded(text: str, m: re.Match[str]) -> bool:
    """Years, dates, ordinals, anniversaries and digits inside names."""
    num_start, num_end = m.start("num"), m.end("num")
    before = text[num_start - 1] if num_start > 0 else ""
    after = text[num_end : num_end + 6]
    digits = m.group("num")
    if before.isascii() and before.isalpha() or after[:1].isascii() and after[:1].isalpha():
        return True  # PM2.5, 5G
    if before == "第" or after.startswith("周年"):
        return True  # ordinals and anniversaries
    if re.fullmatch(r"(19|20)\d\d", digits) and after.startswith("年"):
        return True  # a year
    if after.startswith(("月", "日")) or (before == "月" and after.startswith("日")):
        return True  # a date
    if before == "（" and after.startswith("）"):
        return True  # a note number
    return any(after.startswith(s) for s in NAME_SUFFIXES)


def _make(text: str, m: re.Match[str], unit_override: str | None = None) -> FoundFigure:
    mult = m.group("mult") or ""
    unit = m.group("unit") or unit_override or ""
    qualifier = m.group("pre") or m.group("yu1") or m.group("yu2") or m.group("post")
    value = Decimal(m.group("num"))
    base = value * MULTIPLIERS.get(mult, Decimal(1))
    start = m.start("num") if m.group("pre") is None else m.start()
    return FoundFigure(
        start=start,
        end=m.end(),
        text=text[start : m.end()],
        value=float(value),
        unit=mult + unit,
        qualifier=qualifier,
        base_value=float(base),
        base_unit=unit or None,
    )


def find_figures(text: str) -> list[FoundFigure]:
    """Every quantity in ``text``, in order of appearance."""
    matches = [m for m in NUMBER_RE.finditer(text) if not _is_excluded(text, m)]
    found: list[FoundFigure] = []
    for i, m in enumerate(matches):
        if m.group("unit") or m.group("mult"):
            found.append(_make(text, m))
            continue
        # "1.4和3.4个百分点": a bare number shares the unit of the next one.
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if (nxt is not None and text[m.end() : nxt.start()] in CONNECTORS
                and nxt.group("unit") and not nxt.group("mult")):
            found.append(_make(text, m, unit_override=nxt.group("unit")))
    return found
