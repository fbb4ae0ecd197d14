"""Item 9 of the workbook audit, the rest: a change log each export appends to (in the user's words),
a £000 view of the results for the pack, and By party's years labelled as financial years."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import openpyxl
import pytest

from rtv_desktop import __version__, cli
from rtv_desktop.core import Uncertain
from rtv_desktop.core.years import financial_year
from rtv_desktop.io.workbook.change_log import NOTHING_CHANGED
from rtv_desktop.io.workbook.read.reader import read_workbook
from rtv_desktop.io.workbook.sheets.thousands import KEYS, THOUSANDS
from rtv_desktop.io.workbook.write import export_workbook, write_workbook

from .libreoffice import recalculate, requires_libreoffice
from .workbook_cases import edit_copy, rich_document

AUTHOR = "J. Patel, NHS Example ICB"


def with_peer_reach(doc, reach: float):
    """Option 3 ("Full mix") with peer support reaching ``reach`` of its group each year, exactly."""
    full = doc.options[2]
    ivs = tuple(replace(iv, reach=Uncertain(reach, reach, reach)) if iv.approach == "peer_support" else iv
                for iv in full.interventions)
    return replace(doc, options=(*doc.options[:2], replace(full, interventions=ivs)))


@pytest.fixture(scope="module")
def doc():
    return with_peer_reach(replace(rich_document(), author=AUTHOR), 0.005)


@pytest.fixture(scope="module")
def book(doc, tmp_path_factory):
    return openpyxl.load_workbook(write_workbook(doc, tmp_path_factory.mktemp("thousands") / "pack.xlsx"))


def log_rows(path) -> list[tuple]:
    ws = openpyxl.load_workbook(path)["Change log"]
    assert [c.value for c in ws[4]] == ["Exported on", "RtV Desktop version", "Author",
                                        "What changed since the previous export"]
    return [row for row in ws.iter_rows(min_row=5, max_col=4, values_only=True) if any(row)]


# -- the change log ---------------------------------------------------------------------------------
def test_each_export_appends_a_row_saying_what_changed_in_the_users_words(doc, tmp_path):
    first = export_workbook(doc, tmp_path / "first.xlsx")
    assert [r.changes for r in first.export_log.records] == [("first export",)]
    second = export_workbook(with_peer_reach(first, 0.008), tmp_path / "second.xlsx")
    record = second.export_log.records[-1]
    # One line for an exact value (not its low, central and high), in the labels of the screen.
    assert record.changes == ("Option 'Full mix', Peer support: Reach per year: 0.5% -> 0.8%",)
    assert (record.version, record.author) == (__version__, AUTHOR)
    assert dt.datetime.strptime(record.at, "%Y-%m-%d %H:%M").date() == dt.date.today()
    rows = log_rows(tmp_path / "second.xlsx")
    assert [row[3] for row in rows] == ["first export", record.changes[0]]
    assert [row[:3] for row in rows] == [(r.at, __version__, AUTHOR) for r in second.export_log.records]


def test_a_workbook_read_back_keeps_its_log_and_the_next_row_lists_edits_made_in_excel(doc, tmp_path):
    exported = export_workbook(doc, tmp_path / "sent.xlsx")
    edit_copy(tmp_path / "sent.xlsx", tmp_path / "returned.xlsx", {"area_population": 250_000})
    imported = read_workbook(tmp_path / "returned.xlsx").document
    assert imported.export_log == exported.export_log  # from the hidden copy of the document
    again = export_workbook(imported, tmp_path / "again.xlsx")
    assert again.export_log.records[-1].changes == ("Population (all ages): 1,000,000 -> 250,000",)
    unchanged = export_workbook(again, tmp_path / "unchanged.xlsx")
    assert [r.changes for r in unchanged.export_log.records][1:] == [again.export_log.records[-1].changes,
                                                                     (NOTHING_CHANGED,)]
    assert len(log_rows(tmp_path / "unchanged.xlsx")) == 3


def test_the_command_line_appends_to_the_log_of_the_workbook_it_reads(tmp_path, capsys):
    assert cli.main(["template", str(tmp_path / "template.xlsx")]) == 0
    assert [row[3] for row in log_rows(tmp_path / "template.xlsx")] == ["first export"]
    assert cli.main(["run", str(tmp_path / "template.xlsx"), "--out", str(tmp_path / "run.xlsx")]) == 0
    assert [row[3] for row in log_rows(tmp_path / "run.xlsx")] == ["first export", NOTHING_CHANGED]


def test_the_change_log_is_on_the_contents_sheet(book):
    purposes = {row[0]: row[1] for row in book["Contents"].iter_rows(min_row=5, max_col=2, values_only=True)}
    assert purposes["Change log"].startswith("Each export of this document")
    assert purposes["Summary £000"].startswith("The main money figures of each option")


# -- the £000 view -----------------------------------------------------------------------------------
def results_rows(book) -> dict[str, int]:
    ws = book["Results"]
    key_column = 3 + 3  # after Figure, Unit and the three options
    return {ws.cell(r, key_column).value: r for r in range(6, ws.max_row + 1) if ws.cell(r, key_column).value}


def test_the_thousands_sheet_refers_to_results_and_shows_thousands_in_brackets(book):
    ws, rows = book["Summary £000"], results_rows(book)
    assert book.sheetnames.index("Summary £000") == book.sheetnames.index("Results") + 1
    labels = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
    assert len(labels) == len(KEYS) and labels["Net social value"] and labels["Cost (present value)"]
    for r in range(6, 6 + len(KEYS)):
        assert ws.cell(r, 2).value == "£000"
        key = next(k for k, row in rows.items() if book["Results"].cell(row, 1).value == ws.cell(r, 1).value)
        for k, col in enumerate("CDE"):
            assert ws[f"{col}{r}"].value == f"=Results!${col}${rows[key]}", (key, k)
            assert ws[f"{col}{r}"].number_format == THOUSANDS == "#,##0,;(#,##0,)"
    assert [ws.cell(5, 3 + k).value for k in range(3)] == [f"=INDEX(option_names,{k + 1})" for k in range(3)]


def test_the_thousands_sheet_is_in_the_print_pack(book):
    ws = book["Summary £000"]
    assert ws.print_area and ws.print_area.replace("$", "").endswith(f"{ws.max_row}")
    contents = " ".join(str(c.value) for row in book["Contents"].iter_rows() for c in row if c.value)
    assert "The pack is Cover, Results, Summary £000, Comparison, By party, Assumptions" in contents


# -- By party's years ----------------------------------------------------------------------------------
def test_by_partys_yearly_table_is_labelled_by_financial_year(book):
    ws = book["By party"]
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Financial year"]
    assert len(rows) == 3  # one per option's yearly table
    for r in rows:
        assert str(ws.cell(r - 1, 1).value).startswith("Undiscounted cash flow by year")
        assert [ws.cell(r - 1, 3 + t).value for t in range(3)] == [0, 1, 2]
        assert "settings_start_year" in ws.cell(r, 3).value and f"C${r - 1}" in ws.cell(r, 3).value
        assert ws.cell(r + 1, 1).value.startswith("NHS")  # the parties' rows follow


@pytest.mark.libreoffice
@requires_libreoffice
def test_recalculated_thousands_equal_results_and_years_follow_the_start_year(doc, tmp_path):
    path = write_workbook(doc, tmp_path / "pack.xlsx")
    edit_copy(path, tmp_path / "later.xlsx", {"settings_start_year": "2030/31"})
    kept, later = (openpyxl.load_workbook(p, data_only=True)
                   for p in recalculate([path, tmp_path / "later.xlsx"], tmp_path / "out"))
    ws, results = kept["Summary £000"], kept["Results"]
    rows = results_rows(kept)
    by_label = {results.cell(row, 1).value: row for row in rows.values()}
    compared = 0
    for r in range(6, 6 + len(KEYS)):
        for col in "CDE":
            assert ws[f"{col}{r}"].value == pytest.approx(results[f"{col}{by_label[ws.cell(r, 1).value]}"].value)
            compared += ws[f"{col}{r}"].value != 0
    assert compared > 20  # real figures, not zeros

    def years(wb) -> list:
        sheet = wb["By party"]
        row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Financial year")
        return [sheet.cell(row, 3 + t).value for t in range(10)]

    assert years(kept) == [financial_year(doc.settings.start_year, t) for t in range(10)]
    assert years(later) == [financial_year("2030/31", t) for t in range(10)]
