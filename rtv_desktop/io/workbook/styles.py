"""Cell styles of an RtV workbook: yellow unlocked inputs, locked calculated cells.

A finance analyst should see at a glance what they may change (light yellow) and what
is calculated (white, locked); titles, units and widths make each sheet readable printed.
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation

from .text_cells import write_text

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
KEY_FILL = PatternFill("solid", fgColor="E2EFDA")
TITLE_FONT = Font(bold=True, size=14, color="1F3864")
SUBTITLE_FONT = Font(italic=True, color="595959")
HEADER_FONT = Font(bold=True)
BOLD = Font(bold=True)
UNLOCKED = Protection(locked=False)
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def title(ws, text: str, subtitle: str = "") -> None:
    """Sheet title in A1 and a one-line explanation in A2."""
    ws["A1"] = text
    ws["A1"].font = TITLE_FONT
    if subtitle:
        ws["A2"] = subtitle
        ws["A2"].font = SUBTITLE_FONT


def as_input(cell, fmt: str) -> None:
    """Style ``cell`` as an input: light yellow, unlocked, with number format ``fmt``."""
    cell.style = _named_style(cell.parent.parent, "input", fmt, False)


def as_calc(cell, fmt: str, bold: bool = False) -> None:
    """Style ``cell`` as calculated (locked, the default protection)."""
    cell.style = _named_style(cell.parent.parent, "calculated", fmt, bold)


# Named styles registered per workbook: one named style is far cheaper to assign to thousands
# of cells than four separate style parts, and appears in Excel's Cell Styles gallery.
_REGISTERED: WeakKeyDictionary = WeakKeyDictionary()


def _named_style(wb, kind: str, fmt: str, bold: bool) -> str:
    name = f"RtV {kind} {fmt}" + (" bold" if bold else "")
    registered = _REGISTERED.setdefault(wb, set())
    if name not in registered:
        style = NamedStyle(name=name, number_format=fmt, border=BOX, font=BOLD if bold else Font())
        if kind == "input":
            style.fill, style.protection = INPUT_FILL, UNLOCKED
        wb.add_named_style(style)
        registered.add(name)
    return name


def wrap(cell, width: float) -> None:
    """Wrap ``cell``'s text and make its row tall enough (spreadsheets do not refit rows on opening)."""
    cell.alignment = WRAP
    lines = max(1, -(-len(str(cell.value or "")) // max(1, int(width * 1.1))))
    dims = cell.parent.row_dimensions[cell.row]
    dims.height = max(dims.height or 15, 15 * lines)


def header_row(ws, row: int, labels, first_column: int = 1) -> None:
    """Bold, shaded header cells from ``first_column``."""
    for offset, label in enumerate(labels):
        cell = ws.cell(row, first_column + offset)
        if isinstance(label, str):
            write_text(cell, label)  # headers may carry user text (service names and ids)
        else:
            cell.value = label
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center")


KEY_FONT = Font(size=8, italic=True, color="808080")
KEY_ROW_FILL = PatternFill("solid", fgColor="F2F2F2")


def key_row(ws, row: int, count: int) -> None:
    """Grey a table's row of column keys under the friendly headers: it is there for the reader of
    the workbook and for formulas, not for the person reading the sheet."""
    for column in range(1, count + 1):
        cell = ws.cell(row, column)
        cell.font, cell.fill = KEY_FONT, KEY_ROW_FILL
        cell.alignment = Alignment(vertical="center")
    ws.row_dimensions[row].height = 12


def widths(ws, values: dict[str, float]) -> None:
    for letter, width in values.items():
        ws.column_dimensions[letter].width = width


def protect(ws) -> None:
    """Turn sheet protection on without a password (formula cells locked, inputs not).

    Resizing columns and rows stays allowed so a reader can make room to read.
    """
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def print_layout(ws, landscape: bool = False, title_rows: str | None = None, title_cols: str | None = None,
                 pages_wide: int = 1) -> None:
    """How a sheet prints: A4, ``pages_wide`` pages across and as many down as it needs.

    Fitting to width (never to one page) keeps the text a readable size however long the
    sheet is; ``title_rows`` / ``title_cols`` repeat on every printed page.
    """
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = pages_wide
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    if title_rows:
        ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f\ufffe\uffff]+")


def header_text(text: str) -> str:
    """Text for a printed header: one line, no control characters, ``&`` (a code there) doubled; kept short."""
    return _UNPRINTABLE.sub(" ", text or "").replace("&", "&&")[:100]


DRAFT = "Draft"


def status_header(version: str, exported_on: str) -> str:
    """The printed header's right part: the app version, the export date and the status."""
    return header_text(f"RtV Desktop {version}, exported {exported_on}, {DRAFT}")


def print_headers(wb, scenario_name: str, version: str, exported_on: str) -> None:
    """Every sheet prints the scenario's name, the app version, the export date and "Draft" at the top and
    the sheet and page number at the foot."""
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        if not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage:
            print_layout(ws)
        ws.oddHeader.left.text = header_text(scenario_name)
        ws.oddHeader.right.text = status_header(version, exported_on)
        ws.oddFooter.left.text = "&A"
        ws.oddFooter.right.text = "Page &P of &N"


LONG_SHEET_ROWS = 30  # a sheet longer than this scrolls its headings away on a laptop screen


def keep_headings(wb) -> None:
    """On every long visible sheet, the title rows stay in view and print on each page.

    Sheets that chose their own frozen panes or print titles keep them; the others freeze the
    title rows (1 to 3) and the first column, and repeat the title rows on every printed page.
    """
    for ws in wb.worksheets:
        if ws.sheet_state != "visible" or ws.max_row <= LONG_SHEET_ROWS:
            continue
        if not ws.freeze_panes:
            ws.freeze_panes = "B4"
        if not ws.print_title_rows:
            ws.print_title_rows = "1:3"


class Validations:
    """Data validations of one sheet, one rule object per distinct rule (fewer XML nodes)."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.rules: dict[tuple, DataValidation] = {}

    def add(self, rule: tuple | None, coordinate: str) -> None:
        if rule is None:
            return
        if rule not in self.rules:
            self.rules[rule] = _validation(rule)
            self.ws.add_data_validation(self.rules[rule])
        self.rules[rule].add(coordinate)


def _validation(rule: tuple) -> DataValidation:
    """``(type, first, second[, allowed range in words])``: a list of choices or a range."""
    kind, first, second = rule[:3]
    if kind == "list":
        dv = DataValidation(type="list", formula1=f'"{first}"', allow_blank=True)
        dv.error = f"Choose one of: {first.replace(',', ', ')}"
    else:
        dv = DataValidation(type=kind, operator="between", formula1=_number(first), formula2=_number(second),
                            allow_blank=True)
        what = "a whole number" if kind == "whole" else "a number"
        allowed = rule[3] if len(rule) > 3 else f"from {first:,g} to {second:,g}"
        dv.error = f"Enter {what} {allowed}."
    dv.errorTitle = "Value out of range"
    dv.showErrorMessage = True
    return dv


def _number(value) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
