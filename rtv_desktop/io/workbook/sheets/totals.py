"""The Intervention totals sheet: every calculation sheet's figures beside the option it is in now.

One row per calculation sheet: its name, its intervention, the option number its Interventions
row holds now and every figure the option sheets add up (present values, and the yearly flows
across the year columns). Results, Results by year, By party and the checks sum these columns by
option number (``SUMIFS``), so an intervention moved to another option in the Interventions table
moves its figures to that option's totals, as RtV Desktop computes on reading the file back.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from ....core import FUNDERS, INTERVENTION_KEYS, PARTY_LABELS
from .. import formulas as fx
from .. import styles as st
from ..figures import ADDITIVE_KEYS, YEARLY_FLOWS, fmt
from ..figures import label as figure_label
from ..layout import CALC_KEY, MONEY, QALYS, TOTALS, WHOLE, sheet_ref
from ..text_cells import write_text
from .calc import YEAR_LETTERS, CalcSheet
from .inputs import InputMap

HEADER_ROW = 5  # labels; the keys are on the row below
FIRST_ROW = HEADER_ROW + 2
KEY_COLUMN, NAME_COLUMN, OPTION_COLUMN, ROW_COLUMN = "A", "B", "C", "D"
FIRST_FIGURE = 5  # E
PARTY_ROWS = tuple(f"{kind}_{party}" for kind in ("pays", "saves", "cash") for party in FUNDERS)
SUMMARY = tuple(dict.fromkeys(ADDITIVE_KEYS + INTERVENTION_KEYS + PARTY_ROWS))
YEARLY = (*YEARLY_FLOWS, *PARTY_ROWS, "residents")
_PARTY_WORDS = {"pays": "paid by", "saves": "saved by", "cash": "cashable for"}


def _words(key: str) -> str:
    if key in PARTY_ROWS:
        kind, party = key.split("_", 1)
        return f"PV {_PARTY_WORDS[kind]} {PARTY_LABELS[party]}"
    return figure_label(key)


def _yearly_words(key: str) -> str:
    if key in PARTY_ROWS:
        kind, party = key.split("_", 1)
        return f"{_PARTY_WORDS[kind].capitalize()} {PARTY_LABELS[party]}"
    return YEARLY_FLOWS.get(key, "Value received by residents")


@dataclass
class TotalsLayout:
    """Where the Intervention totals sheet put each figure: one column per summary figure and per
    year of each yearly flow, rows ``first`` to ``last`` (none when there are no interventions)."""

    first: int = FIRST_ROW
    last: int = FIRST_ROW - 1
    columns: dict[str, str] = field(default_factory=dict)
    years: dict[str, list[str]] = field(default_factory=dict)

    def span(self, letter: str) -> str:
        return sheet_ref(TOTALS, f"{letter}{self.first}:{letter}{self.last}")

    @property
    def keys(self) -> str:
        return self.span(KEY_COLUMN)

    @property
    def options(self) -> str:
        return self.span(OPTION_COLUMN)

    @property
    def rows(self) -> str:
        return self.span(ROW_COLUMN)

    def total(self, letter: str, number: str) -> str:
        """The column ``letter`` summed over the rows whose option number is ``number`` (a cell)."""
        if self.last < self.first:
            return "0"
        return f"SUMIFS({self.span(letter)},{self.options},{number})"

    def sum(self, key: str, number: str) -> str:
        return self.total(self.columns[key], number)

    def year(self, key: str, t: int, number: str) -> str:
        return self.total(self.years[key][t], number)

    def cells(self, letter: str) -> list[str]:
        """Every row's cell of the column ``letter``."""
        return [sheet_ref(TOTALS, f"{letter}{r}") for r in range(self.first, self.last + 1)]


def _header(ws, column: int, text: str, key: str) -> None:
    ws.cell(HEADER_ROW, column, text)
    ws.cell(HEADER_ROW + 1, column, key)


