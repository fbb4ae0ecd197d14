"""One calculation sheet per intervention of each option: the model as live Excel formulas.

The sheet finds its intervention's row of the Interventions table by its own name, held in that
row's Calculation sheet cell (``MATCH``), so the row may be sorted, moved to another option or
have rows inserted above it; it pulls the inputs from that row (``INDEX``, one row per declared
input, in declaration order) and shows the option number the row holds now, by which the
Intervention totals sheet adds it to its option. Then it lays out the rows of
:mod:`.workbook_formulas`: derived values, the services block, years across ten columns
(C..L, years 0..9; years at or beyond the horizon evaluate to 0, so editing the horizon in
Excel works) and the intervention's present values. Every row says what it is and which
equation it follows, so an analyst can audit it cell by cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from ....core import Document, Intervention
from .. import formulas as fx
from .. import styles as st
from ..text_cells import write_text
from .inputs import InputMap
from .input_tables import KEY_COLUMN
from ..layout import (
    CALC_KEY,
    OPTION_KEY,
    OPTIONS,
    WHOLE,
    YEAR_COLUMNS,
    calc_sheet_name,
    record_cells,
    sheet_ref,
)

FIRST_YEAR_COLUMN = 3  # C
YEAR_LETTERS = [get_column_letter(FIRST_YEAR_COLUMN + t) for t in range(YEAR_COLUMNS)]
FIRST, LAST = YEAR_LETTERS[0], YEAR_LETTERS[-1]


@dataclass
class CalcSheet:
    """Where one calculation sheet put its figures: summary cells and yearly rows."""

    name: str
    option: int
    index: int
    summary: dict[str, str] = field(default_factory=dict)  # key -> "$B$60"
    yearly_rows: dict[str, int] = field(default_factory=dict)  # key -> row number

    def cell(self, key: str) -> str:
        """The summary figure ``key`` as a reference from another sheet."""
        return sheet_ref(self.name, self.summary[key])

    def year(self, key: str, letter: str) -> str:
        """Yearly row ``key`` in the year column ``letter``, from another sheet."""
        return sheet_ref(self.name, f"{letter}{self.yearly_rows[key]}")


class _Writer:
    """Appends labelled rows to one calculation sheet."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.row = 4
        self.x = fx.Context(first=FIRST, last=LAST)

    def section(self, text: str) -> None:
        self.row += 1
        self.ws.cell(self.row, 1, text).font = st.BOLD
        self.row += 1

    def value(self, key: str, label: str, formula: str, fmt: str, unit: str = "", note: str = "") -> None:
        """A one-value row: label in A, formula in B."""
        r = self.row
        write_text(self.ws.cell(r, 1), label)
        st.as_calc(self.ws.cell(r, 2, formula), fmt)
        self.ws.cell(r, 3, unit)
        if note:
            self.ws.cell(r, 4, note)
        self.x.ref[key] = f"$B${r}"
        self.row += 1

    def yearly(self, row: fx.Row) -> None:
        r = self.row
        self.ws.cell(r, 1, row.label).font = st.BOLD if row.bold else st.Font()
        self.ws.cell(r, 2, row.unit)
        self.x.row[row.key] = r
        for letter in YEAR_LETTERS:
            st.as_calc(self.ws[f"{letter}{r}"], row.fmt, row.bold)
            self.ws[f"{letter}{r}"] = row.formula(self.x, letter)
        self.row += 1


KEY = "sheet_key"


def _row_of(w: _Writer, where: InputMap) -> None:
    """The intervention's row, found by this sheet's name in the Calculation sheet column (not a
    fixed row: sorting the table, moving the row to another option or adding rows keeps it found)."""
    w.section("Which intervention (its row in the Interventions table, found by this sheet's name)")
    r = w.row
    write_text(w.ws.cell(r, 1), f"This sheet's key in the Interventions table's {KEY_COLUMN.label} column")
    st.as_calc(w.ws.cell(r, 2), "@")
    write_text(w.ws.cell(r, 2), w.ws.title)
    w.x.ref[KEY] = f"$B${r}"
    w.row += 1
    w.value(fx.IV_ROW, "Row in the Interventions table (1 = its first row)",
            f"=MATCH({w.x.ref[KEY]},{where.intervention_column(CALC_KEY)},0)", WHOLE, "",
            "shows #N/A when no row names this sheet (the row was deleted or its key changed): see the Checks sheet")
    w.value(fx.OPTION_NUMBER, "Option number (this row's option now)",
            f"=INDEX({where.intervention_column(OPTION_KEY)},{w.x.ref[fx.IV_ROW]})", WHOLE, "",
            "the option whose totals this intervention's figures go to (Intervention totals sheet)")


