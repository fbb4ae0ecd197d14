"""The Comparison, Value and All areas views on small laptop screens: 1024x600, and 1366x768 at
150% scaling (911x512 logical pixels). They scroll rather than cut anything off, and no legend
sits on the data."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QWidget

from rtv_desktop.core import simulate

from .option_documents import three_options

SIZES = [(1024, 600), (911, 512)]


def _settle():
    for _ in range(5):
        QApplication.processEvents()


def _inside(widget: QWidget, page: QWidget) -> bool:
    """True when ``widget`` lies wholly within ``page``'s width (nothing cut off at the right)."""
    left = widget.mapTo(page, widget.rect().topLeft()).x()
    return left >= 0 and left + widget.width() <= page.width()


@pytest.fixture
def window(make_window):
    window = make_window(three_options())
    window.session.set_simulation(simulate(window.session.document, iterations=300, seed=1))
    window.show()
    return window


@pytest.mark.parametrize("size", SIZES)
def test_the_comparison_page_scrolls_and_shows_every_row(window, size):
    window.resize(*size)
    window.pages.setCurrentWidget(window.comparison_page)
    _settle()
    page = window.comparison_page
    assert isinstance(page, QScrollArea) and page.widgetResizable()
    assert page.verticalScrollBar().maximum() > 0  # taller than the window: it scrolls
    table = page.table
    needed = sum(table.rowHeight(r) for r in range(page.model.rowCount()))
    assert table.viewport().height() >= needed  # no row hidden behind an inner scroll bar
    for chart in map(page.chart, page.charts.names()):
        assert chart.plot_widget.height() >= 120, chart.name
        assert _inside(chart, page.widget())
    assert _inside(page.copy_button, page.widget())


@pytest.mark.parametrize("size", SIZES)
def test_the_value_tab_keeps_its_charts_readable(window, size):
    window.resize(*size)
    window.pages.setCurrentWidget(window.results_page)
    window.results_page.tabs.setCurrentIndex(1)
    _settle()
    tab = window.results_page.tabs.currentWidget().ensure_built()
    assert tab.mode != "fit"  # four charts and a table do not fit: the tab scrolls
    for chart, *_ in tab.cells:
        assert chart.plot_widget.height() >= 120, chart.name
    flows = window.results_page.party_flows.table
    needed = sum(flows.rowHeight(r) for r in range(flows.model().rowCount()))
    assert flows.viewport().height() >= needed


@pytest.mark.parametrize("size", SIZES)
def test_the_all_areas_controls_fit(qtbot, window, size):
    window.resize(*size)
    with qtbot.waitSignal(window.runner.areasReady, timeout=20_000):
        window.pages.setCurrentWidget(window.areas_page)
    _settle()
    page = window.areas_page
    for name in ("areas.level", "areas.draws", "areas.run", "areas.option", "areas.scale", "areas.figure",
                 "areas.export"):
        widget = page.findChild(QWidget, name)
        assert widget.isVisibleTo(page) and _inside(widget, page), name
    assert page.findChild(QPushButton, "areas.export").isEnabled()
    assert page.table.viewport().height() >= 3 * 24  # several areas in view at once


def test_no_legend_is_drawn_on_the_data(window):
    charts = [*map(window.comparison_page.chart, window.comparison_page.charts.names()), window.results_page.chart("value_by_grade"),
              window.results_page.chart("who_pays"), window.areas_page.chart]
    for chart in charts:
        items = chart.plot.items + chart.plot.scene().items()
        assert not any(isinstance(item, pg.LegendItem) for item in items), chart.name
    options = window.comparison_page.chart("options")
    assert [label for _colour, label, _swatch in options.legend_entries] == ["Net fiscal value", "Net social value"]
    assert options.legend_label.isVisibleTo(options)
