"""Workbook export -> import keeps every input; user text can never become a formula."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from xml.etree import ElementTree

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from rtv_desktop.core import SUMMARY_KEYS, Uncertain, blank_scenario, default_scenario, run
from rtv_desktop.io import load_scenario, save_scenario
from rtv_desktop.io.text_cells import escape_text, read_text
from rtv_desktop.io.workbook_reader import read_workbook
from rtv_desktop.io.workbook_writer import write_workbook

from .workbook_cases import FORMULA_LIKE, edit_copy, named_cell, scenarios, table_cell

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
AREA_NAMES = ("area_area_name", "area_area_code", "area_reference_period", "area_population", "area_adult_share",
              "area_over65_share", "area_ltc_share", "area_multimorbid_share")
SETTINGS_NAMES = ("settings_horizon_years", "settings_discount_rate", "settings_health_discount_rate",
                  "settings_wellby_value", "settings_wellby_value_low", "settings_wellby_value_high",
                  "settings_volunteer_hour_value", "settings_price_year", "settings_iterations", "settings_seed")


def test_default_scenario_round_trips_exactly(tmp_path):
    scenario = default_scenario()
    path = write_workbook(scenario, tmp_path / "default.xlsx")
    imported = read_workbook(path)
    assert imported.scenario == scenario
    assert imported.exported_from == scenario
    assert imported.changes == []
    assert imported.warnings == []


def test_save_and_load_dispatch_by_suffix(tmp_path):
    scenario = blank_scenario()
    path = save_scenario(scenario, tmp_path / "blank.xlsx")
    assert load_scenario(path) == scenario


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_generated_scenarios_round_trip(tmp_path_factory, scenario):
    path = write_workbook(scenario, tmp_path_factory.mktemp("wb") / "s.xlsx")
    imported = read_workbook(path)
    assert imported.scenario == scenario
    assert imported.changes == []


def test_seeds_beyond_exact_spreadsheet_integers_round_trip(tmp_path):
    """A seed above 2^53 is written as digits in a text cell, so no digit is lost."""
    base = default_scenario()
    scenario = replace(base, settings=replace(base.settings, seed=2**63 - 1))
    path = write_workbook(scenario, tmp_path / "s.xlsx")
    assert read_workbook(path).scenario == scenario


def test_values_round_trip_without_the_hidden_copy(tmp_path):
    """Inputs come from the visible cells; the hidden copy only restores float digits and long text."""
    scenario = replace(default_scenario(), name="=1+2", author="@me")
    source = write_workbook(scenario, tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(source)
    del wb["_rtv"]
    wb.save(tmp_path / "copy.xlsx")
    imported = read_workbook(tmp_path / "copy.xlsx")
    assert imported.scenario == scenario
    assert imported.exported_from is None
    assert "changes since export cannot be listed" in str(imported.warnings[0])


def test_every_area_settings_and_summary_name_is_defined(tmp_path):
    wb = openpyxl.load_workbook(write_workbook(default_scenario(), tmp_path / "s.xlsx"))
    scenario = default_scenario()
    assert named_cell(wb, "area_area_name").value == scenario.area.area_name
    assert named_cell(wb, "area_area_code").value is None  # the example area has no code
    for name in AREA_NAMES[3:] + SETTINGS_NAMES:
        assert named_cell(wb, name).value is not None, name
    assert named_cell(wb, "settings_wellby_value_low").value == scenario.settings.wellby_value.low
    ((sheet, cells),) = list(wb.defined_names["settings_optimism_bias"].destinations)
    assert [c[0].value for c in wb[sheet][cells.replace("$", "")]] == [0.0, 0.05, 0.10, 0.15, 0.25, 0.40]
    for key in SUMMARY_KEYS:
        cell = named_cell(wb, key)
        assert cell.data_type == "f" and str(cell.value).startswith("="), key


def test_inputs_are_yellow_and_unlocked_and_formulas_locked(tmp_path):
    wb = openpyxl.load_workbook(write_workbook(default_scenario(), tmp_path / "s.xlsx"))
    population = named_cell(wb, "area_population")
    assert population.fill.fgColor.rgb.endswith("FFF2CC") and population.protection.locked is False
    assert table_cell(wb, "Interventions", "reach").protection.locked is False
    assert named_cell(wb, "npv_fiscal").protection.locked is True
    for title in ("Area", "Settings", "Interventions", "Results", "Calc 1", "Checks"):
        assert wb[title].protection.sheet is True
        assert not wb[title].protection.password
    assert named_cell(wb, "pv_cost").number_format == "£#,##0"
    assert named_cell(wb, "area_adult_share").number_format == "0.0%"


def test_every_input_has_data_validation(tmp_path):
    wb = openpyxl.load_workbook(write_workbook(default_scenario(), tmp_path / "s.xlsx"))
    ws = wb["Interventions"]
    ranges = [rng for dv in ws.data_validations.dataValidation for rng in dv.sqref.ranges]
    for header in ("reach", "completion", "target_group", "approach", "evidence_grade", "effect_gp"):
        coordinate = table_cell(wb, "Interventions", header).coordinate
        assert any(coordinate in rng for rng in ranges), header
    area_ranges = [rng for dv in wb["Area"].data_validations.dataValidation for rng in dv.sqref.ranges]
    assert any(named_cell(wb, "area_adult_share").coordinate in rng for rng in area_ranges)
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert '"1,2,3,4,5,6"' in lists
    assert any("adults_ltc" in f for f in lists) and any("social_prescribing" in f for f in lists)


def test_one_calculation_sheet_per_intervention_and_charts(tmp_path):
    scenario = default_scenario()
    wb = openpyxl.load_workbook(write_workbook(scenario, tmp_path / "s.xlsx"))
    calcs = [title for title in wb.sheetnames if title.startswith("Calc ")]
    assert len(calcs) == len(scenario.interventions)
    with zipfile.ZipFile(tmp_path / "s.xlsx") as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 3
    assert wb["_rtv"].sheet_state == "hidden"


def _cell_xml(path, sheet_title: str, coordinate: str):
    """The <c> element of one cell, straight from the file's XML."""
    with zipfile.ZipFile(path) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        rid = next(s.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
                   for s in book.find("m:sheets", NS) if s.get("name") == sheet_title)
        target = next(r.get("Target") for r in rels if r.get("Id") == rid)
        sheet = ElementTree.fromstring(archive.read("xl/" + target.lstrip("/").removeprefix("xl/")))
    return next(c for c in sheet.iter(f"{{{NS['m']}}}c") if c.get("r") == coordinate)


