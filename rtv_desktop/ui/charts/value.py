"""Charts of where the value lies: the value iceberg and value per intervention."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...core.outputs import NPV_FISCAL, NPV_SOCIAL
from ...core.outputs import label as figure_label
from ...core.text import format_money
from .base import BOX, ChartPanel
from .style import (MUTED_RED, NHS_AQUA_GREEN, NHS_BLUE, NHS_DARK_BLUE, NHS_LIGHT_BLUE, NHS_MID_GREY,
                    NHS_PALE_BLUE, TEXT, brush, pen)

# Layers of the iceberg from the visible tip down: (key, label, colour).
ICEBERG_LAYERS = (
    ("cashable", "Cashable savings", NHS_PALE_BLUE),
    ("capacity", "Capacity released", NHS_LIGHT_BLUE),
    ("volunteer", "Volunteer value", NHS_AQUA_GREEN),
    ("wellbeing", "Wellbeing (WELLBY)", NHS_BLUE),
)
ICEBERG_ROWS = np.array([3.0, 2.0, 1.0, 0.0])  # y of each layer; the tip is on top
BAR_HEIGHT = 0.5  # leaves room above each layer for its label
WATERLINE = ICEBERG_ROWS[0] - BAR_HEIGHT / 2  # the tip rises straight out of the water


def iceberg_values(summary: dict) -> np.ndarray:
    """Present values [£] of the iceberg layers in :data:`ICEBERG_LAYERS` order."""
    return np.array([
        summary["pv_cashable"],
        summary["pv_saving"] - summary["pv_cashable"],
        summary["pv_volunteer"],
        summary["pv_wellbeing"],
    ], dtype=float)


class IcebergChart(ChartPanel):
    """Cashable savings are the tip above the waterline; the other value lies beneath."""

    money_axes = ()

    def __init__(self, parent=None):
        super().__init__("iceberg", "The value iceberg (present value)", parent)
        self.values = np.zeros(0)
        water = pg.LinearRegionItem(values=(-0.5, WATERLINE), orientation="horizontal", movable=False,
                                    brush=brush(NHS_PALE_BLUE, 70), pen=pg.mkPen(None))
        water.setZValue(-10)
        self.waterline = pg.InfiniteLine(pos=WATERLINE, angle=0, pen=pen(NHS_DARK_BLUE, 1.5, Qt.PenStyle.DashLine),
                                         label="Waterline",
                                         labelOpts={"position": 0.02, "color": NHS_DARK_BLUE,
                                                    "anchors": [(0, 1), (0, 1)]})
        self.bars = pg.BarGraphItem(x0=[], y=[], height=[], width=[], brushes=[], pen=pen(NHS_DARK_BLUE, 1))
        # Labels sit centred above their layer, so they never run off a narrow chart.
        self.labels = [pg.TextItem("", color=TEXT, anchor=(0.5, 1.0)) for _ in ICEBERG_LAYERS]
        for item in (water, self.waterline, self.bars, *self.labels):
            self.plot.addItem(item)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.showGrid(x=False, y=False)
        self.plot.setYRange(-0.5, 3.75, padding=0)
        self.clear()

    def update_results(self, results) -> None:
        self.values = iceberg_values(results.summary)
        widths = np.abs(self.values)
        self.bars.setOpts(x0=-widths / 2, y=ICEBERG_ROWS, height=BAR_HEIGHT, width=widths,
                          brushes=[brush(colour) for _key, _label, colour in ICEBERG_LAYERS])
        half = max(float(widths.max()) / 2, 1.0)
        for k, (_key, name, _colour) in enumerate(ICEBERG_LAYERS):
            self.labels[k].setText(f"{name}  {format_money(self.values[k], compact=True)}")
            self.labels[k].setColor(MUTED_RED if self.values[k] < 0 else TEXT)
            self.labels[k].setPos(0.0, ICEBERG_ROWS[k] + BAR_HEIGHT / 2 + 0.02)
        self.plot.setXRange(-half * 1.05, half * 1.05, padding=0)
        settings = results.scenario.settings
        share = self.values[0] / self.values.sum() if self.values.sum() > 0 else None
        tip = f" ({share:.1%} of the value shown)" if share is not None else ""
        self.set_note(f"Only cashable savings{tip} release cash; the value below the waterline is real but does "
                      f"not show in a budget. Present values over {settings.horizon_years} years, "
                      f"{settings.price_year} prices; bar width is proportional to value.")
        self.show_plot()

    def clear(self) -> None:
        self.values = np.zeros(0)
        self.bars.setOpts(x0=[], y=[], height=[], width=[], brushes=[])
        for label in self.labels:
            label.setText("")
        self.set_note("")
        self.show_placeholder("Results will appear here once the inputs are valid.")

    def table(self):
        headers = ["Layer", "Position", "Present value (£)"]
        rows = [[name, "above waterline" if key == "cashable" else "below waterline", float(value)]
                for (key, name, _colour), value in zip(ICEBERG_LAYERS, self.values)]
        return headers, rows


class ByInterventionChart(ChartPanel):
    """Net fiscal and net social value of each intervention (horizontal bars)."""

    money_axes = ("bottom",)
    BAR = 0.36

    def __init__(self, parent=None):
        super().__init__("by_intervention", "Net value by intervention (present value)", parent)
        self.names: list[str] = []
        self.fiscal_bars = pg.BarGraphItem(x0=[], y=[], height=self.BAR, width=[], brush=brush(NHS_BLUE), pen=None)
        self.social_bars = pg.BarGraphItem(x0=[], y=[], height=self.BAR, width=[], brush=brush(NHS_AQUA_GREEN),
                                           pen=None)
        self.zero_line = pg.InfiniteLine(pos=0, angle=90, pen=pen(NHS_MID_GREY, 1))
        for item in (self.fiscal_bars, self.social_bars, self.zero_line):
            self.plot.addItem(item)
        self.set_legend([(NHS_BLUE, figure_label(NPV_FISCAL), BOX), (NHS_AQUA_GREEN, figure_label(NPV_SOCIAL), BOX)])
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.getAxis("bottom").setLabel("Net present value")
        self.clear()

    def update_results(self, results) -> None:
        self.names = [item.name for item in results.scenario.interventions]
        rows = np.arange(len(self.names), dtype=float)[::-1]  # first intervention on top
        fiscal = np.asarray(results.by_intervention[NPV_FISCAL], dtype=float)
        social = np.asarray(results.by_intervention[NPV_SOCIAL], dtype=float)
        self.fiscal_bars.setOpts(x0=np.zeros_like(fiscal), y=rows + self.BAR / 2, width=fiscal.copy())
        self.social_bars.setOpts(x0=np.zeros_like(social), y=rows - self.BAR / 2, width=social.copy())
        self.plot.getAxis("left").setTicks([[(row, name) for row, name in zip(rows, self.names)], []])
        self.plot.setYRange(-0.7, len(self.names) - 0.3, padding=0)
        self.plot.enableAutoRange(axis="x")
        settings = results.scenario.settings
        self.set_note(f"Fiscal: NHS savings minus cost. Social: savings, wellbeing and volunteering minus cost. "
                      f"Present values over {settings.horizon_years} years, {settings.price_year} prices.")
        self.show_plot()

    def fiscal_values(self) -> np.ndarray:
        return np.asarray(self.fiscal_bars.opts["width"], dtype=float)

    def social_values(self) -> np.ndarray:
        return np.asarray(self.social_bars.opts["width"], dtype=float)

    def clear(self) -> None:
        self.names = []
        for bars in (self.fiscal_bars, self.social_bars):
            bars.setOpts(x0=[], y=[], width=[])
        self.plot.getAxis("left").setTicks([[], []])
        self.set_note("")
        self.show_placeholder("Results will appear here once the inputs are valid.")

    def table(self):
        headers = ["Intervention", "Net fiscal value (£, PV)", "Net social value (£, PV)"]
        values = zip(self.names, self.fiscal_values(), self.social_values())
        rows = [[name, float(fiscal), float(social)] for name, fiscal, social in values]
        return headers, rows
