"""Input sheets of an RtV workbook, laid out from the model's declarations.

Every input is a light-yellow unlocked cell with data validation. Scenario text, area and
settings inputs carry workbook-level defined names (their path with ``_`` for ``.``); each
area figure has its own Source, Date and Need index cells beside it, inputs too, so where a
figure came from travels with it. Services, baseline use, options and interventions are
Excel tables (:mod:`.workbook_input_tables`), found again by their headers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName

from ....core import Area, Document, Settings, describe_field, source_for
from .. import styles as st
from ..text_cells import write_text
from ..formulas import group_sizes
from ..layout import (
    AREA,
    INTERVENTIONS,
    OPTIMISM_WORDS,
    OPTION_KEY,
    OPTIONS,
    PERSONS,
    SCENARIO_TEXT,
    SETTINGS,
    TABLE_LAST_ROW,
    Cell,
    defined_name,
    record_cells,
    series_field,
    sheet_ref,
)

EXACT_INTEGER = 2**53
FIRST_ROW = 5
HEADER_DATA_ROW = 6  # the first data row of an input table (its header keys are on row 5)
SOURCE_PARTS = (("source", "Source", 60), ("date", "Date (YYYY-MM-DD)", 14), ("need_index", "Need index", 11))


@dataclass
class InputMap:
    """Where the writer put the inputs, for the formulas that use them.

    ``*_columns`` map a table header key to its column letter; ``intervention_rows`` maps
    ``(option, intervention)`` (0-based) to a row of the Interventions sheet.
    """

    service_rows: list[int] = field(default_factory=list)
    service_columns: dict[str, str] = field(default_factory=dict)
    baseline_columns: dict[str, str] = field(default_factory=dict)
    baseline_rows: tuple[int, int] = (0, 0)
    option_rows: list[int] = field(default_factory=list)
    option_columns: dict[str, str] = field(default_factory=dict)
    intervention_rows: dict[tuple[int, int], int] = field(default_factory=dict)
    intervention_columns: dict[str, str] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)  # defined name -> "Sheet!$B$5" of every named input

    def intervention_column(self, header: str) -> str:
        """A column of the Interventions table from its first data row to :data:`TABLE_LAST_ROW` (or
        further for a long table): wide enough to hold rows sorted, inserted or added below."""
        first = min(self.intervention_rows.values(), default=HEADER_DATA_ROW)
        last = max(TABLE_LAST_ROW, 2 * max(self.intervention_rows.values(), default=0))
        letter = self.intervention_columns[header]
        return sheet_ref(INTERVENTIONS, f"{letter}{first}:{letter}{last}")

    def option_number(self, k: int) -> str:
        """The cell holding option ``k``'s (0-based) number on the Options sheet."""
        return sheet_ref(OPTIONS, f"{self.option_columns[OPTION_KEY]}{self.option_rows[k]}")


def add_name(wb, name: str, sheet: str, coordinate: str) -> None:
    """A workbook-level defined name for a cell or range."""
    wb.defined_names.add(DefinedName(name, attr_text=sheet_ref(sheet, coordinate)))


def put_value(cell, value, column) -> None:
    """An input value styled as an input: text never becomes a formula, numbers stay numbers."""
    if column.is_text:
        write_text(cell, "" if value is None else str(value))
    elif column.integer and value is not None and abs(value) > EXACT_INTEGER:
        # A spreadsheet number holds whole numbers exactly only up to 2^53 (seeds go to 2^63).
        write_text(cell, str(value))
    elif value is not None:
        cell.value = int(value) if column.integer else float(value)
    st.as_input(cell, column.fmt)


def note(cell, text: str) -> None:
    """A hover note on a header cell (what the figure is, its unit and allowed range)."""
    if text:
        comment = Comment(text, "RtV Desktop")
        comment.width, comment.height = 320, 110
        cell.comment = comment


def _field_row(wb, ws, row: int, cell: Cell, value, name: str, checks) -> None:
    write_text(ws.cell(row, 1), cell.label)
    put_value(ws.cell(row, 2), value, cell)
    checks.add(cell.rule, f"B{row}")
    unit = cell.spec.unit or ("choose from the list" if cell.spec.choices else "text" if cell.is_text else "")
    write_text(ws.cell(row, 3), unit)
    ws.cell(row, 4, name)
    add_name(wb, name, ws.title, f"B{row}")


def write_cover_fields(wb, ws, doc: Document) -> int:
    """Scenario name, author, notes and decision (named ``scenario_name``, ...); returns the next free row."""
    st.header_row(ws, FIRST_ROW - 1, ("Input", "Value", "Unit", "Name in workbook"))
    for offset, (attr, label) in enumerate(SCENARIO_TEXT):
        row = FIRST_ROW + offset
        ws.cell(row, 1, label)
        write_text(ws.cell(row, 2), getattr(doc, attr))
        st.as_input(ws.cell(row, 2), "@")
        ws.cell(row, 3, "text")
        ws.cell(row, 4, f"scenario_{attr}")
        add_name(wb, f"scenario_{attr}", ws.title, f"B{row}")
    return FIRST_ROW + len(SCENARIO_TEXT)


