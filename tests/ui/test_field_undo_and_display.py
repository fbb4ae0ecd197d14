"""Ctrl+Z in any field reaches Undo; numbers read in show their kind's decimals (the exact value kept);
a number typed plainly is written the field's way on leaving it, its value unchanged."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from rtv_desktop.ui.widgets.fields import KINDS, NumberEdit, display_number


def _fields(window):
    return {w.objectName(): w for w in window.findChildren(QLineEdit)}


def _focus(qtbot, window, field):
    window.pages.setCurrentWidget(window.area_page)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)


def test_ctrl_z_in_a_field_with_nothing_of_its_own_to_undo_undoes_the_document(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    fields = _fields(window)
    adults, older = fields["area.adult_share"], fields["area.over65_share"]
    before = window.session.document.area.adult_share
    _focus(qtbot, window, adults)
    adults.selectAll()
    qtbot.keyClicks(adults, "150")
    qtbot.keyClick(adults, Qt.Key.Key_Tab)
    assert window.session.document.area.adult_share == 1.5 and adults.property("invalid") == "error"  # outlined red
    assert window.focusWidget() is older  # a field just shown: nothing typed in it to undo
    qtbot.keyClick(older, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.area.adult_share == before and adults.text() == "79.2%"
    qtbot.keyClick(older, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.area.adult_share == 1.5


def test_a_field_still_undoes_its_own_typing_first(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    population = _fields(window)["area.population"]
    _focus(qtbot, window, population)
    population.end(False)
    qtbot.keyClicks(population, "9")
    assert population.isUndoAvailable()
    qtbot.keyClick(population, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not population.text().endswith("9")
    population.selectAll()
    qtbot.keyClicks(population, "12000")
    qtbot.keyClick(population, Qt.Key.Key_Tab)
    assert population.text() == "12,000" and window.session.document.area.population == 12000


def test_shares_read_in_show_the_kinds_decimals_and_keep_the_exact_value(window, qtbot):
    session = window.session
    area = replace(session.document.area, adult_share=0.77232133)
    session.set_document(replace(session.document, area=area), "Area from a table")
    adults = _fields(window)["area.adult_share"]
    assert adults.text() == "77.2%"
    assert adults.model_value() == 0.77232133  # shown rounded, never changed
    assert session.document.area.adult_share == 0.77232133


@pytest.mark.parametrize("kind, value, shown", [
    ("fraction", 0.77232133, "77.2%"), ("fraction", 0.1235, "12.35%"), ("fraction", 0.12345, "12.345%"),
    ("fraction", 0.0000123456, "0.001235%"), ("money", 1250.123456, "£1,250"), ("money", 1250.5, "£1,250.5"),
    ("persons", 12000, "12,000"), ("fraction", 0.5, "50.0%"),
])
def test_display_to_the_kinds_decimals_unless_two_more_make_it_exact(kind, value, shown):
    assert display_number(value, KINDS[kind]) == shown


def test_a_plain_number_is_written_with_separators_on_leaving_the_field(qtbot):
    edit = NumberEdit("persons")
    qtbot.addWidget(edit)
    edited = []
    edit.textChanged.connect(edited.append)
    edit.show()
    edit.setFocus()
    qtbot.keyClicks(edit, "12000")
    edited.clear()
    edit.editingFinished.emit()  # as Tab or Enter send
    assert edit.text() == "12,000" and edit.model_value() == 12000
    assert edited == []  # the value did not change, so nothing is edited
    for typed, tidy in (("12.34567", "12.34567%"), ("abc", "abc")):
        share = NumberEdit("fraction")
        qtbot.addWidget(share)
        share.show()
        share.setFocus()
        qtbot.keyClicks(share, typed)
        share.editingFinished.emit()
        assert share.text() == tidy  # every digit typed kept; text that is not a number left as typed
