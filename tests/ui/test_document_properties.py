"""File > Document properties: name, author, notes and the decision, applied as one undoable step."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit

from rtv_desktop.core import Option, default_document
from rtv_desktop.ui.widgets.fields import NumberEdit, TextEdit


def _open(window):
    window.findChild(QAction, "action.document_properties").trigger()
    dialog = window.properties_dialog
    assert dialog.isVisible() and dialog.windowModality() != Qt.WindowModality.NonModal
    return dialog


def _type(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def _button(dialog, which):
    return dialog.findChild(QDialogButtonBox, "properties.buttons").button(which)


def test_ok_applies_four_fields_as_one_step_that_one_undo_restores(qtbot, window):
    before = window.session.document
    dialog = _open(window)
    assert dialog.findChild(QLineEdit, "properties.name").text() == before.name
    assert dialog.findChild(QPlainTextEdit, "properties.decision").placeholderText() == "The board is asked to ..."
    _type(qtbot, dialog.findChild(QLineEdit, "properties.name"), "Peer support in Bolton")
    _type(qtbot, dialog.findChild(QLineEdit, "properties.author"), "J. Smith, NHS Greater Manchester")
    _type(qtbot, dialog.findChild(QPlainTextEdit, "properties.decision"), "The board is asked to fund two years.")
    _type(qtbot, dialog.findChild(QPlainTextEdit, "properties.notes"), "Figures agreed with finance.")
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    doc = window.session.document
    assert (doc.name, doc.author, doc.decision, doc.notes) == (
        "Peer support in Bolton", "J. Smith, NHS Greater Manchester", "The board is asked to fund two years.",
        "Figures agreed with finance.")
    assert doc == replace(before, name=doc.name, author=doc.author, decision=doc.decision, notes=doc.notes)
    assert "Peer support in Bolton" in window.windowTitle() and window.session.dirty
    undo = window.findChild(QAction, "action.undo")
    assert undo.text().replace("&", "") == "Undo edit document properties"
    undo.trigger()
    assert window.session.document == before and not window.session.dirty
    assert "Example: six approaches, England-average area" in window.windowTitle()


def test_cancel_changes_nothing(qtbot, window):
    before = window.session.document
    dialog = _open(window)
    _type(qtbot, dialog.findChild(QLineEdit, "properties.author"), "Someone")
    _type(qtbot, dialog.findChild(QPlainTextEdit, "properties.decision"), "The board is asked to note.")
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.session.document == before and not window.session.dirty
    assert not window.findChild(QAction, "action.undo").isEnabled()


def test_ok_without_changes_adds_no_undo_step(qtbot, window):
    dialog = _open(window)
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not window.session.dirty and not window.findChild(QAction, "action.undo").isEnabled()


def test_the_window_is_titled_from_the_area_and_options_until_a_name_is_typed(qtbot, window):
    doc = window.session.document
    mine = replace(doc, area=replace(doc.area, area_name="Greater Manchester"),
                   options=(Option("Social prescribing"), Option("Peer support")))
    window.session.set_document(mine, "Edit")
    assert "Greater Manchester: Social prescribing and Peer support" in window.windowTitle()
    assert "Example" not in window.windowTitle()
    dialog = _open(window)
    name = dialog.findChild(QLineEdit, "properties.name")
    # The example's name is no longer this document's: the field is blank, the title its placeholder.
    assert name.text() == "" and name.placeholderText() == "Greater Manchester: Social prescribing and Peer support"
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert window.session.document == mine
    dialog = _open(window)
    _type(qtbot, dialog.findChild(QLineEdit, "properties.name"), "Bolton business case")
    dialog.accept()
    assert window.windowTitle().split(" - ")[1] == "Bolton business case"


def test_start_year_and_inflation_are_typed_on_the_assumptions_page(qtbot, window):
    start = window.findChild(TextEdit, "settings.start_year")
    rate = window.findChild(NumberEdit, "settings.inflation_rate")
    source = window.findChild(TextEdit, "settings.inflation_source")
    assert start.text() == default_document().settings.start_year
    start.setFocus()
    start.selectAll()
    qtbot.keyClicks(start, "2026/27")
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    rate.setValue(2.0)
    source.setFocus()
    qtbot.keyClicks(source, "OBR March 2026")
    qtbot.keyClick(source, Qt.Key.Key_Tab)
    settings = window.session.document.settings
    assert (settings.start_year, settings.inflation_rate, settings.inflation_source) == ("2026/27", 0.02,
                                                                                         "OBR March 2026")


def test_a_start_year_not_written_as_a_financial_year_is_an_issue_naming_the_field(qtbot, window):
    start = window.findChild(TextEdit, "settings.start_year")
    start.setFocus()
    start.selectAll()
    qtbot.keyClicks(start, "2026-27")
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    found = [issue for issue in window.session.issues if issue.field == "settings.start_year"]
    assert len(found) == 1 and found[0].severity == "error"
    assert "First delivery year" in str(found[0]) and "such as 2026/27" in str(found[0])