def write_area(wb, doc: Document, where: InputMap) -> None:
    ws = wb.create_sheet(AREA)
    st.title(ws, "Area", "The local people. Yellow cells are inputs, each figure with where it came from: "
                         "change a figure's source when you change the figure.")
    headers = ("Input", "Value", "Unit", "Name in workbook", *(label for _, label, _ in SOURCE_PARTS))
    st.header_row(ws, FIRST_ROW - 1, headers)
    checks = st.Validations(ws)
    cells = record_cells(Area)
    for offset, cell in enumerate(cells):
        row = FIRST_ROW + offset
        name = defined_name(f"area.{cell.path}")
        _field_row(wb, ws, row, cell, cell.written(doc.area), name, checks)
        where.cells[name] = sheet_ref(AREA, f"B{row}")
        found = doc.area.source_of(cell.name)
        for k, (part, _, _) in enumerate(SOURCE_PARTS):
            target = ws.cell(row, 5 + k)
            value = getattr(found, part) if found is not None else None
            if part == "need_index":
                target.value = value
                st.as_input(target, "0.000")
            else:
                write_text(target, value or "")
                st.as_input(target, "@")
            add_name(wb, source_name(cell.name, part), AREA, target.coordinate)
        st.wrap(ws.cell(row, 5), 60)
    _group_sizes(wb, ws, FIRST_ROW + len(cells) + 1)
    st.widths(ws, {"A": 36, "B": 22, "C": 22, "D": 26, "E": 60, "F": 14, "G": 11})
    st.print_layout(ws, landscape=True, title_rows=f"{FIRST_ROW - 1}:{FIRST_ROW - 1}")
    st.protect(ws)


def source_name(name: str, part: str) -> str:
    """The defined name of a figure's source, date or need index: ``area_sources_population_date``."""
    stem = defined_name(f"area.sources.{name}")
    return stem if part == "source" else f"{stem}_{part}"


def _group_sizes(wb, ws, row: int) -> None:
    ws.cell(row, 1, "Target group sizes (calculated)").font = st.BOLD
    st.header_row(ws, row + 1, ("Target group", "Eligible persons", "Unit", "Group id", "Equation"))
    first = row + 2
    sizes = group_sizes()
    for offset, (group, label, formula, words) in enumerate(sizes):
        r = first + offset
        ws.cell(r, 1, label)
        st.as_calc(ws.cell(r, 2, formula), PERSONS)
        ws.cell(r, 3, "persons")
        ws.cell(r, 4, group)
        ws.cell(r, 5, words)
    last = first + len(sizes) - 1
    add_name(wb, "group_sizes", AREA, f"B{first}:B{last}")
    add_name(wb, "group_ids", AREA, f"D{first}:D{last}")
    ws.cell(last + 2, 1, "A custom group's size is typed on the Interventions sheet.")


def write_settings(wb, doc: Document, where: InputMap) -> None:
    ws = wb.create_sheet(SETTINGS)
    st.title(ws, "Settings", "Appraisal settings (HM Treasury Green Book conventions). Money is in real terms "
                             "of the price year.")
    st.header_row(ws, FIRST_ROW - 1, ("Input", "Value", "Unit", "Name in workbook", "Source of the default"))
    checks = st.Validations(ws)
    cells = record_cells(Settings, skip_series=True)
    for offset, cell in enumerate(cells):
        row = FIRST_ROW + offset
        name = defined_name(f"settings.{cell.path}")
        _field_row(wb, ws, row, cell, cell.written(doc.settings), name, checks)
        where.cells[name] = sheet_ref(SETTINGS, f"B{row}")
        _default_source(ws, row, f"settings.{cell.name}")
    _series(wb, ws, doc.settings, FIRST_ROW + len(cells) + 1, checks)
    st.widths(ws, {"A": 40, "B": 18, "C": 36, "D": 34, "E": 80})
    st.print_layout(ws, landscape=True, title_rows=f"{FIRST_ROW - 1}:{FIRST_ROW - 1}")
    st.protect(ws)


def _default_source(ws, row: int, path: str) -> None:
    source = source_for(path)
    if source is not None:
        write_text(ws.cell(row, 5), source.source)
        st.wrap(ws.cell(row, 5), 80)


def _series(wb, ws, settings: Settings, row: int, checks) -> None:
    """A per-grade setting (optimism bias): one cell per grade, the six named together."""
    name, spec = series_field(Settings)
    cells = [c for c in record_cells(Settings, series_labels=lambda n, k: describe_field(f"settings.{n}[{k}]"))
             if c.name == name]
    ws.cell(row, 1, f"{spec.label} by evidence grade: {OPTIMISM_WORDS}").font = st.BOLD
    st.header_row(ws, row + 1, ("Grade", "Value", "Unit", "Name in workbook", "Source of the default"))
    first = row + 2
    for k, cell in enumerate(cells):
        r = first + k
        write_text(ws.cell(r, 1), cell.label)
        put_value(ws.cell(r, 2), cell.value(settings), cell)
        checks.add(cell.rule, f"B{r}")
        ws.cell(r, 3, "fraction")
        ws.cell(r, 4, f"{defined_name('settings.' + name)} ({k + 1})")
    _default_source(ws, first, f"settings.{name}")
    add_name(wb, defined_name(f"settings.{name}"), SETTINGS, f"B{first}:B{first + len(cells) - 1}")
