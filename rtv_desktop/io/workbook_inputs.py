"""Input sheets of an RtV workbook: Area, Settings, Services, Baseline use, Interventions.

Every input is a light-yellow unlocked cell with data validation. Area and settings
inputs carry workbook-level defined names (their scenario path with ``_`` for ``.``);
services, baseline use and interventions are Excel tables found by their headers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table, TableStyleInfo

from ..core import GROUP_LABELS, GROUPS, Scenario, Uncertain, source_for
from . import workbook_styles as st
from .text_cells import write_text
from .workbook_layout import (
    AREA, AREA_FIELDS, BASELINE, BASELINE_TABLE, FRACTION, INTERVENTIONS, INTERVENTIONS_TABLE, OPTIMISM_BIAS,
    PERCENT, PERSONS, SERVICE_COLUMNS, SERVICES, SERVICES_TABLE, SETTINGS, SETTINGS_FIELDS, Column, Field,
    defined_name, intervention_columns, sheet_ref,
)

TABLE_STYLE = TableStyleInfo(name="TableStyleLight9", showRowStripes=False)
EXACT_INTEGER = 2**53
HEADER_ROW = 5  # header row of each input table; row 4 describes the columns


@dataclass
class InputMap:
    """Where the writer put things, for the formulas that use them.

    ``service_rows[j]`` is service ``j``'s row on the Services sheet;
    ``intervention_rows[i]`` intervention ``i``'s row on the Interventions sheet;
    ``*_columns`` map a table header key to its column letter.
    """

    service_rows: list[int] = field(default_factory=list)
    service_columns: dict[str, str] = field(default_factory=dict)
    baseline_columns: dict[str, str] = field(default_factory=dict)
    baseline_rows: tuple[int, int] = (0, 0)
    intervention_rows: list[int] = field(default_factory=list)
    intervention_columns: dict[str, str] = field(default_factory=dict)
    tables: dict[str, str] = field(default_factory=dict)  # table name -> "A5:Z11"


def add_name(wb, name: str, sheet: str, coordinate: str) -> None:
    """A workbook-level defined name for a cell or range."""
    wb.defined_names.add(DefinedName(name, attr_text=sheet_ref(sheet, coordinate)))


def put_value(cell, value, kind: str, fmt: str) -> None:
    """An input value: text through :func:`write_text`, numbers as numbers."""
    if kind == "text":
        write_text(cell, value or "")
    elif kind == "integer" and value is not None and abs(value) > EXACT_INTEGER:
        # A spreadsheet number holds whole numbers exactly only up to 2^53 (seeds go to 2^63).
        write_text(cell, str(value))
    elif value is not None:
        cell.value = int(value) if kind == "integer" else float(value)
    st.as_input(cell, fmt)


def write_fields(wb, ws, fields: tuple[Field, ...], values: dict, first_row: int) -> int:
    """Label / value / unit / name / source rows; returns the next free row."""
    st.header_row(ws, first_row - 1, ("Input", "Value", "Unit", "Name in workbook", "Source"))
    checks = st.Validations(ws)
    for offset, spec in enumerate(fields):
        row = first_row + offset
        ws.cell(row, 1, spec.label)
        put_value(ws.cell(row, 2), values[spec.path], spec.kind, spec.fmt)
        checks.add(spec.rule, f"B{row}")
        ws.cell(row, 3, spec.unit)
        ws.cell(row, 4, spec.defined_name)
        source = source_for(spec.path.removesuffix(".low").removesuffix(".high"))
        if source is not None:
            write_text(ws.cell(row, 5), source.source)
            st.wrap(ws.cell(row, 5), 90)  # long sources wrap instead of running off the page
        add_name(wb, spec.defined_name, ws.title, f"B{row}")
    return first_row + len(fields)


def field_values(s: Scenario) -> dict:
    """Scenario values by field path (area, settings, scenario text)."""
    values = {f"area.{k}": getattr(s.area, k) for k in (f.path.split(".")[1] for f in AREA_FIELDS)}
    for spec in SETTINGS_FIELDS:
        _, name, *end = spec.path.split(".")
        value = getattr(s.settings, name)
        values[spec.path] = getattr(value, end[0] if end else "central") if isinstance(value, Uncertain) else value
    values.update({"scenario.name": s.name, "scenario.author": s.author, "scenario.notes": s.notes})
    return values


def write_area(wb, s: Scenario) -> None:
    ws = wb.create_sheet(AREA)
    st.title(ws, "Area", "The local population. Yellow cells are inputs; everything else is calculated.")
    row = write_fields(wb, ws, AREA_FIELDS, field_values(s), 5)
    row += 1
    ws.cell(row, 1, "Target group sizes (calculated)").font = st.BOLD
    st.header_row(ws, row + 1, ("Target group", "Eligible persons", "Unit", "Group id", "Equation"))
    formulas = {
        "all_adults": ("=area_population*area_adult_share", "population x share aged 18+"),
        "adults_ltc": ("=area_population*area_adult_share*area_ltc_share", "adults x LTC share"),
        "adults_multimorbid": ("=area_population*area_adult_share*area_multimorbid_share", "adults x 2+ LTC share"),
        "older_people": ("=area_population*area_over65_share", "population x share aged 65+"),
    }
    first = row + 2
    for offset, group in enumerate(GROUPS[:-1]):
        r = first + offset
        ws.cell(r, 1, GROUP_LABELS[group])
        st.as_calc(ws.cell(r, 2, formulas[group][0]), PERSONS)
        ws.cell(r, 3, "persons")
        ws.cell(r, 4, group)
        ws.cell(r, 5, formulas[group][1])
    last = first + len(GROUPS) - 2
    add_name(wb, "group_sizes", AREA, f"B{first}:B{last}")
    add_name(wb, "group_ids", AREA, f"D{first}:D{last}")
    ws.cell(last + 2, 1, "A custom group's size is typed on the Interventions sheet (custom_size).")
    st.widths(ws, {"A": 38, "B": 32, "C": 22, "D": 26, "E": 90})
    st.protect(ws)


def write_settings(wb, s: Scenario) -> None:
    ws = wb.create_sheet(SETTINGS)
    st.title(ws, "Settings", "Appraisal settings (HM Treasury Green Book conventions). Money is in real terms "
                             "of the price year.")
    row = write_fields(wb, ws, SETTINGS_FIELDS, field_values(s), 5) + 1
    ws.cell(row, 1, "Optimism bias: haircut on benefits by evidence grade").font = st.BOLD
    st.header_row(ws, row + 1, ("Evidence grade", "Haircut", "Unit", "Name in workbook", "Source"))
    first = row + 2
    checks = st.Validations(ws)
    source = source_for(OPTIMISM_BIAS)
    for grade, value in enumerate(s.settings.optimism_bias, start=1):
        r = first + grade - 1
        ws.cell(r, 1, f"Grade {grade}")
        put_value(ws.cell(r, 2), value, "number", PERCENT)
        checks.add(FRACTION, f"B{r}")
        ws.cell(r, 3, "fraction of benefits")
        ws.cell(r, 4, f"{defined_name(OPTIMISM_BIAS)} ({grade})")
        if source is not None and grade == 1:
            write_text(ws.cell(r, 5), source.source)
    add_name(wb, defined_name(OPTIMISM_BIAS), SETTINGS, f"B{first}:B{first + len(s.settings.optimism_bias) - 1}")
    st.widths(ws, {"A": 38, "B": 16, "C": 20, "D": 30, "E": 90})
    st.protect(ws)


def write_table(ws, name: str, columns: tuple[Column, ...], rows: list[dict]) -> tuple[dict[str, str], list[int]]:
    """An Excel table of input rows; returns column letters by key and the data rows used."""
    checks = st.Validations(ws)
    letters = {c.key: get_column_letter(k) for k, c in enumerate(columns, start=1)}
    st.header_row(ws, HEADER_ROW - 1, [c.label for c in columns])
    ws.row_dimensions[HEADER_ROW - 1].height = 62
    st.header_row(ws, HEADER_ROW, [c.key for c in columns])
    data_rows = [HEADER_ROW + 1 + k for k in range(max(1, len(rows)))]
    for k, row in enumerate(data_rows):
        values = rows[k] if k < len(rows) else {}
        for column in columns:
            cell = ws[f"{letters[column.key]}{row}"]
            put_value(cell, values.get(column.key), column.kind, column.fmt)
        for column in columns:
            checks.add(column.rule, f"{letters[column.key]}{row}")
    for column in columns:
        # Wide enough for the header key, which a reader must see whole.
        ws.column_dimensions[letters[column.key]].width = max(column.width, len(column.key) + 3)
    ref = f"A{HEADER_ROW}:{get_column_letter(len(columns))}{data_rows[-1]}"
    ws.add_table(Table(displayName=name, ref=ref, tableStyleInfo=TABLE_STYLE))
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    return letters, data_rows[: len(rows)]


def _uncertain_cells(key: str, value: Uncertain) -> dict:
    return {f"{key}_low": value.low, key: value.central, f"{key}_high": value.high}


def write_services(wb, s: Scenario, where: InputMap) -> None:
    ws = wb.create_sheet(SERVICES)
    st.title(ws, "Services and unit costs", "One row per service whose use can change. Unit costs in £ per "
                                            "contact at the price year; low / central / high.")
    rows = []
    for svc in s.services:
        rows.append({"id": svc.id, "name": svc.name, **_uncertain_cells("unit_cost", svc.unit_cost),
                     "cashable_share": svc.cashable_share, "source": svc.source})
    where.service_columns, where.service_rows = write_table(ws, SERVICES_TABLE, SERVICE_COLUMNS, rows)
    where.tables[SERVICES_TABLE] = ws.tables[SERVICES_TABLE].ref
    st.protect(ws)


def write_baseline(wb, s: Scenario, where: InputMap) -> None:
    ws = wb.create_sheet(BASELINE)
    st.title(ws, "Baseline use", "Contacts per person per year of each service, by target group "
                                 "(columns are the service ids of the Services sheet).")
    columns = (Column("group", "Target group id", "text", "@", None, 20),
               *(Column(svc.id, svc.name, "number", "0.00", ("decimal", 0, 1000), 14) for svc in s.services),
               Column("description", "Target group", "text", "@", None, 38, required=False))
    rows = [{"group": g, **{svc.id: svc.baseline[k] for svc in s.services}, "description": GROUP_LABELS[g]}
            for k, g in enumerate(GROUPS)]
    where.baseline_columns, data_rows = write_table(ws, BASELINE_TABLE, columns, rows)
    where.baseline_rows = (data_rows[0], data_rows[-1])
    where.tables[BASELINE_TABLE] = ws.tables[BASELINE_TABLE].ref
    # The group ids and descriptions are the model's, not inputs.
    for row in data_rows:
        for key in ("group", "description"):
            cell = ws[f"{where.baseline_columns[key]}{row}"]
            cell.fill, cell.protection = st.KEY_FILL, st.Protection(locked=True)
    st.protect(ws)


def intervention_row(iv, service_ids: tuple[str, ...]) -> dict:
    """One intervention's cells by column key."""
    row = {k: getattr(iv, k) for k in ("name", "approach", "target_group", "custom_size", "fixed_cost",
                                        "setup_cost", "effect_years", "attribution", "evidence_grade",
                                        "volunteer_hours", "notes")}
    for key in ("reach", "completion", "cost_per_starter", "drop_off", "deadweight", "wellbeing_gain"):
        row.update(_uncertain_cells(key, getattr(iv, key)))
    effects = dict(iv.effect)
    for sid in service_ids:
        if sid in effects:
            row.update(_uncertain_cells(f"effect_{sid}", effects[sid]))
    return row


