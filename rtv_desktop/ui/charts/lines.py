"""One line per option, made on first need and reused: the base of the options' line charts."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from .base import ChartPanel


class OptionLinesChart(ChartPanel):
    """Lines ``curves[k]`` for the options ``names[k]``; lines beyond the last option are hidden.

    Subclasses set ``PLACEHOLDER`` (shown when cleared) and may override :meth:`_new_curve`.
    """

    PLACEHOLDER = ""

    def __init__(self, name: str, title: str, parent=None):
        super().__init__(name, title, parent)
        self.curves: list[pg.PlotDataItem] = []
        self.names: list[str] = []

    def _new_curve(self, k: int) -> pg.PlotDataItem:
        return pg.PlotDataItem(antialias=True)

    def _curve(self, k: int) -> pg.PlotDataItem:
        while len(self.curves) <= k:
            curve = self._new_curve(len(self.curves))
            self.plot.addItem(curve)
            self.curves.append(curve)
        return self.curves[k]

    def _draw_lines(self, x: np.ndarray, lines) -> None:
        """Line ``k`` through ``(x, lines[k])``; the lines of options no longer there are hidden."""
        for k, line in enumerate(lines):
            curve = self._curve(k)
            curve.setData(x, np.asarray(line, dtype=float))
            curve.setVisible(True)
        for curve in self.curves[len(lines):]:
            curve.setData([], [])
            curve.setVisible(False)

    def line(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The x values and the values drawn for option ``k``."""
        return self.curves[k].getData()

    def lines_table(self, x_header: str, xs: np.ndarray, what: str):
        """``(headers, rows)``: a row per x value, a column per option ("<name>: <what>")."""
        headers = [x_header] + [f"{name}: {what}" for name in self.names]
        columns = [self.line(k)[1] for k in range(len(self.names))]
        return headers, [[float(v), *(float(c[j]) for c in columns)] for j, v in enumerate(xs)]

    def clear(self) -> None:
        for curve in self.curves:
            curve.setData([], [])
        self.names = []
        self.set_legend([])
        self.set_note("")
        self.show_placeholder(self.PLACEHOLDER)
