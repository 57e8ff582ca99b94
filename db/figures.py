"""Find the quantities in a piece of report text (pure).

A quantity is a number with a unit (家, 亿元, %, 个百分点 …) or a 万/亿 multiplier (traditional characters
too: 億元, 萬人, 個, 餘).
Years, dates, ordinals, anniversaries and digits inside names (PM2.5, 5G, 8890,
1001工程, 120急救站, 24小时城市书房) are not quantities.

Numbers in Chinese numerals are quantities when they carry a unit other than 年 and are
plainly a count: a place (十二条, 一百二十个), 万/亿 (两万余人) or an approximation (近百个,
百余个). A lone 一, 两, 三 … with a unit (一批, 两个维护, 三项制度) and a lone 十/百/千
without an approximation (千家万户) are words, not measures.

Each figure is also read as a quantity in its text (:func:`dongli_desktop.core.quantity.parse_quantity`):
its interval, every qualifying word (预计, 初步, 近, 余 …) and its qualified label. A number that
opens a range takes the range's unit (3万 in 3万至3.5万人 is 万人; 800 in 800至900个 is 个).

Some pages set numbers apart with spaces (``616 亿元``, ``增长 8.5 %``, ``2012 年 12 月 18 日``). Spaces between a
qualifier and the number, and between the number and its 余/万/亿/unit, are read as part of the figure: its span
is the text as written (spaces included); its value and label are read from the same words without those
spaces. A year or a date stays one when spaced (``2012 年``, ``12 月``, ``月 18 日``); a Latin letter only
counts as part of a name when it touches the digits (``5G``, but ``GDP 830 亿元`` is a figure).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from dongli_desktop.core.quantity import (
    CN_CHARS,
    CN_PLACES,
    MULT_CHARS,
    MULTIPLIERS,
    QuantityError,
    chinese_number,
    parse_quantity,
)

# Longest first, so 个百分点 wins over 个 and 平方公里 over 公里.
UNITS = sorted(
    [
        "个百分点", "微克/立方米", "个工作日", "个月", "个多月", "平方公里", "平方米", "立方米", "人次",
        "美元", "元", "亩", "公里", "家", "个", "项", "条", "处", "所", "座", "名", "人", "户",
        "套", "件", "天", "年", "小时", "%", "倍",
        # things counted or weighed: after a number only (出台, 平台, 市场, 现场 hold no number)
        "栋", "场", "吨", "辆", "张", "台", "千瓦时", "千瓦",
        # the same units in traditional characters (億元 and 萬元 are 億/萬 with 元)
        "個百分點", "個工作日", "個", "項", "條", "處", "戶", "畝", "棟", "場", "噸", "輛", "張", "臺",
    ],
    key=len,
    reverse=True,
)
PRE_QUALIFIERS = ["不少于", "不低于", "不超过", "超过", "近", "约"]
POST_QUALIFIERS = ["以上", "以下", "以内", "左右"]
NAME_SUFFIXES = ["小时城市书房", "工程", "急救"]

SPACE = " \u00a0\u3000"  # ASCII, no-break and ideographic spaces, as pages set numbers apart
_UNIT_ALT = "|".join(re.escape(u) for u in UNITS)
_SOME = "余|多|餘"  # 餘: the traditional 余
NUMBER_RE = re.compile(
    r"(?:(?P<pre>" + "|".join(PRE_QUALIFIERS) + r")[" + SPACE + r"]*(?=\d))?"
    r"(?P<num>\d+(?:\.\d+)?)"
    # spaces after the number belong to the figure only when 余/多, 万/亿 or a unit follows them
    r"(?:[" + SPACE + r"]+(?=(?:" + _SOME + r")?[" + MULT_CHARS + r"]?(?:" + _SOME + r")?(?:" + _UNIT_ALT
    + r"|[" + MULT_CHARS + r"余多餘])))?"
    r"(?P<yu1>" + _SOME + r")?(?P<mult>[" + MULT_CHARS + r"])?(?P<yu2>" + _SOME + r")?"
    r"(?P<unit>" + _UNIT_ALT + r")?"
    r"(?P<post>" + "|".join(POST_QUALIFIERS) + r")?"
)
CONNECTORS = ("和", "、", "至", "或", "—", "——", "–", "-", "－", "~", "～", "到")
LIST_CONNECTORS = ("和", "、", "或")
CN_PRE = ["近", "约", "接近", "将近", "超过", "不少于", "不到"]
CN_NUMBER_RE = re.compile(
    r"(?P<pre>" + "|".join(CN_PRE) + r")?"
    r"(?P<num>[" + CN_CHARS + r"]+(?:[" + MULT_CHARS + r"][" + CN_CHARS + r"]+)*)"
    r"(?P<yu1>" + _SOME + r")?(?P<mult>[" + MULT_CHARS + r"])?(?P<yu2>" + _SOME + r")?"
    r"(?P<unit>" + "|".join(re.escape(u) for u in UNITS if u != "年") + r")"
    r"(?P<post>" + "|".join(POST_QUALIFIERS) + r")?"
)


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
    qualifiers: str | None = None  # every qualifying word, space-separated: 预计, 近, 初步 余
    label: str = ""  # the qualified wording: 预计4%, 3万至3.5万人, 近百个
    low: float | None = None  # the interval the words mean, in base units (None: open)
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    decline: str = ""  # the fall word written before the figure (下降, 减少 …): the figure is its size


def _is_excluded(text: str, m: re.Match[str]) -> bool:
    """Years, dates, ordinals, anniversaries and digits inside names."""
    num_start, num_end = m.start("num"), m.end("num")
    touching_before = text[num_start - 1] if num_start > 0 else ""
    touching_after = text[num_end : num_end + 1]
    if touching_before.isascii() and touching_before.isalpha() or touching_after.isascii() and touching_after.isalpha():
        return True  # PM2.5, 5G
    # the words around the number, spaces skipped (2012 年, 12 月, 月 18 日, 第 3 名)
    before = text[:num_start].rstrip(SPACE)[-1:]
    after = text[num_end:].lstrip(SPACE)[:6]
    digits = m.group("num")
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


def _cn_figures(text: str, taken: list[tuple[int, int]]) -> list[FoundFigure]:
    """Counts in Chinese numerals (十二条, 两万余人, 近百个), outside the spans already taken."""
    found = []
    for m in CN_NUMBER_RE.finditer(text):
        num, some = m.group("num"), m.group("yu1") or m.group("yu2")
        approximate = bool(m.group("pre") or some)
        countable = any(c in CN_PLACES for c in num) or m.group("mult") or approximate
        if not countable or (len(num) == 1 and num in CN_PLACES and not approximate):
            continue
        if m.start() > 0 and text[m.start() - 1] == "第" or any(m.start() < e and s < m.end() for s, e in taken):
            continue
        try:
            value = chinese_number(num)
        except QuantityError:
            continue
        mult = m.group("mult") or ""
        unit = m.group("unit")
        found.append(FoundFigure(
            start=m.start(), end=m.end(), text=m.group(0), value=float(value), unit=mult + unit,
            qualifier=m.group("pre") or some or m.group("post"),
            base_value=float(value * MULTIPLIERS.get(mult, Decimal(1))), base_unit=unit,
        ))
    return found


def _read_quantity(text: str, f: FoundFigure) -> FoundFigure:
    """The figure with its quantity: interval, qualifying words, label, and a range's unit on its first number."""
    if any(c in SPACE for c in text):  # 616 亿元, 3 至 5 个: read the same words without the spaces
        f_start = sum(c not in SPACE for c in text[: f.start])
        f_end = f_start + sum(c not in SPACE for c in f.text)
        text = "".join(c for c in text if c not in SPACE)
    else:
        f_start, f_end = f.start, f.end
    try:
        q = parse_quantity(text, f_start, f_end)
    except QuantityError:
        return f
    unit, base_unit, base_value = f.unit, f.base_unit, f.base_value
    if q.is_range and f_start == q.start and q.base_unit:
        unit, base_unit, base_value = q.unit, q.base_unit, q.stated[0]
    return FoundFigure(
        start=f.start, end=f.end, text=f.text, value=f.value, unit=unit, qualifier=f.qualifier,
        base_value=base_value, base_unit=base_unit, qualifiers=" ".join(q.qualifiers) or None, label=q.label,
        low=None if q.low == -math.inf else q.low, high=None if q.high == math.inf else q.high,
        low_inclusive=q.low_inclusive, high_inclusive=q.high_inclusive, decline=q.decline,
    )


