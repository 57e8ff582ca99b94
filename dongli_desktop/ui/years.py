"""Year words for series, cards and filters, made from the data through translatable patterns.

Nothing here names a year: each label is a ``tr()`` pattern with a ``{year}`` placeholder, filled from
the bars, indicators or edition facts, so any edition shows its own years and translations stay whole.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dongli_desktop.core import charts


# Each pattern is written out as QCoreApplication.translate("Years", …) so that lupdate files it under its
# context ("Years"), where the run-time lookup finds it; a wrapper or an alias would hide it from lupdate.
def series_label(series: str, year: int | str) -> str:
    """The legend word of one chart series (``actual`` → 2019年, ``target`` → 2020年目标) for ``year``."""
    patterns = {
        # "actual" is the reviewed year's figure as the report gives it, often an estimate (预计): not 实际
        "actual": QCoreApplication.translate("Years", "{year}年"),
        "target": QCoreApplication.translate("Years", "{year}年目标"),
        "goal": QCoreApplication.translate("Years", "{year}年倍增目标"),
        "done": QCoreApplication.translate("Years", "{year}年已完成"),
        "planned": QCoreApplication.translate("Years", "{year}年计划"),
    }
    return patterns.get(series, "{year}").format(year=year)


def series_names(chart: charts.Chart) -> dict[str, str]:
    """Legend words for every series of ``chart``, each with the year of its own bars."""
    return {series: series_label(series, year) for series, year in charts.series_years(chart).items()}


def row_label(series: str, year: int | str) -> str:
    """A row of a chart with one row per year (the high-tech path): 2019年, 2020年目标, 2021年目标."""
    patterns = {
        "actual": QCoreApplication.translate("Years", "{year}年"),
        "target": QCoreApplication.translate("Years", "{year}年目标"),
        "goal": QCoreApplication.translate("Years", "{year}年目标"),
    }
    return patterns.get(series, "{year}").format(year=year)
