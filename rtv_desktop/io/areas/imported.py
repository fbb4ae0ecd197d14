"""Import a table of areas with populations from CSV or Excel (same schema as the bundled tables).

Columns: ``area_code, area_name, population_total, population_18_plus, population_65_plus,
reference_period``, and optionally ``disabled_equality_act_pct`` (the share of residents [%]
whose condition limits day-to-day activities, or a local measure of need on the same scale, e.g.
from QOF or public-health figures) and ``any_ltc_pct`` (the share with any long-term condition,
Census 2021 TS038), with ``need_source`` saying where they come from. Every problem is reported
at once with its row (and cell, for a workbook); an area code that is not ``E`` + 8 digits is
only a warning, since local codes (e.g. a PCN) are legitimate.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from .bundled import AreaRecord, today
from ..errors import InputFileError, Problem

COLUMNS = ("area_code", "area_name", "population_total", "population_18_plus", "population_65_plus",
           "reference_period")
COUNT_COLUMNS = COLUMNS[2:5]
NEED_COLUMN, LTC_COLUMN, NEED_SOURCE_COLUMN = "disabled_equality_act_pct", "any_ltc_pct", "need_source"
ONS_CODE = re.compile(r"^E\d{8}$")
MAX_ROWS = 100_000
IMPORTED_KIND = "Imported area"


@dataclass(frozen=True)
class AreaTable:
    """Areas read from a file, and warnings that do not stop the import."""

    records: tuple[AreaRecord, ...]
    warnings: tuple[Problem, ...] = ()


def _frame(path: Path):
    import pandas as pd  # noqa: PLC0415 (slow to import)

    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", nrows=MAX_ROWS), None
        if suffix in (".xlsx", ".xlsm"):
            with warnings.catch_warnings(), pd.ExcelFile(path) as book:
                warnings.simplefilter("ignore")  # workbook features pandas does not need
                frame = book.parse(0, dtype=object, nrows=MAX_ROWS)
                return frame.fillna(""), book.sheet_names[0]
    except FileNotFoundError:
        raise InputFileError(path, [Problem("", "does not exist. Check the name and folder.")]) from None
    except Exception as exc:  # noqa: BLE001 - any parser failure means "not a readable table"
        raise InputFileError(path, [Problem("", f"could not be read as a table ({type(exc).__name__}: {exc}). "
                                                "Save it as CSV (UTF-8) or an Excel workbook (.xlsx).")]) from None
    raise InputFileError(path, [Problem("", "must be a CSV file (.csv) or an Excel workbook (.xlsx).")])


def _where(sheet: str | None, row: int, column: str, columns: list[str]) -> str:
    """Row ``row`` of the file (the header is row 1), as a cell for a workbook."""
    if sheet is None:
        return f"row {row}, column {column}"
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    return f"sheet '{sheet}', cell {get_column_letter(columns.index(column) + 1)}{row}"


def _count(value, where: str, column: str, problems: list[Problem]) -> int | None:
    text = str(value).strip().replace(",", "")
    try:
        number = float(text)
    except ValueError:
        problems.append(Problem(where, f"{column} must be a whole number of persons; it is '{value}'"))
        return None
    if number < 0 or number != int(number):
        problems.append(Problem(where, f"{column} must be a whole number of persons, 0 or more; it is {text}"))
        return None
    return int(number)


def read_area_table(path) -> AreaTable:
    """Read areas from a CSV or XLSX file.

    Raises
    ------
    InputFileError
        Missing columns, non-numeric or negative counts, or counts out of order
        (65+ <= 18+ <= total), each with its row.
    """
    path = Path(path)
    frame, sheet = _frame(path)
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    columns = list(frame.columns)
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        raise InputFileError(path, [Problem("header row", f"is missing the column(s) {', '.join(missing)}. The "
                                                          f"columns are: {', '.join(COLUMNS)}.")])
    if frame.empty:
        raise InputFileError(path, [Problem("", "has a header row but no areas.")])
    problems: list[Problem] = []
    notes: list[Problem] = []
    records = []
    for k, row in enumerate(frame.to_dict("records")):
        record = _record(row, k + 2, sheet, columns, path.name, problems, notes)
        if record is not None:
            records.append(record)
    if problems:
        raise InputFileError(path, problems, f"'{path.name}' has {len(problems)} problem(s) to fix")
    return AreaTable(tuple(records), tuple(notes))


def _record(row: dict, number: int, sheet, columns, table: str, problems, notes) -> AreaRecord | None:
    def at(column: str) -> str:
        return _where(sheet, number, column, columns)

    code, name = str(row["area_code"]).strip(), str(row["area_name"]).strip()
    if not name:
        problems.append(Problem(at("area_name"), "area_name is blank: type the area's name"))
    if not ONS_CODE.match(code):
        notes.append(Problem(at("area_code"), f"area_code '{code}' is not an ONS code (E followed by 8 digits); "
                                              "it is kept as typed"))
    counts = [_count(row[c], at(c), c, problems) for c in COUNT_COLUMNS]
    if None in counts or not name:
        return None
    total, adults, older = counts
    if adults > total:
        problems.append(Problem(at("population_18_plus"), f"population_18_plus ({adults:,}) exceeds "
                                                          f"population_total ({total:,})"))
        return None
    if older > adults:
        problems.append(Problem(at("population_65_plus"), f"population_65_plus ({older:,}) exceeds "
                                                          f"population_18_plus ({adults:,}): everyone 65+ is an adult"))
        return None
    period = str(row["reference_period"]).strip()
    need, ltc = _need(row, at, problems), _need(row, at, problems, LTC_COLUMN, 24.1)
    if need is ... or ltc is ...:
        return None
    given = " and ".join(c for c, v in ((NEED_COLUMN, need), (LTC_COLUMN, ltc)) if v is not None)
    source = str(row.get(NEED_SOURCE_COLUMN, "") or "").strip() or f"{table}, column {given or NEED_COLUMN}"
    return AreaRecord(code, name, IMPORTED_KIND, total, adults, older, period, table, need, source, today(),
                      ltc_percent=ltc)


def _need(row: dict, at, problems: list[Problem], column: str = NEED_COLUMN, example: float = 17.3):
    """An optional need percentage; ``None`` when blank or absent, ``...`` after a problem."""
    text = str(row.get(column, "") or "").strip().rstrip("%").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        problems.append(Problem(at(column), f"{column} must be a percentage such as {example:g}; it is '{text}'"))
        return ...
    if not 0 < value <= 100:
        problems.append(Problem(at(column), f"{column} must be a percentage above 0 and at most 100; "
                                            f"it is {value:g}"))
        return ...
    return value
