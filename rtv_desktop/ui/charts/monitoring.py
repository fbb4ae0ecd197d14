"""Charts of the Monitoring page: cumulative forecast against actual by quarter, and the
cumulative net value of the forecast against the re-forecast by year."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...core.text import format_count, format_money
from .base import LINE, ChartPanel
from .style import MIN_MONEY_SPAN, NHS_BLUE, NHS_MID_GREY, NHS_ORANGE, pen

FORECAST_COLOUR, ACTUAL_COLOUR = NHS_MID_GREY, NHS_BLUE
NOT_KNOWN = "not yet known"
NO_ACTUALS = "Import the filled monitoring workbook to see the actual figures beside the forecast."


def known_run(values) -> int:
    """How many quarters from the first have a known figure (None ends the run: a blank is never zero)."""
    count = 0
    for value in values:
        if value is None:
            break
        count += 1
    return count


def quarters_shown(actual_values) -> int:
    """The quarters a chart shows: the years with any actual and the year after (all when none is known),
    so a first year's figures are not lost in a ten-year line."""
    known = [k for k, value in enumerate(actual_values) if value is not None]
    if not known:
        return len(actual_values)
    return min(len(actual_values), (known[-1] // 4 + 2) * 4)


def _curve(colour: str, dashed: bool = False) -> pg.PlotDataItem:
    style = Qt.PenStyle.DashLine if dashed else None
    return pg.PlotDataItem(pen=pen(colour, 2.5, style), symbol="o", symbolSize=6, symbolBrush=colour,
                           symbolPen=None, antialias=True, useCache=False)


class CumulativeActualChart(ChartPanel):
    """Cumulative forecast (every quarter) and cumulative actual (the quarters known from the
    first one on) of one figure; subclasses say which figure and how it is written."""

    FIGURE = ""  # "starters" or "spend": the field of the forecast and actual Figures
    WHAT = ""  # in the legend and table: "starters", "spend (£, cash)"

    def __init__(self, name: str, title: str, parent=None):
        super().__init__(name, title, parent)
        self.forecast_curve, self.actual_curve = _curve(FORECAST_COLOUR, dashed=True), _curve(ACTUAL_COLOUR)
        for item in (self.forecast_curve, self.actual_curve):
            self.plot.addItem(item)
        self.quarters: list[str] = []
        self.horizon_quarters = 0
        self.plot.getAxis("bottom").setLabel("Quarter")
        self.set_legend([(FORECAST_COLOUR, f"Forecast {self.WHAT}", LINE), (ACTUAL_COLOUR, f"Actual {self.WHAT}", LINE)])
        self.clear()

    def update_rows(self, rows) -> None:
        """Draw the cumulative figures of ``rows`` (ActivityRow, one per quarter, in order)."""
        if not rows:
            self.clear()
            return
        self.horizon_quarters = len(rows)
        rows = rows[:quarters_shown([getattr(row.actual, self.FIGURE) for row in rows])]
        self.quarters = [row.quarter for row in rows]
        forecast = np.cumsum([getattr(row.forecast, self.FIGURE) or 0.0 for row in rows])
        actual_values = [getattr(row.actual, self.FIGURE) for row in rows]
        known = known_run(actual_values)
        actual = np.cumsum(np.asarray(actual_values[:known], dtype=float))
        x = np.arange(1, len(rows) + 1, dtype=float)
        self.forecast_curve.setData(x, forecast)
        self.actual_curve.setData(x[:known], actual)
        self._quarter_ticks()
        self.plot.setXRange(0.3, len(rows) + 0.5, padding=0)  # room for the first year's label
        both = np.concatenate([forecast, actual, [0.0]])
        top = max(float(both.max()), float(both.min()) + self._min_span())
        self.plot.setYRange(float(both.min()), top, padding=0.05)
        self.fit_money_axis([float(both.min()), top])
        self._fit_count_axis(top)
        self.set_note(self._note(forecast, actual, known))
        self.show_plot()

    def _min_span(self) -> float:
        return 10.0

    def _fit_count_axis(self, top: float) -> None:
        pass  # a money axis is fitted by fit_money_axis

    def _write(self, value: float) -> str:
        return format_count(value)

    def _quarter_ticks(self) -> None:
        # A label at each financial year's first quarter: 20 quarter labels would collide.
        major = [(k + 1, q.split()[0]) for k, q in enumerate(self.quarters) if q.endswith("Q1")]
        minor = [(k + 1, "") for k, q in enumerate(self.quarters) if not q.endswith("Q1")]
        self.plot.getAxis("bottom").setTicks([major, minor])

    def _note(self, forecast, actual, known: int) -> str:
        if not known:
            return f"No actual {self.WHAT} yet: blank cells are not yet known, never zero."
        text = (f"To {self.quarters[known - 1]}: actual {self._write(actual[-1])} against a forecast of "
                f"{self._write(forecast[known - 1])}.")
        if known < len(self.quarters):
            text += f" {self.quarters[known]} is not yet known: the actual line stops there."
        if len(self.quarters) < self.horizon_quarters:
            text += f" Shown: the years with actuals and the next, of {self.horizon_quarters // 4} years."
        return text

    def clear(self) -> None:
        for item in (self.forecast_curve, self.actual_curve):
            item.setData([], [])
        self.quarters = []
        self.set_note("")
        self.show_placeholder(NO_ACTUALS)

    def table(self):
        x, forecast = self.forecast_curve.getData()
        if x is None or not len(x):
            return [], []
        _ax, actual = self.actual_curve.getData()
        actual = [] if actual is None else list(actual)
        rows = [[self.quarters[k], float(forecast[k]), float(actual[k]) if k < len(actual) else NOT_KNOWN]
                for k in range(len(x))]
        return ["Quarter", f"Cumulative forecast {self.WHAT}", f"Cumulative actual {self.WHAT}"], rows


class StartersChart(CumulativeActualChart):
    FIGURE, WHAT = "starters", "starters"
    money_axes = ()

    def __init__(self, parent=None):
        super().__init__("monitoring_starters", "Starters: forecast and actual, cumulative", parent)
        self.plot.getAxis("left").enableAutoSIPrefix(False)  # "6000", not "6 x1e3"

    def _fit_count_axis(self, top: float) -> None:
        # pyqtgraph widens an axis only after a first paint has clipped its labels (see MoneyAxis.fit_to).
        from PySide6.QtGui import QFontMetrics  # noqa: PLC0415

        from .style import tick_font  # noqa: PLC0415

        self.plot.getAxis("left").setWidth(QFontMetrics(tick_font()).horizontalAdvance(f"{top * 1.5:,.0f}") + 14)


class SpendChart(CumulativeActualChart):
    FIGURE, WHAT = "spend", "spend (£)"

    def __init__(self, parent=None):
        super().__init__("monitoring_spend", "Spend: forecast and actual, cumulative", parent)

    def _min_span(self) -> float:
        return MIN_MONEY_SPAN

    def _write(self, value: float) -> str:
        return format_money(value)


class ReforecastChart(ChartPanel):
    """Cumulative net fiscal value (NHS savings minus cost, not discounted) by year: the original
    forecast and the re-forecast from what has been observed."""

    def __init__(self, parent=None):
        super().__init__("monitoring_reforecast", "Cumulative net fiscal value: forecast and re-forecast", parent)
        self.forecast_curve, self.reforecast_curve = _curve(FORECAST_COLOUR, dashed=True), _curve(NHS_ORANGE)
        self.zero_line = pg.InfiniteLine(pos=0, angle=0, pen=pen(NHS_MID_GREY, 1, Qt.PenStyle.DashLine))
        for item in (self.forecast_curve, self.reforecast_curve, self.zero_line):
            self.plot.addItem(item)
        self.plot.getAxis("bottom").setLabel("Delivery year")
        self.set_legend([(FORECAST_COLOUR, "Forecast", LINE), (NHS_ORANGE, "Re-forecast", LINE)])
        self.clear()

    def update_results(self, forecast, reforecast) -> None:
        """``forecast`` and ``reforecast``: the Results of the option before and after what was observed."""
        lines = [np.asarray(r.cumulative_net, dtype=float) for r in (forecast, reforecast)]
        years = np.arange(1, lines[0].size + 1, dtype=float)
        self.forecast_curve.setData(years, lines[0])
        self.reforecast_curve.setData(years, lines[1])
        self.set_year_ticks(years.size)
        self.plot.setXRange(0.6, years.size + 0.4, padding=0)
        both = np.concatenate(lines + [np.zeros(1)])
        low, high = float(both.min()), max(float(both.max()), float(both.min()) + MIN_MONEY_SPAN)
        self.plot.setYRange(low, high, padding=0.05)
        self.fit_money_axis([low, high])
        s = forecast.scenario.settings
        self.set_note(f"After {s.horizon_years} years: forecast {format_money(lines[0][-1], True)}, re-forecast "
                      f"{format_money(lines[1][-1], True)}. NHS savings minus cost, not discounted, "
                      f"{s.price_year} prices.")
        self.show_plot()

    def clear(self) -> None:
        for item in (self.forecast_curve, self.reforecast_curve):
            item.setData([], [])
        self.set_note("")
        self.show_placeholder(NO_ACTUALS)

    def table(self):
        years, forecast = self.forecast_curve.getData()
        if years is None or not len(years):
            return [], []
        _y, reforecast = self.reforecast_curve.getData()
        return (["Delivery year", "Forecast: cumulative net fiscal value (£)",
                 "Re-forecast: cumulative net fiscal value (£)"],
                [[int(y), float(a), float(b)] for y, a, b in zip(years, forecast, reforecast)])
