"""Command line with workbooks: template, check, run --out; bad input exits 2 without a traceback."""

from __future__ import annotations

import json

import openpyxl
import pytest

from rtv_desktop.cli import EXIT_BAD_INPUT, EXIT_OK, main
from rtv_desktop.core import default_scenario, run
from rtv_desktop.io.workbook.read.reader import read_workbook

from .workbook_cases import edit_copy, named_cell


def test_template_writes_the_default_scenario(tmp_path, capsys):
    path = tmp_path / "template.xlsx"
    assert main(["template", str(path)]) == EXIT_OK
    assert read_workbook(path).scenario == default_scenario()
    assert str(path) in capsys.readouterr().out


def test_template_refuses_a_name_that_is_not_a_workbook(tmp_path, capsys):
    assert main(["template", str(tmp_path / "out.txt")]) == EXIT_BAD_INPUT
    assert ".xlsx" in capsys.readouterr().err


def test_check_clean_workbook(tmp_path, capsys):
    path = tmp_path / "t.xlsx"
    main(["template", str(path)])
    capsys.readouterr()
    assert main(["check", str(path)]) == EXIT_OK
    assert capsys.readouterr().out.strip().endswith("No problems found")


def test_check_lists_each_problem_with_sheet_and_cell(tmp_path, capsys):
    path = tmp_path / "t.xlsx"
    main(["template", str(path)])
    edit_copy(path, tmp_path / "bad.xlsx", {"area_adult_share": 1.5, "settings_horizon_years": "five"})
    capsys.readouterr()
    assert main(["check", str(tmp_path / "bad.xlsx")]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    lines = [line.strip() for line in err.splitlines()[1:]]
    assert len(lines) == 2 and all(line.startswith("sheet '") and ", cell " in line for line in lines)
    assert "Traceback" not in err


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 broken", b"plain text"])
def test_check_bad_files_exit_2_without_traceback(tmp_path, capsys, content):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    assert main(["check", str(path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()


def test_run_reads_a_workbook_and_writes_results_and_simulation(tmp_path, capsys):
    source = tmp_path / "in.xlsx"
    main(["template", str(source)])
    capsys.readouterr()
    out = tmp_path / "out.xlsx"
    assert main(["run", str(source), "--out", str(out), "--iterations", "200", "--seed", "3"]) == EXIT_OK
    printed = json.loads(capsys.readouterr().out)
    assert printed["summary"]["npv_fiscal"] == pytest.approx(run(default_scenario()).summary["npv_fiscal"])
    assert printed["simulation"]["iterations"] == 200
    wb = openpyxl.load_workbook(out)
    uncertainty = [c.value for row in wb["Uncertainty"].iter_rows() for c in row if c.value is not None]
    assert "Iterations" in uncertainty and 200 in uncertainty and "npv_fiscal" in uncertainty
    ws = named_cell(wb, "npv_fiscal").parent
    at_export = next(c.row for c in ws["A"] if c.value == "RtV Desktop at export (values, not live)")
    row = next(c.row for c in ws["A"] if c.row > at_export and c.value == ws.cell(named_cell(wb, "npv_fiscal").row, 1).value)
    assert ws.cell(row, named_cell(wb, "npv_fiscal").column).value == pytest.approx(printed["summary"]["npv_fiscal"])
    assert read_workbook(out).scenario == default_scenario()


def test_run_bad_workbook_exits_2(tmp_path, capsys):
    path = tmp_path / "t.xlsx"
    main(["template", str(path)])
    edit_copy(path, tmp_path / "bad.xlsx", {"area_population": -1})
    capsys.readouterr()
    assert main(["run", str(tmp_path / "bad.xlsx")]) == EXIT_BAD_INPUT
    assert "sheet 'Area', cell B" in capsys.readouterr().err


def test_run_never_saves_over_the_workbook_it_read(tmp_path, capsys):
    path = tmp_path / "shared.xlsx"
    assert main(["template", str(path)]) == EXIT_OK
    book = openpyxl.load_workbook(path)
    book.create_sheet("Finance notes")["A1"] = "Checked by finance"
    book.save(path)
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["run", str(path), "--out", str(tmp_path / "." / "shared.xlsx")]) == EXIT_BAD_INPUT
    assert "never saves over a workbook it read" in capsys.readouterr().err
    assert path.read_bytes() == before and not path.with_name("shared.xlsx.bak").exists()


def _budget_sheet(path) -> None:
    """An ordinary workbook someone keeps a budget in: no RtV record, none of its input names."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Line", "2025/26", "2026/27"])
    ws.append(["Health coaching", 120_000, 125_000])
    wb.save(path)


def test_check_on_an_ordinary_workbook_says_so_in_one_line(tmp_path, capsys):
    path = tmp_path / "budget.xlsx"
    _budget_sheet(path)
    assert main(["check", str(path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "'budget.xlsx' is not an RtV Desktop workbook: open a workbook exported by RtV Desktop "
        "(File > Export results to Excel), or start from File > New."]


def test_a_workbook_without_its_hidden_record_is_still_read_by_its_names(tmp_path):
    path = tmp_path / "t.xlsx"
    main(["template", str(path)])
    wb = openpyxl.load_workbook(path)
    del wb["_rtv"]
    wb.save(tmp_path / "named.xlsx")
    assert read_workbook(tmp_path / "named.xlsx").scenario.area == default_scenario().area


def test_check_on_an_area_table_points_to_import_areas(tmp_path, capsys):
    path = tmp_path / "areas.csv"
    path.write_text("area_code,area_name\nE1,Somewhere\n")
    assert main(["check", str(path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.strip().splitlines() == ["rtv-desktop: 'areas.csv' is a table, not a scenario: to add the areas it "
                                        "lists, use Import areas... on the Area & population page."]