def _inputs(w: _Writer, where: InputMap) -> None:
    """Every numeric and choice input of the intervention, from its Interventions row."""
    w.section("Inputs of this intervention (from its row of the Interventions sheet)")
    for cell in record_cells(Intervention):
        if cell.end not in (None, "central") or (cell.is_text and not cell.spec.choices) or cell.by_service:
            continue
        ref = f"=INDEX({where.intervention_column(cell.header)},{w.x.ref[fx.IV_ROW]})"
        w.value(cell.path, cell.label, ref, cell.fmt, cell.spec.unit)
    w.section("Derived values")
    for row in fx.derived_rows():
        w.value(row.key, row.label, row.formula(w.x.ref), row.fmt, row.unit, row.note)


def _services(w: _Writer, doc: Document, where: InputMap) -> None:
    w.section("Services (baseline use of the target group, effect, unit cost, who bears the cost)")
    st.header_row(w.ws, w.row, fx.SERVICE_HEADERS)
    w.row += 1
    for j, svc in enumerate(doc.services):
        cells = fx.service_cells(where, where.service_rows[j], svc.id, w.x.ref)
        for k, (formula, fmt) in enumerate(cells):
            st.as_calc(w.ws.cell(w.row, 1 + k, formula), fmt)
        w.x.services.append(w.row)
        w.row += 1


def _years(w: _Writer, doc: Document) -> None:
    w.section("Years (columns beyond the horizon are 0)")
    r = w.row
    w.ws.cell(r, 1, "Year t").font = st.BOLD
    for t, letter in enumerate(YEAR_LETTERS):
        st.as_calc(w.ws.cell(r, FIRST_YEAR_COLUMN + t, t), WHOLE, True)
    w.x.row["year"] = r
    w.row += 1
    w.ws.cell(w.row, 1, "Financial year").font = st.BOLD
    for letter in YEAR_LETTERS:
        st.as_calc(w.ws[f"{letter}{w.row}"], "@", True)
        w.ws[f"{letter}{w.row}"] = fx.financial_year(f"{letter}${r}")
    w.x.row["financial_year"] = w.row
    w.row += 1
    for row in fx.yearly_rows(tuple(svc.id for svc in doc.services)):
        w.yearly(row)


def _summary(w: _Writer) -> None:
    w.section("Results of this intervention (present values in £)")
    for row in fx.summary_rows():
        w.value(row.key, row.label, row.formula(w.x), row.fmt)


def _title(where: InputMap, ref: dict) -> str:
    """The intervention's name and its option's name now, live."""
    name = f"INDEX({where.intervention_column('name')},{ref[fx.IV_ROW]})"
    options = lambda key: sheet_ref(OPTIONS, f"{where.option_columns[key]}{where.option_rows[0]}:"  # noqa: E731
                                             f"{where.option_columns[key]}{where.option_rows[-1]}")
    option = (f'IFERROR(INDEX({options("name")},MATCH({ref[fx.OPTION_NUMBER]},{options(OPTION_KEY)},0)),'
              '"no option of that number")')
    return (f'=IFERROR("Calculation: "&{name}&" (option: "&{option}&")",'
            '"Calculation: no row of the Interventions table names this sheet (see the Checks sheet)")')


def write_calc_sheet(wb, doc: Document, where: InputMap, option: int, index: int) -> CalcSheet:
    """The calculation sheet of option ``option``'s intervention ``index``."""
    ws = wb.create_sheet(calc_sheet_name(option, index))
    ws["A2"] = "Everything on this sheet is calculated from the input sheets; the labels and notes give each row's " \
               "equation."
    ws["A2"].font = st.SUBTITLE_FONT
    w = _Writer(ws)
    _row_of(w, where)
    ws["A1"] = _title(where, w.x.ref)
    ws["A1"].font = st.TITLE_FONT
    _inputs(w, where)
    _services(w, doc, where)
    _years(w, doc)
    _summary(w)
    st.widths(ws, {"A": 46, "B": 16, "C": 14, "D": 14, "E": 14, "F": 14, **{c: 13 for c in YEAR_LETTERS[4:]}})
    ws.freeze_panes = "C5"
    st.print_layout(ws, landscape=True, title_cols="A:B")
    st.protect(ws)
    return CalcSheet(ws.title, option, index, dict(w.x.ref), dict(w.x.row))


def write_calc_sheets(wb, doc: Document, where: InputMap) -> list[list[CalcSheet]]:
    """Every option's calculation sheets, ``[option][intervention]``."""
    return [[write_calc_sheet(wb, doc, where, k, i) for i in range(len(option.interventions))]
            for k, option in enumerate(doc.options)]
