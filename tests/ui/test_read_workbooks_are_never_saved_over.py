"""A workbook someone edited in Excel is read, never written over: Save asks for a new name."""

from __future__ import annotations

import json
from dataclasses import replace

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog

from rtv_desktop.core import Document
from rtv_desktop.io import autosave as auto
from rtv_desktop.io.errors import SaveError


def _edit_in_excel(path) -> None:
    """What a finance team does: change the population and add a sheet of their own."""
    book = openpyxl.load_workbook(path)
    sheet_name, cell = next(iter(book.defined_names["area_population"].destinations))
    book[sheet_name][cell.replace("$", "")] = 250_000
    book.create_sheet("Finance notes")["A1"] = "Checked by finance"
    book.save(path)


@pytest.fixture
def edited_workbook(window, tmp_path):
    path = tmp_path / "shared.xlsx"
    assert window.documents.export_to(path)
    _edit_in_excel(path)
    window.documents.review_changes = lambda changes: True
    assert window.documents.open_path(path, confirm=False)
    return path


@pytest.fixture
def save_dialog(monkeypatch):
    """Answer Save As with the name it proposes, recording what it proposed."""
    asked = []

    def answer(parent, caption, directory, filters, *rest):
        asked.append(directory)
        return directory, filters.split(";;")[-1]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def test_ctrl_s_after_opening_an_edited_workbook_saves_a_new_file_beside_it(window, edited_workbook, save_dialog):
    before = edited_workbook.read_bytes()
    assert window.session.path is None and window.session.origin == edited_workbook
    assert window.documents.save_current()
    assert save_dialog == [str(edited_workbook.with_name("shared (RtV).xlsx"))]
    assert edited_workbook.read_bytes() == before
    assert "Finance notes" in openpyxl.load_workbook(edited_workbook).sheetnames
    assert window.session.path == edited_workbook.with_name("shared (RtV).xlsx")
    assert not edited_workbook.with_name("shared.xlsx.bak").exists()


def test_the_read_workbook_cannot_be_chosen_as_the_save_or_export_target(window, edited_workbook):
    before = edited_workbook.read_bytes()
    assert not window.documents.save_to(edited_workbook)
    assert "never saves over a workbook it read" in window.documents.last_error.text()
    window.documents.last_error.close()
    assert not window.documents.export_to(edited_workbook)
    window.documents.last_error.close()
    assert edited_workbook.read_bytes() == before


def test_the_read_workbook_stays_protected_after_saving_elsewhere(window, edited_workbook, qtbot, tmp_path):
    before = edited_workbook.read_bytes()
    assert window.documents.save_to(tmp_path / "mine.json") and window.session.origin is None
    assert not window.documents.save_to(edited_workbook)
    assert "never saves over a workbook it read" in window.documents.last_error.text()
    window.documents.last_error.close()
    assert not window.documents.export_to(edited_workbook)
    window.documents.last_error.close()
    areas = window.areas_page
    areas.run()
    qtbot.waitUntil(lambda: areas.table_run is not None, timeout=30_000)
    with pytest.raises(SaveError, match="never saves over a workbook it read"):
        areas.export_to(edited_workbook)
    assert edited_workbook.read_bytes() == before


def test_the_title_and_autosave_do_not_treat_the_workbook_as_the_document_file(window, edited_workbook):
    title = window.windowTitle()
    assert title.startswith("Untitled, read from shared.xlsx"), title
    window.session.set_document(replace(window.session.document, notes="edited"))
    written = window.autosave.save_now()
    assert written == auto.autosave_file(None)
    header = json.loads(written.read_text(encoding="ascii"))["autosave"]
    assert header["original_path"] is None


def test_a_recovered_autosave_of_a_workbook_is_not_saved_back_over_it(window, tmp_path):
    workbook = tmp_path / "shared.xlsx"
    window.session.replace_document(Document.from_scenario(window.session.scenario), workbook, saved=False)
    assert window.session.path is None and window.session.origin == workbook


def test_save_as_proposes_a_workbook_named_after_the_scenario_or_area(window, save_dialog, tmp_path):
    window.documents.settings.setValue("recent_files", [str(tmp_path / "other.json")])
    window.area_page.choose_area(next(label for label in window.area_page._records if "Greater Manchester" in label))
    assert window.documents.choose_and_save()
    proposed = save_dialog[0]
    assert proposed.startswith(str(tmp_path)) and "Greater Manchester" in proposed and proposed.endswith(".xlsx")
    assert "Greater Manchester" in window.windowTitle() and "England-average" not in window.windowTitle()


def test_recent_files_show_their_folder(window, tmp_path):
    for folder in ("north", "south"):
        (tmp_path / folder).mkdir()
        window.documents._remember(tmp_path / folder / "scenario.json")
    menu = window.documents.recent_menu
    texts = [action.text() for action in menu.actions()]
    assert "south" in texts[0] and "north" in texts[1]
    assert menu.toolTipsVisible() and menu.actions()[0].toolTip() == str(tmp_path / "south" / "scenario.json")
