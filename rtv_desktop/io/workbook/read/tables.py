"""Finding input tables by their headers, whatever the column order or extra rows.

An RtV table is an Excel table (``Interventions``, ``Services``, ``BaselineUse``); when a
copy has lost the table object, the header row is found by its column keys instead.
Fully blank rows are skipped; rows typed just below a table are read too.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils.cell import range_boundaries

from .cells import CellReader

HEADER_SEARCH_ROWS = 40


@dataclass(frozen=True)
class TableRows:
    """One input table: its sheet, header columns by key and the non-blank data rows."""

    ws: object
    columns: dict[str, int]
    rows: tuple[int, ...]
    header_row: int

    def cell(self, row: int, key: str):
        return self.ws.cell(row, self.columns[key])

    def has(self, key: str) -> bool:
        return key in self.columns


def _key(value) -> str:
    return str(value).strip().lower() if value is not None else ""


def _header(ws, row: int, last_column: int | None = None) -> dict[str, int]:
    out: dict[str, int] = {}
    for col in range(1, (last_column or ws.max_column) + 1):
        key = _key(ws.cell(row, col).value)
        if key and key not in out:
            out[key] = col
    return out


def _locate(ws, table_name: str, required: tuple[str, ...]) -> tuple[int, int | None] | None:
    """(header row, last table row or None) of the table, or None when not found."""
    tables = {name: ws.tables[name] for name in ws.tables.keys()}
    candidates = [tables[table_name]] if table_name in tables else list(tables.values())
    for table in candidates:
        min_col, min_row, max_col, max_row = range_boundaries(table.ref)
        if all(key in _header(ws, min_row) for key in required):
            return min_row, max_row
    for row in range(1, min(ws.max_row, HEADER_SEARCH_ROWS) + 1):
        if all(key in _header(ws, row) for key in required):
            return row, None
    return None


def _blank(ws, row: int, columns) -> bool:
    return all(ws.cell(row, col).value in (None, "") for col in columns)


def read_table(wb, cells: CellReader, sheet: str, table_name: str, required: tuple[str, ...],
               ignored: tuple[str, ...] = ()) -> TableRows | None:
    """The table ``table_name`` on ``sheet``; problems are recorded in ``cells``.

    ``required`` lists the header keys that must be present; a row holding nothing but ``ignored``
    columns (the calculation sheet of a row whose inputs were cleared) is a blank row.
    """
    if sheet not in wb.sheetnames:
        cells.fail(sheet, None, "is missing. Export a fresh workbook from RtV Desktop and copy your values in.")
        return None
    ws = wb[sheet]
    found = _locate(ws, table_name, required)
    if found is None:
        header = _header(ws, 5)
        missing = [key for key in required if key not in header] or list(required)
        cells.fail(sheet, None, f"has no header row with the column(s) {', '.join(missing)}. Keep the header row "
                                "of the table as exported (the names in the shaded row).")
        return None
    header_row, last = found
    columns = _header(ws, header_row)
    read = [col for key, col in columns.items() if key not in ignored]
    rows = []
    row = header_row + 1
    end = last if last is not None else ws.max_row
    while row <= end or (last is not None and row <= ws.max_row and not _blank(ws, row, read)):
        if not _blank(ws, row, read):
            rows.append(row)
        row += 1
    return TableRows(ws, columns, tuple(rows), header_row)
