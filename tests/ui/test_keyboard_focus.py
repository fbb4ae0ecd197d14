"""Every focusable control shows where keyboard focus is (WCAG 2.2, 2.4.7 Focus Visible)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QComboBox, QLineEdit, QListWidget, QMenuBar, QPushButton, QTableView,
                               QToolButton, QWidget)

CONTROLS = [
    (QToolButton, "headline.simulate"), (QToolButton, "interventions.add"), (QPushButton, "interventions.duplicate"),
    (QToolButton, "services.add"), (QPushButton, "services.remove"), (QPushButton, "area.import"),
    (QToolButton, "chart.cumulative.export"), (QComboBox, "chart.histogram.metric"),
    (QComboBox, "interventions.selected.approach"), (QLineEdit, "area.population"), (QLineEdit, "area.search"),
    (QTableView, "interventions.table"), (QTableView, "services.table"), (QTableView, "baseline_use.table"),
    (QTableView, "interventions.selected.effect"),
]


def _settle():
    for _ in range(5):
        QApplication.processEvents()


def _looks(widget: QWidget, focused: bool):
    if focused:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
    else:
        widget.window().findChild(QMenuBar).setFocus(Qt.FocusReason.TabFocusReason)  # focus elsewhere
    _settle()
    holder = QApplication.focusWidget()
    assert (holder is widget or widget.isAncestorOf(holder)) == focused, widget.objectName()
    return widget.grab().toImage()


def _show(window, widget):
    window.show()
    window.activateWindow()
    page = widget
    while page is not None and page.parentWidget() is not window.pages.findChild(QWidget, "qt_tabwidget_stackedwidget"):
        page = page.parentWidget()
    if page is not None:
        window.pages.setCurrentWidget(page)
    for tabs in (window.results_page.tabs,):
        for index in range(tabs.count()):
            if tabs.widget(index).isAncestorOf(widget):
                tabs.setCurrentIndex(index)
    _settle()


def test_every_kind_of_control_looks_different_with_keyboard_focus(window):
    for chart in window.results_page.charts.names():
        window.results_page.chart(chart)  # a tab builds its charts when first shown
    unchanged = []
    for kind, name in CONTROLS:
        widget = window.findChild(kind, name)
        assert widget is not None, name
        _show(window, widget)
        if _looks(widget, False) == _looks(widget, True):
            unchanged.append(name)
    assert unchanged == []


def test_tab_bars_and_the_problem_list_show_focus(window):
    window.show()
    window.activateWindow()
    unchanged = []
    bars = [window.pages.tabBar(), window.results_page.tabs.tabBar()]
    for bar in bars:
        if _looks(bar, False) == _looks(bar, True):
            unchanged.append(bar.parentWidget().objectName())
    window.session.set_entry_problem("area.population", "'x' is not a number: type a number")
    issues = window.findChild(QListWidget, "issues.list")
    _settle()
    if _looks(issues, False) == _looks(issues, True):
        unchanged.append("issues.list")
    assert unchanged == []