def write_interventions(wb, s: Scenario, where: InputMap) -> None:
    ws = wb.create_sheet(INTERVENTIONS)
    st.title(ws, "Interventions", "One row per intervention. Fractions as decimals (0.05 = 5%). Blank effect "
                                  "cells: no effect on that service; blank low / high: same as central.")
    columns = intervention_columns(s.service_ids)
    rows = [intervention_row(iv, s.service_ids) for iv in s.interventions]
    where.intervention_columns, where.intervention_rows = write_table(ws, INTERVENTIONS_TABLE, columns, rows)
    where.tables[INTERVENTIONS_TABLE] = ws.tables[INTERVENTIONS_TABLE].ref
    st.protect(ws)
    # The table is wide: print it across pages, repeating names and headers.
    ws.page_setup.fitToWidth = max(1, len(columns) // 12)
    ws.print_title_cols = "A:A"
    ws.print_title_rows = f"{HEADER_ROW - 1}:{HEADER_ROW}"


def write_inputs(wb, s: Scenario) -> InputMap:
    """All input sheets; returns where things are for the calculation sheets."""
    where = InputMap()
    write_area(wb, s)
    write_settings(wb, s)
    write_services(wb, s, where)
    write_baseline(wb, s, where)
    write_interventions(wb, s, where)
    return where
