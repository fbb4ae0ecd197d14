"""Formulas that follow the rows wherever they are (issue 24, item 3).

Each calculation sheet finds its intervention by its key (the Interventions table's Calculation
sheet column) and each option adds up the interventions whose rows hold its number, so moving an
intervention to another option and sorting the table keep every figure equal to what RtV Desktop
computes from the file; a deleted row, a row added without a calculation sheet or with a copied
key turn the workbook's checks red, counted on the Cover, and ``rtv-desktop check`` names the cells.
The workbooks are edited with openpyxl as an analyst would in a spreadsheet, then recalculated by
LibreOffice (one call for the module).
"""

from __future__ import annotations

import re
from copy import copy

import openpyxl
import pytest

from rtv_desktop.cli import EXIT_BAD_INPUT, main
from rtv_desktop.core import compare
from rtv_desktop.io.workbook.read.reader import read_workbook
from rtv_desktop.io.workbook.write import write_workbook

from .libreoffice import recalculate, requires_libreoffice
from .test_workbook_libreoffice import assert_matches_core
from .workbook_cases import named_cell, rich_document

KEY = "calc_sheet"
HEADER_ROW = 5
FOUND = "Every calculation sheet finds its row in the Interventions table (Intervention totals, column D: no #N/A)"
ONCE = "Every calculation sheet is named by one row only (Interventions table, Calculation sheet column)"
HAS_SHEET = "Every intervention row has its calculation sheet (Interventions table, Calculation sheet column)"
HAS_OPTION = ("Every calculation sheet's option number is an option on the Options sheet (Intervention totals, "
              "column C)")


def _columns(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[HEADER_ROW] if c.value}


def _row_of(ws, sheet: str) -> int:
    """The Interventions row whose Calculation sheet cell names ``sheet``."""
    column = _columns(ws)[KEY]
    return next(r for r in range(HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, column).value == sheet)


def _data_rows(ws) -> list[int]:
    column = _columns(ws)["id"]
    return [r for r in range(HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, column).value]


def _edit(source, target, change) -> None:
    wb = openpyxl.load_workbook(source)
    change(wb["Interventions"])
    wb.save(target)


def _move(ws) -> None:
    """Option 3's first intervention (Calc 3.1) moved to option 2."""
    ws.cell(_row_of(ws, "Calc 3.1"), _columns(ws)["option"]).value = 2


def _reverse(ws) -> None:
    """The table sorted in reverse order, every cell of a row kept together (as a spreadsheet sort does)."""
    rows = _data_rows(ws)
    values = [[ws.cell(r, c).value for c in range(1, ws.max_column + 1)] for r in rows]
    for r, row_values in zip(rows, reversed(values)):
        for c, value in enumerate(row_values, start=1):
            ws.cell(r, c).value = value


def _insert_copy(of: str, key) -> callable:
    """A filled copy of ``of``'s row inserted just above it, with a new id and ``key`` (None: no key)."""
    def change(ws) -> None:
        row = _row_of(ws, of)
        ws.insert_rows(row)
        for c in range(1, ws.max_column + 1):
            source, target = ws.cell(row + 1, c), ws.cell(row, c)
            target.value, target._style = source.value, copy(source._style)
        ws.cell(row, _columns(ws)["id"]).value = "copied_row"
        ws.cell(row, _columns(ws)[KEY]).value = key
    return change


def _delete(ws) -> None:
    ws.delete_rows(_row_of(ws, "Calc 3.1"))


def _option_with_no_option(ws) -> None:
    ws.cell(_row_of(ws, "Calc 3.1"), _columns(ws)["option"]).value = 4


EDITS = {"moved": _move, "sorted": _reverse, "inserted_no_key": _insert_copy("Calc 3.2", None),
         "inserted_same_key": _insert_copy("Calc 3.2", "Calc 3.2"), "deleted": _delete,
         "no_such_option": _option_with_no_option}


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("follows")
    source = write_workbook(rich_document(), folder / "export.xlsx")
    for name, change in EDITS.items():
        _edit(source, folder / f"{name}.xlsx", change)
    out = recalculate([folder / f"{name}.xlsx" for name in EDITS], folder / "out")
    return {p.stem: (folder / f"{p.stem}.xlsx", p) for p in out}


