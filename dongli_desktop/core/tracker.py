"""The promise tracker: each target of one edition beside the result a later edition reports (GUI-free).

A target and a result are joined by the curated indicator key and the year: the target ``key`` for year Y
in one edition, the ``actual`` value of the same key for year Y in the edition that reviews Y — whichever
loaded edition of the same district that is (a target set in 2020 for 2021 is judged by the report that
reviews 2021, not by the 2021 report). Editions of one district are one series even when one writes the
district with its city (海州市云溪区 and 云溪区: :func:`dongli_desktop.core.editions.district_identity`).

Every number is read from the report's own words (:mod:`dongli_desktop.core.quantity`): an interval, so that
近百个, 两万余人, 8%以上, 800至900个 and 3%左右 mean what they say. Values are compared in base units
(万 and 亿 multiplied out); different base units are not compared.

What the target asks for (:func:`criterion`), from its words:

* floor words (以上, 不少于, 不低于, 超过, 余, 多): the result must reach the number (超过: go beyond it);
* ceiling words (以下, 以内, 不超过, 不到): the result must not exceed it;
* otherwise (a bare number, a range such as 3%—4%, 左右/约/近): reach its lowest value, or, for a measure
  where lower is better (PM2.5), stay at or below its highest value.

A target without a number is judged when its words allow it:

* a **relative** target (…增速高于经济增长速度) against the referenced figure of the same edition as the
  result (:data:`REFERENCES` names which measure a phrase refers to);
* a **direction** target (…浓度下降, …持续减少, …稳步提高) against the previous year's value, when an
  edition states it; for a measure that is itself a rate of change (named …增长 or …增速, in %), against zero:
  一般公共预算收入稳定增长 asks for growth, not for a higher rate than the year before. Words of keeping in step
  (与经济增长同步, 持平) give no direction.

The verdicts (:class:`Status`): ``met`` when every value the result's words allow meets the criterion;
``not_met`` when none does; ``straddles`` when some do and some do not (800至900个 against 850个);
``not_comparable`` when the two are different measures (units differ) or a relative or direction target's
other figure is missing; ``no_figure`` when the result (or a target and its result) is stated in words only
(基本消除, 圆满完成…任务); ``not_reported`` when the edition reviewing the year says nothing about it;
``not_due`` when no loaded edition reviews the year yet, or the one that does marks no results at all (built
without annotations: basis ``reviewer_unannotated``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from dongli_desktop.core.editions import Catalogue, Edition, district_identity
from dongli_desktop.core.models import Document, Figure, Indicator, SourceRef
from dongli_desktop.core.quantity import ABOUT_TOLERANCE, Quantity, QuantityError, parse_quantity
from dongli_desktop.core.repository import Report

__all__ = [
    "ABOUT_TOLERANCE", "Comparison", "Criterion", "Side", "Status", "TrackedTarget", "compare_editions",
    "compare_reports", "criterion", "judge", "judge_figures", "pair_for", "quantity_of", "track", "track_editions",
]

FLOOR = frozenset({"以上", "不少于", "不低于", "超过", "高于", "余", "多"})
CEILING = frozenset({"以下", "以内", "不超过", "不高于", "不到", "不足", "低于"})
ABOUT = frozenset({"左右", "约", "大约", "上下", "近", "接近", "将近"})
# A relative target names another measure: the phrase after 高于/低于 … → that measure's curated key.
REFERENCES = {"经济增长": "gdp_growth", "地区生产总值增长": "gdp_growth", "GDP增长": "gdp_growth"}
RELATIVE_RE = re.compile(r"(不低于|不高于|高于|快于|超过|低于|慢于)(.+)$")
ABOVE_WORDS = {"高于": True, "快于": True, "超过": True, "不低于": False}  # word -> strict
BELOW_WORDS = {"低于": True, "慢于": True, "不高于": False}
DOWN_WORDS = ("下降", "减少", "降低", "回落", "减轻")
UP_WORDS = ("提高", "增长", "增加", "上升", "提升", "扩大")
STEADY_WORDS = ("同步", "持平", "相当", "相适应")  # in step with something: no direction the figures can decide
RATE_WORDS = ("增长", "增速")  # a measure named so is a rate of change (增长3.6%), not a level
RELATIVE_TOLERANCE = 1e-9  # equal within rounding of base-unit arithmetic


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    STRADDLES = "straddles"
    NOT_COMPARABLE = "not_comparable"
    NO_FIGURE = "no_figure"  # reported without a figure
    NOT_REPORTED = "not_reported"
    NOT_DUE = "not_due"


@dataclass(frozen=True)
class Side:
    """One value in the comparison: the indicator, its report, and what its words mean."""

    path: Path  # the report database the value comes from
    document: Document
    indicator: Indicator
    quantity: Quantity | None = None  # None when the words state no number

    @property
    def source(self) -> SourceRef:
        """Where to show the value: its exact words in its own report."""
        return self.indicator.source()

    @property
    def figure(self) -> Figure | None:
        return self.indicator.figure

    @property
    def label(self) -> str:
        """The value as a label must show it: with its qualifiers (预计4.9%, 近百个), or the quote."""
        if self.quantity is not None:
            return self.quantity.label
        return self.figure.text if self.figure is not None else self.indicator.quote


@dataclass(frozen=True)
class Criterion:
    """What counts as success: a value ``at_least`` (or at most) ``threshold`` — beyond it when ``strict``."""

    at_least: bool
    threshold: float
    strict: bool
    basis: str  # floor, ceiling, range, about, exact


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
    basis: str  # floor, ceiling, range, about, exact, relative, direction — or why no verdict: see _WHY
    reference: Side | None = None  # relative: the referenced figure; direction: the previous value
    reviewed_by: Document | None = None  # the edition that reviews the target's year (None: not due)
    direction: str | None = None  # relative and direction targets: "up" (高于, 提高) or "down" (低于, 下降)

    @property
    def due(self) -> bool:
        """A loaded edition that marks its results reviews the target's year."""
        return self.status is not Status.NOT_DUE


