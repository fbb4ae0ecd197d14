"""Undo and redo, and the File menu: save, open, bad files, unsaved changes, recent files."""

from __future__ import annotations

import json

import pytest

from PySide6.QtGui import QAction

from rtv_desktop.core import default_scenario
from rtv_desktop.io import load_scenario
from rtv_desktop.ui.widgets.fields import NumberEdit


def test_undo_and_redo_edits(qtbot, window):
    spin = window.findChild(NumberEdit, "area.population")
    undo, redo = window.findChild(QAction, "action.undo"), window.findChild(QAction, "action.redo")
    assert not undo.isEnabled()
    spin.setValue(400_000)
    spin.setValue(450_000)  # same field, typed on: one undo step
    window.findChild(NumberEdit, "area.ltc_share").setValue(40.0)
    undo.trigger()
    assert window.session.scenario.area.ltc_share == 0.55
    undo.trigger()
    assert window.session.scenario == default_scenario()
    assert spin.value() == 1_000_000 and not undo.isEnabled() and not window.session.dirty
    redo.trigger()
    assert window.session.scenario.area.population == 450_000
    assert spin.value() == 450_000
    assert "Ctrl+Z" in [s.toString() for s in undo.shortcuts()]
    assert "Ctrl+Y" in [s.toString() for s in redo.shortcuts()]


def test_save_then_open_round_trip(qtbot, window, tmp_path):
    window.findChild(NumberEdit, "area.population").setValue(333_333)
    assert window.session.dirty and window.isWindowModified()
    path = tmp_path / "mine.json"
    assert window.documents.save_to(path)
    assert not window.session.dirty and not window.isWindowModified()
    assert "mine.json" in window.windowTitle()
    saved = window.session.scenario
    assert load_scenario(path) == saved
    window.findChild(QAction, "action.new").trigger()
    assert window.session.scenario.interventions == ()
    assert window.documents.open_path(path)
    assert window.session.scenario == saved
    assert window.findChild(NumberEdit, "area.population").value() == 333_333
    assert str(path.resolve()) == window.documents.recent_files()[0]
    assert window.documents.recent_menu.actions()[0].objectName() == "action.recent_1"


def test_a_bad_file_shows_the_error_and_keeps_the_scenario(qtbot, window, tmp_path):
    window.findChild(NumberEdit, "area.population").setValue(222_222)
    before = window.session.scenario
    bad = tmp_path / "broken.json"
    bad.write_text("{ not json", encoding="utf-8")
    assert not window.documents.open_path(bad, confirm=False)
    box = window.documents.last_error
    assert box.objectName() == "dialog.error" and box.isVisible()
    assert "broken.json" in box.text() and "not valid JSON" in box.text()
    assert window.session.scenario == before and window.session.dirty
    box.close()


def test_out_of_range_values_in_a_file_open_and_are_all_listed(qtbot, window, tmp_path):
    data = default_scenario().to_dict()
    data["area"]["population"] = -5
    data["settings"]["horizon_years"] = 40
    bad = tmp_path / "range.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert window.documents.open_path(bad, confirm=False)  # saved part way through fixing: it reopens
    assert window.session.scenario.settings.horizon_years == 40
    fields = {issue.field for issue in window.session.issues if issue.severity == "error"}
    assert {"area.population", "settings.horizon_years"} <= fields
    assert window.findChild(NumberEdit, "settings.horizon_years").property("invalid") == "error"
    assert window.results_page.is_stale


def test_a_scenario_saved_with_a_value_out_of_range_reopens(qtbot, window, tmp_path):
    window.findChild(NumberEdit, "settings.horizon_years").setValue(40)
    path = tmp_path / "work in progress.json"
    assert window.documents.save_to(path)
    window.documents.new_document()
    assert window.documents.open_path(path, confirm=False)
    assert window.findChild(NumberEdit, "settings.horizon_years").text() == "40 years"


def test_save_failure_is_reported_and_nothing_changes(qtbot, window, tmp_path):
    window.findChild(NumberEdit, "area.population").setValue(111_111)
    missing_folder = tmp_path / "no such folder" / "x.json"
    assert not window.documents.save_to(missing_folder)
    assert "Could not save" in window.documents.last_error.text()
    assert window.session.dirty and window.session.path is None
    window.documents.last_error.close()


def test_unsaved_changes_can_cancel_new(qtbot, window):
    window.findChild(NumberEdit, "area.population").setValue(123_000)
    window.documents.ask_save_changes = lambda: "cancel"
    window.findChild(QAction, "action.new").trigger()
    assert window.session.scenario.area.population == 123_000
    assert not window.close()
    window.documents.ask_save_changes = lambda: "discard"


def test_export_writes_a_workbook_that_reads_back(qtbot, window, tmp_path):
    pytest.importorskip("rtv_desktop.io.workbook.write")
    pytest.importorskip("rtv_desktop.io.workbook.read.reader")
    window.findChild(NumberEdit, "area.population").setValue(654_321)
    qtbot.waitUntil(lambda: window.session.results is not None, timeout=10_000)
    target = tmp_path / "export.xlsx"
    assert window.documents.export_to(target)
    assert load_scenario(target) == window.session.scenario
    assert window.session.path is None and window.session.dirty  # exporting is not saving


def test_save_as_workbook_then_open(qtbot, window, tmp_path):
    pytest.importorskip("rtv_desktop.io.workbook.read.reader")
    window.findChild(NumberEdit, "area.ltc_share").setValue(35.0)
    path = tmp_path / "mine.xlsx"
    assert window.documents.save_to(path)
    saved = window.session.scenario
    window.documents.new_document()
    assert window.documents.open_path(path)
    assert window.session.scenario == saved


def test_undo_menu_names_the_step(window):
    window.findChild(NumberEdit, "settings.wellby_value.low").setValue(11_000)
    assert window.findChild(QAction, "action.undo").text() == "&Undo edit wellby value (low)"


def _edit_workbook_population(path, population) -> None:
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet_name, cell = next(iter(book.defined_names["area_population"].destinations))
    book[sheet_name][cell.replace("$", "")] = population
    book.save(path)


def test_a_workbook_edited_in_excel_opens_only_after_its_changes_are_accepted(qtbot, window, tmp_path):
    pytest.importorskip("rtv_desktop.io.workbook.read.reader")
    path = tmp_path / "shared.xlsx"
    assert window.documents.export_to(path)
    _edit_workbook_population(path, 250_000)
    reviewed = []
    window.documents.review_changes = lambda changes: reviewed.append(changes) or False
    before = window.session.scenario
    assert not window.documents.open_path(path)
    assert window.session.scenario == before
    assert [c.field for c in reviewed[0]] == ["Population (all ages)"]  # in the words of the screen
    window.documents.review_changes = lambda changes: True
    assert window.documents.open_path(path)
    assert window.session.scenario.area.population == 250_000
    assert window.session.origin == path and window.session.path is None and not window.session.dirty
