"""The input tables: Services, Baseline use, Options and Interventions.

Each is an Excel table whose header row holds the column keys (the model's field names,
``reach_low`` for a low end, ``effect_gp`` for a per-service effect, ``funding_nhs`` for a
funder's share), small and grey, for the reader and for formulas; the row above gives the
words a person reads, with a note on each saying what the figure is, its unit and its allowed
range. Columns come from the declarations.
"""

from __future__ import annotations

from math import ceil

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

from ....core import GROUP_LABELS, GROUPS, MAX_OPTIONS, Document, Intervention, Service
from .. import styles as st
from .inputs import InputMap, add_name, note, put_value
from ..layout import (
    BASELINE,
    BASELINE_TABLE,
    CALC_KEY,
    COMPARATOR_NAME,
    INTERVENTIONS,
    INTERVENTIONS_TABLE,
    OPTION_KEY,
    OPTIONS,
    OPTIONS_TABLE,
    SERVICES,
    SERVICES_TABLE,
    Plain,
    calc_sheet_name,
    record_cells,
    series_field,
    service_cells,
)

TABLE_STYLE = TableStyleInfo(name="TableStyleLight9", showRowStripes=False)
HEADER_ROW = 5  # header keys; row 4 holds the labels
OPTION_COLUMN = Plain(OPTION_KEY, "Option (its number on the Options sheet)", "count", ("whole", 1, MAX_OPTIONS), 10,
                      "The option this intervention belongs to: its number on the Options sheet.")
OPTION_COLUMNS = (Plain(OPTION_KEY, "Option number", "count", ("whole", 1, 999), 10,
                        "Interventions name their option by this number."),
                  Plain("name", "Option", "text", None, 36, "A short name, different from the other options'."),
                  Plain("notes", "Notes", "text", None, 70, "What this option is and why it is considered."))
KEY_COLUMN = Plain(CALC_KEY, "Calculation sheet", "text", None, 14,
                   "The calculation sheet that works out this row: it finds the row by this name wherever the row "
                   "is, so sort the table or change the option number freely, keeping this cell with its row. A row "
                   "added here has none: open the workbook in RtV Desktop and export it again to give it its sheet.")
COLUMNS_PER_PAGE = 14


def write_table(ws, name: str, columns, rows: list[dict]) -> tuple[dict[str, str], list[int]]:
    """An Excel table of input rows; returns column letters by header key and the data rows used."""
    checks = st.Validations(ws)
    letters = {c.header: get_column_letter(k) for k, c in enumerate(columns, start=1)}
    st.header_row(ws, HEADER_ROW - 1, [c.label for c in columns])
    ws.row_dimensions[HEADER_ROW - 1].height = 62
    st.header_row(ws, HEADER_ROW, [c.header for c in columns])
    st.key_row(ws, HEADER_ROW, len(columns))
    for column in columns:
        note(ws[f"{letters[column.header]}{HEADER_ROW - 1}"], column.help)
    data_rows = [HEADER_ROW + 1 + k for k in range(max(1, len(rows)))]
    for k, row in enumerate(data_rows):
        values = rows[k] if k < len(rows) else {}
        for column in columns:
            put_value(ws[f"{letters[column.header]}{row}"], values.get(column.header), column)
            checks.add(column.rule, f"{letters[column.header]}{row}")
    for column in columns:
        # Wide enough for the header key, which a reader must see whole.
        ws.column_dimensions[letters[column.header]].width = max(column.width, len(column.header) + 3)
    ref = f"A{HEADER_ROW}:{get_column_letter(len(columns))}{data_rows[-1]}"
    ws.add_table(Table(displayName=name, ref=ref, tableStyleInfo=TABLE_STYLE))
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    pages = max(1, ceil(len(columns) / COLUMNS_PER_PAGE))
    st.print_layout(ws, landscape=True, title_rows=f"{HEADER_ROW - 1}:{HEADER_ROW}", title_cols="A:A",
                    pages_wide=pages)
    return letters, data_rows[: len(rows)]


def _row_values(obj, columns) -> dict:
    return {c.header: c.written(obj) for c in columns if not isinstance(c, Plain)}


def write_services(wb, doc: Document, where: InputMap) -> None:
    ws = wb.create_sheet(SERVICES)
    st.title(ws, "Services and unit costs", "One row per service whose use can change, with the organisation that "
                                            "bears its cost (and so receives its saving). £ at the price year.")
    columns = service_cells()
    rows = [_row_values(svc, columns) for svc in doc.services]
    where.service_columns, where.service_rows = write_table(ws, SERVICES_TABLE, columns, rows)
    st.protect(ws)


