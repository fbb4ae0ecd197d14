"""Intervention mix: a prompt when there are none, and several rows removed or duplicated at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton, QTableView, QWidget


def test_removing_every_intervention_shows_how_to_add_one(qtbot, window):
    page = window.interventions_page
    window.show()
    window.pages.setCurrentWidget(page)
    page.view.selectAll()
    page.remove()
    assert window.session.scenario.interventions == ()
    prompt = window.findChild(QWidget, "interventions.empty")
    assert prompt.isVisible() and not page.editor.isVisible()
    assert window.findChild(QPushButton, "interventions.add_first").isVisible()
    page.add("peer_support")
    assert page.editor.isVisible() and not prompt.isVisible()


def test_ctrl_click_selects_several_rows_to_remove(qtbot, window):
    page = window.interventions_page
    window.show()
    window.pages.setCurrentWidget(page)
    view = window.findChild(QTableView, "interventions.table")
    names = [iv.name for iv in window.session.scenario.interventions]
    for row, modifier in ((1, Qt.KeyboardModifier.NoModifier), (3, Qt.KeyboardModifier.ControlModifier)):
        rect = view.visualRect(view.model().index(row, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert page.selected_rows == [1, 3]
    assert page.buttons["remove"].text() == "Re&move 2"
    page.buttons["remove"].click()
    assert [iv.name for iv in window.session.scenario.interventions] == [n for k, n in enumerate(names) if k not in (1, 3)]
    window.session.undo()
    assert [iv.name for iv in window.session.scenario.interventions] == names  # one undo step


def test_shift_click_and_duplicate_copy_each_selected_row(qtbot, window):
    page = window.interventions_page
    window.show()
    window.pages.setCurrentWidget(page)
    view = page.view
    names = [iv.name for iv in window.session.scenario.interventions]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.visualRect(view.model().index(0, 0)).center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     view.visualRect(view.model().index(1, 0)).center())
    page.duplicate()
    after = [iv.name for iv in window.session.scenario.interventions]
    assert after[:4] == [names[0], f"{names[0]} (copy)", names[1], f"{names[1]} (copy)"]
    assert page.selected_rows == [1, 3]


def test_ctrl_a_selects_every_row(qtbot, window):
    page = window.interventions_page
    window.show()
    window.pages.setCurrentWidget(page)
    page.view.setFocus()
    qtbot.keySequence(page.view, QKeySequence.StandardKey.SelectAll)
    assert page.selected_rows == list(range(len(window.session.scenario.interventions)))


def test_custom_group_size_is_editable_only_for_a_custom_group(window):
    page = window.interventions_page
    size = window.findChild(QWidget, "interventions.selected.custom_size")
    page.select(0)
    assert window.session.scenario.interventions[0].target_group != "custom" and not size.isEnabled()
    group = window.findChild(QWidget, "interventions.selected.target_group")
    group.setCurrentIndex(group.findData("custom"))
    assert window.session.scenario.interventions[0].target_group == "custom" and size.isEnabled()
