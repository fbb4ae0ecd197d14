"""A document's options for every bundled area at one level, as rows for a CSV or a workbook.

Columns: ``area_code, area_name, option`` and the area inputs used, then the summary keys;
one row per area and option, then the England rows (sums of the areas). A CSV is headed with
these keys (for scripts); a workbook with their labels and number formats (for finance), its
Sources sheet listing each column's key and unit. The licence attribution of the area data
goes beside the table (the Sources sheet, or a ``.txt`` next to a CSV), never inside it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ...core import SUMMARY_KEYS, Document
from ...core.declare import spec_of
from ...core.model import Area
from ...core.outputs import AREA_PROBABILITIES, AREA_SIMULATED, OUTPUTS, PERCENTILE_WORDS, label, percentile_key, \
    percentile_label
from ...core.batch import AREA_COLUMNS, england_area, england_rows, run_areas, simulate_areas
from ...core.defaults import default_area
from .bundled import CENSUS_ATTRIBUTION, ONS_ATTRIBUTION, AreaRecord, areas_at
from ..atomic import atomic_write
from ..errors import InputFileError, Problem
from ..workbook.figures import fmt, unit
from ..workbook.layout import TEXT, number_format

COLUMNS = ("area_code", "area_name", "option") + AREA_COLUMNS + SUMMARY_KEYS
SIMULATED_COLUMNS = (*(percentile_key(key, stat) for key in AREA_SIMULATED for stat in ("p5", "p95")),
                     *AREA_PROBABILITIES)
ENGLAND_CODE = "E92000001"
ATTRIBUTION = (f"Area populations: {ONS_ATTRIBUTION}\nLocal need (share of residents with any long-term "
               f"condition, used as a relative index): {CENSUS_ATTRIBUTION}\n")


@dataclass(frozen=True)
class AreaTableRun:
    """The rows of an all-areas run (dicts keyed by :data:`COLUMNS`, plus simulated columns)."""

    rows: list[dict]
    level: str
    iterations: int | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        return COLUMNS + (SIMULATED_COLUMNS if self.iterations else ())


def area_inputs(doc: Document, records: tuple[AreaRecord, ...]):
    """The document's area replaced by each record's population and need (national shares x index)."""
    national = default_area()
    return [record.apply_to(doc.area, national) for record in records]


def run_all_areas(doc: Document, level: str, iterations: int | None = None, seed: int | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> AreaTableRun:
    """Every option in every bundled area of ``level`` ("icb" or "utla"), then England.

    With ``iterations``, each area also gets the 5th and 95th percentiles of net fiscal and
    net social value and the headline probabilities of a simulation of that many draws.
    """
    records = areas_at(level)
    areas = area_inputs(doc, records)
    summaries = run_areas(doc, areas)
    simulated = None
    if iterations:
        simulated = simulate_areas(doc, areas, iterations, seed if seed is not None else doc.settings.seed,
                                   progress, cancelled)
    rows = []
    for a, (record, area) in enumerate(zip(records, areas)):
        for k, option in enumerate(doc.options):
            row = _row(record.code, record.name, option.name, area, summaries[a][k])
            if simulated is not None:
                row.update(_simulated(simulated[a][k]))
            rows.append(row)
    england = england_area(areas)
    for option, summary in zip(doc.options, england_rows(doc, areas)):
        rows.append(_row(ENGLAND_CODE, "England (sum of the areas)", option.name, england, summary))
    return AreaTableRun(rows, level, iterations)


def _row(code: str, name: str, option: str, area, summary: dict) -> dict:
    return {"area_code": code, "area_name": name, "option": option,
            **{key: getattr(area, key) for key in AREA_COLUMNS}, **summary}


def _simulated(summary: dict) -> dict:
    return {**{percentile_key(key, stat): summary[key][stat] for key in AREA_SIMULATED for stat in ("p5", "p95")},
            **{key: summary[key] for key in AREA_PROBABILITIES}}


def csv_text(table: AreaTableRun) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=table.columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: ("" if row.get(k) is None else row.get(k)) for k in table.columns} for row in table.rows)
    return out.getvalue()


def write_area_table(table: AreaTableRun, path) -> list[Path]:
    """Write ``table`` as CSV (with the attribution in a ``.txt`` beside it) or XLSX; the files written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        text = csv_text(table)
        written = [atomic_write(path, lambda temp: temp.write_text(text, encoding="utf-8-sig"), keep_backup=False)]
        licence = path.with_name(path.stem + "-sources.txt")
        written.append(atomic_write(licence, lambda temp: temp.write_text(ATTRIBUTION, encoding="utf-8"),
                                    keep_backup=False))
        return written
    if suffix == ".xlsx":
        return [atomic_write(path, lambda temp: _workbook(table).save(temp), keep_backup=False)]
    raise InputFileError(path, [Problem("", "must end in .csv or .xlsx")], f"Cannot write '{path}'")