def _statuses(path) -> dict[str, tuple[str, str]]:
    """Check label -> (status, status cell)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    return {row[0].value: (row[1].value, row[1].coordinate) for row in wb["Checks"].iter_rows(min_row=5, max_col=2)
            if row[0].value}


def _cover(path) -> list:
    wb = openpyxl.load_workbook(path, data_only=True)
    return [c.value for row in wb["Cover"].iter_rows() for c in row]


@pytest.mark.libreoffice
@requires_libreoffice
@pytest.mark.parametrize("case", ["moved", "sorted"])
def test_moved_and_sorted_rows_are_followed_exactly(books, case):
    edited, recalculated = books[case]
    doc = read_workbook(edited).document  # what RtV Desktop computes from the same file
    wb = openpyxl.load_workbook(recalculated, data_only=True)
    assert_matches_core(wb, doc)
    statuses = _statuses(recalculated)
    assert {status for status, _cell in statuses.values()} == {"OK"}
    assert f"All {len(statuses)} checks pass" in _cover(recalculated)


@pytest.mark.libreoffice
@requires_libreoffice
def test_the_moved_intervention_counts_in_its_new_option(books):
    """Not a no-op: option 2 gains the moved intervention's cost and option 3 loses it."""
    edited, recalculated = books["moved"]
    before, after = compare(rich_document()), compare(read_workbook(edited).document)
    wb = openpyxl.load_workbook(recalculated, data_only=True)
    gained = after.options[1].summary["pv_cost"] - before.options[1].summary["pv_cost"]
    assert gained > 0
    assert before.options[2].summary["pv_cost"] - after.options[2].summary["pv_cost"] == pytest.approx(gained)
    assert named_cell(wb, "opt2_pv_cost").value == pytest.approx(after.options[1].summary["pv_cost"], rel=1e-9)
    assert named_cell(wb, "opt3_pv_cost").value == pytest.approx(after.options[2].summary["pv_cost"], rel=1e-9)
    number = next(row[1].value for row in wb["Calc 3.1"].iter_rows(max_col=2)
                  if str(row[0].value).startswith("Option number"))
    assert number == 2


