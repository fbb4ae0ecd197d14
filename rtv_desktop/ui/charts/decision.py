"""Charts of the decision under uncertainty: probability each option is best, value acceptability."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...core.text import format_money
from ...core.text import DO_NOTHING, evpi_sentence, simulation_basis
from .base import LINE
from .lines import OptionLinesChart
from .paired import PairedBarsChart
from .style import NHS_AQUA_GREEN, NHS_BLUE, NHS_MID_GREY, TEXT, option_colour, pen

RUN_SIMULATION = "Run a simulation (Ctrl+R) to see how likely each option is to be best."


def _contenders(sim) -> list[str]:
    """The options of the simulation, and doing nothing when it competes (no comparator)."""
    names = [option.name for option in sim.options]
    return names + [DO_NOTHING] if sim.prob_best_do_nothing is not None else names


def _draws(sim) -> str:
    return simulation_basis(sim.iterations, sim.seed, sim.correlation)


class ProbBestChart(PairedBarsChart):
    """Share of draws in which each option (or doing nothing) has the highest net social and fiscal value."""

    money_axes = ()
    percent_axes = ("bottom",)
    SERIES = (("Best on net social value", NHS_AQUA_GREEN), ("Best on net fiscal value", NHS_BLUE))
    ROW_HEADER = "Option"
    UNIT = "probability"

    def __init__(self, parent=None):
        super().__init__("prob_best", "How likely each option is to be best", RUN_SIMULATION, parent)
        self.plot.getAxis("bottom").setLabel("Share of draws")

    def update_simulation(self, sim) -> None:
        names = _contenders(sim)
        social, fiscal = list(sim.prob_best_social), list(sim.prob_best_fiscal)
        if sim.prob_best_do_nothing is not None:
            social.append(sim.prob_best_do_nothing)
            fiscal.append(sim.prob_best_fiscal_do_nothing)
        self.set_rows(names, names, social, fiscal)
        self.set_note(f"{evpi_sentence(sim)} {_draws(sim)}.")

    def _fit_x(self, low: float, high: float) -> None:
        self.plot.setXRange(-0.04, 1.06, padding=0)  # room for the 0% and 100% labels


class AcceptabilityChart(OptionLinesChart):
    """Probability each option is best on net social value as the value of a WELLBY varies."""

    money_axes = ("bottom",)
    percent_axes = ("left",)
    PLACEHOLDER = RUN_SIMULATION

    def __init__(self, parent=None):
        super().__init__("acceptability", "Value acceptability: probability best by WELLBY value", parent)
        self.wellby_values = np.zeros(0)
        # The marker's label sits halfway up on a white ground, where the curves are usually
        # far from 0% and 100% and any it crosses stay visible around it.
        self.marker = pg.InfiniteLine(pos=0, angle=90, pen=pen(TEXT, 1.5, Qt.PenStyle.DashLine),
                                      label="", labelOpts={"position": 0.5, "color": TEXT, "fill": (255, 255, 255, 220),
                                                           "anchors": [(0, 0.5), (0, 0.5)]})
        self.plot.addItem(self.marker)
        self.plot.getAxis("bottom").setLabel("Value of one WELLBY (£)")
        self.plot.getAxis("left").setLabel("Probability best")
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.clear()

    def update_simulation(self, sim) -> None:
        values, probs = sim.acceptability
        lines = list(probs)
        if sim.acceptability_do_nothing is not None:
            lines.append(sim.acceptability_do_nothing)
        self.names = _contenders(sim)
        self.wellby_values = np.asarray(values, dtype=float)
        self._draw_lines(self.wellby_values, lines)
        entries = []
        for k, name in enumerate(self.names):
            nothing = name == DO_NOTHING and k == len(sim.options)
            colour = NHS_MID_GREY if nothing else option_colour(k)
            self.curves[k].setPen(pen(colour, 2.5, Qt.PenStyle.DashLine if nothing else None))
            entries.append((colour, name, LINE))
        self.set_legend(entries)
        central = sim.document.settings.wellby_value.central
        self.marker.setPos(central)
        self.marker.label.setFormat(f"This document: {format_money(central)}")
        self.plot.setXRange(float(self.wellby_values[0]), float(self.wellby_values[-1]), padding=0.02)
        self.plot.setYRange(-0.06, 1.06, padding=0)  # room for the 0% and 100% labels
        self.set_note(f"Each line: the share of draws in which that option has the highest net social value if one "
                      f"WELLBY were worth the £ on the axis. Dashed line: the WELLBY value of this document. "
                      f"{_draws(sim)}.")
        self.show_plot()

    def clear(self) -> None:
        super().clear()
        self.wellby_values = np.zeros(0)

    def table(self):
        return self.lines_table("Value of one WELLBY (£)", self.wellby_values, "probability best")

