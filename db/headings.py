"""What a part heading says (kind, years) and what a place name is, as the builder reads them (pure).

The reader's :mod:`dongli_desktop.core.parts` gives the kind; the years here also read *mixed* titles, each
component adding years to the span:

* ``2019年`` (also ``二○一四年``) → that year; ``2016—2020年`` → the range;
* ``“十三五”`` → 2016–2020; ``过去五年`` / ``五年`` / ``本届`` (a review) → the five years before the report;
* ``过去一年`` / ``一年`` → the year before; ``今年`` → the report year.

So ``过去五年和2021年工作回顾`` in the 2022 report reviews 2017–2021 and ``2020年和“十三五”工作回顾`` 2016–2020.
"""

from __future__ import annotations

import re

from db.textview import compact
from dongli_desktop.core.parts import classify_part, five_year_plan_years

CN_SMALL = "一二三四五六七八九"
CN_YEAR_DIGITS = {"○": 0, "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                  "九": 9}
RANGE_RE = re.compile(r"(\d{4})年?[—–\-－~至到]+(\d{4})年")
YEAR_RE = re.compile(r"(\d{4})年")
CN_YEAR_RE = re.compile(r"([○〇零一二三四五六七八九]{4})年")
PLAN_NUMBER_RE = re.compile(r"十([一二三四五六七八九])五")
FIVE_YEARS_RE = re.compile(r"过去五年|五年|本届")
ONE_YEAR_RE = re.compile(r"过去一年|一年")

# A place: CJK characters (· in minority names) ending in a level; prefixes end in 省/市/州/盟/自治区.
PLACE_RE = re.compile(r"^(?P<prefix>(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区))?(?:[\u4e00-\u9fff]{1,7}?(?:州市|[市州盟]))?)"
                      r"(?P<district>[\u4e00-\u9fff]{1,8}[区县旗]|[\u4e00-\u9fff]{1,8}市)$")
# Words of page furniture that never belong in a place name (a metadata table row is never a district).
NOT_PLACE_WORDS = ("文件", "名称", "标题", "索引", "发布", "来源", "主题", "分类", "机构", "日期", "报告", "政府",
                   "人民", "工作", "全文", "位置", "首页", "公开", "代表", "会议", "时间", "文号")


def part_kind(title: str, report_year: int) -> str | None:
    """``review``, ``goals`` or ``plan`` for a part title (any script or punctuation width), or None.

    Besides the reader's rules, ``2022年工作情况`` (a past year's 工作情况) is a review.
    """
    text = compact(title)
    if (kind := classify_part(text)) is not None:
        return kind
    if "工作情况" in text and (years := _explicit_years(text)) and max(years) < report_year:
        return "review"
    return None


def _explicit_years(text: str) -> list[int]:
    years = [int(y) for pair in RANGE_RE.findall(text) for y in pair]
    years += [int(y) for y in YEAR_RE.findall(text)]
    years += [int("".join(str(CN_YEAR_DIGITS[c]) for c in y)) for y in CN_YEAR_RE.findall(text)]
    return years


def part_span(title: str, kind: str, report_year: int) -> tuple[int, int]:
    """The first and last year a part covers, every component of a mixed title counted (see the module)."""
    text = compact(title)
    years = _explicit_years(text)
    for number in PLAN_NUMBER_RE.findall(text):
        years += list(five_year_plan_years(10 + CN_SMALL.index(number) + 1))
    rest = YEAR_RE.sub("", RANGE_RE.sub("", text))
    if kind == "review":
        if FIVE_YEARS_RE.search(rest):
            years += [report_year - 5, report_year - 1]
        elif ONE_YEAR_RE.search(rest):
            years.append(report_year - 1)
    if "今年" in rest:
        years.append(report_year)
    if years:
        return min(years), max(years)
    if kind == "review":
        return report_year - 1, report_year - 1
    if kind == "goals":
        return report_year, report_year + 4
    return report_year, report_year


def split_place(place: str) -> tuple[str | None, str] | None:
    """(prefix, district) of a place such as 天津市武清区 (→ 天津市, 武清区) or 杨陵区 (→ None, 杨陵区); None
    when ``place`` is no plausible place name (a bare 区, a table cell, words of page furniture)."""
    m = PLACE_RE.match(place)
    if m is None or any(word in place for word in NOT_PLACE_WORDS):
        return None
    district = m.group("district")
    if len(district) < 2:
        return None
    return m.group("prefix") or None, district


def plausible_district(district: str) -> bool:
    """A district name the builder may store: a place name and nothing else."""
    found = split_place(district)
    return found is not None and found[0] is None