def _text_of(report: Report, ind: Indicator) -> str | None:
    if ind.paragraph_id is not None:
        return report.paragraph(ind.paragraph_id).text
    if ind.glossary_id is not None:
        return report.glossary_entry(ind.glossary_id).definition
    return None


def quantity_of(report: Report, ind: Indicator) -> Quantity | None:
    """What the indicator's figure means in its own words, or None when it states no number."""
    fig = ind.figure
    if fig is None:
        return None
    text = _text_of(report, ind)
    if text is not None:
        try:
            return parse_quantity(text, fig.start, fig.end)
        except QuantityError:
            pass
    value, unit = fig.base_value, fig.base_unit or fig.unit  # a figure its text does not explain: as stored
    return Quantity(fig.start, fig.end, fig.text, value, value, True, True, fig.unit, unit,
                    (fig.qualifier,) if fig.qualifier else (), (value,))


def criterion(target: Quantity, better: str = "higher") -> Criterion:
    """What a numeric target asks for, from its words (see the module doc)."""
    words = set(target.qualifiers)
    if words & FLOOR:
        return Criterion(True, target.low, not target.low_inclusive, "floor")
    if words & CEILING:
        return Criterion(False, target.high, not target.high_inclusive, "ceiling")
    basis = "range" if target.is_range else "about" if words & ABOUT else "exact"
    if better == "lower":
        return Criterion(False, target.high, not target.high_inclusive, basis)
    return Criterion(True, target.low, not target.low_inclusive, basis)


def _cmp(a: float, b: float) -> int:
    if math.isinf(a) or math.isinf(b):
        return (a > b) - (a < b)
    if math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=RELATIVE_TOLERANCE):
        return 0
    return 1 if a > b else -1


def judge(rule: Criterion, result: Quantity) -> Status:
    """Met when every value the result's words allow meets ``rule``; not met when none does; else straddles."""
    t, s = rule.threshold, rule.strict
    low, high = _cmp(result.low, t), _cmp(result.high, t)
    if rule.at_least:
        every = low > 0 or (low == 0 and (not s or not result.low_inclusive))
        none = high < 0 or (high == 0 and (s or not result.high_inclusive))
    else:
        every = high < 0 or (high == 0 and (not s or not result.high_inclusive))
        none = low > 0 or (low == 0 and (s or not result.low_inclusive))
    return Status.MET if every else Status.NOT_MET if none else Status.STRADDLES