@pytest.mark.parametrize("text", FORMULA_LIKE + ("=cmd|' /C calc'!A0", "\x01control", "tail\r"))
def test_formula_like_text_is_stored_as_text(tmp_path, text):
    iv = replace(default_scenario().interventions[0], name=text or "x", notes=text)
    scenario = replace(default_scenario(), name=text, author=text, interventions=(iv,))
    path = write_workbook(scenario, tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    cells = [named_cell(wb, "scenario_name"), table_cell(wb, "Interventions", "notes")]
    for cell in cells:
        element = _cell_xml(path, cell.parent.title, cell.coordinate)
        assert element.find("m:f", NS) is None
        if text:
            assert element.get("t") in ("s", "inlineStr")
    imported = read_workbook(path).scenario
    assert (imported.name, imported.author, imported.interventions[0].notes) == (text, text, text)


def test_service_names_in_column_headers_stay_text(tmp_path):
    base = default_scenario()
    services = (replace(base.services[0], name="=SUM(1,2)"), *base.services[1:])
    path = write_workbook(replace(base, services=services), tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    header = table_cell(wb, "Baseline use", "gp").offset(-2, 0)  # the service name above the id
    assert header.value == "=SUM(1,2)"
    assert _cell_xml(path, "Baseline use", header.coordinate).find("m:f", NS) is None
    assert read_workbook(path).scenario.services[0].name == "=SUM(1,2)"


def test_escapes_decode_to_the_original_text():
    for text in ("\r", "a\x00b", "_x0041_", "_x000D_", "\ufffe", "plain"):
        assert read_text(escape_text(text)) == text
    assert escape_text("\rX") == "_x000D_X"


def test_long_notes_are_cut_in_the_cell_but_kept_whole(tmp_path):
    scenario = replace(default_scenario(), notes="n" * 40_000)
    path = write_workbook(scenario, tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    assert len(named_cell(wb, "scenario_notes").value) == 32_767
    assert read_workbook(path).scenario.notes == scenario.notes


def test_edits_in_excel_are_read_and_listed_as_changes(tmp_path):
    scenario = default_scenario()
    source = write_workbook(scenario, tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(source)
    reach = table_cell(wb, "Interventions", "reach", 1)
    high = table_cell(wb, "Interventions", "reach_high", 1)
    edit_copy(source, tmp_path / "edited.xlsx", {"area_population": 250_000, "settings_seed": 7,
                                                 ("Interventions", reach.coordinate): 0.01,
                                                 ("Interventions", high.coordinate): 0.02})
    imported = read_workbook(tmp_path / "edited.xlsx")
    assert imported.scenario.area.population == 250_000
    assert imported.scenario.settings.seed == 7
    assert imported.scenario.interventions[1].reach == Uncertain(0.01, 0.0027, 0.02)
    fields = {c.field: (c.old, c.new) for c in imported.changes}
    assert fields == {"area.population": (1_000_000, 250_000), "settings.seed": (20160301, 7),
                      "interventions[1].reach": (0.0027, 0.01), "interventions[1].reach.high": (0.0027, 0.02)}
    assert "1,000,000 -> 250,000" in str(imported.changes[0])


def _swap_first_and_last_columns(ws) -> None:
    last = ws.max_column
    for row in range(1, ws.max_row + 1):
        a, b = ws.cell(row, 1), ws.cell(row, last)
        a.value, b.value = b.value, a.value


def test_reordered_columns_extra_rows_and_extra_sheets_are_tolerated(tmp_path):
    scenario = default_scenario()
    source = write_workbook(scenario, tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(source)
    ws = wb["Interventions"]
    _swap_first_and_last_columns(ws)  # 'name' and 'notes' change places
    ws.tables["Interventions"].tableColumns = []  # rebuilt from the moved headers on save
    ws.cell(ws.max_row + 3, 1, "A note typed well below the table")
    wb.create_sheet("My workings")["A1"] = "=Results!B5*2"
    wb.save(tmp_path / "moved.xlsx")
    assert read_workbook(tmp_path / "moved.xlsx").scenario == scenario


def test_a_copy_that_lost_its_table_objects_is_read_by_headers(tmp_path):
    scenario = default_scenario()
    wb = openpyxl.load_workbook(write_workbook(scenario, tmp_path / "s.xlsx"))
    for title, name in (("Interventions", "Interventions"), ("Services", "Services"), ("Baseline use", "BaselineUse")):
        del wb[title].tables[name]
    _swap_first_and_last_columns(wb["Interventions"])
    wb.save(tmp_path / "plain.xlsx")
    assert read_workbook(tmp_path / "plain.xlsx").scenario == scenario


def test_reading_never_changes_the_users_file(tmp_path):
    path = write_workbook(default_scenario(), tmp_path / "s.xlsx")
    before = path.read_bytes()
    read_workbook(path)
    assert path.read_bytes() == before


def test_results_at_export_are_shown_beside_live_formulas(tmp_path):
    scenario = default_scenario()
    results = run(scenario)
    wb = openpyxl.load_workbook(write_workbook(scenario, tmp_path / "s.xlsx", results=results))
    cell = named_cell(wb, "npv_fiscal")
    assert cell.offset(0, 3).value == pytest.approx(results.summary["npv_fiscal"])


def test_uncertainty_sheet_holds_last_run_values_clearly_labelled(tmp_path):
    from rtv_desktop.core import simulate, tornado

    scenario = default_scenario()
    simulation = simulate(scenario, iterations=300, seed=11)
    rows = tornado(scenario)
    wb = openpyxl.load_workbook(write_workbook(scenario, tmp_path / "s.xlsx", simulation=simulation,
                                               tornado_rows=rows))
    ws = wb["Uncertainty"]
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert ws["A2"].value.startswith("Values from the last run in RtV Desktop, not live")
    assert 300 in values and 11 in values
    numbers = [v for v in values if isinstance(v, (int, float))]

    def written(x: float) -> bool:  # cells keep 16 significant digits
        return any(v == pytest.approx(x, rel=1e-15) for v in numbers)

    assert written(simulation.summary["npv_fiscal"]["p95"])
    assert written(simulation.summary["prob_npv_fiscal_positive"])
    assert rows[0].label in values and written(rows[0].swing)
    hidden = {wb["_rtv"].cell(r, 1).value: wb["_rtv"].cell(r, 2).value for r in range(1, 7)}
    assert (hidden["seed"], hidden["iterations"]) == ("11", 300)


def test_assumptions_log_lists_sources_and_ons_attribution(tmp_path):
    from rtv_desktop.core import default_sources
    from rtv_desktop.io.areas import ONS_ATTRIBUTION

    scenario = default_scenario()
    wb = openpyxl.load_workbook(write_workbook(scenario, tmp_path / "s.xlsx"))
    values = {c.value for row in wb["Assumptions"].iter_rows() for c in row if c.value is not None}
    assert all(src.path in values and src.source in values for src in default_sources())
    assert ONS_ATTRIBUTION in values
    assert all(svc.source in values for svc in scenario.services)


def test_effects_keep_their_order_when_unchanged(tmp_path):
    base = default_scenario()
    first = base.interventions[0]
    reordered = replace(first, effect=tuple(reversed(first.effect)))
    scenario = replace(base, interventions=(reordered, *base.interventions[1:]))
    imported = read_workbook(write_workbook(scenario, tmp_path / "s.xlsx"))
    assert imported.scenario == scenario and imported.changes == []
