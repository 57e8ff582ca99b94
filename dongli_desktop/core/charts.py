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


@dataclass(frozen=True)
class Chart:
    """A chart the UI titles by ``key``; ``unit`` is the value axis unit, empty when rows differ."""

    key: str
    unit: str
    rows: tuple[str, ...]
    bars: tuple[Bar, ...]

    def bars_of(self, series: str) -> tuple[Bar, ...]:
        return tuple(b for b in self.bars if b.series == series)


def _bar(ind: Indicator, series: str, use_base: bool = False) -> Bar:
    fig = ind.figure
    value = None if fig is None else (fig.base_value if use_base else fig.value)
    return Bar(ind.key, ind.name, ind.name_en, series, ind.year, value, fig.text if fig else ind.quote,
               fig.unit if fig else "", ind.quote, ind.paragraph_id, ind.glossary_id, fig.id if fig else None)


def growth_chart(report: Report) -> Chart:
    """2019 result vs 2020 target for the headline growth rates, all in percent."""
    pairs = {p.key: p for p in report.indicator_pairs()}
    bars: list[Bar] = []
    for key in GROWTH_KEYS:
        pair = pairs[key]
        for ind, series in ((pair.actual, "actual"), (pair.target, "target")):
            if ind is not None:
                bars.append(_bar(ind, series))
    return Chart("growth", "%", GROWTH_KEYS, tuple(bars))


def hightech_path(report: Report) -> Chart:
    """High-tech enterprises: end of 2018 (derived), 2019, the 2020 target and the doubling goal."""
    pairs = {p.key: p for p in report.indicator_pairs(category="innovation")}
    total, new = pairs["hightech_total"], pairs["hightech_new"]
    bars: list[Bar] = []
    if total.actual and total.actual.figure and new.actual and new.actual.figure:
        t, n = total.actual.figure, new.actual.figure
        base = t.value - n.value
        bars.append(Bar("hightech_total", total.name, total.name_en, "derived", 2018, base,
                        f"{trim(t.value)}−{trim(n.value)}={trim(base)}{t.unit}", t.unit,
                        total.actual.quote, total.actual.paragraph_id, None, None, derived=True))
        bars.append(_bar(total.actual, "actual"))
    if total.target:
        bars.append(_bar(total.target, "target"))
    bars.extend(_bar(goal, "goal") for goal in total.later)
    unit = bars[-1].unit if bars else "家"
    return Chart("hightech", unit, ("hightech_total",), tuple(bars))


def topic_counts(report: Report) -> Chart:
    """How many livelihood items each topic has, done in 2019 and planned for 2020."""
    bars: list[Bar] = []
    items = report.livelihood_items()
    for topic in report.topics:
        for year, series in ((2019, "done"), (2020, "planned")):
            count = sum(1 for i in items if i.topic == topic.key and i.year == year)
            bars.append(Bar(topic.key, topic.name, topic.name_en, series, year, float(count), str(count), "项",
                            "", None, None, None))
    return Chart("topics", "项", tuple(t.key for t in report.topics), tuple(bars))


def area_chart(report: Report, section_id: int) -> Chart:
    """Measures whose figure stands in this section, each row with its own unit (values are base units)."""
    in_section = {p.id for p in report.paragraphs(section_id)}
    rows: list[IndicatorPair] = []
    for pair in report.indicator_pairs():
        anchors = [i for i in (pair.actual, pair.target) if i is not None and i.figure is not None]
        if any(i.paragraph_id in in_section for i in anchors):
            rows.append(pair)
    bars = [
        _bar(ind, series, use_base=True)
        for pair in rows
        for ind, series in ((pair.actual, "actual"), (pair.target, "target"))
        if ind is not None
    ]
    return Chart(f"area:{section_id}", "", tuple(p.key for p in rows), tuple(bars))


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