def _between(result: Quantity, other: Quantity, above: bool, strict: bool) -> Status:
    """``result`` above (or below) ``other``, both intervals: met for every pair of values, not met for none."""
    if above:
        met = judge(Criterion(True, other.high, strict, "relative"), result)
        missed = judge(Criterion(True, other.low, strict, "relative"), result)
    else:
        met = judge(Criterion(False, other.low, strict, "relative"), result)
        missed = judge(Criterion(False, other.high, strict, "relative"), result)
    if met is Status.MET:
        return Status.MET
    return Status.NOT_MET if missed is Status.NOT_MET else Status.STRADDLES


def _unit(q: Quantity) -> str:
    return q.base_unit or q.unit


ZERO = Quantity(0, 0, "0", 0.0, 0.0, True, True, "%", "%", (), (0.0,))


def _signed(quote: str, q: Quantity) -> Quantity:
    """A rate of change with its sign: 下降3% (or 减少, 回落) is -3 %; the report writes the number unsigned."""
    if not any(w in quote for w in DOWN_WORDS):
        return q
    return Quantity(q.start, q.end, q.text, -q.high, -q.low, q.high_inclusive, q.low_inclusive, q.unit, q.base_unit,
                    q.qualifiers, tuple(-v for v in q.stated), q.modal)


def judge_figures(target: Quantity, result: Quantity, better: str = "higher") -> Status:
    """A result figure against a target figure, a fall against a growth (or the reverse) with its sign."""
    return judge(criterion(target, better), _in_frame_of(target, result))


def _with_sign(q: Quantity) -> Quantity:
    """The quantity's interval with the sign of the change its words state (下降2% is -2 %)."""
    if not q.decline:
        return q
    low, high = q.signed
    return Quantity(q.start, q.end, q.text, low, high, q.high_inclusive, q.low_inclusive, q.unit, q.base_unit,
                    q.qualifiers, tuple(-v for v in q.stated), q.modal)


def _in_frame_of(target: Quantity, result: Quantity) -> Quantity:
    """The result read in the target's direction: a fall against a growth target (or a rise against a fall
    target) counts as the negative of its size, so 下降2% never meets 增长1%."""
    if bool(target.decline) == bool(result.decline):
        return result
    flipped = Quantity(result.start, result.end, result.text, -result.high, -result.low, result.high_inclusive,
                       result.low_inclusive, result.unit, result.base_unit, result.qualifiers,
                       tuple(-v for v in result.stated), result.modal)
    return flipped


def _relative(quote: str) -> tuple[str, bool, bool] | None:
    """(referenced key, above, strict) for a relative target's words, or None."""
    m = RELATIVE_RE.search(quote)
    if m is None:
        return None
    key = next((k for phrase, k in REFERENCES.items() if phrase in m.group(2)), None)
    if key is None:
        return None
    word = m.group(1)
    above = word in ABOVE_WORDS
    return key, above, (ABOVE_WORDS if above else BELOW_WORDS)[word]


def _direction(quote: str) -> bool | None:
    """True for a target of going up (提高, 增长), False for going down (下降, 减少), None for neither."""
    if any(w in quote for w in STEADY_WORDS):
        return None
    down = max((quote.rfind(w) for w in DOWN_WORDS), default=-1)
    up = max((quote.rfind(w) for w in UP_WORDS), default=-1)
    if down < 0 and up < 0:
        return None
    return up > down


class _Series:
    """The loaded editions of one district from the target's edition on, and their values by key and year."""

    def __init__(self, earlier: Report, later: Sequence[Report]) -> None:
        self.earlier = earlier
        self.later = sorted(later, key=lambda r: r.document.year)
        self.actuals: dict[Path, dict[tuple[str, int], Indicator]] = {
            r.path: {(i.key, i.year): i for i in r.indicators if i.kind == "actual"} for r in [earlier, *self.later]
        }

    def reviewer(self, year: int) -> Report | None:
        """The earliest later edition whose review covers ``year``."""
        for report in self.later:
            doc = report.document
            if doc.reviewed_from is not None and doc.reviewed_to is not None and \
                    doc.reviewed_from <= year <= doc.reviewed_to:
                return report
        return None

    def annotated(self, report: Report) -> bool:
        """Whether ``report`` marks any result at all (an edition built without annotations marks none)."""
        return bool(self.actuals[report.path])

    def side(self, report: Report, key: str, year: int) -> Side | None:
        ind = self.actuals[report.path].get((key, year))
        return None if ind is None else Side(report.path, report.document, ind, quantity_of(report, ind))

    def previous(self, key: str, year: int) -> Side | None:
        """The value of ``key`` for the year before ``year``: from the target's edition, else a later one."""
        for report in [self.earlier, *self.later]:
            if (found := self.side(report, key, year - 1)) is not None:
                return found
        return None


