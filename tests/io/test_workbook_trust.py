"""A workbook finance can edit and still trust: edits that break the figures turn checks red.

After recalculation in LibreOffice, a deleted name, a typed-over result (Results, a calculation
sheet, By party, the preferred option) each make the Checks sheet say CHECK with the Cover
counting them, and ``rtv-desktop check`` reports them with sheet and cell and exits 2. The price
year typed over is refused with what to do instead (MODEL.md 13). One LibreOffice call
recalculates every workbook of this module.
"""

from __future__ import annotations

import openpyxl
import pytest

from rtv_desktop.cli import EXIT_BAD_INPUT, EXIT_OK, main
from rtv_desktop.core.outputs import label
from rtv_desktop.io.errors import InputFileError
from rtv_desktop.io.workbook.read.reader import read_workbook
from rtv_desktop.io.workbook.write import write_workbook

from .libreoffice import recalculate, requires_libreoffice
from .workbook_cases import edit_copy, named_cell, rich_document

TIE_OUT = "Option 3: By party's net positions add up to net social value on Results"


def _calc_cell(wb, sheet: str, key: str) -> str:
    """The value cell (column B) of a calculation sheet's summary row ``key``."""
    ws = wb[sheet]
    return next(f"B{row[0].row}" for row in ws.iter_rows(max_col=1) if row[0].value == label(key))


def _without_name(source, target, name: str) -> None:
    wb = openpyxl.load_workbook(source)
    del wb.defined_names[name]
    wb.save(target)


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("trust")
    source = write_workbook(rich_document(), folder / "export.xlsx")
    wb = openpyxl.load_workbook(source)
    edit_copy(source, folder / "party_typed.xlsx", {"opt3_residents_pays": 0})
    edit_copy(source, folder / "results_typed.xlsx", {"opt1_npv_fiscal": 1_000_000})
    edit_copy(source, folder / "calc_typed.xlsx", {("Calc 3.1", _calc_cell(wb, "Calc 3.1", "pv_cost")): 0})
    edit_copy(source, folder / "preferred_typed.xlsx", {"preferred": 1})
    _without_name(source, folder / "no_discount_name.xlsx", "settings_discount_rate")
    names = ("export", "party_typed", "results_typed", "calc_typed", "preferred_typed", "no_discount_name")
    out = recalculate([folder / f"{n}.xlsx" for n in names], folder / "out")
    return {p.stem: p for p in out}


def _statuses(path) -> dict[str, str]:
    wb = openpyxl.load_workbook(path, data_only=True)
    return {row[0].value: row[1].value for row in wb["Checks"].iter_rows(min_row=5, max_col=2) if row[0].value}


def _cover(path) -> list:
    wb = openpyxl.load_workbook(path, data_only=True)
    return [c.value for row in wb["Cover"].iter_rows() for c in row]


def _failing(path) -> set[str]:
    return {text for text, status in _statuses(path).items() if status != "OK"}


@pytest.mark.libreoffice
@requires_libreoffice
def test_an_export_ties_out_and_says_every_check_passes(recalculated, capsys):
    statuses = _statuses(recalculated["export"])
    assert rich_document().settings.volunteer_time == "cost"  # residents pay the time they give
    assert statuses[TIE_OUT] == "OK" and set(statuses.values()) == {"OK"}
    assert f"All {len(statuses)} checks pass" in _cover(recalculated["export"])
    cover = openpyxl.load_workbook(recalculated["export"], data_only=True)["Cover"]
    code = next(row[1].value for row in cover.iter_rows(max_col=2) if row[0].value == "ONS code")
    assert code in (None, "") and not rich_document().area.area_code  # a blank code shows blank, never 0
    assert main(["check", str(recalculated["export"])]) == EXIT_OK
    assert capsys.readouterr().out.strip().endswith("No problems found")


@pytest.mark.libreoffice
@requires_libreoffice
@pytest.mark.parametrize("case,expected", [
    ("party_typed", {TIE_OUT, "Option 3: every figure on By party is still a formula"}),
    ("results_typed", {"Option 1: every figure on Results is still a formula"}),
    ("calc_typed", {f"Option 3: {label('pv_cost')} on Results = the sum of its calculation sheets = its yearly "
                    "flows, discounted", "Option 3: its calculation sheets' present values are still formulas"}),
    ("preferred_typed", {"The preferred option is still worked out by a formula"}),
])
def test_a_typed_over_result_turns_its_checks_red(recalculated, capsys, case, expected):
    failing = _failing(recalculated[case])
    assert expected <= failing, failing
    count = len(failing)
    assert f"{count} check{'s' if count > 1 else ''} fail{'' if count > 1 else 's'}: see the Checks sheet" in \
        _cover(recalculated[case])
    assert main(["check", str(recalculated[case])]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert f"reports {count} problem(s)" in err
    assert all("says CHECK" in line and "sheet 'Checks', cell B" in line
               for line in err.splitlines()[1:count + 1])


@pytest.mark.libreoffice
@requires_libreoffice
def test_a_deleted_name_fails_the_checks_and_check_names_the_cells(recalculated, capsys):
    path = recalculated["no_discount_name"]
    failing = _failing(path)
    assert "Discount rate is 0% to 100%" in " ".join(failing) or len(failing) > 10, failing
    assert "No figure on Results is an error (#NAME?, #REF!, #DIV/0!, #VALUE!)" in failing
    cover = [v for v in _cover(path) if isinstance(v, str) and v.endswith("checks fail: see the Checks sheet")]
    assert cover == [f"{len(failing)} checks fail: see the Checks sheet"]
    assert main(["check", str(path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "sheet 'Results', cell C" in err and "shows #NAME?" in err
    assert "sheet 'Checks', cell B" in err and "Traceback" not in err


def test_a_typed_price_year_is_refused_with_what_to_do(tmp_path):
    source = write_workbook(rich_document(), tmp_path / "export.xlsx")
    edit_copy(source, tmp_path / "relabelled.xlsx", {"settings_price_year": "2025/26"})
    with pytest.raises(InputFileError) as caught:
        read_workbook(tmp_path / "relabelled.xlsx")
    wb = openpyxl.load_workbook(source)
    cell = named_cell(wb, "settings_price_year").coordinate
    (problem,) = caught.value.problems
    assert problem.where == f"sheet 'Settings', cell {cell}"
    assert "from 2024/25 to 2025/26" in problem.message and "Change price year" in problem.message
    assert "deflator" in problem.message
    assert read_workbook(source).document.settings.price_year == "2024/25"  # untouched, it reads

