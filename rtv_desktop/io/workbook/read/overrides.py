"""Formulas the app wrote that someone replaced by a typed value (or cleared) in Excel.

Protection is passwordless, so a finance analyst can type 999 over a live result. The
import recomputes every figure from the inputs, so such a value would be silently
ignored: this module finds each one and says which input cells to change instead.

Which cells hold the app's formulas is known by building the workbook again from the
document it was exported with (the hidden copy); the user's file is only read, with
formulas (not cached values), to see what each of those cells holds now.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from ....core import Document, compare
from ...errors import Problem
from .cells import where_text
from .tables import HEADER_SEARCH_ROWS
from ..layout import CALC_KEY, INPUT_SHEETS, INTERVENTIONS, RESULTS
from ..sheets.results import AT_EXPORT

MAX_TRACED_CELLS = 20_000  # enough for any RtV workbook's chain from a result back to inputs
MAX_LISTED_INPUTS = 3
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def formula_overrides(path: Path, exported: Document) -> list[Problem]:
    """Every cell where the app wrote a formula and the file now holds a typed value or nothing."""
    from openpyxl import load_workbook  # noqa: PLC0415 (slow to import)

    from ..write import build_workbook  # noqa: PLC0415

    with open(path, "rb") as handle, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        actual = load_workbook(handle, data_only=False)
    # The figures "at export" sit below the live block when there were any: lay it out the same.
    expected = build_workbook(exported, compare(exported) if _has_figures_at_export(actual) else None)
    tracer = _InputTracer(expected)
    found = []
    for ws in expected.worksheets:
        if ws.title not in actual.sheetnames:
            continue
        mine = actual[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                now = mine[cell.coordinate].value
                if _is_formula(now):
                    continue
                found.append(Problem(where_text(ws.title, cell.coordinate),
                                     _message(now, tracer.inputs_of(ws.title, cell.coordinate)),
                                     f"{ws.title}!{cell.coordinate}"))
    return found


def _has_figures_at_export(wb) -> bool:
    if RESULTS not in wb.sheetnames:
        return False
    ws = wb[RESULTS]
    return any(str(ws.cell(row, 1).value or "").startswith(AT_EXPORT) for row in range(1, ws.max_row + 1))


def _is_formula(value) -> bool:
    return (isinstance(value, str) and value.startswith("=")) or type(value).__name__ in (
        "ArrayFormula", "DataTableFormula")


def _message(value, inputs: list[str]) -> str:
    if value is None or value == "":
        now = "is empty"
    else:
        now = f"holds the typed value {value}" if isinstance(value, (int, float)) else f"holds the typed value '{value}'"
    if inputs and len(inputs) <= MAX_LISTED_INPUTS:
        instead = f"to change it, change {', '.join(inputs)}"
    elif inputs:
        sheets = sorted({name.split("!")[0].strip("'") for name in inputs}, key=_sheet_order)
        instead = f"to change it, change the inputs it is worked out from on the {', '.join(sheets)} sheets"
    else:
        instead = "it is worked out by the app, not typed"
    return (f"{now} where RtV Desktop wrote a formula. The app recomputes this cell from the inputs, so what is "
            f"there now is ignored: {instead}.")


def _sheet_order(name: str) -> int:
    bare = name.strip("'")
    return INPUT_SHEETS.index(bare) if bare in INPUT_SHEETS else len(INPUT_SHEETS)


class _InputTracer:
    """Follows a formula's references (cells, ranges, defined names) back to input cells."""

    def __init__(self, wb):
        self.wb = wb
        self.names = {}
        for name, definition in wb.defined_names.items():
            self.names[name.lower()] = list(definition.destinations)
        self.key_column, self.row_of = _rows_by_key(wb)

    def inputs_of(self, sheet: str, coordinate: str) -> list[str]:
        seen, inputs, todo = set(), set(), [(sheet, coordinate)]
        while todo and len(seen) < MAX_TRACED_CELLS:
            here = todo.pop()
            if here in seen:
                continue
            seen.add(here)
            title, coord = here
            if title in INPUT_SHEETS:
                inputs.add(f"{_quoted(title)}!{coord}")
                continue
            if title not in self.wb.sheetnames:
                continue
            value = self.wb[title][coord].value
            if isinstance(value, str) and value.startswith("="):
                todo.extend(self._references(title, value))
        return sorted(inputs, key=lambda ref: (_sheet_order(ref.split("!")[0]), ref))

    def _references(self, sheet: str, formula: str):
        from openpyxl.formula import Tokenizer  # noqa: PLC0415

        for token in Tokenizer(formula).items:
            if token.type != "OPERAND" or token.subtype != "RANGE":
                continue
            text = token.value
            if text.lower() in self.names:
                for title, ref in self.names[text.lower()]:
                    yield from _cells(title, ref)
                continue
            title, _, ref = text.rpartition("!")
            title = title.strip("'").replace("''", "'") if title else sheet
            if title == INTERVENTIONS and sheet in self.row_of:
                yield from self._own_row(sheet, ref)
            else:
                yield from _cells(title, ref)

    def _own_row(self, sheet: str, ref: str):
        """A calculation sheet reads the Interventions columns at its own row only (INDEX at the row
        its key is on), so a column range traced from it is that one cell; its key column is no input."""
        for title, coordinate in _cells(INTERVENTIONS, ref.split(":")[0]):
            column = _CELL.match(coordinate.replace("$", "")).group(1)
            if column != self.key_column:
                yield title, f"{column}{self.row_of[sheet]}"


def _rows_by_key(wb) -> tuple[str | None, dict[str, int]]:
    """The Interventions table's Calculation sheet column and the row naming each calculation sheet."""
    if INTERVENTIONS not in wb.sheetnames:
        return None, {}
    ws = wb[INTERVENTIONS]
    for row in ws.iter_rows(max_row=HEADER_SEARCH_ROWS):
        for cell in row:
            if cell.value == CALC_KEY:
                keys = ws.iter_rows(min_row=cell.row + 1, min_col=cell.column, max_col=cell.column)
                return cell.column_letter, {str(c[0].value): c[0].row for c in keys if c[0].value}
    return None, {}


def _cells(title: str, ref: str):
    """Cells of ``A1`` or ``A1:B5`` (a whole-column or row reference yields nothing)."""
    from openpyxl.utils import column_index_from_string, get_column_letter  # noqa: PLC0415

    ends = ref.replace("$", "").split(":")
    parsed = [_CELL.match(end) for end in ends]
    if not all(parsed):
        return
    (c1, r1), (c2, r2) = [(column_index_from_string(m.group(1)), int(m.group(2))) for m in (parsed[0], parsed[-1])]
    if (abs(c2 - c1) + 1) * (abs(r2 - r1) + 1) > MAX_TRACED_CELLS:
        return
    for column in range(min(c1, c2), max(c1, c2) + 1):
        for row in range(min(r1, r2), max(r1, r2) + 1):
            yield title, f"{get_column_letter(column)}{row}"


def _quoted(title: str) -> str:
    return f"'{title}'" if " " in title else title
