"""What a part heading of a government work report says: its kind and the years it covers (pure).

Shared by the builder (which stores the result in the ``parts`` table) and the reader (which derives the
same facts for a schema-1 database that has no such table).

Rules, in order:

* kind: ``回顾``/``总结`` → ``review``; ``安排`` → ``plan``; ``目标``/``规划``/``展望``/``远景`` → ``goals``;
  ``任务``/``重点工作`` → ``plan``; anything else is not a part heading.
* years: a range written in the title (``2016—2020年``) or one year (``2019年工作回顾``); else a five-year
  plan named by its number (``“十三五”时期`` → 2016–2020); else ``五年`` in a review (the five years before
  the report year); else by kind: review → the year before the report, plan → the report year,
  goals → five years from the report year.
"""

from __future__ import annotations

import re

CN_SMALL = "一二三四五六七八九"
RANGE_RE = re.compile(r"(\d{4})\s*年?\s*[—–\-－~至到]+\s*(\d{4})\s*年")
YEAR_RE = re.compile(r"(\d{4})\s*年")
PLAN_NUMBER_RE = re.compile(r"十([一二三四五六七八九])五")
FULL_TITLE_RE = re.compile(r"^(?P<district>.+?[区县市旗州盟])(?P<year>\d{4})年(?:度)?政府工作报告$")
KINDS = ("review", "goals", "plan")


def classify_part(title: str) -> str | None:
    """``review``, ``goals`` or ``plan`` for a part title, or None if it is none of them."""
    if "回顾" in title or "总结" in title:
        return "review"
    if "安排" in title:
        return "plan"
    if any(word in title for word in ("目标", "规划", "展望", "远景")):
        return "goals"
    if "任务" in title or "重点工作" in title:
        return "plan"
    return None


def five_year_plan_years(number: int) -> tuple[int, int]:
    """The years of the Nth five-year plan, from the third (1966–1970) on."""
    start = 1966 + 5 * (number - 3)
    return start, start + 4


def part_years(title: str, kind: str, report_year: int) -> tuple[int, int]:
    """The first and last year a part covers (see the module's rules)."""
    if m := RANGE_RE.search(title):
        first, last = int(m.group(1)), int(m.group(2))
        return (first, last) if first <= last else (last, first)
    if m := YEAR_RE.search(title):
        return int(m.group(1)), int(m.group(1))
    if m := PLAN_NUMBER_RE.search(title):
        return five_year_plan_years(10 + CN_SMALL.index(m.group(1)) + 1)
    if kind == "review":
        return (report_year - 5, report_year - 1) if "五年" in title else (report_year - 1, report_year - 1)
    if kind == "goals":
        return report_year, report_year + 4
    return report_year, report_year


def split_full_title(full_title: str) -> tuple[str, int] | None:
    """(district, report year) from a title such as 东丽区2020年政府工作报告, or None."""
    m = FULL_TITLE_RE.match(full_title)
    if m is None:
        return None
    return m.group("district"), int(m.group("year"))
