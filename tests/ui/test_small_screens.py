"""NHS laptops: 1366x768 at 125-150% scaling is about 1093x614 or 911x512 logical pixels.

The window fits such a screen, every page is usable there (scrolling rather than cutting
anything off), charts keep a readable height and no legend sits on the data.
"""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from rtv_desktop.core import blank_scenario
from rtv_desktop.ui.charts.grid import FIT


def _settle():
    for _ in range(5):
        QApplication.processEvents()


def test_the_window_fits_a_small_laptop_screen(window):
    hint = window.minimumSizeHint()
    assert hint.width() <= 911 and hint.height() <= 512, hint
    window.show()
    window.resize(911, 512)
    _settle()
    assert (window.width(), window.height()) == (911, 512)


@pytest.mark.parametrize("size", [(1024, 600), (911, 512)])
def test_every_page_scrolls_rather_than_cutting_off(window, size):
    window.show()
    window.resize(*size)
    _settle()
    for page in (window.area_page, window.assumptions_page):
        assert isinstance(page, QScrollArea) and page.widgetResizable()
    editor_scroll = window.interventions_page.editor.parentWidget().parentWidget()
    assert isinstance(editor_scroll, QScrollArea)
    results = window.results_page
    for index in range(results.tabs.count()):
        results.tabs.setCurrentIndex(index)
        _settle()
        tab = results.tabs.currentWidget().ensure_built()
        for chart, *_ in tab.cells:
            # Squeezed below a readable height only if the tab scrolls instead.
            assert chart.plot_widget.height() >= 120 or tab.mode != FIT, chart.name


def test_at_1024_by_600_the_savings_charts_sit_side_by_side_and_fit(window):
    window.show()
    window.resize(1024, 600)
    _settle()
    tab = window.results_page.tabs.widget(0).ensure_built()
    assert tab.mode == FIT
    heights = [chart.plot_widget.height() for chart, *_ in tab.cells]
    assert min(heights) >= 150, heights


def test_no_legend_is_drawn_on_the_data(window):
    window.session  # the default scenario: every chart with a legend has entries
    for chart in map(window.results_page.chart, window.results_page.charts.names()):
        items = chart.plot.items + chart.plot.scene().items()
        assert not any(isinstance(item, pg.LegendItem) for item in items), chart.name
    savings = window.results_page.chart("savings_by_service")
    names = [s.name for s in window.session.scenario.services]
    assert [label for _colour, label, _swatch in savings.legend_entries] == names
    assert savings.legend_label.isVisibleTo(savings)


def test_nothing_spent_has_no_payback_and_readable_money_axes(make_window):
    window = make_window(blank_scenario())
    card = window.results_page.kpis.cards["payback_year"]
    assert card.value_label.text() == "None: nothing spent"
    cumulative = window.results_page.chart("cumulative")
    assert len(cumulative.payback_marker.data) == 0 and cumulative.payback_text.toPlainText() == ""
    assert "Payback: none, nothing spent" in cumulative.note_label.text()
    for name in ("cumulative", "savings_by_service"):
        axis = window.results_page.chart(name).plot.getAxis("left")
        low, high = window.results_page.chart(name).plot.viewRange()[1]
        labels = [text for spacing, values in axis.tickValues(low, high, 300)
                  for text in axis.tickStrings(values, 1.0, spacing)]
        assert len(labels) >= 2 and len(set(labels)) == len(labels), (name, labels)


def test_switching_pages_never_leaves_the_page_tabs_cut_off(window):
    window.show()
    window.resize(1024, 600)
    window.pages.setCurrentIndex(0)
    _settle()
    population = window.area_page.binder.widgets["area.population"]
    population.selectAll()
    population.insert("12a")  # the problem list appears below the pages
    bar = window.pages.tabBar()
    for index in (1, 2, 3, 0):
        window.pages.setCurrentIndex(index)
        _settle()
        assert bar.width() >= bar.sizeHint().width(), index