def find_figures(text: str) -> list[FoundFigure]:
    """Every quantity in ``text``, in order of appearance."""
    matches = [m for m in NUMBER_RE.finditer(text) if not _is_excluded(text, m)]
    found: list[FoundFigure] = []
    for i, m in enumerate(matches):
        if m.group("unit") or m.group("mult"):
            found.append(_make(text, m))
            continue
        # "1.4和3.4个百分点", "3至3.5万人", "5—6%": a bare number shares the unit of the next one, and a list
        # of bare numbers (1.8、1.8、2.1和2.1倍) the unit of its last.
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        joiner = text[m.end() : nxt.start()].strip(SPACE) if nxt is not None else ""
        j = i + 1
        while nxt is not None and joiner in LIST_CONNECTORS and not (nxt.group("unit") or nxt.group("mult")) \
                and j + 1 < len(matches):
            following = matches[j + 1]
            joined = text[nxt.end() : following.start()].strip(SPACE)
            if joined not in LIST_CONNECTORS:
                break
            j, nxt = j + 1, following
        if nxt is not None and joiner in CONNECTORS and nxt.group("unit") and (
                not nxt.group("mult") or joiner not in LIST_CONNECTORS):
            # a range's first number (3至3.5万人) gets the range's 万 and unit from its quantity below
            found.append(_make(text, m, unit_override=nxt.group("unit")))
    found += _cn_figures(text, [(f.start, f.end) for f in found])
    found.sort(key=lambda f: f.start)
    return [_read_quantity(text, f) for f in found]
