"""Chart data as plain values: every bar carries the figure and paragraph it came from.

Chart honesty — the rules every chart of the app keeps (README, "Chart honesty"):

1. **Only like with like on one scale.** Bars share an axis only when they are values of one measure
   (the high-tech total over the years; the number of livelihood items per topic). A chart of several
   measures (growth rates, a section's numbers) gives each row its own scale: the row's largest value is
   the full bar, the row's other bars are drawn in proportion to it, and every bar has its value printed.
   Bars of different rows are never on one scale, whatever their unit strings.
2. **A bar only where values are compared.** In a chart of several measures a row draws bars only when it
   holds two (or more) values of its measure, the reviewed year's figure and the planned year's target:
   then every non-zero value is visibly a bar, at least ``MIN_BAR_PX`` long, and a value so much smaller
   than its row's largest that its bar would be shorter is drawn at that length and labelled 不按比例.
   A row holding a single figure (a lone result or target, either side of a pair of different measures,
   a result beside a target in words) has nothing to be drawn against: it shows its number beside a small
   dot in its series colour, never a bar, because a lone full-length bar reads as "100 %" or "done", or as
   comparable with the bars of the next row.
3. **No invented numbers.** A number shown is a span of the report (a figure). No chart draws a value worked
   out from figures: the high-tech plan's base year is not stated (倍增，达到550家 does not make it exactly 275),
   so the path draws 326, 428 and 550 only and says 倍增 in the note's own words.
4. **Estimates stay estimates.** A qualifier of the figure or its clause (预计, 初步, 约, 近, 余, 左右,
   以上 …) is part of every value label, tooltip, accessible name and read-aloud text (``Bar.shown``).
5. **Different measures are never paired.** A pair the curated annotations mark ``apart`` (e.g. 新增 vs
   净增) is drawn as two rows, each named by its own measure, and the chart says why they differ.
6. **A step, not a verdict.** The reviewed year's value beside the planned year's target is last year's
   figure and this year's plan; no chart or card words it as met or missed, nor a lower target as a cut, and
   every chart drawing such a pair says so under its bars.
7. **In English, the app's words are English; the report's stay the report's**: figures as written (预计4%,
   1.9万人) and quoted sentences stay Chinese; titles, legends, notes, tooltips, accessible and read-aloud texts
   the app writes are English.
"""

from __future__ import annotations

from dataclasses import dataclass

from dongli_desktop.core.models import Indicator, IndicatorPair, SourceRef
from dongli_desktop.core.quantity import modal_of
from dongli_desktop.core.repository import Report

GROWTH_KEYS = ("gdp_growth", "budget_revenue_growth", "fai_growth", "income_growth")
MIN_BAR_PX = 4  # the shortest bar a non-zero value is drawn with
COMPARED = 2  # a row of a chart of several measures draws bars only when it has this many values to compare



@dataclass(frozen=True)
class Bar:
    """One bar or point. ``value`` is None for a qualitative target (no number in the report)."""

    row: str  # the measure key or topic key this bar belongs to
    label: str
    label_en: str
    series: str  # actual | target | goal | done | planned
    year: int
    value: float | None
    text: str  # as written in the report, or the app's count
    unit: str
    quote: str
    paragraph_id: int | None
    glossary_id: int | None
    figure_id: int | None
    qualifier: str = ""  # the estimate words of the figure's sentence (预计, 初步核算): the tooltip explains them
    worded: str = ""  # the figure as the builder qualified it (预计4%, 3万至3.5万人); empty: ``qualifier`` + ``text``
    apart: str = ""  # why this value is not compared with the other values of its measure (curated)
    apart_en: str = ""

    @property
    def shown(self) -> str:
        """The value as every label, tooltip and accessible name says it: with its qualifiers (预计4%)."""
        return self.worded or f"{self.qualifier}{self.text}"

    @classmethod
    def of_indicator(cls, ind: Indicator, series: str, use_base: bool = False,
                     pair: IndicatorPair | None = None) -> Bar:
        """A bar for an indicator's figure (its base-unit value with ``use_base``), or for its quote alone.

        In a pair of different measures (``pair.apart``) the bar is its own row, named by its own measure."""
        fig = ind.figure
        value = None if fig is None else (fig.base_value if use_base else fig.value)
        if fig is not None and value is not None and fig.falls:  # 下降2% is stored as 2: never an upward bar
            value = -value
        apart = pair is not None and pair.apart is not None
        return cls(row=f"{ind.key}:{ind.kind}:{ind.year}" if apart else ind.key,
                   label=(ind.label or ind.name) if apart else ind.name,
                   label_en=(ind.label_en or ind.name_en) if apart else ind.name_en, series=series, year=ind.year,
                   value=value, text=fig.text if fig else ind.quote, unit=fig.unit if fig else "", quote=ind.quote,
                   paragraph_id=ind.paragraph_id, glossary_id=ind.glossary_id, figure_id=fig.id if fig else None,
                   qualifier=modal_of(fig.worded) if fig else "", worded=fig.worded if fig else "",
                   apart=(pair.apart or "") if pair is not None else "",
                   apart_en=(pair.apart_en or "") if pair is not None else "")

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
    per_row: bool = False  # rows are different measures: each row has its own scale (``row_scales``)

    def bars_of(self, series: str) -> tuple[Bar, ...]:
        return tuple(b for b in self.bars if b.series == series)