LEADING_LABELS = {"area_code": "Area code", "area_name": "Area", "option": "Option"}


def column_label(key: str) -> str:
    """The words a column is headed with in the workbook (the CSV keeps the keys, for scripts)."""
    if key in LEADING_LABELS:
        return LEADING_LABELS[key]
    if key in AREA_COLUMNS:
        return spec_of(Area, key).label
    base, _, stat = key.rpartition("_")
    if stat in PERCENTILE_WORDS and base in OUTPUTS:
        return percentile_label(base, stat)
    return label(key)


def column_format(key: str) -> str:
    """The Excel number format of a column: £ with separators, 0.0%, persons, QALYs."""
    if key in LEADING_LABELS:
        return TEXT
    if key in AREA_COLUMNS:
        return number_format(spec_of(Area, key).kind)
    base, _, stat = key.rpartition("_")
    return fmt(base if stat in PERCENTILE_WORDS and base in OUTPUTS else key)


def _workbook(table: AreaTableRun):
    from openpyxl import Workbook  # noqa: PLC0415 (slow to import)
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    from ..workbook.styles import HEADER_FILL, HEADER_FONT, WRAP  # noqa: PLC0415 (imports openpyxl)
    from ..workbook.text_cells import write_text  # noqa: PLC0415

    wb = Workbook()
    ws = wb.active
    ws.title = "All areas"
    ws.append([column_label(key) for key in table.columns])
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    formats = [column_format(key) for key in table.columns]
    for row in table.rows:
        ws.append([None if row.get(k) is None else (row[k] if not isinstance(row[k], str) else "") for k in
                   table.columns])
        for col, (key, number_fmt) in enumerate(zip(table.columns, formats), start=1):
            cell = ws.cell(ws.max_row, col)
            if isinstance(row.get(key), str):
                write_text(cell, row[key])  # names are text, never formulas
            cell.number_format = number_fmt
    for col, key in enumerate(table.columns, start=1):
        ws.column_dimensions[get_column_letter(col)].width = 44 if key == "area_name" else 16
    ws.row_dimensions[1].height = 45
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = ws.dimensions
    _sources_sheet(wb.create_sheet("Sources"), table)
    return wb


def _sources_sheet(ws, table: AreaTableRun) -> None:
    """The data's licence, then each column's heading, its key in the CSV and its unit."""
    from ..workbook.styles import HEADER_FONT  # noqa: PLC0415 (imports openpyxl)

    for line in ATTRIBUTION.strip().splitlines():
        ws.append([line])
    ws.append([])
    ws.append(["Column", "Key (as in the CSV export)", "Unit"])
    for cell in ws[ws.max_row]:
        cell.font = HEADER_FONT
    for key in table.columns:
        ws.append([column_label(key), key, _unit(key)])
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width, ws.column_dimensions["C"].width = 48, 30, 24


def _unit(key: str) -> str:
    if key in LEADING_LABELS:
        return ""
    if key in AREA_COLUMNS:
        return spec_of(Area, key).unit
    base, _, stat = key.rpartition("_")
    return unit(base if stat in PERCENTILE_WORDS and base in OUTPUTS else key)
