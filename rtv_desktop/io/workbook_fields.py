"""Reading the named inputs: scenario text (Cover), Area and Settings.

Each input is found by its workbook-level defined name; if a copy of the sheet lost its
names, the name written beside the input (column "Name in workbook") finds it instead.
"""

from __future__ import annotations

from ..core import Area, Settings, Uncertain
from .workbook_cells import CellReader
from .workbook_layout import (
    AREA, AREA_FIELDS, COVER, OPTIMISM_BIAS, SCENARIO_FIELDS, SETTINGS, SETTINGS_FIELDS, Field, defined_name,
)

LABEL_SEARCH_ROWS = 80


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


def _missing(cells: CellReader, sheet: str, spec: Field) -> None:
    where = sheet if sheet else "the workbook"
    cells.fail(where, None, f"has no input named '{spec.defined_name}' ({spec.label}). Export a fresh workbook "
                            "from RtV Desktop and copy your values into it.", spec.path)


def read_field(wb, cells: CellReader, sheet: str, spec: Field, path: str | None = None, optional: bool = False):
    """One named input's value; blank text is "", a missing or unusable number ``None`` (problem recorded)."""
    found = named_cells(wb, spec.defined_name, sheet)
    path = path or spec.path
    if not found:
        if not optional:
            _missing(cells, sheet, spec)
        return "" if spec.kind == "text" else None
    cell = found[0]
    title = cell.parent.title
    if spec.kind == "text":
        return cells.text(cell, path, title, "")
    return cells.number(cell, path, title, integer=spec.kind == "integer")


def read_scenario_text(wb, cells: CellReader) -> dict[str, str]:
    """Name, author and notes from the Cover sheet (blank when missing)."""
    return {spec.path.split(".")[1]: read_field(wb, cells, COVER, spec, spec.path.split(".")[1], optional=True)
            for spec in SCENARIO_FIELDS}


def read_area(wb, cells: CellReader) -> Area:
    values = {spec.path.split(".")[1]: read_field(wb, cells, AREA, spec) for spec in AREA_FIELDS}
    return Area(**{k: 0.0 if v is None else v for k, v in values.items()})


def read_settings(wb, cells: CellReader) -> Settings:
    values = {spec.path: read_field(wb, cells, SETTINGS, spec) for spec in SETTINGS_FIELDS}
    plain = {}
    for spec in SETTINGS_FIELDS:
        name = spec.path.split(".")[1]
        if spec.path.count(".") == 1 and name != "wellby_value":
            # A missing value is already a recorded problem; 0 only fills the slot.
            plain[name] = values[spec.path] if values[spec.path] is not None else 0
    central = values["settings.wellby_value"]
    low, high = values["settings.wellby_value.low"], values["settings.wellby_value.high"]
    wellby = Uncertain(*(v if v is not None else 0.0 for v in (central, low, high)))
    return Settings(wellby_value=wellby, optimism_bias=_optimism_bias(wb, cells), **plain)


def _optimism_bias(wb, cells: CellReader) -> tuple[float, ...]:
    name = defined_name(OPTIMISM_BIAS)
    found = named_cells(wb, name, SETTINGS)
    if not found:
        cells.fail(SETTINGS, None, f"has no input named '{name}' (optimism bias by evidence grade, six cells). "
                                   "Export a fresh workbook from RtV Desktop.", OPTIMISM_BIAS)
        return ()
    values = [cells.number(cell, f"{OPTIMISM_BIAS}[{k}]", cell.parent.title) for k, cell in enumerate(found)]
    return tuple(v if v is not None else 0.0 for v in values)