def pair_bars(pair: IndicatorPair, use_base: bool = False) -> list[Bar]:
    """The reviewed year's value and the planned year's target of one measure, as bars.

    A pair of different measures (``apart``) gives two rows, one per value, each named by its own measure."""
    return [Bar.of_indicator(ind, series, use_base=use_base, pair=pair)
            for ind, series in ((pair.actual, "actual"), (pair.target, "target")) if ind is not None]


def _rows_of(bars: list[Bar]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(b.row for b in bars))


def growth_chart(report: Report) -> Chart:
    """The reviewed year's value and the planned year's target for the headline growth rates, in percent,
    each measure on its own scale (a chart of several measures: ``Chart.per_row``).

    A measure the edition does not report is left out (another year's report may name fewer)."""
    pairs = {p.key: p for p in report.indicator_pairs()}
    bars = [b for key in GROWTH_KEYS if key in pairs for b in pair_bars(pairs[key])]
    return Chart("growth", "%", _rows_of(bars), tuple(bars), per_row=True)


def hightech_path(report: Report) -> Chart:
    """High-tech enterprises in total, one measure over the years: the reviewed year, the target and the goal,
    each a figure the report states (326家 at the end of 2019, 428家 for 2020, 550家 for 2021 from note (1)).

    The report states no base-year total: 倍增，达到550家 does not make the base exactly 275, so no base is drawn
    (the overview quotes the note's 倍增 in words). Empty when the edition does not report the measure."""
    pairs = {p.key: p for p in report.indicator_pairs(category="innovation")}
    total = pairs.get("hightech_total")
    bars: list[Bar] = []
    if total is None:
        return Chart("hightech", "家", (), ())
    if total.actual:
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
    """Measures whose figure stands in this section, each row its own measure on its own scale (base units)."""
    in_section = {p.id for p in report.paragraphs(section_id)}
    bars: list[Bar] = []
    for pair in report.indicator_pairs():
        anchors = [i for i in (pair.actual, pair.target) if i is not None and i.figure is not None]
        if any(i.paragraph_id in in_section for i in anchors):
            bars.extend(pair_bars(pair, use_base=True))
    return Chart(f"area:{section_id}", "", _rows_of(bars), tuple(bars), per_row=True)


@dataclass(frozen=True)
class RowScale:
    """One row's own scale in a chart of several measures: its largest value is the full bar.

    ``maximum`` is None when the row has fewer than two positive values (a lone figure, a target in words,
    a zero): nothing to compare, so no bar is drawn and the row shows its number alone (rule 2).
    """

    unit: str
    maximum: float | None

    @property
    def bars_drawn(self) -> bool:
        return self.maximum is not None


def row_scales(chart: Chart) -> dict[str, RowScale]:
    """Each row's own scale: the largest of its values. No two rows share one, whatever their units.

    A row with fewer than two positive values has no scale (``maximum`` None): a lone value drawn as the
    row's full bar would read as "100 %" or as comparable with the next row's bars."""
    scales: dict[str, RowScale] = {}
    for row in chart.rows:
        numeric = [b for b in chart.bars if b.row == row and b.value is not None]
        positive = [b.value for b in numeric if b.value is not None and b.value > 0]
        top = max(positive) if len(positive) >= COMPARED else None
        scales[row] = RowScale(numeric[0].unit if numeric else "", top)
    return scales


def bar_length_px(value: float, maximum: float, full_px: float) -> tuple[float, bool]:
    """How long a bar of ``value`` is on a scale whose ``maximum`` is ``full_px`` long, and whether it is
    drawn to scale: a non-zero value whose bar would be shorter than ``MIN_BAR_PX`` gets that length."""
    if value <= 0 or maximum <= 0:
        return 0.0, True
    length = value / maximum * full_px
    if length < MIN_BAR_PX:
        return float(MIN_BAR_PX), False
    return length, True


def apart_notes(chart: Chart, english: bool = False) -> tuple[str, ...]:
    """Why pairs of the chart are drawn as separate rows (each reason once)."""
    return tuple(dict.fromkeys((b.apart_en if english else b.apart) for b in chart.bars if b.apart))


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
