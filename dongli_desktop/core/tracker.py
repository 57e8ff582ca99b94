"""The promise tracker: each target of one edition beside the result the next edition reports (GUI-free).

A target and a result are joined by the curated indicator key and the year: the target ``key`` for year Y
in edition N, the ``actual`` value of the same key for year Y in the edition that reviews Y.

How met / not met is computed — from the extracted figures only, never typed by hand. Values are compared
in their base unit (万 and 亿 multiplied out); different base units are not compared.

The target's words fix what counts:

* a floor (以上, 不少于, 不低于, 超过, 余, 多): met when the result reaches it (超过: goes beyond it);
* a ceiling (以下, 以内, 不超过): met when the result does not exceed it;
* a range written in the quote (``5%—6%``, ``5%至6%``), about (左右, 约, 近) or a bare number: met when the
  result reaches the range's lower end (for a measure where higher is better) or stays at or below its upper
  end (where lower is better, e.g. PM2.5). 左右/约/近 make a range of ±5 % around the number.

The result's words count too: 余, 多, 以上, 超过, 不少于, 不低于 give a value of at least the number;
以下, 以内, 不超过 at most the number; 近 just under it; 约/左右 the number itself.

Status ``unclear`` means a result was reported but cannot be judged by these rules (a target without a
number such as 确保PM2.5浓度下降, a result without one, or units that differ). ``not_reported`` means the next
edition reviews the target's year and says nothing about it — or, when ``due`` is False, that no edition
reviewing that year is available yet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from dongli_desktop.core.editions import Edition
from dongli_desktop.core.models import Document, Figure, Indicator, SourceRef
from dongli_desktop.core.repository import Report

FLOOR = frozenset({"以上", "不少于", "不低于", "超过", "余", "多"})
CEILING = frozenset({"以下", "以内", "不超过"})
ABOUT = frozenset({"左右", "约", "近"})
ABOUT_TOLERANCE = 0.05
RANGE_JOINERS = frozenset("—–-－~～至到")
JUST_UNDER = 1e-9  # 近X: a hair below X


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_REPORTED = "not_reported"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class Side:
    """One side of the comparison: the value's indicator, in its own report."""

    path: Path  # the report database the value comes from
    document: Document
    indicator: Indicator

    @property
    def source(self) -> SourceRef:
        """Where to show the value: its exact words in its own report."""
        return self.indicator.source()

    @property
    def figure(self) -> Figure | None:
        return self.indicator.figure


@dataclass(frozen=True)
class Bounds:
    """What a target asks for, in base units: a value of at least ``low`` and/or at most ``high``."""

    low: float
    high: float
    basis: str  # floor, ceiling, range, about, exact
    strict: bool = False  # 超过: the result must go beyond ``low``


@dataclass(frozen=True)
class TrackedTarget:
    key: str
    name: str
    name_en: str
    category: str
    year: int  # the year the target is for
    target: Side
    result: Side | None
    status: Status
    due: bool  # the later edition reviews the target's year
    basis: str  # how the status was decided: floor, ceiling, range, about, exact, or why it could not be


def _unit(fig: Figure) -> str:
    return fig.base_unit or fig.unit


def _range_end(report: Report, ind: Indicator) -> Figure | None:
    """The upper figure of a range such as 5%—6% written right after the target's figure in its quote."""
    fig = ind.figure
    if fig is None or ind.paragraph_id is None:
        return None
    text = report.paragraph(ind.paragraph_id).text
    for other in report.figures(ind.paragraph_id):
        between = text[fig.end : other.start]
        if (other.start > fig.end and other.end <= ind.quote_end and 1 <= len(between) <= 2
                and set(between) <= RANGE_JOINERS and _unit(other) == _unit(fig)):
            return other
    return None


def target_bounds(report: Report, ind: Indicator) -> Bounds | None:
    """What the target asks for, or None when it states no number."""
    fig = ind.figure
    if fig is None:
        return None
    value = fig.base_value
    if (upper := _range_end(report, ind)) is not None:
        return Bounds(value, upper.base_value, "range")
    if fig.qualifier in FLOOR:
        return Bounds(value, math.inf, "floor", strict=fig.qualifier == "超过")
    if fig.qualifier in CEILING:
        return Bounds(-math.inf, value, "ceiling")
    if fig.qualifier in ABOUT:
        spread = abs(value) * ABOUT_TOLERANCE
        return Bounds(value - spread, value + spread, "about")
    return Bounds(value, value, "exact")


def result_interval(fig: Figure) -> tuple[float, float]:
    """The least and the most the reported result can be, from its number and qualifier."""
    value = fig.base_value
    if fig.qualifier in FLOOR:
        return value, math.inf
    if fig.qualifier in CEILING:
        return -math.inf, value
    if fig.qualifier == "近":
        below = value - abs(value) * JUST_UNDER - JUST_UNDER
        return below, below
    return value, value


def judge(bounds: Bounds, result: Figure, better: str) -> Status:
    """Met or not met (or unclear when the result's own words leave it open)."""
    least, most = result_interval(result)
    if bounds.basis == "floor" or (bounds.basis != "ceiling" and better == "higher"):
        if least > bounds.low or (least == bounds.low and not bounds.strict):
            return Status.MET
        return Status.NOT_MET if most < bounds.low or (most == bounds.low and bounds.strict) else Status.UNCLEAR
    if most <= bounds.high:
        return Status.MET
    return Status.NOT_MET if least > bounds.high else Status.UNCLEAR


def _status(earlier: Report, target: Indicator, result: Indicator) -> tuple[Status, str]:
    bounds = target_bounds(earlier, target)
    if bounds is None:
        return Status.UNCLEAR, "target_without_number"
    if result.figure is None:
        return Status.UNCLEAR, "result_without_number"
    if target.figure is not None and _unit(result.figure) != _unit(target.figure):
        return Status.UNCLEAR, "units_differ"
    return judge(bounds, result.figure, target.better), bounds.basis


def track(earlier: Report, later: Report) -> tuple[TrackedTarget, ...]:
    """Every target of ``earlier`` with ``later``'s reported result and a computed status, in curated order."""
    first, second = earlier.document, later.document
    if first.district != second.district:
        raise ValueError(f"editions of different districts: {first.district} and {second.district}")
    if second.year <= first.year:
        raise ValueError(f"the later edition ({second.year}) is not after the earlier one ({first.year})")
    reviewed = range(second.reviewed_from or 0, (second.reviewed_to or -1) + 1)
    actuals = {(i.key, i.year): i for i in later.indicators if i.kind == "actual"}
    tracked = []
    for target in (i for i in earlier.indicators if i.kind == "target"):
        due = target.year in reviewed
        result = actuals.get((target.key, target.year)) if due else None
        if result is None:
            status, basis = Status.NOT_REPORTED, "not_reported" if due else "not_due"
        else:
            status, basis = _status(earlier, target, result)
        tracked.append(TrackedTarget(
            key=target.key, name=target.name, name_en=target.name_en, category=target.category, year=target.year,
            target=Side(earlier.path, first, target),
            result=Side(later.path, second, result) if result is not None else None,
            status=status, due=due, basis=basis,
        ))
    return tuple(tracked)


def track_editions(earlier: Edition, later: Edition) -> tuple[TrackedTarget, ...]:
    """:func:`track` for two catalogue entries: opens both reports, tracks, and closes them again."""
    first = earlier.open()
    try:
        second = later.open()
        try:
            return track(first, second)
        finally:
            second.close()
    finally:
        first.close()