def _wanted(target: Side) -> str | None:
    """"up" or "down" for a relative or direction target without a number, else None."""
    if target.quantity is not None:
        return None
    relative = _relative(target.indicator.quote)
    if relative is not None:
        return "up" if relative[1] else "down"
    up = _direction(target.indicator.quote)
    return None if up is None else "up" if up else "down"


def _verdict(series: _Series, target: Side, result: Side, reviewer: Report) -> tuple[Status, str, Side | None]:
    """The status, its basis and the other figure used (a relative or direction target's)."""
    ind, tq, rq = target.indicator, target.quantity, result.quantity
    if tq is None:
        relative = _relative(ind.quote)
        if relative is not None:
            key, above, strict = relative
            ref = series.side(reviewer, key, ind.year)
            if rq is None:
                return Status.NO_FIGURE, "result_without_figure", ref
            if ref is None or ref.quantity is None:
                return Status.NOT_COMPARABLE, "no_reference", ref
            if _unit(ref.quantity) != _unit(rq):
                return Status.NOT_COMPARABLE, "units_differ", ref
            return _between(_with_sign(rq), _with_sign(ref.quantity), above, strict), "relative", ref
        up = _direction(ind.quote)
        if rq is None:
            return Status.NO_FIGURE, "result_without_figure", None
        if up is None:
            return Status.NOT_COMPARABLE, "target_without_figure", None
        if any(w in ind.name for w in RATE_WORDS) and _unit(rq) == "%":
            # 一般公共预算收入稳定增长: growth above zero, not a higher rate than the year before
            return _between(_signed(result.indicator.quote, rq), ZERO, up, True), "change", None
        prev = series.previous(ind.key, ind.year)
        if prev is None or prev.quantity is None:
            return Status.NOT_COMPARABLE, "no_previous", prev
        if _unit(prev.quantity) != _unit(rq):
            return Status.NOT_COMPARABLE, "units_differ", prev
        return _between(_with_sign(rq), _with_sign(prev.quantity), up, True), "direction", prev
    if rq is None:
        return Status.NO_FIGURE, "result_without_figure", None
    if _unit(tq) != _unit(rq):
        return Status.NOT_COMPARABLE, "units_differ", None
    rule = criterion(tq, ind.better)
    return judge_figures(tq, rq, ind.better), rule.basis, None


def _check_series(earlier: Report, later: Sequence[Report]) -> None:
    first = earlier.document
    for report in later:
        second = report.document
        if district_identity(first.district) != district_identity(second.district):
            raise ValueError(f"editions of different districts: {first.district} and {second.district}")
        if second.year <= first.year:
            raise ValueError(f"the later edition ({second.year}) is not after the earlier one ({first.year})")


def track(earlier: Report, later: Report | Sequence[Report]) -> tuple[TrackedTarget, ...]:
    """Every target of ``earlier``, judged by whichever of the ``later`` editions reviews its year.

    In curated order. Raises ValueError when a later edition is of another district or not later.
    """
    reports = [later] if isinstance(later, Report) else list(later)
    _check_series(earlier, reports)
    series = _Series(earlier, reports)
    doc = earlier.document
    tracked = []
    for ind in (i for i in earlier.indicators if i.kind == "target"):
        target = Side(earlier.path, doc, ind, quantity_of(earlier, ind))
        reviewer = series.reviewer(ind.year)
        result = series.side(reviewer, ind.key, ind.year) if reviewer is not None else None
        reference = None
        if reviewer is None:
            status, basis = Status.NOT_DUE, "not_due"
        elif not series.annotated(reviewer):
            # the reviewing report is loaded but marks no results: nothing to judge, not "not reported"
            status, basis = Status.NOT_DUE, "reviewer_unannotated"
        elif result is None:
            status, basis = Status.NOT_REPORTED, "not_reported"
        else:
            status, basis, reference = _verdict(series, target, result, reviewer)
        tracked.append(TrackedTarget(
            key=ind.key, name=ind.own_name(), name_en=ind.own_name(english=True), category=ind.category, year=ind.year,
            target=target, result=result, status=status, basis=basis, reference=reference,
            reviewed_by=reviewer.document if reviewer is not None else None, direction=_wanted(target),
        ))
    return tuple(tracked)


