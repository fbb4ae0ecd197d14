"""Formulas the app wrote and someone replaced in Excel are reported, never silently recomputed."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from rtv_desktop import cli
from rtv_desktop.core import Document, default_scenario, run
from rtv_desktop.io.workbook.read.reader import read_workbook
from rtv_desktop.io.workbook.write import write_workbook

from .libreoffice import recalculate, requires_libreoffice


@pytest.fixture
def exported(tmp_path) -> Path:
    path = tmp_path / "exported.xlsx"
    write_workbook(Document.from_scenario(default_scenario()), path, results=run(default_scenario()))
    return path


def _type_over(path: Path, edits: dict[tuple[str, str], object]) -> None:
    book = openpyxl.load_workbook(path)
    for (sheet, cell), value in edits.items():
        book[sheet][cell] = value
    book.save(path)


def _calc_reach_cell(path: Path, sheet: str) -> tuple[str, str]:
    """The cell of ``sheet`` that reads the intervention's reach, and the Interventions column of reach."""
    book = openpyxl.load_workbook(path)
    column = next(c.column_letter for c in book["Interventions"][5] if c.value == "reach")
    cell = next(row[1].coordinate for row in book[sheet].iter_rows(max_col=2)
                if str(row[1].value).startswith(f"=INDEX(Interventions!${column}$"))
    return cell, column


def test_typed_values_over_formulas_are_warnings_in_check(exported, capsys):
    # Results!C6 is option 1's present value of cost; 'Calc 1.3'!A1 the third calculation sheet's title.
    reach, column = _calc_reach_cell(exported, "Calc 1.3")
    _type_over(exported, {("Results", "C6"): 999, ("Calc 1.3", "A1"): 123456, ("Calc 1.3", reach): 0.5})
    assert cli.main(["check", str(exported)]) == 0
    out = capsys.readouterr().out
    assert "No problems found" not in out
    results = next(line for line in out.splitlines() if "sheet 'Results', cell C6" in line)
    title = next(line for line in out.splitlines() if "sheet 'Calc 1.3', cell A1" in line)
    calc = next(line for line in out.splitlines() if f"sheet 'Calc 1.3', cell {reach}" in line)
    assert results.startswith("Warning:") and "999" in results and "recomputes" in results
    assert "Interventions" in results  # where to change the inputs instead
    assert "123456" in title and "Options, Interventions sheets" in title  # its name and its option's name
    # The sheet reads its own row (the third) of the Interventions table, wherever that row is.
    assert "0.5" in calc and f"change Interventions!{column}8." in calc


def test_the_import_lists_each_override_and_a_cleared_formula(exported):
    _type_over(exported, {("Results", "C6"): 999, ("Checks", "B5"): None})
    imported = read_workbook(exported)
    assert [p.field for p in imported.overrides] == ["Results!C6", "Checks!B5"]
    assert "is empty" in imported.overrides[1].message and "Area!" in imported.overrides[1].message
    assert imported.scenario == default_scenario()  # the inputs are what counts


def test_an_untouched_workbook_has_no_overrides(exported):
    assert read_workbook(exported).overrides == []


@pytest.mark.libreoffice
@requires_libreoffice
def test_a_workbook_saved_again_by_a_spreadsheet_has_no_false_overrides(exported, tmp_path):
    resaved, = recalculate([exported], tmp_path / "resaved")
    assert read_workbook(resaved).overrides == []
