"""Write the monitoring workbook: a Guide, the Activity sheet (forecast beside actual, by quarter)
and the Outcomes sheet, for every option of a document.

Forecast cells are grey and locked (the sheets are protected without a password, so they are
read-only); the cells to fill in are the workbook's usual yellow inputs, with data validation
(whole numbers or amounts of 0 or more; life satisfaction 0-10). Blank means "not yet known".
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, NamedStyle, PatternFill
from openpyxl.workbook.defined_name import DefinedName

from ...core.actuals import LIFE_SATISFACTION
from ...core.monitoring import forecast_activity
from ...core.years import financial_year_problem
from ..atomic import atomic_write
from ..workbook.styles import (BOX, WRAP, Validations, as_input, header_row, print_layout, protect, title, widths, wrap)
from ..workbook.text_cells import write_text
from .layout import (ACTIVITY, ACTIVITY_HEADERS, COLUMN_WORDS, GUIDE, HEADER_ROW, OUTCOME_HEADERS, OUTCOMES,
                     SERVICE_COLUMNS, START_CELL, START_NAME, WELLBEING_COLUMNS)

FORECAST_FILL = PatternFill("solid", fgColor="D9D9D9")
FORECAST_STYLE = "RtV forecast"
COUNT, MONEY, POINTS = "#,##0", "£#,##0", "0.00"
FORECAST_FORMATS = {"forecast_starters": "#,##0.0", "forecast_completers": "#,##0.0", "forecast_spend": MONEY}
ACTUAL_RULES = {"starters": (("whole", 0, 10 ** 9, "of 0 or more (blank: not yet known)"), COUNT),
                "completers": (("whole", 0, 10 ** 9, "of 0 or more (blank: not yet known)"), COUNT),
                "spend": (("decimal", 0, 10 ** 12, "of £0 or more (blank: not yet known)"), MONEY)}
OUTCOME_RULES = {"before_mean": (("decimal", 0, 10, "from 0 to 10"), POINTS),
                 "after_mean": (("decimal", 0, 10, "from 0 to 10"), POINTS),
                 "before_sd": (("decimal", 0, 10, "from 0 to 10"), POINTS),
                 "after_sd": (("decimal", 0, 10, "from 0 to 10"), POINTS),
                 "before_n": (("whole", 0, 10 ** 9, "of 0 or more"), COUNT),
                 "after_n": (("whole", 0, 10 ** 9, "of 0 or more"), COUNT),
                 "before_contacts": (("whole", 0, 10 ** 9, "of 0 or more"), COUNT),
                 "after_contacts": (("whole", 0, 10 ** 9, "of 0 or more"), COUNT),
                 "before_person_years": (("decimal", 0, 10 ** 9, "of 0 or more"), "#,##0.0"),
                 "after_person_years": (("decimal", 0, 10 ** 9, "of 0 or more"), "#,##0.0")}


def write_template(doc, path, start_year: str | None = None) -> Path:
    """Write the monitoring workbook of ``doc`` at ``path`` (atomically) and return the path.

    ``start_year`` is the financial year of the first quarter (default: the document's first
    delivery year, ``settings.start_year``). Raises ``ValueError`` when it is not written like
    2026/27, and ``InvalidScenario`` when an option cannot be run.
    """
    start = (start_year or doc.settings.start_year).strip()
    problem = financial_year_problem(start)
    if problem is not None:
        raise ValueError(f"The first quarter's year {problem}")
    rows = forecast_activity(doc, start)
    wb = Workbook()
    wb.add_named_style(NamedStyle(name=FORECAST_STYLE, fill=FORECAST_FILL, border=BOX, font=Font(color="404040")))
    _guide(wb.active, doc, start)
    names = {(k, iv.id): iv.name for k, option in enumerate(doc.options) for iv in option.interventions}
    _activity(wb.create_sheet(ACTIVITY), rows, names)
    _outcomes(wb.create_sheet(OUTCOMES), doc)
    wb.defined_names[START_NAME] = DefinedName(START_NAME, attr_text=f"'{GUIDE}'!${START_CELL[0]}${START_CELL[1:]}")
    return atomic_write(Path(path), lambda temp: wb.save(temp))


def _guide(ws, doc, start: str) -> None:
    ws.title = GUIDE
    title(ws, "Monitoring workbook: forecast against actual",
          f"{doc.name}: fill in the yellow cells each quarter from the providers' returns. Blank means "
          "'not yet known' and is never read as zero.")
    ws["A4"], ws[START_CELL] = "First quarter's financial year", start
    ws["A4"].font = Font(bold=True)
    ws["A5"] = "Options"
    ws["A5"].font = Font(bold=True)
    row = 5
    for k, option in enumerate(doc.options):
        write_text(ws.cell(row, 2), f"{k + 1}: {option.name}")
        row += 1
    steps = [
        "How to fill it in:",
        "1. Activity: one row per option, quarter and intervention. The grey columns are the business case's "
        "forecast (the model's yearly figures over four quarters, set-up cost in the first quarter); type what "
        "happened in the yellow columns beside them. Leave a cell blank until the figure is known.",
        "2. Outcomes (optional, any time): life satisfaction before and after for participants, and use of each "
        "service the intervention is expected to change, before and after, for participants and, where you have "
        "one, a comparison group of similar people who did not take part. A comparison group makes the evidence "
        "grade 2 (a local evaluation with a comparison group) rather than 4 (before and after only).",
        "3. Import the workbook in RtV Desktop (Monitoring > Import actuals) or run "
        "'rtv-desktop monitor DOCUMENT.json THIS.xlsx'. Do not rename the sheets or the column headings.",
    ]
    row += 1
    for text in steps:
        cell = ws.cell(row, 1, text)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        wrap(cell, 120)
        row += 1
    row += 1
    header_row(ws, row, ["Sheet", "Column", "What it means", "Where it usually comes from"])
    for sheet, headers in ((ACTIVITY, ACTIVITY_HEADERS), (OUTCOMES, OUTCOME_HEADERS)):
        for name in headers:
            row += 1
            meaning, source = COLUMN_WORDS[name]
            ws.cell(row, 1, sheet).alignment = WRAP
            ws.cell(row, 2, name).alignment = WRAP
            wrap(ws.cell(row, 3, meaning), 60)
            wrap(ws.cell(row, 4, source or "Filled in by RtV Desktop"), 60)
    widths(ws, {"A": 30, "B": 26, "C": 60, "D": 60})
    print_layout(ws, landscape=True)


def _activity(ws, rows, names: dict[tuple[int, str], str]) -> None:
    title(ws, "Activity by quarter", "Grey: the forecast (read-only). Yellow: what happened; blank = not yet known.")
    header_row(ws, HEADER_ROW, ACTIVITY_HEADERS)
    column = {name: j + 1 for j, name in enumerate(ACTIVITY_HEADERS)}
    first = HEADER_ROW + 1
    for r, row in enumerate(rows, start=first):
        ws.cell(r, 1, row.option + 1)
        ws.cell(r, 2, row.quarter)
        write_text(ws.cell(r, 3), row.intervention_id)
        write_text(ws.cell(r, 4), names.get((row.option, row.intervention_id), row.intervention_id))
        for j in range(1, 5):
            ws.cell(r, j).style = FORECAST_STYLE
        for name, value in (("forecast_starters", row.forecast.starters),
                            ("forecast_completers", row.forecast.completers), ("forecast_spend", row.forecast.spend)):
            cell = ws.cell(r, column[name], value)
            cell.style = FORECAST_STYLE
            cell.number_format = FORECAST_FORMATS[name]
    last = HEADER_ROW + len(rows)
    checks = Validations(ws)
    for name, (rule, fmt) in ACTUAL_RULES.items():
        for r in range(first, last + 1):
            as_input(ws.cell(r, column[name]), fmt)
        if rows:
            letter = ws.cell(first, column[name]).column_letter
            checks.add(rule, f"{letter}{first}:{letter}{last}")
    widths(ws, {"A": 8, "B": 12, "C": 20, "D": 34, "E": 18, "F": 12, "G": 20, "H": 12, "I": 16, "J": 14})
    ws.freeze_panes = f"E{first}"
    print_layout(ws, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    protect(ws)


def _outcomes(ws, doc) -> None:
    title(ws, "Outcomes before and after (optional)",
          "Life satisfaction (ONS, 0-10) and use of services, for participants and a comparison group where there "
          "is one. Fill in only the yellow cells of each row; blank = not recorded.")
    header_row(ws, HEADER_ROW, OUTCOME_HEADERS)
    column = {name: j + 1 for j, name in enumerate(OUTCOME_HEADERS)}
    checks = Validations(ws)
    r = HEADER_ROW
    for k, option in enumerate(doc.options):
        for iv in option.interventions:
            records = [(LIFE_SATISFACTION, "participants")]
            for sid, _ in iv.effect:
                records += [(f"service:{sid}", "participants"), (f"service:{sid}", "comparison")]
            for outcome, group in records:
                r += 1
                for j, value in enumerate((k + 1, iv.id, outcome, group), start=1):
                    cell = ws.cell(r, j)
                    if isinstance(value, str):
                        write_text(cell, value)
                    else:
                        cell.value = value
                    cell.style = FORECAST_STYLE
                inputs = WELLBEING_COLUMNS if outcome == LIFE_SATISFACTION else SERVICE_COLUMNS
                for name in OUTCOME_HEADERS[4:]:
                    cell = ws.cell(r, column[name])
                    if name in inputs:
                        rule, fmt = OUTCOME_RULES[name]
                        as_input(cell, fmt)
                        checks.add(rule, cell.coordinate)
                    else:
                        cell.style = FORECAST_STYLE
    widths(ws, {"A": 8, "B": 20, "C": 20, "D": 13, **{chr(ord("E") + j): 12 for j in range(6)},
                **{chr(ord("K") + j): 20 for j in range(4)}})
    ws.freeze_panes = f"E{HEADER_ROW + 1}"
    print_layout(ws, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    protect(ws)
