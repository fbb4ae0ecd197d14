"""Reading the input tables (Services, Baseline use, Options, Interventions) by their headers.

Each row becomes a record of the document's JSON form, column by column as the
declarations list them; a blank low or high is the central value, a blank cell of an
optional input takes its default, and every value read is tied to its cell so that any
problem found later is reported there.
"""

from __future__ import annotations

from ....core import GROUPS, Intervention, Service
from .cells import CellReader
from .fields import read_value
from ..sheets.input_tables import OPTION_COLUMN, OPTION_COLUMNS
from ..layout import (
    BASELINE,
    BASELINE_TABLE,
    CALC_KEY,
    INTERVENTIONS,
    INTERVENTIONS_TABLE,
    OPTION_KEY,
    OPTIONS,
    OPTIONS_TABLE,
    SERVICES,
    SERVICES_TABLE,
    record_cells,
    series_field,
    service_cells,
)
from .tables import TableRows, read_table


def _required(columns) -> tuple[str, ...]:
    return tuple(c.header for c in columns if c.required)


def read_record(cells: CellReader, table: TableRows, row: int, columns, prefix: str) -> dict:
    """One table row as a JSON record; absent columns and blank optional cells are left out."""
    out: dict = {}
    for column in columns:
        if not table.has(column.header):
            continue
        path = f"{prefix}.{column.path}"
        required = column.required if column.is_text else column.end in (None, "central") and column.key is None
        value = read_value(cells, table.cell(row, column.header), path, column, required)
        if value is None or (column.key is not None and value == ""):
            continue
        target = out
        if column.key is not None:
            target = out.setdefault(column.name, {})
            name = column.key
        else:
            name = column.name
        if column.end is None:
            target[name] = value
        else:
            target.setdefault(name, {})[column.end] = value
    for name in {c.name for c in columns if c.key is not None and table.has(c.header)}:
        out.setdefault(name, {})  # a table with these columns says "none" when all are blank
    _check_ranges(cells, table, row, out, prefix, columns)
    return out


def _check_ranges(cells: CellReader, table: TableRows, row: int, out: dict, prefix: str, columns) -> None:
    """A low or high typed without its central value is a problem (it cannot be placed)."""
    for column in columns:
        if column.end != "central" or not table.has(column.header):
            continue
        holder = out.get(column.name, {}) if column.key is not None else out
        value = holder.get(column.key if column.key is not None else column.name)
        if isinstance(value, dict) and "central" not in value:
            cells.fail(table.ws.title, table.cell(row, column.header).coordinate,
                       "is blank but its low or high is not: enter the central value too", f"{prefix}.{column.path}")
            del holder[column.key if column.key is not None else column.name]


def read_services(wb, cells: CellReader) -> tuple[list[dict], dict]:
    """Service records and baseline use ``{group: {service id: contacts}}``."""
    columns = service_cells()
    table = read_table(wb, cells, SERVICES, SERVICES_TABLE, _required(columns))
    if table is None:
        return [], {}
    services = [read_record(cells, table, row, columns, f"services[{j}]") for j, row in enumerate(table.rows)]
    ids = [str(s.get("id", "")) for s in services]
    return services, read_baseline(wb, cells, ids)


def read_baseline(wb, cells: CellReader, service_ids: list[str]) -> dict:
    name, spec = series_field(Service)
    use = next(c for c in record_cells(Service, series_labels=lambda n, k: "") if c.name == name)
    table = read_table(wb, cells, BASELINE, BASELINE_TABLE, ("group",))
    if table is None:
        return {}
    sheet = table.ws.title
    by_group = {str(table.cell(row, "group").value or "").strip(): row for row in table.rows}
    for group in GROUPS:
        if group not in by_group:
            cells.fail(sheet, None, f"has no row for target group '{group}' in its 'group' column: add it back")
    missing = [sid for sid in service_ids if sid and sid.lower() not in table.columns]
    for sid in missing:
        cells.fail(sheet, None, f"has no column for service '{sid}': add a column headed '{sid}' to the table")
    out: dict = {group: {} for group in GROUPS}
    for sid in service_ids:
        if sid in missing or not sid:
            continue
        for group in GROUPS:
            if group in by_group:
                value = _baseline_value(cells, table, by_group[group], group, sid, use.integer)
                if value is not None:
                    out[group][sid] = value
    return out


