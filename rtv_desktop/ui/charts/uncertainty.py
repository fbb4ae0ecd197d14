"""Uncertainty charts: tornado (one-way sensitivity), Monte Carlo histogram and fan chart."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from ..style import readable_popup
from ...core.outputs import NPV_FISCAL, NPV_SOCIAL, TORNADO_METRICS
from ...core.outputs import label as figure_label
from ...core.text import format_input, format_money, format_percent
from .base import BOX, LINE, ChartPanel
from .style import (MIN_MONEY_SPAN, NHS_BLUE, NHS_DARK_BLUE, NHS_DARK_GREY, NHS_LIGHT_BLUE, NHS_MID_GREY, TEXT, brush,
                    pen)

RUN_SIMULATION = "Run a simulation (Ctrl+R) to see the range of likely outcomes."
RUN_SENSITIVITY = "Which inputs matter most appears here once the inputs are valid."
TORNADO_ROWS = 12


def _probability(p: float) -> str:
    # Show a decimal near 0% and 100% so "0%" never hides a small chance.
    return format_percent(p, 1 if 0 < p < 0.01 or 0.99 < p < 1 else 0)


def _money(value) -> str:
    # A word joiner keeps "-£11.8m" on one line rather than breaking after the minus sign.
    return format_money(value, compact=True).replace("-", "-\u2060")


class TornadoChart(ChartPanel):
    """Swing of net social (or net fiscal) value when each input moves to its low or high end."""

    money_axes = ("bottom",)
    BAR = 0.6
    METRICS = {key: figure_label(key) for key in TORNADO_METRICS}

    def __init__(self, parent=None):
        super().__init__("tornado", "What matters most: net social value", parent)
        self.all_rows: list = []
        self.rows: list = []
        self.central = 0.0
        self.centrals: dict[str, float] = {}
        self.metric_key = NPV_SOCIAL
        self.selector = readable_popup(QComboBox())
        self.selector.setObjectName("chart.tornado.metric")
        self.selector.setAccessibleName("Value the tornado shows")
        for key, label in self.METRICS.items():
            self.selector.addItem(label, key)
        self.selector.currentIndexChanged.connect(self._metric_changed)
        self.add_control(self.selector)
        self.low_bars = pg.BarGraphItem(x0=[], y=[], height=self.BAR, width=[], brush=brush(NHS_LIGHT_BLUE), pen=None)
        self.high_bars = pg.BarGraphItem(x0=[], y=[], height=self.BAR, width=[], brush=brush(NHS_BLUE), pen=None)
        self.central_line = pg.InfiniteLine(pos=0, angle=90, pen=pen(NHS_DARK_GREY, 1.5))
        for item in (self.low_bars, self.high_bars, self.central_line):
            self.plot.addItem(item)
        self.set_legend([(NHS_LIGHT_BLUE, "Input at its low end", BOX), (NHS_BLUE, "Input at its high end", BOX)])
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.getAxis("bottom").setLabel("Net social value (present value)")
        self.clear()

    def set_metric(self, key: str) -> None:
        """Show one of the :data:`~rtv_desktop.core.outputs.TORNADO_METRICS`."""
        self.selector.setCurrentIndex(self.selector.findData(key))

    def _metric_changed(self) -> None:
        self.metric_key = self.selector.currentData()
        if self.all_rows:
            self.update_rows(self.all_rows, self.centrals or None)

    def _ends(self, row) -> tuple[float, float]:
        return (row.npv_social_low, row.npv_social_high) if self.metric_key == NPV_SOCIAL else \
            (row.npv_fiscal_low, row.npv_fiscal_high)

    def _swing(self, row) -> float:
        low, high = self._ends(row)
        return abs(high - low)

    def update_rows(self, rows, central) -> None:
        """Draw the ``TORNADO_ROWS`` largest swings of the chosen value around its central value [£].

        ``central`` is ``{metric: £}`` from the deterministic run (a plain number means net
        social value), or None.
        """
        self.all_rows = list(rows)
        self.centrals = central if isinstance(central, dict) else ({} if central is None else {NPV_SOCIAL: central})
        self.rows = sorted(rows, key=self._swing, reverse=True)[:TORNADO_ROWS]
        if not self.rows or not any(self._swing(r) for r in self.rows):
            self.rows = []
            self._clear_bars()
            self.show_placeholder("No input has a range: give low and high values to see what matters most.")
            return
        lows = np.array([self._ends(r)[0] for r in self.rows])
        highs = np.array([self._ends(r)[1] for r in self.rows])
        # Without a deterministic run, centre on the middle of the ranges.
        given = self.centrals.get(self.metric_key)
        self.central = float(given) if given is not None else float(np.median((lows + highs) / 2))
        positions = np.arange(len(self.rows), dtype=float)[::-1]  # largest swing on top
        self.low_bars.setOpts(x0=np.full(lows.size, self.central), y=positions, width=lows - self.central)
        self.high_bars.setOpts(x0=np.full(highs.size, self.central), y=positions, width=highs - self.central)
        self.central_line.setPos(self.central)
        self.central_line.setVisible(True)
        labels = [self._row_label(r) for r in self.rows]
        self.plot.getAxis("left").setTicks([list(zip(positions, labels)), []])
        self.plot.setYRange(-0.6, len(self.rows) - 0.4, padding=0)
        self.plot.enableAutoRange(axis="x")
        label = self.METRICS[self.metric_key]
        self.title_label.setText(f"What matters most: {label.lower()}")
        self.plot.getAxis("bottom").setLabel(f"{label} (present value)")
        self.set_note(f"Line: central {label.lower()} {format_money(self.central, True)}. "
                      f"Top {len(self.rows)} inputs by swing; other inputs at their central values.")
        self.show_plot()

    @staticmethod
    def _row_label(row) -> str:
        unit = " points" if row.path.endswith("wellbeing_gain") else ""
        low, high = format_input(row.path, row.low_input), format_input(row.path, row.high_input)
        return f"{row.label} ({low} to {high}{unit})"

    def swings(self) -> np.ndarray:
        return np.array([self._swing(r) for r in self.rows])

    def _clear_bars(self) -> None:
        for bars in (self.low_bars, self.high_bars):
            bars.setOpts(x0=[], y=[], width=[])
        self.central_line.setVisible(False)
        self.plot.getAxis("left").setTicks([[], []])
        self.set_note("")

    def clear(self) -> None:
        self.all_rows, self.rows, self.centrals = [], [], {}
        self._clear_bars()
        self.show_placeholder(RUN_SENSITIVITY)

    def table(self):
        label = self.METRICS[self.metric_key]
        headers = ["Input", "Low input", "High input", f"{label} at low (£, PV)", f"{label} at high (£, PV)",
                   "Swing (£)"]
        rows = [[r.label, r.low_input, r.high_input, *self._ends(r), self._swing(r)] for r in self.rows]
        return headers, rows


class HistogramChart(ChartPanel):
    """Distribution of net fiscal (or net social) value over the Monte Carlo draws."""

    money_axes = ("bottom",)
    METRICS = {key: (figure_label(key), figure_label(key).lower().replace("value", "benefit"), f"prob_{key}_positive")
               for key in (NPV_FISCAL, NPV_SOCIAL)}

    def __init__(self, parent=None):
        super().__init__("histogram", "Spread of net fiscal value", parent)
        self.sim = None
        self.metric_key = NPV_FISCAL
        self.edges = np.zeros(0)
        self.counts = np.zeros(0)
        self.selector = readable_popup(QComboBox())
        self.selector.setObjectName("chart.histogram.metric")
        self.selector.setAccessibleName("Value the spread shows")
        for key, (label, _benefit, _prob) in self.METRICS.items():
            self.selector.addItem(label, key)
        self.selector.currentIndexChanged.connect(self._metric_changed)
        self.add_control(self.selector)
        self.curve = pg.PlotDataItem(stepMode="center", fillLevel=0, fillBrush=brush(NHS_BLUE, 150),
                                     pen=pen(NHS_DARK_BLUE, 1))
        self.zero_line = pg.InfiniteLine(pos=0, angle=90, pen=pen(TEXT, 1.5, Qt.PenStyle.DashLine),
                                         label="£0", labelOpts={"position": 0.95, "color": TEXT})
        for item in (self.curve, self.zero_line):
            self.plot.addItem(item)
        self.plot.getAxis("left").setLabel("Number of draws")
        self.clear()

    def set_metric(self, key: str) -> None:
        """Show net fiscal or net social value (a key of :attr:`METRICS`)."""
        self.selector.setCurrentIndex(self.selector.findData(key))

    def _metric_changed(self) -> None:
        self.metric_key = self.selector.currentData()
        if self.sim is not None:
            self.update_simulation(self.sim)

    def update_simulation(self, sim) -> None:
        self.sim = sim
        self.counts, self.edges = sim.histogram(self.metric_key)
        self.curve.setData(self.edges, self.counts)
        label, benefit, prob_key = self.METRICS[self.metric_key]
        self.title_label.setText(f"Spread of {label.lower()}")
        self.plot.getAxis("bottom").setLabel(f"{label} (present value)")
        self.plot.enableAutoRange()
        if self.edges.size and float(self.edges[-1] - self.edges[0]) < MIN_MONEY_SPAN:
            middle = float(self.edges[0] + self.edges[-1]) / 2
            self.plot.setXRange(middle - MIN_MONEY_SPAN / 2, middle + MIN_MONEY_SPAN / 2, padding=0.02)
        stats = sim.summary[self.metric_key]
        self.set_note(f"<b>P({benefit} &gt; 0) = {_probability(sim.summary[prob_key])}</b>. "
                      f"Median {_money(stats['p50'])}; 90% of draws between "
                      f"{_money(stats['p5'])} and {_money(stats['p95'])}.")
        self.show_plot()

    def clear(self) -> None:
        self.sim = None
        self.counts, self.edges = np.zeros(0), np.zeros(0)
        self.curve.setData([], [])
        self.set_note("")
        self.show_placeholder(RUN_SIMULATION)

    def table(self):
        label = self.METRICS[self.metric_key][0]
        headers = [f"{label} bin from (£)", f"{label} bin to (£)", "Number of draws"]
        rows = [[float(a), float(b), int(c)] for a, b, c in zip(self.edges[:-1], self.edges[1:], self.counts)]
        return headers, rows


class FanChart(ChartPanel):
    """5th, 50th and 95th percentiles of cumulative net fiscal value by year."""

    PERCENTILES = (5, 50, 95)

    def __init__(self, parent=None):
        super().__init__("fan", "Cumulative net fiscal value by year", parent)
        self.curves = {p: pg.PlotDataItem(pen=pen(NHS_BLUE, 1), antialias=True) for p in (5, 95)}
        # Dots on the median keep a one-year horizon visible (a line needs two points); drawn
        # as shapes rather than from a bitmap atlas so SVG exports stay sharp.
        self.curves[50] = pg.PlotDataItem(pen=pen(NHS_BLUE, 2.5), antialias=True, symbol="o", symbolSize=6,
                                          symbolBrush=NHS_BLUE, symbolPen=None, useCache=False)
        self.band = pg.FillBetweenItem(self.curves[5], self.curves[95], brush=brush(NHS_LIGHT_BLUE, 90))
        self.zero_line = pg.InfiniteLine(pos=0, angle=0, pen=pen(NHS_MID_GREY, 1, Qt.PenStyle.DashLine))
        for item in (self.band, *self.curves.values(), self.zero_line):
            self.plot.addItem(item)
        self.set_legend([(NHS_BLUE, "Median (50th percentile)", LINE),
                         (NHS_LIGHT_BLUE, "5th to 95th percentile", BOX)])
        self.plot.getAxis("bottom").setLabel("Delivery year")
        self.clear()

    def update_simulation(self, sim) -> None:
        fan = sim.fan(self.PERCENTILES)
        years = np.arange(1, fan.shape[1] + 1, dtype=float)
        for row, p in enumerate(self.PERCENTILES):
            self.curves[p].setData(years, fan[row])
        self.set_year_ticks(years.size)
        self.plot.setXRange(0.6, years.size + 0.4, padding=0)  # room for the end year labels
        low, high = min(float(fan.min()), 0.0), max(float(fan.max()), 0.0)
        high = max(high, low + MIN_MONEY_SPAN)  # all-zero draws: a readable axis, not "£0 £0 £1"
        self.plot.setYRange(low, high, padding=0.06)
        self.fit_money_axis([low, high])
        self.set_note("NHS savings minus cost, added up year by year, not discounted.")
        self.show_plot()

    def clear(self) -> None:
        for curve in self.curves.values():
            curve.setData([], [])
        self.set_note("")
        self.show_placeholder(RUN_SIMULATION)

    def table(self):
        years, _ = self.curves[50].getData()
        if years is None or len(years) == 0:
            return ["Year"], []
        columns = [self.curves[p].getData()[1] for p in self.PERCENTILES]
        headers = ["Year"] + [f"Cumulative net fiscal value, {p}th percentile (£)" for p in self.PERCENTILES]
        return headers, [[int(y), *(float(c[k]) for c in columns)] for k, y in enumerate(years)]
