"""The workbook's record and presentation: the Assumptions log lists what the document uses,
an exact value is one cell, the Uncertainty sheet says when its simulation ran and whether the
Settings still match it, and the sheets a finance team expects (contents, financial years,
negatives in brackets, frozen headings, print pack, draft header)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import openpyxl
import pytest

from rtv_desktop import __version__
from rtv_desktop.core import Uncertain, service_catalogue, simulate, source_for
from rtv_desktop.io.workbook.read.reader import read_workbook
from rtv_desktop.io.workbook.sheets.assumptions import ENTERED
from rtv_desktop.io.workbook.sheets.uncertainty import CHANGED, RAN_LABEL
from rtv_desktop.io.workbook.write import write_workbook

from rtv_desktop.core.years import financial_year

from .libreoffice import recalculate, requires_libreoffice
from .workbook_cases import edit_copy, named_cell, rich_document, table_cell

PACK = ("Cover", "Results", "Comparison", "By party", "Assumptions")


@pytest.fixture(scope="module")
def doc():
    """The rich document with option 3's peer support reaching twice as many people."""
    base = rich_document()
    third = base.options[2]
    peers = next(iv for iv in third.interventions if iv.approach == "peer_support")
    changed = replace(peers, reach=Uncertain(0.0054, 0.004, 0.007))
    ivs = tuple(changed if iv is peers else iv for iv in third.interventions)
    return replace(base, options=(*base.options[:2], replace(third, interventions=ivs)))


@pytest.fixture(scope="module")
def book(doc, tmp_path_factory):
    return openpyxl.load_workbook(write_workbook(doc, tmp_path_factory.mktemp("log") / "log.xlsx"))


def _log(book) -> dict[str, tuple]:
    ws = book["Assumptions"]
    return {row[0]: row[1:] for row in ws.iter_rows(min_row=5, values_only=True) if row[0]}


# -- item 6: the log lists what the document uses ------------------------------------------------
def test_the_log_lists_the_documents_services_not_the_catalogues_others(doc, book):
    items = _log(book)
    in_doc = {svc.id for svc in doc.services}
    for svc in service_catalogue():
        listed = any(item.startswith(f"Service: {svc.name}") for item in items)
        assert listed == (svc.id in in_doc), svc.id
    assert not any(item.startswith("services.") for item in items)  # no shipped-defaults dump


def test_a_changed_reach_appears_with_its_value_as_entered(book):
    items = _log(book)
    reach = items["Option 'Full mix': Peer support: Reach per year"]
    assert reach[:3] == ("0.54% (0.4% to 0.7%)", ENTERED, "2024/25")
    unchanged = items["Option 'Full mix': Peer support: Completion"]
    assert unchanged[1] == source_for("approach.peer_support.completion").source


def test_every_intervention_row_names_a_source_and_a_price_year(doc, book):
    names = {iv.name for option in doc.options for iv in option.interventions}
    rows = [(item, *rest) for item, rest in _log(book).items()
            if item.startswith("Option '") and item.split(": ")[1] in names]
    assert len(rows) > 3 * 20  # every input of every intervention
    assert all(source and year for _, _, source, year, *_ in rows), [r for r in rows if not (r[2] and r[3])]


def test_the_optimism_bias_table_says_it_raises_costs_and_harms(book):
    settings = [c.value for row in book["Settings"].iter_rows() for c in row if isinstance(c.value, str)]
    heading = next(text for text in settings if text.startswith("Optimism bias by evidence grade"))
    assert "lowers benefits" in heading and "raises harms" in heading and "raises costs" in heading
    assert "haircut" not in heading
    assert any("raises costs" in item for item in _log(book) if item.startswith("Settings: Optimism bias"))


# -- item 7: an exact value is one cell ----------------------------------------------------------
def test_an_exact_value_is_one_cell_and_its_central_alone_can_change(doc, tmp_path):
    path = write_workbook(doc, tmp_path / "exact.xlsx")
    wb = openpyxl.load_workbook(path)
    coaching = doc.options[0].interventions[0]
    assert coaching.reach.low == coaching.reach.central == coaching.reach.high
    assert table_cell(wb, "Interventions", "reach").value == coaching.reach.central
    assert table_cell(wb, "Interventions", "reach_low").value is None
    assert table_cell(wb, "Interventions", "reach_high").value is None
    ranged = table_cell(wb, "Interventions", "cost_per_starter_high")
    assert ranged.value == coaching.cost_per_starter.high  # a real range keeps its three cells
    table_cell(wb, "Interventions", "reach").value = 0.02
    wb.save(tmp_path / "edited.xlsx")
    read = read_workbook(tmp_path / "edited.xlsx")
    assert read.document.options[0].interventions[0].reach == Uncertain.fixed(0.02)
    assert [c.label for c in read.changes if "Reach" in c.label]


