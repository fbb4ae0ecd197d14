"""NICE's pictures of a simulation: the cost-effectiveness acceptability curve and the plane.

Both read the simulation's per-draw QALYs and net cost (MODEL.md section 11c); the curve is
worked out on the worker (``sim.ceac``), the plane shows a fixed sample of the draws.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...core.cost_effectiveness import (CEAC_MAX, comparator_name, contenders, ceac_sentence, plane_summary)
from ...core.text import DO_NOTHING, format_money, format_percent
from .base import LINE, ChartPanel
from .decision import RUN_SIMULATION
from .lines import OptionLinesChart
from .style import NHS_MID_GREY, TEXT, brush, option_colour, pen

PLANE_POINTS = 2_000  # dots per option: enough to see the cloud's shape, few enough to draw at once
DOT = "\u25cf"  # legend swatch of a scatter
ONLY_THE_COMPARATOR = "Add another option to see it against the comparator on the plane."


def _marker() -> pg.InfiniteLine:
    # The label sits halfway up on a white ground, as on the value acceptability chart.
    return pg.InfiniteLine(pos=0, angle=90, pen=pen(TEXT, 1.5, Qt.PenStyle.DashLine), label="",
                           labelOpts={"position": 0.5, "color": TEXT, "fill": (255, 255, 255, 220),
                                      "anchors": [(0, 0.5), (0, 0.5)]})


def _per_qaly(threshold: float) -> str:
    return f"{format_money(threshold)} per QALY"


class CeacChart(OptionLinesChart):
    """Probability each option (and doing nothing) is the most cost-effective, by £ per QALY."""

    money_axes = ("bottom",)
    percent_axes = ("left",)
    PLACEHOLDER = RUN_SIMULATION

    def __init__(self, parent=None):
        super().__init__("ceac", "How likely each option is to be the most cost-effective, by what a QALY is worth",
                         parent)
        self.thresholds = np.zeros(0)
        self.marker = _marker()
        self.plot.addItem(self.marker)
        self.plot.getAxis("bottom").setLabel("Threshold: £ per QALY gained")
        self.plot.getAxis("left").setLabel("Probability")
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.clear()

    def update_simulation(self, sim) -> None:
        thresholds, probs = sim.ceac
        lines = [*probs, *(() if sim.ceac_do_nothing is None else (sim.ceac_do_nothing,))]
        self.names = contenders(sim)
        self.thresholds = np.asarray(thresholds, dtype=float)
        self._draw_lines(self.thresholds, lines)
        entries = []
        for k, name in enumerate(self.names):
            nothing = name == DO_NOTHING and k == len(sim.options)
            colour = NHS_MID_GREY if nothing else option_colour(k)
            self.curves[k].setPen(pen(colour, 2.5, Qt.PenStyle.DashLine if nothing else None))
            entries.append((colour, name, LINE))
        self.set_legend(entries)
        threshold = sim.document.settings.qaly_threshold
        self.marker.setPos(threshold)
        self.marker.label.setFormat(f"This document: {_per_qaly(threshold)}")
        top = max(CEAC_MAX, threshold)
        self.plot.setXRange(-0.04 * top, 1.06 * top, padding=0)  # room for the £0 and £100k labels
        self.plot.setYRange(-0.06, 1.06, padding=0)  # room for the 0% and 100% labels
        self.set_note(f"{ceac_sentence(sim)} Each line: the share of draws in which that option has the highest net "
                      "monetary benefit (QALYs valued at the £ on the axis, less net cost). Dashed line: this "
                      "document's threshold.")
        self.show_plot()

    def clear(self) -> None:
        super().clear()
        self.thresholds = np.zeros(0)

    def table(self):
        return self.lines_table("Threshold (£ per QALY)", self.thresholds, "probability most cost-effective")


def sample_draws(n: int, most: int = PLANE_POINTS) -> np.ndarray:
    """Evenly spaced draw numbers, at most ``most``: the same draws for every option."""
    return np.unique(np.linspace(0, n - 1, min(n, most)).round().astype(int))


def _span(values: np.ndarray, least: float) -> tuple[float, float]:
    """From the smallest to the largest value, zero included, padded; at least ``least`` wide."""
    low, high = min(float(values.min(initial=0.0)), 0.0), max(float(values.max(initial=0.0)), 0.0)
    if high - low < least:
        low, high = low - least / 2, high + least / 2
    pad = (high - low) * 0.05
    return low - pad, high + pad


class PlaneChart(ChartPanel):
    """Each option's draws against the comparator: extra QALYs across, extra net cost up."""

    money_axes = ("left",)

    def __init__(self, parent=None):
        super().__init__("plane", "Cost-effectiveness plane", parent)
        self.names: list[str] = []
        self.scatters: list[pg.ScatterPlotItem] = []
        self.threshold = 0.0
        for angle in (0, 90):  # the axes through zero: which way each option moves cost and health
            self.plot.addItem(pg.InfiniteLine(pos=0, angle=angle, pen=pen(NHS_MID_GREY, 1)))
        self.wtp_line = pg.PlotDataItem(pen=pen(TEXT, 1.5, Qt.PenStyle.DashLine))
        self.plot.addItem(self.wtp_line, ignoreBounds=True)  # the line may run off the cloud: clip it
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.plot.getAxis("left").setLabel("Extra net cost")
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.clear()

    def _scatter(self, j: int) -> pg.ScatterPlotItem:
        while len(self.scatters) <= j:
            scatter = pg.ScatterPlotItem(size=4, pen=None, pxMode=True)
            self.plot.addItem(scatter)
            self.scatters.append(scatter)
        return self.scatters[j]

    def update_simulation(self, sim) -> None:
        doc = sim.document
        against = comparator_name(doc)
        shown = [k for k in range(len(sim.options)) if k != doc.comparator]
        self.title_label.setText(f"Cost-effectiveness plane: each option against {against}")
        if not shown:
            self.clear()
            self.show_placeholder(ONLY_THE_COMPARATOR)
            return
        self.threshold = doc.settings.qaly_threshold
        draws = sample_draws(sim.iterations)
        entries, worth = [], []
        for j, k in enumerate(shown):
            inc_qalys, inc_cost = sim.plane(k)
            colour = option_colour(k)
            self._scatter(j).setData(x=inc_qalys[draws], y=inc_cost[draws], brush=brush(colour, 80))
            self._scatter(j).setVisible(True)
            entries.append((colour, sim.options[k].name, DOT))
            share = plane_summary(inc_qalys, inc_cost, self.threshold)["cost_effective"]
            worth.append(f"{sim.options[k].name} {format_percent(share)}")
        for scatter in self.scatters[len(shown):]:
            scatter.setData(x=[], y=[])
            scatter.setVisible(False)
        self.names = [sim.options[k].name for k in shown]
        entries.append((TEXT, _per_qaly(self.threshold), LINE))
        self.set_legend(entries)
        self._fit()
        self.plot.getAxis("bottom").setLabel(f"Extra QALYs against {against}")
        sample = f" ({len(draws):,} of the {sim.iterations:,} shown)" if len(draws) < sim.iterations else ""
        self.set_note(f"Each dot is one draw{sample}: right means more QALYs than {against}, up means more net cost (cost "
                      f"less NHS savings). Below the dashed line an option is worth its cost at "
                      f"{_per_qaly(self.threshold)}: {', '.join(worth)} of draws.")
        self.show_plot()

    def _fit(self) -> None:
        """Ranges that hold every dot and both axes; the threshold line drawn across the width."""
        xs = np.concatenate([self.points(j)[0] for j in range(len(self.names))])
        ys = np.concatenate([self.points(j)[1] for j in range(len(self.names))])
        x0, x1 = _span(xs, 1.0)
        y0, y1 = _span(ys, 1000.0)
        self.wtp_line.setData([x0, x1], [x0 * self.threshold, x1 * self.threshold])
        self.plot.setXRange(x0, x1, padding=0)
        self.plot.setYRange(y0, y1, padding=0)
        self.fit_money_axis([y0, y1])

    def points(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        """The dots of the ``j``-th option shown (``names[j]``): extra QALYs, extra net cost [£]."""
        x, y = self.scatters[j].getData()
        return np.asarray(x, dtype=float), np.asarray(y, dtype=float)

    def clear(self) -> None:
        for scatter in self.scatters:
            scatter.setData(x=[], y=[])
        self.wtp_line.setData([], [])
        self.names = []
        self.set_legend([])
        self.set_note("")
        self.show_placeholder(RUN_SIMULATION)

    def table(self):
        rows = []
        for j, name in enumerate(self.names):
            x, y = self.points(j)
            rows += [[name, float(a), float(b)] for a, b in zip(x, y)]
        return ["Option", "Extra QALYs", "Extra net cost (£)"], rows
