"""What the spreadsheet itself last worked out: failing checks and formula errors, by cell.

The import recomputes every figure from the inputs, so cached values are never used as
figures; but a file saved by Excel or LibreOffice after recalculating carries the status of
each check and any formula error (a deleted name gives ``#NAME?``), and a finance team that
sends the file on will see them. These are reported with their sheet and cell. A file
written by RtV Desktop and never opened has no cached values: nothing to report.
"""

from __future__ import annotations

from ...errors import Problem
from ..layout import CHECKS, HIDDEN
from ..sheets.checks import FIRST_ROW
from .cells import SPREADSHEET_ERRORS, where_text

MAX_LISTED_ERRORS = 20  # one line each; the rest are counted


def failing_checks(wb) -> list[Problem]:
    """Each check on the Checks sheet whose last worked-out status is not OK."""
    if CHECKS not in wb.sheetnames:
        return []
    ws = wb[CHECKS]
    found = []
    for label, status, action in ws.iter_rows(min_row=FIRST_ROW, max_col=3):
        if status.value in (None, "", "OK") or not label.value:
            continue
        found.append(Problem(where_text(CHECKS, status.coordinate),
                             f"the check '{label.value}' says {status.value}. {action.value or ''}".strip(),
                             f"{CHECKS}!{status.coordinate}"))
    return found


def formula_errors(wb) -> list[Problem]:
    """Every cell whose last worked-out value is a spreadsheet error, with its sheet and cell."""
    cells = [(ws.title, cell.coordinate, str(cell.value).strip()) for ws in wb.worksheets if ws.title != HIDDEN
             for row in ws.iter_rows() for cell in row
             if cell.data_type == "e" or (isinstance(cell.value, str) and cell.value.startswith(SPREADSHEET_ERRORS)
                                          and cell.data_type != "s")]
    found = [Problem(where_text(sheet, coordinate), f"shows {value}: a name, sheet or row its formula uses was "
                                                    "deleted or renamed, or it divides by zero",
                     f"{sheet}!{coordinate}") for sheet, coordinate, value in cells[:MAX_LISTED_ERRORS]]
    if len(cells) > MAX_LISTED_ERRORS:
        found.append(Problem("", f"and {len(cells) - MAX_LISTED_ERRORS} more cells show errors"))
    return found


def spreadsheet_problems(wb) -> list[Problem]:
    """The workbook's own failing checks, then its formula errors (both from cached values)."""
    return failing_checks(wb) + formula_errors(wb)
