"""Workbook export -> import keeps every input; user text can never become a formula."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from dataclasses import replace
from xml.etree import ElementTree

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from pathlib import Path

from rtv_desktop.core import (
    SUMMARY_KEYS, Area, Document, FigureSource, Settings, Uncertain, blank_scenario, compare, default_document,
    default_scenario, run, simulate, specs, validate_document,
)
from rtv_desktop.io import InputFileError, load_document, load_scenario, save_scenario
from rtv_desktop.io.workbook.text_cells import escape_text, read_text
from rtv_desktop.io.workbook.read.changes import by_option
from rtv_desktop.io.workbook.read.reader import read_workbook
from rtv_desktop.io.workbook.write import write_workbook

from .workbook_cases import (
    FORMULA_LIKE, documents, edit_copy, named_cell, named_values, rich_document, scenarios, table_cell,
)

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
FIXTURES = Path(__file__).parent.parent / "fixtures" / "v1"


def _names_of(cls, prefix: str) -> list[str]:
    """The defined names every declared input of ``cls`` must have (uncertain ones: low, central, high)."""
    names = []
    for name, spec in specs(cls):
        default = getattr(cls(), name)
        if isinstance(default, tuple):
            continue
        names.append(f"{prefix}_{name}")
        if spec.uncertain:
            names += [f"{prefix}_{name}_low", f"{prefix}_{name}_high"]
    return names


def _validation_warnings(doc) -> list[str]:
    return [issue.text for issue in validate_document(doc) if issue.severity != "error"]


def test_default_document_round_trips_exactly(tmp_path):
    doc = default_document()
    path = write_workbook(doc, tmp_path / "default.xlsx")
    imported = read_workbook(path)
    assert imported.document == doc
    assert imported.exported_from == doc
    assert imported.changes == []
    assert [w.message for w in imported.warnings] == _validation_warnings(doc)
    assert imported.scenario == doc.scenario(0)


def test_three_options_round_trip_exactly(tmp_path):
    doc = rich_document()
    imported = read_workbook(write_workbook(doc, tmp_path / "three.xlsx"))
    assert imported.document == doc
    assert [o.name for o in imported.document.options] == ["Current service", "Social prescribing only", "Full mix"]
    assert imported.document.comparator == 0 and imported.changes == []


def test_values_come_from_the_cells_not_the_hidden_copy(tmp_path):
    """Without the hidden sheet the three options, their funding, grades and QALY gains still read back."""
    doc = replace(rich_document(comparator=2), stories=())
    wb = openpyxl.load_workbook(write_workbook(doc, tmp_path / "s.xlsx"))
    del wb["_rtv"]
    wb.save(tmp_path / "copy.xlsx")
    imported = read_workbook(tmp_path / "copy.xlsx")
    # The studies each figure cites are provenance, like the stories: they come from the hidden copy.
    assert imported.document == uncited(doc)
    assert imported.exported_from is None
    assert "changes since export cannot be listed" in str(imported.warnings[0])


def uncited(doc):
    return replace(doc, options=tuple(replace(o, interventions=tuple(replace(iv, evidence=()) for iv in o.interventions))
                                      for o in doc.options))


def test_a_figure_changed_in_the_workbook_no_longer_cites_its_study(tmp_path):
    doc = default_document()
    wb = openpyxl.load_workbook(write_workbook(doc, tmp_path / "s.xlsx"))
    row = [iv.id for iv in doc.options[0].interventions].index("group_activities")
    table_cell(wb, "Interventions", "wellbeing_gain", row).value = 0.3  # within its range (0.035 to 0.378)
    wb.save(tmp_path / "edited.xlsx")
    back = {iv.id: iv for iv in read_workbook(tmp_path / "edited.xlsx").document.options[0].interventions}
    assert back["group_activities"].evidence == ()  # typed over: a local figure
    assert back["social_prescribing"].evidence_for("service:gp") == "kiely-2022-gp"  # unchanged: still cited


def test_a_scenario_is_written_as_a_document_of_one_option(tmp_path):
    scenario = blank_scenario()
    path = save_scenario(scenario, tmp_path / "blank.xlsx")
    assert load_scenario(path) == scenario
    assert load_document(path) == Document.from_scenario(scenario)


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_round_trip(tmp_path_factory, doc):
    path = write_workbook(doc, tmp_path_factory.mktemp("wb") / "s.xlsx")
    imported = read_workbook(path)
    assert imported.document == doc
    assert imported.changes == []


@pytest.mark.slow
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_generated_scenarios_round_trip(tmp_path_factory, scenario):
    path = write_workbook(Document.from_scenario(scenario), tmp_path_factory.mktemp("wb") / "s.xlsx")
    imported = read_workbook(path)
    assert imported.scenario == scenario
    assert imported.changes == []


def test_seeds_beyond_exact_spreadsheet_integers_round_trip(tmp_path):
    """A seed above 2^53 is written as digits in a text cell, so no digit is lost."""
    base = default_scenario()
    scenario = replace(base, settings=replace(base.settings, seed=2**63 - 1))
    path = write_workbook(Document.from_scenario(scenario), tmp_path / "s.xlsx")
    assert read_workbook(path).scenario == scenario


def test_every_input_and_headline_figure_is_named(tmp_path):
    doc = rich_document()
    wb = openpyxl.load_workbook(write_workbook(doc, tmp_path / "s.xlsx"))
    for name in _names_of(Area, "area") + _names_of(Settings, "settings"):
        assert name in wb.defined_names, name
    assert named_cell(wb, "area_population").value == doc.area.population
    assert named_cell(wb, "settings_volunteer_time").value == "cost"
    assert named_cell(wb, "settings_qaly_threshold").value == 25_000
    assert named_values(wb, "settings_optimism_bias") == list(doc.settings.optimism_bias)
    assert named_cell(wb, "comparator").value == 1
    for k in range(3):
        for key in SUMMARY_KEYS:
            cell = named_cell(wb, f"opt{k + 1}_{key}")
            assert cell.data_type == "f" and str(cell.value).startswith("="), (k, key)
        for key in ("inc_npv_social", "inc_bcr_social", "icer", "icer_quadrant", "nhs_pays", "residents_value"):
            assert named_cell(wb, f"opt{k + 1}_{key}").data_type == "f"
    for key in SUMMARY_KEYS:  # the bare names are option 1's, as in version 1
        assert named_cell(wb, key).coordinate == named_cell(wb, f"opt1_{key}").coordinate
    assert named_cell(wb, "preferred").data_type == "f"


def test_each_area_figure_carries_its_own_source_cell(tmp_path):
    doc = default_document()
    area = doc.area.with_sources(population=FigureSource("Typed in", "2026-11-30"),
                                 adult_share=FigureSource("ONS mid-2022, ICB table", "2026-11-29", 1.1))
    doc = replace(doc, area=replace(area, population=500_000.0, adult_share=1.0))
    wb = openpyxl.load_workbook(write_workbook(doc, tmp_path / "s.xlsx"))
    population = named_cell(wb, "area_population")
    ws = population.parent
    row = {c.value: ws.cell(population.row, c.column).value for c in ws[4]}  # the header row
    assert row["Source"] == "Typed in" and row["Date (YYYY-MM-DD)"] == "2026-11-30"
    assert named_cell(wb, "area_sources_adult_share").value == "ONS mid-2022, ICB table"
    assert named_cell(wb, "area_sources_adult_share_need_index").value == 1.1
    source = named_cell(wb, "area_sources_population")
    assert source.protection.locked is False  # an input, like the figure
    assert read_workbook(tmp_path / "s.xlsx").document.area == doc.area


def test_inputs_are_yellow_and_unlocked_and_formulas_locked(tmp_path):
    wb = openpyxl.load_workbook(write_workbook(rich_document(), tmp_path / "s.xlsx"))
    population = named_cell(wb, "area_population")
    assert population.fill.fgColor.rgb.endswith("FFF2CC") and population.protection.locked is False
    for header in ("reach", "cost_grade", "funding_council", "qaly_gain_high", "option", "id"):
        assert table_cell(wb, "Interventions", header).protection.locked is False, header
    assert table_cell(wb, "Services", "party").protection.locked is False
    assert named_cell(wb, "npv_fiscal").protection.locked is True
    for title in ("Area", "Settings", "Options", "Interventions", "Results", "Comparison", "By party", "Calc 1.1",
                  "Checks"):
        assert wb[title].protection.sheet is True
        assert not wb[title].protection.password
    assert named_cell(wb, "pv_cost").number_format == "£#,##0;[Red](£#,##0)"
    assert named_cell(wb, "area_adult_share").number_format == "0.0%"  # a fraction shown as a percentage
    assert table_cell(wb, "Interventions", "reach").number_format == "0.00%"
    assert table_cell(wb, "Interventions", "qaly_gain").number_format == "0.000"
    assert named_cell(wb, "settings_qaly_threshold").number_format == "£#,##0"


def test_every_input_has_data_validation_from_its_declaration(tmp_path):
    wb = openpyxl.load_workbook(write_workbook(rich_document(), tmp_path / "s.xlsx"))

    def rules_at(sheet: str, coordinate: str) -> list:
        return [dv for dv in wb[sheet].data_validations.dataValidation
                if any(coordinate in rng for rng in dv.sqref.ranges)]

    for header in ("reach", "completion", "target_group", "approach", "evidence_grade", "cost_grade",
                   "funding_nhs", "qaly_gain", "effect_gp", "effect_homecare_high"):
        assert rules_at("Interventions", table_cell(wb, "Interventions", header).coordinate), header
    (reach,) = rules_at("Interventions", table_cell(wb, "Interventions", "reach").coordinate)
    assert (reach.type, reach.formula1, reach.formula2) == ("decimal", "0", "1")
    assert "from 0% to 100%" in reach.error
    (grade,) = rules_at("Interventions", table_cell(wb, "Interventions", "cost_grade").coordinate)
    assert grade.formula1 == '"1,2,3,4,5,6"'
    (party,) = rules_at("Services", table_cell(wb, "Services", "party").coordinate)
    assert party.formula1 == '"nhs,council,vcse,other"'
    volunteer = named_cell(wb, "settings_volunteer_time")
    (choice,) = rules_at("Settings", volunteer.coordinate)
    assert choice.formula1 == '"benefit,cost,excluded"'
    (groups,) = rules_at("Interventions", table_cell(wb, "Interventions", "target_group").coordinate)
    assert "adults_ltc" in groups.formula1


def test_header_notes_explain_each_column(tmp_path):
    wb = openpyxl.load_workbook(write_workbook(default_document(), tmp_path / "s.xlsx"))
    label = table_cell(wb, "Interventions", "reach").offset(-2, 0)
    assert label.value == "Reach per year"
    assert "Share of the eligible group starting each year" in label.comment.text
    assert "from 0% to 100%" in label.comment.text


def test_one_calculation_sheet_per_intervention_of_each_option_and_charts(tmp_path):
    doc = rich_document()
    wb = openpyxl.load_workbook(write_workbook(doc, tmp_path / "s.xlsx"))
    calcs = [title for title in wb.sheetnames if title.startswith("Calc ")]
    expected = [f"Calc {k + 1}.{i + 1}" for k, o in enumerate(doc.options) for i in range(len(o.interventions))]
    assert calcs == expected
    with zipfile.ZipFile(tmp_path / "s.xlsx") as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 3
    assert wb["_rtv"].sheet_state == "hidden"
    for title in ("Cover", "Results", "Comparison", "By party", "Charts", "Area", "Settings", "Services",
                  "Baseline use", "Options", "Interventions", "Checks", "Uncertainty", "Assumptions"):
        assert title in wb.sheetnames, title


def test_interventions_of_every_option_share_one_table(tmp_path):
    doc = rich_document()
    wb = openpyxl.load_workbook(write_workbook(doc, tmp_path / "s.xlsx"))
    rows = sum(len(o.interventions) for o in doc.options)
    options = [table_cell(wb, "Interventions", "option", r).value for r in range(rows)]
    ids = [table_cell(wb, "Interventions", "id", r).value for r in range(rows)]
    assert options == [k + 1 for k, o in enumerate(doc.options) for _ in o.interventions]
    assert ids == [iv.id for o in doc.options for iv in o.interventions]
    first = doc.options[2].interventions[0]
    row = options.index(3)
    assert table_cell(wb, "Interventions", "cost_grade", row).value == first.cost_grade == 3
    assert table_cell(wb, "Interventions", "funding_nhs", row).value == 0.6
    assert table_cell(wb, "Interventions", "funding_council", row).value == 0.4
    assert table_cell(wb, "Interventions", "funding_vcse", row).value is None
    assert table_cell(wb, "Interventions", "qaly_gain_high", row).value == 0.04
    assert table_cell(wb, "Options", "name", 1).value == "Social prescribing only"


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
    path = write_workbook(Document.from_scenario(scenario), tmp_path / "s.xlsx")
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
    path = write_workbook(Document.from_scenario(replace(base, services=services)), tmp_path / "s.xlsx")
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
    path = write_workbook(Document.from_scenario(scenario), tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    assert len(named_cell(wb, "scenario_notes").value) == 32_767
    assert read_workbook(path).scenario.notes == scenario.notes


def test_edits_in_excel_are_read_and_listed_as_changes_in_the_words_people_see(tmp_path):
    doc = rich_document()
    source = write_workbook(doc, tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(source)
    reach = table_cell(wb, "Interventions", "reach", 2)  # option 2's social prescribing
    high = table_cell(wb, "Interventions", "reach_high", 2)
    edit_copy(source, tmp_path / "edited.xlsx", {"settings_seed": 7, ("Interventions", reach.coordinate): 0.02,
                                                 ("Interventions", high.coordinate): 0.03,
                                                 ("Options", table_cell(wb, "Options", "name", 2).coordinate): "All"})
    imported = read_workbook(tmp_path / "edited.xlsx")
    option = imported.document.options[1].interventions[1]
    # An exact reach was one cell: its blank low follows the central value typed over it.
    assert doc.options[1].interventions[1].reach == Uncertain.fixed(0.0054)
    assert option.reach == Uncertain(0.02, 0.02, 0.03)
    assert imported.document.options[2].name == "All" and imported.document.settings.seed == 7
    by_label = {c.field: (c.old_text, c.new_text, c.option) for c in imported.changes}
    assert by_label == {
        "Seed": ("20160301", "7", None),
        "Option 'Social prescribing only', Social prescribing: Reach per year": ("0.54%", "2%", 1),
        "Option 'Social prescribing only', Social prescribing: Reach per year (low)": ("0.54%", "2%", 1),
        "Option 'Social prescribing only', Social prescribing: Reach per year (high)": ("0.54%", "3%", 1),
        "Option 'All': name": ("Full mix", "All", 2),
    }
    assert all("[" not in c.field and "." not in c.field.split(":")[0] for c in imported.changes)  # no paths
    assert imported.changes[0].option is None  # the shared frame first, then option by option
    groups = by_option(imported.changes, imported.document)
    assert [title for title, _ in groups] == ["Shared inputs (area, settings, services)",
                                             "Option 2: Social prescribing only", "Option 3: All"]


def test_a_figure_changed_in_the_workbook_is_credited_to_the_workbook(tmp_path):
    """Provenance follows the figure: a new value under the old source cannot keep that source."""
    doc = default_document()
    source = write_workbook(doc, tmp_path / "s.xlsx")
    edit_copy(source, tmp_path / "edited.xlsx", {"area_population": 500_000, "area_adult_share": 1.0,
                                                 "area_sources_adult_share": "Local survey 2026",
                                                 "area_sources_adult_share_date": "2026-10-01"})
    area = read_workbook(tmp_path / "edited.xlsx").document.area
    today = dt.date.today().isoformat()
    assert area.source_of("population") == FigureSource("Changed in the workbook 'edited.xlsx'", today)
    assert area.source_of("adult_share") == FigureSource("Local survey 2026", "2026-10-01")
    assert area.source_of("over65_share") == doc.area.source_of("over65_share")  # untouched figures keep theirs


def test_a_source_typed_as_a_date_or_badly_is_handled(tmp_path):
    source = write_workbook(default_document(), tmp_path / "s.xlsx")
    edit_copy(source, tmp_path / "date.xlsx", {"area_sources_population_date": dt.datetime(2026, 3, 31)})
    assert read_workbook(tmp_path / "date.xlsx").document.area.source_of("population").date == "2026-03-31"
    edit_copy(source, tmp_path / "bad.xlsx", {"area_sources_population_date": "31/03/2026"})
    with pytest.raises(InputFileError) as info:
        read_workbook(tmp_path / "bad.xlsx")
    (problem,) = info.value.problems
    assert problem.where.startswith("sheet 'Area', cell F") and "YYYY-MM-DD" in problem.message


def _swap_first_and_last_columns(ws) -> None:
    last = ws.max_column
    for row in range(1, ws.max_row + 1):
        a, b = ws.cell(row, 1), ws.cell(row, last)
        a.value, b.value = b.value, a.value


def test_reordered_columns_extra_rows_and_extra_sheets_are_tolerated(tmp_path):
    scenario = default_scenario()
    source = write_workbook(Document.from_scenario(scenario), tmp_path / "s.xlsx")
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
    wb = openpyxl.load_workbook(write_workbook(Document.from_scenario(scenario), tmp_path / "s.xlsx"))
    for title, name in (("Interventions", "Interventions"), ("Services", "Services"), ("Baseline use", "BaselineUse")):
        del wb[title].tables[name]
    _swap_first_and_last_columns(wb["Interventions"])
    wb.save(tmp_path / "plain.xlsx")
    assert read_workbook(tmp_path / "plain.xlsx").scenario == scenario


def test_reading_never_changes_the_users_file(tmp_path):
    path = write_workbook(Document.from_scenario(default_scenario()), tmp_path / "s.xlsx")
    before = path.read_bytes()
    read_workbook(path)
    assert path.read_bytes() == before


def _at_export(wb, key: str, option: int):
    """The value RtV Desktop wrote for ``key`` in the block below the live figures."""
    ws = named_cell(wb, "npv_fiscal").parent
    top = next(c.row for c in ws["A"] if c.value == "RtV Desktop at export (values, not live)")
    row = next(c.row for c in ws["A"] if c.row > top and c.value == ws.cell(named_cell(wb, key).row, 1).value)
    return ws.cell(row, named_cell(wb, f"opt{option + 1}_{key}").column).value


def test_results_at_export_are_shown_below_the_live_formulas(tmp_path):
    doc = rich_document()
    comparison = compare(doc)
    wb = openpyxl.load_workbook(write_workbook(doc, tmp_path / "s.xlsx", results=comparison))
    for k, result in enumerate(comparison.options):
        assert _at_export(wb, "npv_social", k) == pytest.approx(result.summary["npv_social"], rel=1e-15)
    first = doc.scenario(0)
    one_path = write_workbook(Document.from_scenario(first), tmp_path / "one.xlsx", results=run(first))
    one = openpyxl.load_workbook(one_path)
    assert _at_export(one, "pv_cost", 0) == pytest.approx(comparison.options[0].summary["pv_cost"], rel=1e-15)


def test_uncertainty_sheet_holds_last_simulation_values_clearly_labelled(tmp_path):
    from rtv_desktop.core import tornado

    doc = rich_document()
    simulation = simulate(doc, iterations=300, seed=11)
    rows = tornado(doc.scenario(1))
    wb = openpyxl.load_workbook(write_workbook(doc, tmp_path / "s.xlsx", simulation=simulation, tornado_rows=rows))
    ws = wb["Uncertainty"]
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert ws["A2"].value.startswith("Values from the last run in RtV Desktop, not live")
    assert 300 in values and 11 in values and 0.3 in values  # iterations, seed, the correlation used
    numbers = [v for v in values if isinstance(v, (int, float))]

    def written(x: float) -> bool:  # cells keep 16 significant digits
        return any(v == pytest.approx(x, rel=1e-15) for v in numbers)

    for k, option in enumerate(simulation.options):
        assert f"Option {k + 1}: {option.name}" in values
        assert written(option.summary["npv_social"]["p95"]) and written(option.summary["prob_nmb_positive"])
        assert written(simulation.prob_best_social[k])
    assert written(simulation.evpi_social) and written(simulation.evpi_fiscal)
    assert rows[0].label in values and written(rows[0].swing)
    hidden = {wb["_rtv"].cell(r, 1).value: wb["_rtv"].cell(r, 2).value for r in range(1, 7)}
    assert (hidden["seed"], hidden["iterations"]) == ("11", 300)


def test_assumptions_log_lists_sources_and_each_area_figures_own(tmp_path):
    from rtv_desktop.io.areas.bundled import ONS_ATTRIBUTION

    doc = rich_document()
    doc = replace(doc, area=doc.area.with_sources(population=FigureSource("Typed in", "2026-11-30")))
    wb = openpyxl.load_workbook(write_workbook(doc, tmp_path / "s.xlsx"))
    values = {c.value for row in wb["Assumptions"].iter_rows() for c in row if c.value is not None}
    assert ONS_ATTRIBUTION in values
    assert all(svc.source in values for svc in doc.services)
    assert "This area: Population (all ages)" in values and "Typed in" in values and "2026-11-30" in values
    assert "Option 'Full mix': Peer support" in values


def test_effects_and_funding_keep_their_order_when_unchanged(tmp_path):
    base = default_scenario()
    first = base.interventions[0]
    reordered = replace(first, effect=tuple(reversed(first.effect)), funding=(("council", 0.3), ("nhs", 0.7)))
    scenario = replace(base, interventions=(reordered, *base.interventions[1:]))
    imported = read_workbook(write_workbook(Document.from_scenario(scenario), tmp_path / "s.xlsx"))
    assert imported.scenario == scenario and imported.changes == []


def test_the_hidden_copy_is_the_documents_json(tmp_path):
    doc = rich_document()
    wb = openpyxl.load_workbook(write_workbook(doc, tmp_path / "s.xlsx"))
    ws = wb["_rtv"]
    count = next(ws.cell(r, 2).value for r in range(1, 8) if ws.cell(r, 1).value == "json_chunks")
    text = "".join(ws.cell(8 + k, 1).value for k in range(count))
    hidden = json.loads(text)
    log = hidden.pop("export_log")  # the export adds its own row to the document's log
    assert hidden == {key: value for key, value in doc.to_dict().items() if key != "export_log"}
    assert [record["changes"] for record in log["records"]] == [["first export"]]


def test_a_version_1_workbook_opens_as_one_option_with_the_same_figures():
    """tests/fixtures/v1: a workbook exported by version 1, its scenario file and its summary."""
    imported = read_workbook(FIXTURES / "greater-manchester-v1.xlsx")
    doc = imported.document
    expected = Document.from_dict(json.loads((FIXTURES / "greater-manchester-v1.json").read_text()))
    assert doc == expected
    assert [o.name for o in doc.options] == ["Greater Manchester pilot"] and doc.comparator is None
    assert imported.exported_from == expected and imported.changes == []
    assert doc.area.source_of("population").source == "ONS mid-2022 (as recorded in the file)"
    summary = json.loads((FIXTURES / "greater-manchester-v1.summary.json").read_text())
    got = run(doc.scenario(0)).summary
    for key, value in summary.items():
        assert got[key] == (None if value is None else pytest.approx(value, rel=1e-12)), key


def test_a_version_1_workbook_edited_in_excel_reads_its_edits(tmp_path):
    target = tmp_path / "v1-edited.xlsx"
    edit_copy(FIXTURES / "greater-manchester-v1.xlsx", target, {"area_population": 2_900_000})
    imported = read_workbook(target)
    assert imported.document.area.population == 2_900_000
    # The figure changed; its source follows it (credited to the workbook) without being a change of its own.
    assert [c.field for c in imported.changes] == ["Population (all ages)"]
    assert imported.document.area.source_of("population").source == "Changed in the workbook 'v1-edited.xlsx'"


def test_a_version_1_file_with_few_draws_still_opens(tmp_path):
    """Version 1 accepted any number of iterations from 1: such files open, and check clean."""
    data = json.loads((FIXTURES / "greater-manchester-v1.json").read_text())
    data["settings"]["iterations"] = 50
    path = tmp_path / "few-draws.json"
    path.write_text(json.dumps(data))
    assert load_document(path).settings.iterations == 50


def test_a_workbook_from_before_ranges_on_baseline_use_and_cashable_shares_reads_them_as_exact(tmp_path):
    """Version-2 workbooks have no low and high columns for baseline use and cashable shares (they are
    new columns at the end of the tables since version 3): the central cells are read, known exactly."""
    doc = Document.from_scenario(default_scenario())
    wb = openpyxl.load_workbook(write_workbook(doc, tmp_path / "s.xlsx"))
    for title, name in (("Services", "Services"), ("Baseline use", "BaselineUse")):
        ws = wb[title]
        del ws.tables[name]
        headers = {cell.value: cell.column for cell in ws[5] if cell.value}
        for header in sorted((h for h in headers if h.endswith(("_low", "_high")) and not h.startswith("unit_cost")),
                             key=headers.get, reverse=True):
            ws.delete_cols(headers[header])
    wb.save(tmp_path / "old.xlsx")
    read = read_workbook(tmp_path / "old.xlsx").document
    gp = read.services[0]
    assert gp.unit_cost == doc.services[0].unit_cost  # ranges that were there before stay
    assert gp.baseline[1] == Uncertain.fixed(doc.services[0].baseline[1].central)
    assert read.services[2].cashable_share == Uncertain.fixed(doc.services[2].cashable_share.central)
    assert not doc.services[2].cashable_share.is_fixed and not doc.services[0].baseline[1].is_fixed


def test_the_decision_start_year_and_inflation_round_trip_and_the_cover_is_titled(tmp_path):
    doc = default_document()
    doc = replace(doc, name="", decision="=The board is asked to fund two years.",
                  area=replace(doc.area, area_name="Greater Manchester"),
                  settings=replace(doc.settings, start_year="2026/27", inflation_rate=0.02,
                                   inflation_source="OBR, March 2026"))
    path = write_workbook(doc, tmp_path / "board.xlsx")
    imported = read_workbook(path)
    assert imported.document == doc and imported.changes == []
    wb = openpyxl.load_workbook(path)
    assert wb["Cover"]["A1"].value == "Greater Manchester: Six approaches"
    assert wb["Cover"]["A1"].data_type == "s" and named_cell(wb, "scenario_decision").data_type == "s"
    assert wb["Settings"].oddHeader.left.text == "Greater Manchester: Six approaches"