def track_editions(earlier: Edition, later: Edition | Sequence[Edition]) -> tuple[TrackedTarget, ...]:
    """:func:`track` for catalogue entries: opens the reports, tracks, and closes them again."""
    editions = [later] if isinstance(later, Edition) else list(later)
    opened: list[Report] = []
    try:
        for edition in (earlier, *editions):
            opened.append(edition.open())
        return track(opened[0], opened[1:])
    finally:
        for report in opened:
            report.close()


# -- what the tracker page compares -------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """The targets of ``earlier`` judged by the ``judged_by`` editions (none: nothing can be judged yet).

    ``unjudged_years`` are the years ``earlier`` reviews whose targets are in no loaded edition (the 2019
    results of the 2020 report when the 2019 report is not loaded): their results cannot be judged.
    """

    earlier: Document
    judged_by: tuple[Document, ...]  # the later editions of the district, oldest first
    rows: tuple[TrackedTarget, ...]
    unjudged_years: tuple[int, int] | None = None
    unannotated: tuple[Document, ...] = ()  # the judging editions that mark no results (built without annotations)

    @property
    def later(self) -> Document | None:
        """The first later edition (the one that usually reviews ``earlier``'s planned year), if any."""
        return self.judged_by[0] if self.judged_by else None

    @property
    def judged(self) -> bool:
        """Some target's year is reviewed by a loaded edition."""
        return any(r.due for r in self.rows)


def pair_for(catalogue: Catalogue, edition: Edition) -> tuple[Edition, tuple[Edition, ...]]:
    """The edition whose targets the tracker lists when ``edition`` is chosen, and the later ones judging them.

    The chosen edition's own targets when a loaded edition reviews its planned year; else the targets of the
    edition it reports on (the one before it); else its own targets, with nothing to judge them yet.
    """
    if catalogue.following(edition) is not None:
        return edition, catalogue.later_than(edition)
    preceding = catalogue.preceding(edition)
    if preceding is not None:
        return preceding, catalogue.later_than(preceding)
    return edition, ()


def _unjudged(earlier: Document, has_preceding: bool) -> tuple[int, int] | None:
    if has_preceding or earlier.reviewed_from is None or earlier.reviewed_to is None:
        return None
    return earlier.reviewed_from, earlier.reviewed_to


def _unannotated(later: Sequence[Report]) -> tuple[Document, ...]:
    docs = (r.document for r in later if not any(i.kind == "actual" for i in r.indicators))
    return tuple(sorted(docs, key=lambda d: d.year))


def compare_reports(earlier: Report, later: Sequence[Report] = (), has_preceding: bool = False) -> Comparison:
    """The comparison for open reports (``later`` empty: the earlier one's targets, none due yet)."""
    rows = track(earlier, later)
    docs = tuple(sorted((r.document for r in later), key=lambda d: d.year))
    return Comparison(earlier.document, docs, rows, _unjudged(earlier.document, has_preceding), _unannotated(later))


def compare_editions(catalogue: Catalogue, edition: Edition) -> Comparison:
    """:func:`compare_reports` around a chosen catalogue entry (see :func:`pair_for`)."""
    earlier, later = pair_for(catalogue, edition)
    has_preceding = catalogue.preceding(earlier) is not None
    opened: list[Report] = []
    try:
        for each in (earlier, *later):
            opened.append(each.open())
        return compare_reports(opened[0], opened[1:], has_preceding)
    finally:
        for report in opened:
            report.close()
