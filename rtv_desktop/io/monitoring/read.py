"""Read a filled-in monitoring workbook back as :class:`~rtv_desktop.core.monitoring.Actuals`.

The file is opened for reading only and never written. Columns are found by their headings
(row 4 as written; a line inserted above is tolerated), so columns may be moved. Every problem
is collected with its sheet and cell and raised at once as ``InputFileError``: text in a number
cell, a negative count, a quarter or intervention the document does not have, a missing sheet
or heading. The forecast is worked out again from the document (the grey cells are only shown);
blank actual cells are ``None``, never zero.
"""

from __future__ import annotations

from pathlib import Path

from ...core.actuals import FIGURE_LABELS, FIGURE_NAMES, GROUPS, LIFE_SATISFACTION, Actuals, Figures, OutcomeRecord
from ...core.monitoring import forecast_activity, quarters, with_actuals
from ...core.years import financial_year_problem
from ..errors import InputFileError, Problem
from ..workbook.read.cells import CellReader, where_text
from ..workbook.read.reader import open_workbook
from .layout import (ACTIVITY, ACTIVITY_HEADERS, GUIDE, MAX_HEADER_ROW, OUTCOME_HEADERS, OUTCOMES, SERVICE_COLUMNS,
                     START_CELL, START_NAME, WELLBEING_COLUMNS)

WHOLE = {"starters", "completers", "before_n", "after_n", "before_contacts", "after_contacts"}
WORDS = {**FIGURE_LABELS, "before_mean": "Mean before",
         "before_sd": "SD before", "before_n": "People before", "after_mean": "Mean after", "after_sd": "SD after",
         "after_n": "People after", "before_contacts": "Contacts before", "before_person_years": "Person-years before",
         "after_contacts": "Contacts after", "after_person_years": "Person-years after"}


def read_actuals(doc, path) -> Actuals:
    """The actuals recorded in the monitoring workbook at ``path`` for ``doc``.

    Returns ``Actuals`` with every forecast row of the document (actuals merged in; blank =
    None), the outcome records filled in (rows left blank are skipped) and ``source`` the
    file's name. Raises ``InputFileError`` listing every problem with its sheet and cell.
    """
    path = Path(path)
    wb = open_workbook(path)
    cells = CellReader()
    problems: list[Problem] = []
    sheets = {}
    for name in (ACTIVITY, OUTCOMES):
        if name in wb.sheetnames:
            sheets[name] = wb[name]
        else:
            problems.append(Problem(where_text(name), "is missing: this is not a monitoring workbook, or the sheet was "
                                                      "renamed. Write a new one with 'New monitoring workbook'."))
    if problems:
        raise InputFileError(path, problems, f"'{path.name}' has {len(problems)} problem(s) to fix")
    start = _start_year(wb, sheets[ACTIVITY], problems)
    options = _option_keys(doc)
    activity = _read_activity(doc, sheets[ACTIVITY], start, options, cells, problems) if start else {}
    outcomes = _read_outcomes(doc, sheets[OUTCOMES], options, cells, problems)
    problems = problems + cells.problems
    if problems:
        raise InputFileError(path, problems, f"'{path.name}' has {len(problems)} problem(s) to fix")
    return with_actuals(forecast_activity(doc, start), activity, outcomes, source=path.name, start_year=start)


def _start_year(wb, activity, problems: list[Problem]) -> str:
    """The first quarter's year: the Guide's cell named for it, else the first Activity row's quarter."""
    cell = None
    if START_NAME in wb.defined_names:
        found = list(wb.defined_names[START_NAME].destinations)
        if found and found[0][0] in wb.sheetnames:
            cell = wb[found[0][0]][found[0][1].replace("$", "")]
    elif GUIDE in wb.sheetnames:
        cell = wb[GUIDE][START_CELL]
    if cell is not None and isinstance(cell.value, str):
        text = cell.value.strip()
        problem = financial_year_problem(text)
        if problem is None:
            return text
        problems.append(Problem(where_text(cell.parent.title, cell.coordinate), f"the first quarter's year {problem}"))
        return ""
    header = _header_row(activity)
    quarter = activity.cell(header + 1, 2).value if header else None
    if isinstance(quarter, str) and financial_year_problem(quarter.split(" ")[0]) is None:
        return quarter.split(" ")[0]
    problems.append(Problem(where_text(GUIDE, START_CELL), "should hold the first quarter's financial year, such as "
                                                           "2026/27"))
    return ""


def _header_row(ws) -> int:
    for row in range(1, MAX_HEADER_ROW + 1):
        if str(ws.cell(row, 1).value or "").strip() == "option":
            return row
    return 0


def _columns(ws, headers: tuple[str, ...], problems: list[Problem]) -> tuple[int, dict[str, int]]:
    """The header row and the column of each heading (problems for any that are missing)."""
    row = _header_row(ws)
    if not row:
        problems.append(Problem(where_text(ws.title, "A4"), f"should be the heading 'option' of the table "
                                                             f"({', '.join(headers)}): the headings are missing"))
        return 0, {}
    found = {str(ws.cell(row, j).value or "").strip(): j for j in range(1, ws.max_column + 1)}
    missing = [name for name in headers if name not in found]
    for name in missing:
        problems.append(Problem(f"sheet '{ws.title}', row {row}",
                                f"has no column headed '{name}': do not rename or delete the headings"))
    return (0, {}) if missing else (row, {name: found[name] for name in headers})


