"""Reading the named inputs: scenario text (Cover), Area with each figure's source, Settings.

Each input is found by its workbook-level defined name; if a copy of the sheet lost its
names, the name written beside the input (column "Name in workbook") finds it instead.
Values go into the document's JSON form, which the core reads (:func:`rtv_desktop.core.read_document`),
so a value left blank takes the declared default exactly as a scenario file's would.
"""

from __future__ import annotations

import datetime as dt

from ....core import Area, Settings
from .cells import CellReader
from ..sheets.inputs import source_name
from ..layout import (
    AREA,
    COMPARATOR_NAME,
    COVER,
    OPTIONS,
    SCENARIO_TEXT,
    SETTINGS,
    defined_name,
    record_cells,
    series_field,
)

LABEL_SEARCH_ROWS = 80
LEGACY_PERIOD = "area_reference_period"  # version-1 workbooks named one reference period for the area


def named_cells(wb, name: str, sheet: str) -> list:
    """The cells a defined name points at, or the value cell labelled with ``name``; [] if none."""
    dn = wb.defined_names.get(name)
    if dn is not None:
        for title, coordinate in dn.destinations:
            if title in wb.sheetnames:
                cells = wb[title][coordinate.replace("$", "")]
                return [row[0] for row in cells] if isinstance(cells, tuple) else [cells]
    if sheet in wb.sheetnames:
        ws = wb[sheet]
        labelled = [r for r in range(1, min(ws.max_row, LABEL_SEARCH_ROWS) + 1)
                    if str(ws.cell(r, 4).value or "").split(" (")[0] == name]
        return [ws.cell(r, 2) for r in labelled]
    return []


def read_value(cells: CellReader, cell, path: str, column, required: bool):
    """One cell's value as the document's JSON holds it; ``None`` when blank or unreadable."""
    sheet = cell.parent.title
    if column.is_text:
        value = cells.text(cell, path, sheet, None if required else "")
        if getattr(column, "spec", None) is not None and column.spec.choices:
            value = value.strip()
        return value
    return cells.number(cell, path, sheet, required, integer=column.integer)


def _named(wb, cells: CellReader, name: str, sheet: str, path: str, column, required: bool, optional: bool):
    found = named_cells(wb, name, sheet)
    if not found:
        if not optional:
            cells.fail(sheet, None, f"has no input named '{name}' ({column.label}). Export a fresh workbook from "
                                    "RtV Desktop and copy your values into it.", path)
        return None
    return read_value(cells, found[0], path, column, required)


def read_cover(wb, cells: CellReader) -> dict:
    """Name, author, notes and the decision asked of the board from the Cover sheet (blank when missing)."""
    out = {}
    for attr, label in SCENARIO_TEXT:
        found = named_cells(wb, f"scenario_{attr}", COVER)
        out[attr] = cells.text(found[0], attr, found[0].parent.title, "") if found else ""
    return out


def _read_record(wb, cells: CellReader, cls, prefix: str, sheet: str, legacy: bool) -> dict:
    """Every named input of one record (area or settings); uncertain ends gathered into one value.

    In a version-1 workbook (``legacy``) an input it did not have is left to its default.
    """
    out: dict = {}
    for cell in record_cells(cls, skip_series=True):
        path = f"{prefix}.{cell.path}"
        required = cell.required if cell.is_text else cell.end in (None, "central")
        value = _named(wb, cells, defined_name(path), sheet, path, cell, required, legacy)
        if value is None:
            continue
        if cell.end is None:
            out[cell.name] = value
        else:
            out.setdefault(cell.name, {})[cell.end] = value
    for name, value in list(out.items()):
        if isinstance(value, dict) and "central" not in value:
            del out[name]  # the central value's problem is already recorded
    return out


def read_area(wb, cells: CellReader, legacy: bool) -> dict:
    """The area figures and, beside each, where it came from."""
    out = _read_record(wb, cells, Area, "area", AREA, False)
    if legacy:
        found = named_cells(wb, LEGACY_PERIOD, AREA)
        period = cells.text(found[0], LEGACY_PERIOD.replace("_", ".", 1), AREA, "") if found else ""
        if period:
            out[LEGACY_PERIOD.split("_", 1)[1]] = period
        return out
    out["sources"] = {}
    for cell in record_cells(Area):
        entry = _source(wb, cells, cell.name)
        if entry:
            out["sources"][cell.name] = entry
    return out


def _source(wb, cells: CellReader, name: str) -> dict:
    """A figure's source, date and need index; empty when all three are blank."""
    entry: dict = {}
    path = f"area.sources.{name}"
    found = named_cells(wb, source_name(name, "source"), AREA)
    if found:
        entry["source"] = cells.text(found[0], f"{path}.source", AREA, "")
    found = named_cells(wb, source_name(name, "date"), AREA)
    if found:
        value = found[0].value
        if isinstance(value, (dt.datetime, dt.date)):  # a date typed into the cell
            cells.locations[f"{path}.date"] = (AREA, found[0].coordinate)
            entry["date"] = (value.date() if isinstance(value, dt.datetime) else value).isoformat()
        else:
            entry["date"] = cells.text(found[0], f"{path}.date", AREA, "").strip()
    found = named_cells(wb, source_name(name, "need_index"), AREA)
    if found:
        index = cells.number(found[0], f"{path}.need_index", AREA, False)
        if index is not None:
            entry["need_index"] = index
    if not entry.get("source") and not entry.get("date") and "need_index" not in entry:
        return {}
    entry.setdefault("source", "")
    return entry


def read_settings(wb, cells: CellReader, legacy: bool) -> dict:
    out = _read_record(wb, cells, Settings, "settings", SETTINGS, legacy)
    name, _spec = series_field(Settings)
    path = f"settings.{name}"
    found = named_cells(wb, defined_name(path), SETTINGS)
    if not found:
        cells.fail(SETTINGS, None, f"has no input named '{defined_name(path)}' ({_spec.label}, one cell per grade). "
                                   "Export a fresh workbook from RtV Desktop.", path)
        return out
    values = [cells.number(cell, f"{path}[{k}]", cell.parent.title) for k, cell in enumerate(found)]
    out[name] = [v if v is not None else 0.0 for v in values]
    return out


def read_comparator(wb, cells: CellReader, numbers: list[int]) -> int | None:
    """The comparator's position among the options (``None``: doing nothing)."""
    found = named_cells(wb, COMPARATOR_NAME, OPTIONS)
    if not found:
        return None
    cell = found[0]
    number = cells.number(cell, COMPARATOR_NAME, cell.parent.title, False, integer=True)
    if number is None:
        return None
    if number not in numbers:
        listed = ", ".join(str(n) for n in numbers) or "none"
        cells.fail(cell.parent.title, cell.coordinate, f"names option {number}, but the options are numbered "
                                                       f"{listed}: type one of those, or clear it for doing nothing",
                   COMPARATOR_NAME)
        return None
    return numbers.index(number)
