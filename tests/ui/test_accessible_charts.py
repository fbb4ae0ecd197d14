"""Every control of the six pages has a name a screen reader can say; every chart names and
describes itself, gives its figures from the keyboard ("Show as table") and leaves the mouse
wheel to the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar, QTabWidget, QWidget

from rtv_desktop.core import default_scenario, run, tornado
from rtv_desktop.ui.charts.base import ChartPanel
from rtv_desktop.ui.charts.figures_table import cell_text
from rtv_desktop.ui.pages.results import ResultsPage


def _focusable_in_chain(window):
    """The widgets Tab reaches on the page shown (visible, enabled, taking Tab focus)."""
    widget = window.nextInFocusChain()
    while widget is not window:
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus \
                and window.pages.isAncestorOf(widget):
            yield widget
        widget = widget.nextInFocusChain()


def _said(widget, buddies) -> str:
    """What a screen reader says for ``widget``: its accessible name, its text, its label's, its tabs'."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QTabBar):
        return ", ".join(widget.tabText(k) for k in range(widget.count()))
    if isinstance(widget, QTabWidget):
        return ", ".join(widget.tabText(k) for k in range(widget.count()))
    return buddies.get(id(widget), "")


def test_every_focusable_control_of_the_six_pages_has_a_name(window, qtbot):
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    found = {}
    for index in range(window.pages.count()):
        window.pages.setCurrentIndex(index)
        QApplication.processEvents()
        found.update({id(w): w for w in _focusable_in_chain(window)})
        for tabs in window.pages.widget(index).findChildren(QTabWidget):  # every view of the page
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                QApplication.processEvents()
                found.update({id(w): w for w in _focusable_in_chain(window)})
    buddies = {id(label.buddy()): label.text() for label in window.findChildren(QLabel) if label.buddy()}
    unnamed = [f"{type(w).__name__} {w.objectName()!r} in {w.parent().objectName()!r}"
               for w in found.values() if not _said(w, buddies).strip()]
    charts = [w for w in found.values() if isinstance(w.parent(), QWidget) and w.parent().objectName().startswith(
        "chart.") and w.accessibleName().startswith("Chart: ")]
    assert len(found) > 100 and len(charts) >= 10  # the walk reached the charts of every tab
    assert unnamed == []


@pytest.fixture
def page(qtbot):
    page = ResultsPage()
    qtbot.addWidget(page)
    scenario = default_scenario()
    page.show_results(run(scenario))
    page.show_tornado(tornado(scenario))
    return page


def test_a_chart_is_named_after_its_title_and_described_by_its_note(page):
    chart: ChartPanel = page.chart("tornado")
    chart.set_metric("npv_fiscal")
    for widget in (chart, chart.plot_widget, chart.plot_widget.viewport()):
        assert widget.accessibleName() == "Chart: What matters most: net fiscal value"
        assert "Show as table" in widget.accessibleDescription()
    empty = page.chart("histogram")  # no simulation yet: it says what to do instead
    assert empty.showing_placeholder and empty.plot_widget.accessibleDescription() == empty.placeholder_label.text()


def test_show_as_table_lists_the_charts_rows(page, qtbot):
    chart = page.chart("tornado")
    menu = [action.objectName() for action in chart.export_button.menu().actions()]
    assert "chart.tornado.show_table" in menu
    chart.actions_by_key["show_table"].trigger()
    dialog = chart._table_dialog
    qtbot.waitExposed(dialog)
    headers, rows = chart.table()
    model = dialog.view.model()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == headers
    assert model.rowCount() == len(rows) > 1
    shown = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert shown == [[cell_text(value) for value in row] for row in rows]
    assert shown[0][0] == rows[0][0]  # the input's label, as the chart draws it
    assert dialog.view.accessibleName() == f"Figures of the chart: {chart.title_label.text()}"
    dialog.close()


def test_cell_text_rounds_for_reading():
    assert [cell_text(v) for v in (1_234_567.891, 12.3456, 0.123456, 0.378, 5, None, "text", float("nan"))] == [
        "1,234,568", "12.35", "0.1235", "0.378", "5", "", "text", "not available"]


def test_the_mouse_wheel_over_a_chart_is_left_to_the_page(page, qtbot):
    chart = page.chart("cumulative")
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    view = chart.plot_widget
    centre = QPointF(view.width() / 2, view.height() / 2)
    event = QWheelEvent(centre, view.mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    before = chart.plot.getViewBox().viewRange()
    QApplication.sendEvent(view.viewport(), event)
    assert not event.isAccepted()  # so the scroll area around the chart scrolls
    assert chart.plot.getViewBox().viewRange() == before
