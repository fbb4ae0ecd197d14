"""Horizontal bars in pairs, one row per thing compared (options, parties): the base of several charts."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from .base import BOX, ChartPanel
from .style import NHS_MID_GREY, brush, pen

# Row labels longer than this are shortened on the axis (the CSV keeps them whole).
AXIS_LABEL_CHARS = 30


def axis_label(name: str, limit: int = AXIS_LABEL_CHARS) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "\u2026"


class PairedBarsChart(ChartPanel):
    """Two bars per row, from zero; the first row on top.

    Subclasses set ``SERIES`` (``(label, colour)`` for the upper and lower bar of each row),
    ``ROW_HEADER`` and ``UNIT`` (for the CSV headers), and call :meth:`set_rows`.
    """

    money_axes = ("bottom",)
    BAR = 0.36
    SERIES: tuple[tuple[str, str], ...] = ()
    ROW_HEADER = "Row"
    UNIT = "£"

    def __init__(self, name: str, title: str, placeholder: str, parent=None):
        super().__init__(name, title, parent)
        self.names: list[str] = []
        self._placeholder = placeholder
        self.bars = [pg.BarGraphItem(x0=[], y=[], height=self.BAR, width=[], brush=brush(colour), pen=None)
                     for _label, colour in self.SERIES]
        self.zero_line = pg.InfiniteLine(pos=0, angle=90, pen=pen(NHS_MID_GREY, 1))
        for item in (*self.bars, self.zero_line):
            self.plot.addItem(item)
        self.set_legend([(colour, label, BOX) for label, colour in self.SERIES])
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.clear()

    def set_rows(self, names, labels, *series) -> None:
        """Draw ``series`` (one array per bar of :data:`SERIES`) for rows ``names`` (axis ``labels``)."""
        self.names = list(names)
        rows = np.arange(len(self.names), dtype=float)[::-1]
        offsets = (self.BAR / 2, -self.BAR / 2) if len(self.bars) == 2 else (0.0,)
        for bars, values, offset in zip(self.bars, series, offsets):
            values = np.asarray(values, dtype=float).copy()
            bars.setOpts(x0=np.zeros_like(values), y=rows + offset, width=values)
        self.plot.getAxis("left").setTicks([[(row, axis_label(label)) for row, label in zip(rows, labels)], []])
        self.plot.setYRange(-0.7, len(self.names) - 0.3, padding=0)
        everything = np.concatenate([np.asarray(v, dtype=float) for v in series] + [np.zeros(1)])
        self._fit_x(float(everything.min()), float(everything.max()))
        self.show_plot()

    def _fit_x(self, low: float, high: float) -> None:
        self.plot.enableAutoRange(axis="x")

    def values(self, j: int = 0) -> np.ndarray:
        """The lengths of bar series ``j`` as drawn, top row first."""
        return np.asarray(self.bars[j].opts["width"], dtype=float)

    def clear(self) -> None:
        self.names = []
        for bars in self.bars:
            bars.setOpts(x0=[], y=[], width=[])
        self.plot.getAxis("left").setTicks([[], []])
        self.set_note("")
        self.show_placeholder(self._placeholder)

    def table(self):
        headers = [self.ROW_HEADER] + [f"{label} ({self.UNIT})" for label, _colour in self.SERIES]
        columns = [self.values(j) for j in range(len(self.bars))]
        rows = [[name, *(float(column[r]) for column in columns)] for r, name in enumerate(self.names)]
        return headers, rows