def write_baseline(wb, doc: Document, where: InputMap) -> None:
    ws = wb.create_sheet(BASELINE)
    name, spec = series_field(Service)
    st.title(ws, spec.label, f"{spec.unit[:1].upper()}{spec.unit[1:]} of each service, by target group "
                             "(columns are the service ids of the Services sheet).")
    use = [c for c in record_cells(Service, series_labels=lambda n, k: "") if c.name == name][0]
    # Central values first (the cells formulas read); the low and high ends (version 3) at the end.
    ranges = [Plain(f"{svc.id}_{end}", f"{svc.name or svc.id} ({end})", use.spec.kind, use.rule, 14,
                    f"{end.capitalize()} end of the range of {svc.name or svc.id}; blank: the same as the central "
                    "value.") for svc in doc.services for end in ("low", "high")]
    columns = (Plain("group", "Target group id", "text", None, 20),
               *(Plain(svc.id, svc.name or svc.id, use.spec.kind, use.rule, 14, use.help) for svc in doc.services),
               Plain("description", "Target group", "text", None, 38), *ranges)
    rows = [{"group": g, **{svc.id: getattr(svc, name)[k].central for svc in doc.services},
             "description": GROUP_LABELS[g],
             **{f"{svc.id}_{end}": _end(getattr(svc, name)[k], end)
                for svc in doc.services for end in ("low", "high")}}
            for k, g in enumerate(GROUPS)]
    where.baseline_columns, data_rows = write_table(ws, BASELINE_TABLE, columns, rows)
    where.baseline_rows = (data_rows[0], data_rows[-1])
    for row in data_rows:  # the group ids and descriptions are the model's, not inputs
        for key in ("group", "description"):
            cell = ws[f"{where.baseline_columns[key]}{row}"]
            cell.fill, cell.protection = st.KEY_FILL, st.Protection(locked=True)
    st.protect(ws)


def _end(value, end: str):
    """One end of a range; blank for an exact value (the table's note: blank is the central value)."""
    return None if value.low == value.central == value.high else getattr(value, end)


def write_options(wb, doc: Document, where: InputMap) -> None:
    ws = wb.create_sheet(OPTIONS)
    st.title(ws, "Options", "The packages this business case compares. Each intervention names its option by number.")
    ws["A3"] = "Comparator: the option the others are compared with (its number; blank = doing nothing)"
    ws["A3"].font = st.BOLD
    comparator = ws["D3"]
    put_value(comparator, None if doc.comparator is None else doc.comparator + 1, OPTION_COLUMNS[0])
    st.Validations(ws).add(("whole", 1, 999), "D3")
    add_name(wb, COMPARATOR_NAME, OPTIONS, "D3")
    rows = [{OPTION_KEY: k + 1, "name": option.name, "notes": option.notes} for k, option in enumerate(doc.options)]
    where.option_columns, where.option_rows = write_table(ws, OPTIONS_TABLE, OPTION_COLUMNS, rows)
    ws.freeze_panes = None
    st.print_layout(ws, landscape=True, title_rows=f"{HEADER_ROW - 1}:{HEADER_ROW}")
    st.protect(ws)


def intervention_columns(doc: Document) -> list:
    """The Interventions table's columns: the option, every declared field, then the row's calculation sheet."""
    return [OPTION_COLUMN, *record_cells(Intervention, doc.services), KEY_COLUMN]


def write_interventions(wb, doc: Document, where: InputMap) -> None:
    ws = wb.create_sheet(INTERVENTIONS)
    st.title(ws, "Interventions", "One row per intervention of every option. Blank effect cells: no effect on that "
                                  "service; blank low / high: the same as central; funding shares add up to 100%.")
    columns = intervention_columns(doc)
    rows, keys = [], []
    for k, option in enumerate(doc.options):
        for i, iv in enumerate(option.interventions):
            rows.append({OPTION_KEY: k + 1, **_row_values(iv, columns), CALC_KEY: calc_sheet_name(k, i)})
            keys.append((k, i))
    where.intervention_columns, data_rows = write_table(ws, INTERVENTIONS_TABLE, columns, rows)
    where.intervention_rows = dict(zip(keys, data_rows))
    for row in data_rows:  # a key, not an input: shaded as the table's key row, left unlocked so rows can be sorted
        ws[f"{where.intervention_columns[CALC_KEY]}{row}"].fill = st.KEY_FILL
    st.print_layout(ws, landscape=True, title_rows=f"{HEADER_ROW - 1}:{HEADER_ROW}", title_cols="A:B",
                    pages_wide=max(1, ceil(len(columns) / COLUMNS_PER_PAGE)))
    st.protect(ws)
    # The calculation sheets follow their rows (by the Calculation sheet column), so sorting, filtering,
    # inserting and deleting rows are allowed without lifting the protection; the checks catch the rest.
    ws.protection.sort = ws.protection.autoFilter = ws.protection.insertRows = ws.protection.deleteRows = False


def write_input_sheets(wb, doc: Document) -> InputMap:
    """Every input sheet after Area and Settings; returns where things are for the formulas."""
    from .inputs import write_area, write_settings  # noqa: PLC0415

    where = InputMap()
    write_area(wb, doc, where)
    write_settings(wb, doc, where)
    write_services(wb, doc, where)
    write_baseline(wb, doc, where)
    write_options(wb, doc, where)
    write_interventions(wb, doc, where)
    return where
