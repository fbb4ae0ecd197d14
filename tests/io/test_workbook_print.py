"""Every sheet prints legibly: A4, fit to width (never squeezed onto one page), titles repeated,
the scenario's name at the top and page numbers at the foot; the Results sheet at a readable scale."""

from __future__ import annotations

from dataclasses import replace

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, get_column_letter

from rtv_desktop.io.workbook.write import write_workbook

from .workbook_cases import named_cell, rich_document

# Landscape A4 less the 0.5 inch side margins, in screen pixels (96 per inch).
LANDSCAPE_WIDTH_PX = (11.69 - 1.0) * 96


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    doc = replace(rich_document(), name="Three options & a comparator\r\n=cmd")
    return openpyxl.load_workbook(write_workbook(doc, tmp_path_factory.mktemp("print") / "p.xlsx"))


def test_every_sheet_fits_its_width_not_one_page(book):
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.fitToHeight == 0, ws.title  # as many pages down as it needs
        assert ws.page_setup.fitToWidth >= 1, ws.title
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4), ws.title


def test_every_sheet_has_the_scenario_name_on_top_and_page_numbers_below(book):
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        # "&" starts a code in a header, so it is doubled; line breaks would split the header.
        assert ws.oddHeader.left.text == "Three options && a comparator =cmd", ws.title
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text, ws.title
        assert ws.oddFooter.left.text == "&A", ws.title


def test_wide_sheets_print_landscape_with_titles_repeated(book):
    wide = ["Interventions", "By party", "Results by year", "Checks", "Area", "Settings", "Services", "Results",
            "Comparison"] + [t for t in book.sheetnames if t.startswith("Calc ")]
    for title in wide:
        assert book[title].page_setup.orientation == "landscape", title
    interventions = book["Interventions"]
    assert interventions.print_title_rows.replace("$", "") == "4:5"
    assert interventions.print_title_cols.replace("$", "") == "A:B"
    assert interventions.page_setup.fitToWidth > 1  # a wide table runs across pages instead of shrinking
    results = book["Results"]
    header = named_cell(book, "opt1_npv_fiscal").parent.cell(named_cell(book, "opt1_npv_fiscal").row, 1)
    assert results.print_title_rows and results.print_title_cols.replace("$", "") == "A:A"
    assert header.value


def test_the_results_sheet_prints_at_a_readable_scale(book):
    ws = book["Results"]
    last = column_index_from_string(named_cell(book, "opt3_npv_fiscal").column_letter) + 1  # the key column
    pixels = sum(int((ws.column_dimensions[get_column_letter(c)].width or 8.43) * 7 + 5) for c in range(1, last + 1))
    assert LANDSCAPE_WIDTH_PX / pixels >= 0.9  # fitting three options to the page's width keeps ~full size


def test_the_row_of_column_keys_under_the_headers_is_small_and_grey(tmp_path):
    from openpyxl import load_workbook

    from rtv_desktop.core import default_document
    from rtv_desktop.io import save_document
    from rtv_desktop.io.workbook.read.reader import read_workbook
    from rtv_desktop.io.workbook.sheets.input_tables import HEADER_ROW

    path = tmp_path / "doc.xlsx"
    save_document(default_document(), path)
    sheet = load_workbook(path)["Services"]
    labels, keys = sheet[HEADER_ROW - 1], sheet[HEADER_ROW]
    assert keys[0].value == "id" and labels[0].value != "id"  # the friendly header above the key
    assert all(cell.font.sz == 8 and cell.font.color.rgb.endswith("808080") for cell in keys if cell.value)
    assert sheet.row_dimensions[HEADER_ROW].height < sheet.row_dimensions[HEADER_ROW - 1].height
    assert read_workbook(path).document == default_document()  # still read by its keys
