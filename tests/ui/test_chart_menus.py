"""Chart menus: the data as CSV, nothing to export from an empty chart, the tornado's two metrics,
and the simulation's draws and seed said once on screen."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from rtv_desktop.core import default_scenario, run, simulate, tornado
from rtv_desktop.ui.charts.uncertainty import TORNADO_ROWS
from rtv_desktop.ui.pages.results import ResultsPage


@pytest.fixture
def page(qtbot):
    page = ResultsPage()
    qtbot.addWidget(page)
    scenario = default_scenario()
    page.show_results(run(scenario))
    page.show_tornado(tornado(scenario))
    return page


def test_the_tornado_offers_net_fiscal_value_too(page):
    chart = page.chart("tornado")
    assert [chart.selector.itemData(k) for k in range(chart.selector.count())] == ["npv_social", "npv_fiscal"]
    chart.set_metric("npv_fiscal")
    scenario = default_scenario()
    expected = sorted(tornado(scenario), key=lambda r: abs(r.npv_fiscal_high - r.npv_fiscal_low), reverse=True)
    expected = expected[:TORNADO_ROWS]
    central = run(scenario).summary["npv_fiscal"]
    np.testing.assert_allclose(chart.swings(), [abs(r.npv_fiscal_high - r.npv_fiscal_low) for r in expected])
    np.testing.assert_allclose(chart.low_bars.opts["width"], [r.npv_fiscal_low - central for r in expected])
    assert chart.central_line.value() == pytest.approx(central)
    assert "net fiscal value" in chart.title_label.text()
    assert chart.table()[0][3] == "Net fiscal value at low (£, PV)"


def test_every_chart_menu_saves_its_data_as_csv(page, tmp_path, monkeypatch):
    target = tmp_path / "tornado data.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), "")))
    chart = page.chart("tornado")
    menu = [action.objectName() for action in chart.export_button.menu().actions()]
    assert "chart.tornado.save_csv" in menu
    chart.actions_by_key["save_csv"].trigger()
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    headers, table = chart.table()
    assert rows[0] == headers and len(rows) - 1 == len(table)


def test_empty_charts_offer_nothing_to_export(page):
    for name in ("histogram", "fan"):
        chart = page.chart(name)
        assert chart.showing_placeholder and not chart.export_button.isEnabled()
    assert page.chart("cumulative").export_button.isEnabled()


def test_draws_and_seed_are_said_once_on_the_uncertainty_tab(window):
    window.show()
    window.session.set_simulation(simulate(window.session.scenario, iterations=500, seed=7))
    window.pages.setCurrentWidget(window.results_page)  # the window may open on the page last used
    window.results_page.tabs.setCurrentIndex(2)
    QApplication.processEvents()
    shown = [label for label in window.findChildren(QLabel) if label.isVisible() and "seed 7" in label.text()]
    assert [label.objectName() for label in shown] == ["results.simulation_info"]
