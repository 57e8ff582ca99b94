"""Chart data as plain values: every bar carries the figure and paragraph it came from."""

from __future__ import annotations

from dataclasses import dataclass

from dongli_desktop.core.models import Indicator, IndicatorPair, SourceRef
from dongli_desktop.core.numbers import trim
from dongli_desktop.core.repository import Report

GROWTH_KEYS = ("gdp_growth", "budget_revenue_growth", "fai_growth", "income_growth")


@dataclass(frozen=True)
class Bar:
    """One bar or point. ``value`` is None for a qualitative target (no number in the report)."""

    row: str  # the measure key or topic key this bar belongs to
    label: str
    label_en: str
    series: str  # actual | target | goal | derived | done | planned
    year: int
    value: float | None
    text: str  # as written in the report, or the derivation for a derived value
    unit: str
    quote: str
    paragraph_id: int | None
    glossary_id: int | None
    figure_id: int | None
    derived: bool = False

    @classmethod
    def of_indicator(cls, ind: Indicator, series: str, use_base: bool = False) -> Bar:
        """A bar for an indicator's figure (its base-unit value with ``use_base``), or for its quote alone."""
        fig = ind.figure
        value = None if fig is None else (fig.base_value if use_base else fig.value)
        return cls(row=ind.key, label=ind.name, label_en=ind.name_en, series=series, year=ind.year, value=value,
                   text=fig.text if fig else ind.quote, unit=fig.unit if fig else "", quote=ind.quote,
                   paragraph_id=ind.paragraph_id, glossary_id=ind.glossary_id, figure_id=fig.id if fig else None)

    @classmethod
    def derived_from(cls, ind: Indicator, *, year: int, value: float, derivation: str) -> Bar:
        """A value the report does not state, worked out from ``ind``'s figures (``derivation`` says how)."""
        unit = ind.figure.unit if ind.figure else ""
        return cls(row=ind.key, label=ind.name, label_en=ind.name_en, series="derived", year=year, value=value,
                   text=derivation, unit=unit, quote=ind.quote, paragraph_id=ind.paragraph_id, glossary_id=None,
                   figure_id=None, derived=True)

    @classmethod
    def count(cls, *, row: str, label: str, label_en: str, series: str, year: int, count: int, unit: str) -> Bar:
        """A count the app made itself (no sentence behind it)."""
        return cls(row=row, label=label, label_en=label_en, series=series, year=year, value=float(count),
                   text=str(count), unit=unit, quote="", paragraph_id=None, glossary_id=None, figure_id=None)


@dataclass(frozen=True)
class Chart:
    """A chart the UI titles by ``key``; ``unit`` is the value axis unit, empty when rows differ."""

    key: str
    unit: str
    rows: tuple[str, ...]
    bars: tuple[Bar, ...]

    def bars_of(self, series: str) -> tuple[Bar, ...]:
        return tuple(b for b in self.bars if b.series == series)


def growth_chart(report: Report) -> Chart:
    """The reviewed year's result vs the planned year's target for the headline growth rates, in percent.

    A measure the edition does not report is left out (another year's report may name fewer)."""
    pairs = {p.key: p for p in report.indicator_pairs()}
    keys = tuple(k for k in GROWTH_KEYS if k in pairs)
    bars: list[Bar] = []
    for key in keys:
        pair = pairs[key]
        for ind, series in ((pair.actual, "actual"), (pair.target, "target")):
            if ind is not None:
                bars.append(Bar.of_indicator(ind, series))
    return Chart("growth", "%", keys, tuple(bars))


def hightech_path(report: Report) -> Chart:
    """High-tech enterprises: end of the year before the review (derived), the reviewed year, the target and the
    doubling goal. Empty when the edition does not report the measure."""
    pairs = {p.key: p for p in report.indicator_pairs(category="innovation")}
    total, new = pairs.get("hightech_total"), pairs.get("hightech_new")
    bars: list[Bar] = []
    if total is None:
        return Chart("hightech", "家", (), ())
    if total.actual and total.actual.figure and new and new.actual and new.actual.figure:
        t, n = total.actual.figure, new.actual.figure
        base = t.value - n.value
        bars.append(Bar.derived_from(total.actual, year=total.actual.year - 1, value=base,
                                     derivation=f"{trim(t.value)}−{trim(n.value)}={trim(base)}{t.unit}"))
        bars.append(Bar.of_indicator(total.actual, "actual"))
    if total.target:
        bars.append(Bar.of_indicator(total.target, "target"))
    bars.extend(Bar.of_indicator(goal, "goal") for goal in total.later)
    unit = bars[-1].unit if bars else "家"
    return Chart("hightech", unit, ("hightech_total",), tuple(bars))


