"""Bad workbooks are refused with every problem at once, each naming its sheet and cell."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest

from rtv_desktop.core import Document, default_scenario
from rtv_desktop.io import InputFileError, load_scenario
from rtv_desktop.io.workbook.read.reader import read_workbook
from rtv_desktop.io.workbook.write import write_workbook

from .workbook_cases import edit_copy, named_cell, table_cell


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return write_workbook(Document.from_scenario(default_scenario()), tmp_path_factory.mktemp("good") / "good.xlsx")


@pytest.fixture(scope="module")
def cells(exported):
    """Coordinates of a few inputs, found the way a user would (names, headers)."""
    wb = openpyxl.load_workbook(exported)
    return {"population": named_cell(wb, "area_population").coordinate,
            "horizon": named_cell(wb, "settings_horizon_years").coordinate,
            "reach": table_cell(wb, "Interventions", "reach").coordinate,
            "reach_high": table_cell(wb, "Interventions", "reach_high").coordinate,
            "funding_nhs": table_cell(wb, "Interventions", "funding_nhs").coordinate,
            "option": table_cell(wb, "Interventions", "option").coordinate,
            "name": table_cell(wb, "Interventions", "name").coordinate,
            "gp_cost": table_cell(wb, "Services", "unit_cost").coordinate}


def refused(path) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        read_workbook(path)
    return info.value


def edited(exported, tmp_path, edits) -> InputFileError:
    target = tmp_path / "edited.xlsx"
    edit_copy(exported, target, edits)
    return refused(target)


def test_fraction_out_of_range_names_the_cell_and_what_to_do(exported, cells, tmp_path):
    error = edited(exported, tmp_path, {("Interventions", cells["reach"]): 1.5,
                                        ("Interventions", cells["reach_high"]): 1.5})
    (problem,) = [p for p in error.problems if p.field == "options[0].interventions[0].reach"]
    assert problem.where == f"sheet 'Interventions', cell {cells['reach']}"
    # Worded with the labels on screen, in the units the cell shows (a percentage).
    assert problem.message == ("Option 'Example: six approaches, England-average area', Self-management education: "
                               "Reach per year must be from 0% to 100%; it is 150%")


def test_wrong_type_is_reported_at_its_cell(exported, cells, tmp_path):
    error = edited(exported, tmp_path, {"area_population": "about a million"})
    (problem,) = error.problems
    assert problem.where == f"sheet 'Area', cell {cells['population']}"
    assert "must be a number" in problem.message and problem.field == "area.population"


def test_numbers_typed_as_text_are_accepted(exported, tmp_path):
    edit_copy(exported, tmp_path / "text.xlsx", {"area_population": "250,000", "area_adult_share": "80%"})
    area = read_workbook(tmp_path / "text.xlsx").scenario.area
    assert (area.population, area.adult_share) == (250_000, 0.8)


def test_negative_number_is_reported_at_its_cell(exported, cells, tmp_path):
    error = edited(exported, tmp_path, {("Services", cells["gp_cost"]): -48})
    at_cell = [p.message for p in error.problems if p.where == f"sheet 'Services', cell {cells['gp_cost']}"]
    assert any("it is -£48" in m and "from £0" in m and "Unit cost" in m for m in at_cell)


def test_blank_required_cells_are_all_reported_at_once(exported, cells, tmp_path):
    error = edited(exported, tmp_path, {("Interventions", cells["reach"]): None, "settings_horizon_years": None,
                                        "area_population": None})
    wheres = {p.where for p in error.problems}
    assert {f"sheet 'Interventions', cell {cells['reach']}", f"sheet 'Settings', cell {cells['horizon']}",
            f"sheet 'Area', cell {cells['population']}"} <= wheres
    assert all("is blank" in p.message for p in error.problems)


def test_formula_error_in_an_input_cell(exported, cells, tmp_path):
    error = edited(exported, tmp_path, {"area_population": "#REF!"})
    (problem,) = error.problems
    assert problem.where == f"sheet 'Area', cell {cells['population']}"
    assert "formula that gives an error (#REF!)" in problem.message


@pytest.mark.parametrize("value, words", [(True, "not TRUE"), (dt.datetime(2024, 4, 1), "not a date"),
                                          (2.5, "whole number")])
def test_booleans_dates_and_fractions_where_whole_numbers_belong(exported, tmp_path, value, words):
    error = edited(exported, tmp_path, {"settings_horizon_years": value})
    assert words in error.problems[0].message and error.problems[0].where.startswith("sheet 'Settings', cell B")


def test_blank_intervention_name_is_reported(exported, cells, tmp_path):
    error = edited(exported, tmp_path, {("Interventions", cells["name"]): None})
    assert error.problems[0].where == f"sheet 'Interventions', cell {cells['name']}"


def test_missing_sheet_is_named(exported, tmp_path):
    wb = openpyxl.load_workbook(exported)
    del wb["Interventions"]
    wb.save(tmp_path / "no_sheet.xlsx")
    error = refused(tmp_path / "no_sheet.xlsx")
    assert error.problems[0].where == "sheet 'Interventions'" and "is missing" in error.problems[0].message


def test_missing_defined_name_is_named(exported, tmp_path):
    wb = openpyxl.load_workbook(exported)
    cell = named_cell(wb, "area_population")
    del wb.defined_names["area_population"]
    cell.offset(0, 2).value = None  # the label beside it too
    wb.save(tmp_path / "no_name.xlsx")
    (problem,) = refused(tmp_path / "no_name.xlsx").problems
    assert problem.where == "sheet 'Area'" and "no input named 'area_population'" in problem.message


def test_missing_table_column_is_named(exported, tmp_path):
    wb = openpyxl.load_workbook(exported)
    table_cell(wb, "Interventions", "reach").offset(-1, 0).value = "reach?"
    wb.save(tmp_path / "no_column.xlsx")
    (problem,) = refused(tmp_path / "no_column.xlsx").problems
    assert problem.where == "sheet 'Interventions'" and "reach" in problem.message


def test_a_text_file_is_not_a_workbook(tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("name,reach\nx,0.1\n")
    error = refused(path)
    assert "not an Excel workbook" in error.problems[0].message or "not an" in error.problems[0].message


def test_a_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "could not be read as an Excel workbook" in str(refused(path))


def test_a_truncated_workbook(exported, tmp_path):
    path = tmp_path / "cut.xlsx"
    path.write_bytes(exported.read_bytes()[: exported.stat().st_size // 2])
    error = refused(path)
    assert error.problems and "Traceback" not in str(error)


def test_a_missing_file(tmp_path):
    assert "does not exist" in str(refused(tmp_path / "nowhere.xlsx"))


def test_load_scenario_reports_workbook_problems(exported, tmp_path):
    edit_copy(exported, tmp_path / "bad.xlsx", {"area_adult_share": 7})
    with pytest.raises(InputFileError) as info:
        load_scenario(tmp_path / "bad.xlsx")
    assert info.value.problems[0].field == "area.adult_share"
    assert info.value.problems[0].where.startswith("sheet 'Area', cell B")


def test_warnings_are_located_but_do_not_stop_the_import(exported, cells, tmp_path):
    edit_copy(exported, tmp_path / "warn.xlsx", {"settings_horizon_years": 10,
                                                 ("Interventions", cells["reach"]): 0.3,
                                                 ("Interventions", cells["reach_high"]): 0.3})
    imported = read_workbook(tmp_path / "warn.xlsx")
    assert any(w.where == f"sheet 'Interventions', cell {cells['reach']}" and "more than everyone" in w.message
               for w in imported.warnings)


def test_text_that_looks_like_an_error_code_is_a_valid_name(exported, cells, tmp_path):
    edit_copy(exported, tmp_path / "hash.xlsx", {("Interventions", cells["name"]): "#N/A team"})
    assert read_workbook(tmp_path / "hash.xlsx").scenario.interventions[0].name == "#N/A team"


def test_renaming_a_service_without_its_effect_columns_loses_nothing_silently(exported, tmp_path):
    wb = openpyxl.load_workbook(exported)
    cell = table_cell(wb, "Services", "id")
    edit_copy(exported, tmp_path / "renamed.xlsx", {("Services", cell.coordinate): "gp2"})
    wheres = {p.where: p.message for p in refused(tmp_path / "renamed.xlsx").problems}
    assert any("which is not on the Services sheet" in m and w.startswith("sheet 'Interventions', cell ")
               for w, m in wheres.items())
    assert any("no column for service 'gp2'" in m for m in wheres.values())


def test_funding_shares_that_do_not_add_up_are_reported_at_the_row(exported, cells, tmp_path):
    error = edited(exported, tmp_path, {("Interventions", cells["funding_nhs"]): 0.7})  # shares were 80/10/5/5
    (problem,) = error.problems
    assert problem.where == f"sheet 'Interventions', cell {cells['funding_nhs']}"
    assert "add up to 90%; they must add up to 100%" in problem.message


def test_option_problems_are_reported_at_their_cells(tmp_path):
    from .workbook_cases import rich_document

    source = write_workbook(rich_document(), tmp_path / "three.xlsx")
    wb = openpyxl.load_workbook(source)
    second = table_cell(wb, "Options", "name", 1).coordinate
    number = table_cell(wb, "Interventions", "option", 0).coordinate
    comparator = named_cell(wb, "comparator").coordinate
    target = tmp_path / "bad.xlsx"
    edit_copy(source, target, {("Options", second): "Current service", ("Interventions", number): 7,
                               "comparator": 5})
    wheres = {p.where: p.message for p in refused(target).problems}
    assert "names another option too" in wheres[f"sheet 'Options', cell {second}"]
    assert "names option 7, which is not on the Options sheet" in wheres[f"sheet 'Interventions', cell {number}"]
    assert "names option 5" in wheres[f"sheet 'Options', cell {comparator}"]


def test_a_missing_options_sheet_in_a_version_2_workbook_is_named(exported, tmp_path):
    wb = openpyxl.load_workbook(exported)
    del wb["Options"]
    wb.save(tmp_path / "no_options.xlsx")
    problems = refused(tmp_path / "no_options.xlsx").problems
    assert any(p.where == "sheet 'Options'" and "is missing" in p.message for p in problems)


def test_an_unknown_funder_column_is_named(exported, tmp_path):
    wb = openpyxl.load_workbook(exported)
    header = table_cell(wb, "Interventions", "funding_other").offset(-1, 0)
    header.value = "funding_lottery"
    wb.save(tmp_path / "lottery.xlsx")
    problem = refused(tmp_path / "lottery.xlsx").problems[0]  # (the shares that then fall short come after)
    assert problem.where == f"sheet 'Interventions', cell {header.coordinate}"
    assert "funding_nhs" in problem.message