# -- item 8: the simulation's record -------------------------------------------------------------
def test_the_uncertainty_sheet_says_when_the_simulation_ran_and_flags_changed_settings(doc, tmp_path):
    before = dt.datetime.now().replace(microsecond=0)
    simulation = simulate(doc, iterations=300, seed=11)
    wb = openpyxl.load_workbook(write_workbook(doc, tmp_path / "u.xlsx", simulation=simulation))
    ws = wb["Uncertainty"]
    pairs = {row[0].value: row[1] for row in ws.iter_rows(max_col=2) if row[0].value}
    ran = dt.datetime.fromisoformat(pairs[RAN_LABEL].value)
    assert before <= ran <= dt.datetime.now()
    assert pairs["Iterations"].value == 300 and pairs["Seed"].value == 11
    flag = pairs["Settings still those of this run?"].value
    assert "settings_iterations<>300" in flag and "settings_seed<>11" in flag and CHANGED in flag
    assert {"settings_iterations", "settings_seed"} <= set(wb.defined_names)


# -- item 9: contents, years, formats, headings, print pack, header ------------------------------
def test_contents_comes_after_the_cover_and_links_every_sheet_with_its_purpose(book):
    assert book.sheetnames[:2] == ["Cover", "Contents"]
    ws = book["Contents"]
    links = {}
    for row in ws.iter_rows(min_row=5, max_col=2):
        if row[0].hyperlink is not None:
            links[row[0].value] = (row[0].hyperlink.location or row[0].hyperlink.target, row[1].value)
    visible = [s.title for s in book.worksheets if s.sheet_state == "visible"]
    assert list(links) == visible
    for sheet, (target, purpose) in links.items():
        assert target.lstrip("#").startswith((sheet, f"'{sheet}'")) and purpose, sheet
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "Inputs (" in text and "-> Calc sheets" in text and "-> Results" in text and "By party" in text
    assert all(sheet in text for sheet in PACK) and "_rtv" in text


def test_the_pack_sheets_have_print_areas(book):
    for sheet in PACK:
        ws = book[sheet]
        assert ws.print_area, sheet
        assert ws.print_area.replace("$", "").endswith(f"{ws.max_row}"), sheet


def test_year_columns_are_labelled_as_financial_years_from_the_start_year(doc, book):
    calc = book["Calc 1.1"]
    row = next(r for r in range(1, calc.max_row + 1) if calc.cell(r, 1).value == "Financial year")
    assert calc.cell(row - 1, 1).value == "Year t"
    assert "settings_start_year" in calc.cell(row, 3).value and f"C${row - 1}" in calc.cell(row, 3).value
    details = book["Results by year"]
    assert any(details.cell(r, 1).value == "Financial year" for r in range(1, 40))


def test_money_shows_negatives_in_brackets(book):
    assert named_cell(book, "opt1_npv_fiscal").number_format == "£#,##0;[Red](£#,##0)"
    assert named_cell(book, "opt1_nhs_net").number_format == "£#,##0;[Red](£#,##0)"


def test_every_long_sheet_keeps_its_headings_on_screen_and_on_paper(book):
    for ws in book.worksheets:
        if ws.sheet_state != "visible" or ws.max_row <= 30:
            continue
        assert ws.freeze_panes, ws.title
        assert ws.print_title_rows or ws.title == "Charts", ws.title


def test_every_sheet_prints_the_version_the_export_date_and_draft(book):
    today = dt.date.today().isoformat()
    for ws in book.worksheets:
        if ws.sheet_state == "visible":
            assert ws.oddHeader.right.text == f"RtV Desktop {__version__}, exported {today}, Draft", ws.title


@pytest.mark.libreoffice
@requires_libreoffice
def test_recalculated_years_and_flag_follow_the_settings(doc, tmp_path):
    """LibreOffice shows the financial years from the first delivery year, and the flag only once
    the Settings' seed differs from the one the simulation ran with."""
    doc = replace(doc, settings=replace(doc.settings, iterations=300, seed=11))
    simulation = simulate(doc, iterations=300, seed=11)
    kept = write_workbook(doc, tmp_path / "kept.xlsx", simulation=simulation)
    edit_copy(kept, tmp_path / "edited.xlsx", {"settings_seed": 12, "settings_start_year": "2030/31"})
    kept, edited = (openpyxl.load_workbook(p, data_only=True)
                    for p in recalculate([kept, tmp_path / "edited.xlsx"], tmp_path / "out"))

    def years(wb) -> list:
        calc = wb["Calc 1.1"]
        row = next(r for r in range(1, calc.max_row + 1) if calc.cell(r, 1).value == "Financial year")
        return [calc.cell(row, 3 + t).value for t in range(10)]

    def flag(wb) -> str:
        return next(row[1].value for row in wb["Uncertainty"].iter_rows(max_col=2)
                    if row[0].value == "Settings still those of this run?")

    start = doc.settings.start_year
    assert years(kept) == [financial_year(start, t) for t in range(10)]
    assert years(edited) == [financial_year("2030/31", t) for t in range(10)]
    assert flag(kept) != CHANGED and flag(edited) == CHANGED