@pytest.mark.libreoffice
@requires_libreoffice
@pytest.mark.parametrize("case,expected", [
    ("inserted_no_key", {HAS_SHEET}),
    ("inserted_same_key", {ONCE}),
    ("deleted", {FOUND}),
    ("no_such_option", {HAS_OPTION}),
])
def test_what_cannot_be_followed_fails_its_check_and_check_names_the_cells(books, capsys, case, expected):
    """The Checks sheet names it; ``check`` lists that check with its cell (or, where the reader
    itself cannot place the row, the Interventions cell at fault)."""
    edited, recalculated = books[case]
    statuses = _statuses(recalculated)
    failing = {label for label, (status, _cell) in statuses.items() if status != "OK"}
    assert expected <= failing, failing
    count = len(failing)
    assert f"{count} check{'s' if count > 1 else ''} fail{'' if count > 1 else 's'}: see the Checks sheet" in \
        _cover(recalculated)
    assert main(["check", str(recalculated)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    if case == "no_such_option":
        wb = openpyxl.load_workbook(edited)
        ws = wb["Interventions"]
        cell = ws.cell(_row_of(ws, "Calc 3.1"), _columns(ws)["option"]).coordinate
        assert f"sheet 'Interventions', cell {cell}: names option 4, which is not on the Options sheet" in err, err
        return
    for label in expected:
        assert f"sheet 'Checks', cell {statuses[label][1]}: the check '{label}' says CHECK" in err, err


@pytest.mark.libreoffice
@requires_libreoffice
def test_a_deleted_row_leaves_its_sheet_showing_na_named_by_check(books, capsys):
    """The orphaned sheet's figures count in no option (the rest still equal the reader's), and
    ``check`` lists its #N/A cells by sheet and cell."""
    edited, recalculated = books["deleted"]
    wb = openpyxl.load_workbook(recalculated, data_only=True)
    assert_matches_core(wb, read_workbook(edited).document)
    main(["check", str(recalculated)])
    err = capsys.readouterr().err
    assert re.search(r"sheet 'Calc 3\.1', cell B\d+: shows #N/A", err), err


# -- without a spreadsheet: what the formulas say and what the reader makes of the key column -----
@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return write_workbook(rich_document(), tmp_path_factory.mktemp("export") / "export.xlsx")


def test_each_row_names_its_calculation_sheet_under_a_plain_label(exported):
    ws = openpyxl.load_workbook(exported)["Interventions"]
    column = _columns(ws)[KEY]
    assert ws.cell(HEADER_ROW - 1, column).value == "Calculation sheet"
    keys = [ws.cell(r, column).value for r in _data_rows(ws)]
    assert keys == _keys_in_order()
    assert all(not ws.cell(r, column).protection.locked for r in _data_rows(ws))  # sortable with the rest
    protection = ws.protection
    assert protection.sheet and not (protection.sort or protection.insertRows or protection.deleteRows)


def test_calculation_sheets_find_their_row_by_key_not_by_position(exported):
    wb = openpyxl.load_workbook(exported)
    letter = openpyxl.utils.get_column_letter(_columns(wb["Interventions"])[KEY])
    calc = wb["Calc 2.2"]
    formulas = {row[0].value: row[1].value for row in calc.iter_rows(max_col=2) if row[0].value}
    key_label = next(text for text in formulas if str(text).startswith("This sheet's key"))
    assert formulas[key_label] == "Calc 2.2"
    find = formulas["Row in the Interventions table (1 = its first row)"]
    assert find.startswith("=MATCH($B$") and f"Interventions!${letter}$6:${letter}$1000,0)" in find
    position = next(row[1].coordinate for row in calc.iter_rows(max_col=2) if row[1].value == find)
    reads = [str(c.value) for row in calc.iter_rows() for c in row if "Interventions!" in str(c.value)]
    assert len(reads) > 30  # every input and each service's effect
    fixed = [f for f in reads if re.search(r"Interventions!\$[A-Z]+\$\d+(?!:)", f)]
    assert fixed == []  # no fixed row: each reads a whole column at the row found
    assert all("$6:$" in f and f",${position[0]}${position[1:]})" in f for f in reads if not f.startswith("=MATCH"))


def test_options_add_up_their_interventions_by_option_number(exported):
    wb = openpyxl.load_workbook(exported)
    totals = wb["Intervention totals"]
    assert [totals.cell(r, 1).value for r in range(7, 16)] == _keys_in_order()
    assert all(str(totals.cell(r, 3).value).startswith("='Calc ") for r in range(7, 16))
    results = [named_cell(wb, f"opt{k}_pv_cost").value for k in (1, 2, 3)]
    assert results == [f"=SUMIFS('Intervention totals'!$E$7:$E$15,'Intervention totals'!$C$7:$C$15,Options!$A${5 + k})"
                       for k in (1, 2, 3)]
    nhs = named_cell(wb, "opt3_nhs_pays").value
    assert nhs.startswith("=SUMIFS('Intervention totals'!") and nhs.endswith(",Options!$A$8)")
    by_year = [str(c.value) for row in wb["Results by year"].iter_rows() for c in row if "Calc " in str(c.value)]
    party = [str(c.value) for row in wb["By party"].iter_rows() for c in row if "Calc " in str(c.value)]
    result = [str(c.value) for row in wb["Results"].iter_rows() for c in row if "Calc " in str(c.value)]
    assert by_year == party == result == []  # nothing sums a fixed list of calculation sheets
    assert "Intervention totals" in [c.value for c in wb["Contents"]["A"]]


def _keys_in_order() -> list[str]:
    return ["Calc 1.1", "Calc 2.1", "Calc 2.2"] + [f"Calc 3.{i}" for i in range(1, 7)]


def test_the_reader_ignores_the_calculation_sheet_column(exported, tmp_path):
    """Cleared, changed or deleted keys read as the same document (a version-2 file has none), and a
    row holding only its key is a blank row."""
    expected = read_workbook(exported).document
    assert expected == rich_document()

    def keys_changed(ws) -> None:
        column = _columns(ws)[KEY]
        for k, r in enumerate(_data_rows(ws)):
            ws.cell(r, column).value = None if k % 2 else f"anything {k}"

    def column_deleted(ws) -> None:
        ws.delete_cols(_columns(ws)[KEY])

    for name, change in (("changed", keys_changed), ("deleted", column_deleted)):
        _edit(exported, tmp_path / f"{name}.xlsx", change)
        assert read_workbook(tmp_path / f"{name}.xlsx").document == expected, name

    def last_row_cleared_but_its_key(ws) -> None:
        last = _data_rows(ws)[-1]
        for c in range(1, ws.max_column + 1):
            if c != _columns(ws)[KEY]:
                ws.cell(last, c).value = None

    _edit(exported, tmp_path / "cleared.xlsx", last_row_cleared_but_its_key)
    doc = read_workbook(tmp_path / "cleared.xlsx").document
    assert doc.options[2].interventions == expected.options[2].interventions[:-1]