def _option_keys(doc) -> dict[str, int]:
    """What an option cell may hold: its number from 1, or its name."""
    keys = {str(k + 1): k for k in range(len(doc.options))}
    for k, option in enumerate(doc.options):
        keys.setdefault(option.name.strip(), k)
    return keys


def _key_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


def _rows(ws, first: int, columns: dict[str, int]):
    """Each row below the headers that holds anything (blank rows are skipped)."""
    for r in range(first, ws.max_row + 1):
        if any(ws.cell(r, j).value not in (None, "") for j in columns.values()):
            yield r


def _option(ws, r: int, column: int, options: dict[str, int], problems: list[Problem]) -> int | None:
    cell = ws.cell(r, column)
    k = options.get(_key_text(cell.value))
    if k is None:
        problems.append(Problem(where_text(ws.title, cell.coordinate),
                                f"names an option the document does not have: '{_key_text(cell.value)}' (options "
                                f"are numbered 1 to {len(set(options.values()))})"))
    return k


def _intervention(doc, ws, r: int, column: int, k: int, problems: list[Problem]) -> str | None:
    cell = ws.cell(r, column)
    iv_id = _key_text(cell.value)
    if iv_id not in {iv.id for iv in doc.options[k].interventions}:
        problems.append(Problem(where_text(ws.title, cell.coordinate),
                                f"names an intervention option {k + 1} ({doc.options[k].name}) does not have: "
                                f"'{iv_id}'"))
        return None
    return iv_id


def _number(ws, r: int, column: int, name: str, cells: CellReader, limit: float | None = None) -> float | None:
    """A figure of 0 or more (a whole number for counts); blank is None (not yet known)."""
    cell = ws.cell(r, column)
    before = len(cells.problems)
    value = cells.number(cell, "", ws.title, required=False, integer=name in WHOLE)
    if len(cells.problems) > before:
        last = cells.problems.pop()
        cells.problems.append(Problem(last.where, f"{WORDS[name]} {last.message}"))
        return None
    if value is None:
        return None
    if value < 0:
        cells.fail(ws.title, cell.coordinate, f"{WORDS[name]} cannot be negative; it is {value:g}. Leave the cell "
                                              "blank if the figure is not yet known")
        return None
    if limit is not None and value > limit:
        cells.fail(ws.title, cell.coordinate, f"{WORDS[name]} must be from 0 to {limit:g}; it is {value:g}")
        return None
    return float(value)


def _read_activity(doc, ws, start: str, options: dict[str, int], cells: CellReader,
                   problems: list[Problem]) -> dict:
    header, columns = _columns(ws, ACTIVITY_HEADERS, problems)
    if not header:
        return {}
    allowed = set(quarters(start, doc.settings.horizon_years))
    out = {}
    for r in _rows(ws, header + 1, columns):
        k = _option(ws, r, columns["option"], options, problems)
        quarter_cell = ws.cell(r, columns["quarter"])
        quarter = _key_text(quarter_cell.value)
        if quarter not in allowed:
            problems.append(Problem(where_text(ws.title, quarter_cell.coordinate),
                                    f"names a quarter outside the document's {doc.settings.horizon_years} years from "
                                    f"{start}: '{quarter}' (write it like '{start} Q1')"))
        iv_id = _intervention(doc, ws, r, columns["intervention_id"], k, problems) if k is not None else None
        figures = Figures(*(_number(ws, r, columns[name], name, cells) for name in FIGURE_NAMES))
        if k is None or iv_id is None or quarter not in allowed:
            continue
        key = (k, quarter, iv_id)
        if key in out:
            problems.append(Problem(f"sheet '{ws.title}', row {r}", f"repeats option {k + 1}, {quarter}, "
                                                                       f"'{iv_id}': give each quarter one row"))
        out[key] = figures
    return out


def _read_outcomes(doc, ws, options: dict[str, int], cells: CellReader, problems: list[Problem]) -> list:
    header, columns = _columns(ws, OUTCOME_HEADERS, problems)
    if not header:
        return []
    services = set(doc.service_ids)
    out = []
    for r in _rows(ws, header + 1, columns):
        k = _option(ws, r, columns["option"], options, problems)
        iv_id = _intervention(doc, ws, r, columns["intervention_id"], k, problems) if k is not None else None
        outcome_cell, group_cell = ws.cell(r, columns["outcome"]), ws.cell(r, columns["group"])
        outcome, group = _key_text(outcome_cell.value), _key_text(group_cell.value)
        known = outcome == LIFE_SATISFACTION or (outcome.startswith("service:") and outcome[8:] in services)
        if not known:
            problems.append(Problem(where_text(ws.title, outcome_cell.coordinate),
                                    f"must be '{LIFE_SATISFACTION}' or 'service:<id>' of a service in the document; "
                                    f"it is '{outcome}'"))
        if group not in GROUPS:
            problems.append(Problem(where_text(ws.title, group_cell.coordinate),
                                    f"must be 'participants' or 'comparison'; it is '{group}'"))
        names = WELLBEING_COLUMNS if outcome == LIFE_SATISFACTION else SERVICE_COLUMNS
        numbers = {name: _number(ws, r, columns[name], name, cells, 10.0 if name.endswith(("_mean", "_sd")) else None)
                   for name in names}
        if k is None or iv_id is None or not known or group not in GROUPS or all(v is None for v in numbers.values()):
            continue
        out.append(OutcomeRecord(k, iv_id, outcome, group, **numbers))
    return out
