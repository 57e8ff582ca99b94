"""Chart data reshaped for a drawing: plain values in, plain values out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from dongli_desktop.core.charts import Chart


def one_row_per_series(chart: Chart, labels: Mapping[str, str]) -> Chart:
    """A path chart (one measure over several years) with one row per series, labelled by ``labels``.

    The high-tech path has a single measure; drawn per year each bar gets its own labelled row.
    A series without a label keeps its own name.
    """
    bars = tuple(replace(b, row=b.series, label=labels.get(b.series, b.series)) for b in chart.bars)
    return Chart(chart.key, chart.unit, tuple(b.series for b in chart.bars), bars)
