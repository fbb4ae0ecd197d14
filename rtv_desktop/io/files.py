"""Open and save scenarios by file type (``.json`` now, ``.xlsx`` workbooks too)."""

from __future__ import annotations

from pathlib import Path

from .. import messages
from ..core import Scenario
from .errors import InputFileError, Problem
from .scenario_json import read_scenario_json, write_scenario_json

JSON_SUFFIXES = {".json"}
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
# Spreadsheets of other formats: the answer is to save them as .xlsx, not a generic refusal.
OTHER_SPREADSHEET_SUFFIXES = {".ods", ".xls", ".xlsb", ".fods", ".numbers"}


def load_scenario(path) -> Scenario:
    """Read a scenario from a ``.json`` file or an RtV workbook; ``InputFileError`` on problems."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        return read_scenario_json(path)
    if suffix in WORKBOOK_SUFFIXES:
        from .workbook_reader import read_workbook  # noqa: PLC0415 (openpyxl is slow to import)

        return read_workbook(path).scenario
    if suffix in OTHER_SPREADSHEET_SUFFIXES:
        raise InputFileError(path, [Problem("", messages.other_spreadsheet(path))], f"Cannot open '{path.name}'")
    raise InputFileError(path, [Problem("", "is not a file RtV Desktop can open: use a scenario file (.json) "
                                            "or an RtV workbook (.xlsx).")])


def save_scenario(scenario: Scenario, path, **workbook_options) -> Path:
    """Save as JSON or as a workbook, by the file's suffix; atomic, with a backup."""
    path = Path(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from .workbook_writer import write_workbook  # noqa: PLC0415

        return write_workbook(scenario, path, **workbook_options)
    return write_scenario_json(scenario, path)