def _baseline_value(cells: CellReader, table: TableRows, row: int, group: str, sid: str, integer: bool):
    """A number, or ``{central, low, high}`` when the table has range columns (version 3) with a value;
    a blank end is the central value, as in the other tables."""
    path = f"baseline_use.{group}.{sid}"
    central = cells.number(table.cell(row, sid.lower()), path, table.ws.title, integer=integer)
    ends = {}
    for end in ("low", "high"):
        header = f"{sid.lower()}_{end}"
        if table.has(header):
            value = cells.number(table.cell(row, header), f"{path}.{end}", table.ws.title, required=False,
                                 integer=integer)
            if value is not None:
                ends[end] = value
    if central is None or not ends:
        return central
    return {"central": central, "low": ends.get("low", central), "high": ends.get("high", central)}


def read_options(wb, cells: CellReader) -> tuple[list[dict], list[int]]:
    """Option records (without interventions) and the number each is known by."""
    table = read_table(wb, cells, OPTIONS, OPTIONS_TABLE, (OPTION_KEY, "name"))
    if table is None:
        return [], []
    options, numbers = [], []
    for k, row in enumerate(table.rows):
        number = cells.number(table.cell(row, OPTION_KEY), f"options[{k}].number", table.ws.title, integer=True)
        if number in numbers:
            cells.fail(table.ws.title, table.cell(row, OPTION_KEY).coordinate,
                       f"is {number}, the number of another option too: give each option its own number",
                       f"options[{k}]")
        numbers.append(number)
        record = {key: read_value(cells, table.cell(row, key), f"options[{k}].{key}", column, key == "name")
                  for key, column in ((c.header, c) for c in OPTION_COLUMNS[1:]) if table.has(key)}
        options.append({**{k: v for k, v in record.items() if v is not None}, "interventions": []})
    return options, numbers


def read_interventions(wb, cells: CellReader, services: list[dict], options: list[dict] | None,
                       numbers: list[int]) -> list[dict]:
    """Every intervention row, placed in its option (``options``), or listed alone (a version-1 workbook).

    Returns the list of a version-1 workbook's interventions (empty for a version-2 one).
    """
    ids = [str(s.get("id", "")) for s in services]
    from ....core import Service as _Service  # noqa: PLC0415

    columns = record_cells(Intervention, tuple(_Service(id=sid, name=sid) for sid in ids if sid))
    # The calculation sheet column (version 3) only tells the workbook's formulas which row is whose.
    table = read_table(wb, cells, INTERVENTIONS, INTERVENTIONS_TABLE,
                       _required(columns) + ((OPTION_KEY,) if options is not None else ()), ignored=(CALC_KEY,))
    if table is None:
        return []
    _unknown_columns(cells, table, columns)
    alone: list[dict] = []
    for row in table.rows:
        k = _option_of(cells, table, row, numbers) if options is not None else 0
        if k is None:
            continue
        members = options[k]["interventions"] if options is not None else alone
        members.append(read_record(cells, table, row, columns, f"options[{k}].interventions[{len(members)}]"))
    return alone


def _option_of(cells: CellReader, table: TableRows, row: int, numbers: list[int]) -> int | None:
    cell = table.cell(row, OPTION_KEY)
    number = cells.number(cell, OPTION_KEY, table.ws.title, integer=True)
    if number is None:
        return None
    if number not in numbers:
        listed = ", ".join(str(n) for n in numbers if n is not None) or "none"
        cells.fail(table.ws.title, cell.coordinate, f"names option {number}, which is not on the Options sheet "
                                                    f"(options {listed}): use one of those numbers", OPTION_KEY)
        return None
    return numbers.index(number)


def _unknown_columns(cells: CellReader, table: TableRows, columns) -> None:
    """A column headed like a per-service or per-funder input that matches none of them."""
    known = {c.header for c in columns} | {OPTION_COLUMN.header}
    for name in sorted({c.name for c in columns if c.key is not None}):
        expected = sorted(c.header for c in columns if c.name == name and c.end in (None, "central"))
        for header, col in table.columns.items():
            if not header.startswith(f"{name}_") or header in known:
                continue
            coordinate = table.ws.cell(table.header_row, col).coordinate
            stem = header.removeprefix(f"{name}_").removesuffix("_low").removesuffix("_high")
            if any(c.by_service for c in columns if c.name == name):
                message = (f"heads {name}s on service '{stem}', which is not on the Services sheet: rename the "
                           f"column to match a service id there ({name}_<id>), or add the service")
            else:
                message = f"is not a column RtV Desktop knows: use {', '.join(expected)}"
            cells.fail(table.ws.title, coordinate, message)
