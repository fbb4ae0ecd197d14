"""Charts of the options side by side: net value per option, cumulative net fiscal value by year."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...core.outputs import NPV_FISCAL, NPV_SOCIAL
from ...core.outputs import label as figure_label
from ...core.text import format_money
from .base import LINE
from .lines import OptionLinesChart
from .paired import PairedBarsChart
from .style import MIN_MONEY_SPAN, NHS_AQUA_GREEN, NHS_BLUE, NHS_MID_GREY, option_colour, pen

WAITING = "The options' figures appear here once the inputs are valid."
PREFERRED, COMPARATOR = "preferred", "comparator"


def option_labels(comparison) -> list[str]:
    """Option names, the preferred one and the comparator marked ("Full mix (preferred)")."""
    labels = []
    for k, option in enumerate(comparison.document.options):
        marks = [word for word, on in ((PREFERRED, k == comparison.preferred),
                                       (COMPARATOR, k == comparison.comparator)) if on]
        labels.append(f"{option.name} ({', '.join(marks)})" if marks else option.name)
    return labels


class OptionsChart(PairedBarsChart):
    """Net fiscal and net social value of each option (present value)."""

    SERIES = ((figure_label(NPV_FISCAL), NHS_BLUE), (figure_label(NPV_SOCIAL), NHS_AQUA_GREEN))
    ROW_HEADER = "Option"
    UNIT = "£, PV"

    def __init__(self, parent=None):
        super().__init__("options", "Net value of each option (present value)", WAITING, parent)
        self.plot.getAxis("bottom").setLabel("Net present value")

    def update_comparison(self, comparison) -> None:
        summaries = [r.summary for r in comparison.options]
        self.set_rows([o.name for o in comparison.document.options], option_labels(comparison),
                      [s[NPV_FISCAL] for s in summaries], [s[NPV_SOCIAL] for s in summaries])
        settings = comparison.document.settings
        nothing = " Doing nothing is the zero line." if comparison.comparator is None else ""
        self.set_note(f"Fiscal: savings to services minus cost. Social: savings, wellbeing and volunteering "
                      f"minus cost. Present values over {settings.horizon_years} years, {settings.price_year} "
                      f"prices.{nothing}")


class OptionsCumulativeChart(OptionLinesChart):
    """Cumulative net fiscal value (savings minus cost, undiscounted) by year, one line per option."""

    PLACEHOLDER = WAITING

    def __init__(self, parent=None):
        super().__init__("options_cumulative", "Cumulative net fiscal value by year", parent)
        self.zero_line = pg.InfiniteLine(pos=0, angle=0, pen=pen(NHS_MID_GREY, 1, Qt.PenStyle.DashLine))
        self.plot.addItem(self.zero_line)
        self.plot.getAxis("bottom").setLabel("Delivery year")
        self.clear()

    def _new_curve(self, k: int) -> pg.PlotDataItem:
        # Drawn as shapes for sharp SVG.
        colour = option_colour(k)
        return pg.PlotDataItem(pen=pen(colour, 2.5), symbol="o", symbolSize=6, symbolBrush=colour,
                               symbolPen=None, antialias=True, useCache=False)

    def update_comparison(self, comparison) -> None:
        self.names = [o.name for o in comparison.document.options]
        lines = [np.asarray(r.cumulative_net, dtype=float) for r in comparison.options]
        years = np.arange(1, comparison.document.settings.horizon_years + 1, dtype=float)
        self._draw_lines(years, lines)
        self.set_legend([(option_colour(k), name, LINE) for k, name in enumerate(self.names)])
        self.set_year_ticks(years.size)
        self.plot.setXRange(0.6, years.size + 0.4, padding=0)
        both = np.concatenate(lines + [np.zeros(1)])
        low, high = float(both.min()), max(float(both.max()), float(both.min()) + MIN_MONEY_SPAN)
        self.plot.setYRange(low, high, padding=0.06)
        self.fit_money_axis([low, high])
        ends = "; ".join(f"{name} {format_money(line[-1], True)}" for name, line in zip(self.names, lines))
        self.set_note(f"Savings minus cost, added up year by year, not discounted. After {years.size} years: {ends}. "
                      f"{comparison.document.settings.price_year} prices.")
        self.show_plot()

    def table(self):
        headers = ["Year"] + [f"{name}: cumulative net fiscal value (£)" for name in self.names]
        if not self.names:
            return headers, []
        years = self.line(0)[0]
        columns = [self.line(k)[1] for k in range(len(self.names))]
        return headers, [[int(y), *(float(c[t]) for c in columns)] for t, y in enumerate(years)]