def topic_counts(report: Report) -> Chart:
    """How many livelihood items each topic has, done in the reviewed year and planned for the planned year."""
    bars: list[Bar] = []
    items = report.livelihood_items()
    years = livelihood_years(report)
    for topic in report.topics:
        for series in ("done", "planned"):
            year = years[series]
            count = sum(1 for i in items if i.topic == topic.key and i.kind == series)
            bars.append(Bar.count(row=topic.key, label=topic.name, label_en=topic.name_en, series=series, year=year,
                                  count=count, unit="项"))
    return Chart("topics", "项", tuple(t.key for t in report.topics), tuple(bars))


def livelihood_years(report: Report) -> dict[str, int]:
    """The year of the livelihood items done (``done``) and planned (``planned``): from the items themselves,
    else from the edition's reviewed and planned years."""
    doc = report.document
    years = {"done": doc.reviewed_to if doc.reviewed_to is not None else doc.year - 1,
             "planned": doc.planned_year if doc.planned_year is not None else doc.year}
    for item in report.livelihood_items():
        if item.kind in years:
            years[item.kind] = item.year
    return years


def series_years(chart: Chart) -> dict[str, int]:
    """The year each series of ``chart`` stands for (that of its first bar)."""
    years: dict[str, int] = {}
    for bar in chart.bars:
        years.setdefault(bar.series, bar.year)
    return years


def area_chart(report: Report, section_id: int) -> Chart:
    """Measures whose figure stands in this section, each row with its own unit (values are base units)."""
    in_section = {p.id for p in report.paragraphs(section_id)}
    rows: list[IndicatorPair] = []
    for pair in report.indicator_pairs():
        anchors = [i for i in (pair.actual, pair.target) if i is not None and i.figure is not None]
        if any(i.paragraph_id in in_section for i in anchors):
            rows.append(pair)
    bars = [
        Bar.of_indicator(ind, series, use_base=True)
        for pair in rows
        for ind, series in ((pair.actual, "actual"), (pair.target, "target"))
        if ind is not None
    ]
    return Chart(f"area:{section_id}", "", tuple(p.key for p in rows), tuple(bars))


@dataclass(frozen=True)
class RowScale:
    """How one row of a chart whose rows have different units is drawn honestly.

    Rows whose values share a unit share one scale (``maximum``), so their bar lengths compare. A row
    whose unit no other value shares has nothing to be compared with: ``maximum`` is None and the row
    shows its numbers only, never a full-length bar.
    """

    unit: str
    maximum: float | None
    rows: tuple[str, ...]  # every row drawn on this scale (this one included)

    @property
    def bars_drawn(self) -> bool:
        return self.maximum is not None


def row_scales(chart: Chart) -> dict[str, RowScale]:
    """One scale per unit: for each row, the rows it shares a unit with and their largest value."""
    unit_of_row: dict[str, str] = {}
    for row in chart.rows:
        numeric = [b for b in chart.bars if b.row == row and b.value is not None]
        unit_of_row[row] = numeric[0].unit if numeric else ""
    scales: dict[str, RowScale] = {}
    for unit in dict.fromkeys(unit_of_row.values()):
        rows = tuple(r for r in chart.rows if unit_of_row[r] == unit)
        values = [b.value for b in chart.bars if b.row in rows and b.value is not None]
        maximum = max(values) if len(values) >= 2 and max(values) > 0 else None
        for row in rows:
            scales[row] = RowScale(unit, maximum, rows)
    return scales


def bar_source(report: Report, bar: Bar) -> SourceRef:
    """The sentence behind a bar: its figure, or its quote when the value has no figure of its own."""
    if bar.figure_id is not None:
        fig = report.figure(bar.figure_id)
        return SourceRef(paragraph_id=fig.paragraph_id, glossary_id=fig.glossary_id, spans=((fig.start, fig.end),))
    if bar.paragraph_id is not None:
        text = report.paragraph(bar.paragraph_id).text
        start = max(0, text.find(bar.quote))
        return SourceRef(paragraph_id=bar.paragraph_id, spans=((start, start + len(bar.quote)),))
    return SourceRef(glossary_id=bar.glossary_id)
