"""Charts of the deterministic run over time: cumulative cost vs savings, savings by service."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ...core.text import NOTHING_SPENT, format_money, format_payback, payback_text, savings_phrase
from .base import BOX, LINE, ChartPanel
from .style import MIN_MONEY_SPAN, NHS_BLUE, NHS_DARK_GREY, TEXT, brush, pen, series_colour

MONEY_NOTE = "£, {price_year} prices, not discounted."


class CumulativeChart(ChartPanel):
    """Cumulative cost and cumulative NHS savings by year, with the payback point marked."""

    def __init__(self, parent=None):
        super().__init__("cumulative", "Cumulative cost and NHS savings", parent)
        # useCache=False: cached symbols are pasted from a bitmap atlas, which comes out garbled
        # in SVG; a few points are cheap to draw as shapes.
        self.cost_curve = pg.PlotDataItem(pen=pen(NHS_DARK_GREY, 2.5), symbol="o", symbolSize=7, useCache=False,
                                          symbolBrush=NHS_DARK_GREY, symbolPen=None, antialias=True)
        self.saving_curve = pg.PlotDataItem(pen=pen(NHS_BLUE, 2.5), symbol="o", symbolSize=7, useCache=False,
                                            symbolBrush=NHS_BLUE, symbolPen=None, antialias=True)
        self.payback_marker = pg.ScatterPlotItem(size=16, symbol="star", brush=brush("#FFB81C"),
                                                 pen=pen(TEXT, 1), useCache=False)

        self.payback_text = pg.TextItem("", color=TEXT, anchor=(0.5, 1.3))
        for item in (self.cost_curve, self.saving_curve, self.payback_marker, self.payback_text):
            self.plot.addItem(item)
        self.set_legend([(NHS_DARK_GREY, "Cumulative cost", LINE), (NHS_BLUE, "Cumulative NHS savings", LINE)])
        self.plot.getAxis("bottom").setLabel("Delivery year")
        self.clear()

    def update_results(self, results) -> None:
        totals = results.totals_by_year()
        years = np.arange(1, totals["cost"].size + 1, dtype=float)
        cost, saving = np.cumsum(totals["cost"]), np.cumsum(totals["saving"])
        self.cost_curve.setData(years, cost)
        self.saving_curve.setData(years, saving)
        self.set_year_ticks(years.size)
        payback = results.summary["payback_year"]
        if payback is None or payback_text(results.summary, years.size) != format_payback(payback, years.size):
            self.payback_marker.setData([], [])  # none within the horizon, or nothing spent to pay back
            self.payback_text.setText("")
        else:
            self.payback_marker.setData([payback + 1.0], [saving[payback]])
            self.payback_text.setText(f"Pays back in {format_payback(payback, years.size)}")
            # Anchored to stay inside the plot at the first and last year.
            across = 0.0 if payback == 0 else 1.0 if payback == years.size - 1 else 0.5
            self.payback_text.setAnchor((across, 1.3))
            self.payback_text.setPos(payback + 1.0, saving[payback])
        self.plot.setXRange(0.6, years.size + 0.4, padding=0)
        both = np.concatenate([cost, saving, [0.0]])  # money axes start from £0
        top = max(float(both.max()), float(both.min()) + MIN_MONEY_SPAN)
        # Headroom above the highest point keeps the payback label inside the plot.
        self.plot.setYRange(float(both.min()), top + 0.12 * (top - float(both.min())), padding=0.04)
        self.fit_money_axis([float(both.min()), top])
        self.set_note(self._note(results, cost[-1], saving[-1]))
        self.show_plot()

    @staticmethod
    def _note(results, cost_total: float, saving_total: float) -> str:
        s = results.scenario.settings
        payback = payback_text(results.summary, s.horizon_years)
        payback = "none, nothing spent" if payback == NOTHING_SPENT else payback
        return (f"Over {s.horizon_years} years: cost {format_money(cost_total, True)}, "
                f"{savings_phrase(saving_total)}. Payback: {payback}. "
                + MONEY_NOTE.format(price_year=s.price_year))

    def clear(self) -> None:
        for item in (self.cost_curve, self.saving_curve, self.payback_marker):
            item.setData([], [])
        self.payback_text.setText("")
        self.set_note("")
        self.show_placeholder("Results will appear here once the inputs are valid.")

    def table(self):
        years, cost = self.cost_curve.getData()
        _, saving = self.saving_curve.getData()
        if years is None or len(years) == 0:
            return ["Year", "Cumulative cost (£)", "Cumulative NHS savings (£)"], []
        rows = [[int(y), float(c), float(v)] for y, c, v in zip(years, cost, saving)]
        return ["Year", "Cumulative cost (£)", "Cumulative NHS savings (£)"], rows


class SavingsByServiceChart(ChartPanel):
    """NHS savings per year, stacked by service."""

    BAR_WIDTH = 0.6

    def __init__(self, parent=None):
        super().__init__("savings_by_service", "NHS savings by service and year", parent)
        self.bars: list[pg.BarGraphItem] = []
        self.service_names: list[str] = []
        self.plot.getAxis("bottom").setLabel("Delivery year")
        self.clear()

    def _bar(self, index: int) -> pg.BarGraphItem:
        # Bars are made on first need (one per service) and reused on every update.
        while len(self.bars) <= index:
            colour = series_colour(len(self.bars))
            bar = pg.BarGraphItem(x=[], height=[], y0=[], width=self.BAR_WIDTH,
                                  brush=brush(colour), pen=pg.mkPen("w", width=1))
            self.plot.addItem(bar)
            self.bars.append(bar)
        return self.bars[index]

    def update_results(self, results) -> None:
        by_service = results.saving.sum(axis=0)  # [T, S]
        years = np.arange(1, by_service.shape[0] + 1, dtype=float)
        self.service_names = [service.name for service in results.scenario.services]
        # Savings stack up from £0 and extra use (negative savings) stacks down from it.
        above, below = np.zeros(years.size), np.zeros(years.size)
        for s in range(len(self.service_names)):
            heights = by_service[:, s].copy()
            bar = self._bar(s)
            bar.setOpts(x=years, height=heights, y0=np.where(heights >= 0, above, below), width=self.BAR_WIDTH)
            bar.setVisible(True)
            above, below = above + np.clip(heights, 0, None), below + np.clip(heights, None, 0)
        for bar in self.bars[len(self.service_names):]:
            bar.setOpts(x=[], height=[], y0=[])
            bar.setVisible(False)
        self.set_legend([(series_colour(s), name, BOX) for s, name in enumerate(self.service_names)])
        self.set_year_ticks(years.size)
        self.plot.setXRange(0.4, years.size + 0.6, padding=0)
        self._fit_y(by_service)
        settings = results.scenario.settings
        total = savings_phrase(by_service.sum(), what="total NHS savings")
        self.set_note(f"Over {settings.horizon_years} years: {total}. "
                      + MONEY_NOTE.format(price_year=settings.price_year))
        self.show_plot()

    def _fit_y(self, by_service: np.ndarray) -> None:
        top = max(float(np.clip(by_service, 0, None).sum(axis=1).max(initial=0.0)), 0.0)
        low = min(float(np.clip(by_service, None, 0).sum(axis=1).min(initial=0.0)), 0.0)
        if top - low < MIN_MONEY_SPAN:  # nothing saved: an axis of readable round pounds, not "£0 £0 £1"
            top = low + MIN_MONEY_SPAN
        self.plot.setYRange(low, top, padding=0.04)
        self.fit_money_axis([low, top])

    def clear(self) -> None:
        for bar in self.bars:
            bar.setOpts(x=[], height=[], y0=[])
            bar.setVisible(False)
        self.service_names = []
        self.set_legend([])
        self.set_note("")
        self.show_placeholder("Results will appear here once the inputs are valid.")

    def heights(self) -> np.ndarray:
        """Bar heights drawn, [T, S] £ (empty when cleared)."""
        if not self.service_names:
            return np.zeros((0, 0))
        return np.column_stack([np.asarray(self.bars[s].opts["height"]) for s in range(len(self.service_names))])

    def table(self):
        headers = ["Year"] + [f"{name} (£)" for name in self.service_names] + ["Total (£)"]
        heights = self.heights()
        rows = [[t + 1, *map(float, row), float(row.sum())] for t, row in enumerate(heights)]
        return headers, rows

