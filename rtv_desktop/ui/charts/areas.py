"""Areas ranked by one figure: a horizontal bar per area, the largest on top."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...core.text import format_money
from .base import BOX, ChartPanel
from .paired import axis_label
from .style import MUTED_RED, NHS_BLUE, NHS_MID_GREY, TEXT, brush, option_colour, pen, style_axis

ROW_HEIGHT = 17  # [px] per area: 153 councils make a tall chart, which the page scrolls
CHROME_HEIGHT = 150  # [px] title, legend, axis and note
WAITING = "Run the document for every area to rank them here."


class RankedAreasChart(ChartPanel):
    """One option's figure in every area, ranked; a line marks England's figure per 100,000."""

    money_axes = ("bottom", "top")  # a tall chart: the scale is read at the top too
    BAR = 0.7

    def __init__(self, parent=None):
        super().__init__("areas", "Areas ranked", parent)
        self.names: list[str] = []
        self.options: list[str] = []  # each bar's option, when several are shown
        self.values = np.zeros(0)
        self.unit = "£"
        self.bars = pg.BarGraphItem(x0=[], y=[], height=self.BAR, width=[], brushes=[], pen=None)
        self.zero_line = pg.InfiniteLine(pos=0, angle=90, pen=pen(NHS_MID_GREY, 1))
        self.england_line = pg.InfiniteLine(pos=0, angle=90, pen=pen(TEXT, 1.5, Qt.PenStyle.DashLine), label="England",
                                            labelOpts={"position": 0.02, "color": TEXT, "fill": (255, 255, 255, 220),
                                                       "anchors": [(0, 0), (0, 0)]})
        for item in (self.bars, self.zero_line, self.england_line):
            self.plot.addItem(item)
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.showAxis("top")
        style_axis(self.plot.getAxis("top"))
        self.clear()

    def update_ranking(self, names, values, title: str, unit_note: str, england: float | None = None,
                       options=None, option_order=()) -> None:
        """Rank ``names`` by ``values`` [£]; ``england`` draws a reference line (per 100,000 only).

        ``options`` names each bar's option; when there are several, bars take their option's
        colour (in the order of ``option_order`` in the legend), otherwise gains are blue and
        losses red.
        """
        values = np.asarray([np.nan if v is None else v for v in values], dtype=float)
        order = np.argsort(-np.nan_to_num(values, nan=-np.inf), kind="stable")
        self.names = [names[i] for i in order]
        self.values = values[order]
        self.options = [options[i] for i in order] if options is not None else [""] * len(order)
        rows = np.arange(len(self.names), dtype=float)[::-1]  # the largest on top
        widths = np.nan_to_num(self.values)
        if len(set(self.options)) > 1:
            colours = {name: option_colour(k) for k, name in enumerate(option_order)}
            brushes = [brush(colours[name]) for name in self.options]
            legend = [(colours[name], name, BOX) for name in option_order]
        else:
            brushes = [brush(MUTED_RED if w < 0 else NHS_BLUE) for w in widths]
            legend = [(NHS_BLUE, "Gain", BOX), (MUTED_RED, "Loss", BOX)]
        self.bars.setOpts(x0=np.zeros_like(widths), y=rows, width=widths, height=self.BAR, brushes=brushes)
        self.plot.getAxis("left").setTicks([[(r, axis_label(n, 28)) for r, n in zip(rows, self.names)], []])
        self.plot.setYRange(-0.8, len(self.names) - 0.2, padding=0)
        self.plot.enableAutoRange(axis="x")
        self.england_line.setVisible(england is not None)
        if england is not None:
            self.england_line.setPos(england)
            self.england_line.label.setFormat(f"England {format_money(england, True)}")
        self.title_label.setText(title)
        self.plot.getAxis("bottom").setLabel(unit_note)
        self.set_legend(legend)
        self.setMinimumHeight(len(self.names) * ROW_HEIGHT + CHROME_HEIGHT)
        self.show_plot()

    def clear(self) -> None:
        self.names, self.values, self.options = [], np.zeros(0), []
        self.bars.setOpts(x0=[], y=[], width=[], brushes=[])
        self.plot.getAxis("left").setTicks([[], []])
        self.england_line.setVisible(False)
        self.set_legend([])
        self.set_note("")
        self.setMinimumHeight(0)
        self.show_placeholder(WAITING)

    def drawn(self) -> np.ndarray:
        """Bar lengths as drawn, top (largest) first."""
        return np.asarray(self.bars.opts["width"], dtype=float)

    def table(self):
        headers = ["Area", "Option", f"{self.title_label.text()} ({self.unit})"]
        return headers, [[name, option, float(value)]
                         for name, option, value in zip(self.names, self.options, self.drawn())]