def _headers(ws, labels: list[str], keys: list[str]) -> None:
    """The labels row and the grey row of keys under it (styled once, then copied: ~200 columns)."""
    st.header_row(ws, HEADER_ROW, labels[:1])
    st.header_row(ws, HEADER_ROW + 1, keys[:1])
    st.key_row(ws, HEADER_ROW + 1, 1)
    for row, texts in ((HEADER_ROW, labels), (HEADER_ROW + 1, keys)):
        style = ws.cell(row, 1)._style
        for column, text in enumerate(texts[1:], start=2):
            cell = ws.cell(row, column)
            write_text(cell, text)
            cell._style = copy(style)


def write_totals(wb, where: InputMap, calcs: list[list[CalcSheet]]) -> TotalsLayout:
    """The Intervention totals sheet, after the calculation sheets."""
    ws = wb.create_sheet(TOTALS)
    st.title(ws, "Intervention totals", "Each calculation sheet's figures and the option its intervention is in now "
                                        "(its option number in the Interventions table). Each option's figures "
                                        "on Results, Results by year and By party add up the rows with its number.")
    layout = TotalsLayout()
    labels = ["Calculation sheet", "Intervention", "Option number", "Row in the Interventions table"]
    column = FIRST_FIGURE
    for key in SUMMARY:
        layout.columns[key] = get_column_letter(column)
        labels.append(_words(key))
        column += 1
    for key in YEARLY:
        layout.years[key] = [get_column_letter(column + t) for t in range(len(YEAR_LETTERS))]
        labels += [f"{_yearly_words(key)}, year {t}" for t in range(len(YEAR_LETTERS))]
        column += len(YEAR_LETTERS)
    keys = [CALC_KEY, "name", fx.OPTION_NUMBER, fx.IV_ROW, *SUMMARY,
            *(f"{key}_{t}" for key in YEARLY for t in range(len(YEAR_LETTERS)))]
    _headers(ws, labels, keys)
    ws.row_dimensions[HEADER_ROW].height = 60
    sheets = [calc for option in calcs for calc in option]
    for r, calc in enumerate(sheets, start=FIRST_ROW):
        _row(ws, where, calc, layout, r)
    layout.last = FIRST_ROW + len(sheets) - 1
    if not sheets:
        ws.cell(FIRST_ROW, 1, "No interventions yet: add them in RtV Desktop.")
    st.widths(ws, {"A": 18, "B": 40, "C": 10, "D": 12, **{get_column_letter(c): 14 for c in range(FIRST_FIGURE,
                                                                                                   column)}})
    ws.freeze_panes = f"C{FIRST_ROW}"
    st.print_layout(ws, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW + 1}", title_cols="A:B")
    st.protect(ws)
    return layout


def _row(ws, where: InputMap, calc: CalcSheet, layout: TotalsLayout, r: int) -> None:
    write_text(ws[f"{KEY_COLUMN}{r}"], calc.name)
    row = calc.cell(fx.IV_ROW)
    st.as_calc(ws[f"{NAME_COLUMN}{r}"], "@")
    ws[f"{NAME_COLUMN}{r}"] = f"=INDEX({where.intervention_column('name')},{row})"
    for letter, key in ((OPTION_COLUMN, fx.OPTION_NUMBER), (ROW_COLUMN, fx.IV_ROW)):
        st.as_calc(ws[f"{letter}{r}"], WHOLE, True)
        ws[f"{letter}{r}"] = "=" + calc.cell(key)
    for key, letter in layout.columns.items():
        st.as_calc(ws[f"{letter}{r}"], fmt(key) if key not in PARTY_ROWS else MONEY)
        ws[f"{letter}{r}"] = "=" + calc.cell(key)
    for key, letters in layout.years.items():
        for letter, year in zip(letters, YEAR_LETTERS):
            st.as_calc(ws[f"{letter}{r}"], QALYS if key == "qalys" else MONEY)
            ws[f"{letter}{r}"] = "=" + calc.year(key, year)
