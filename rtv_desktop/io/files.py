"""Open and save documents by file type: scenario files (``.json``) and RtV workbooks (``.xlsx``)."""

from __future__ import annotations

from pathlib import Path

from ..core import Document, Scenario
from .errors import InputFileError, Problem
from .scenario_json import read_document_json, write_scenario_json

JSON_SUFFIXES = {".json"}
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
SPREADSHEET_SUFFIXES = {".ods", ".xls", ".xlsb", ".numbers", ".csv"}


def load_document(path) -> Document:
    """Read a document from a ``.json`` file or an RtV workbook; ``InputFileError`` on problems."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        return read_document_json(path)
    if suffix in WORKBOOK_SUFFIXES:
        from .workbook_reader import read_workbook  # noqa: PLC0415 (openpyxl is slow to import)

        return read_workbook(path).document
    if suffix in SPREADSHEET_SUFFIXES:
        raise InputFileError(path, [Problem("", "is a spreadsheet in another format: open it in Excel (or "
                                                "LibreOffice), save it as an Excel workbook (.xlsx) and open that.")])
    raise InputFileError(path, [Problem("", "is not a file RtV Desktop can open: use a scenario file (.json) "
                                            "or an RtV workbook (.xlsx).")])


def load_scenario(path) -> Scenario:
    """The first option of a document file, as a scenario."""
    return load_document(path).scenario(0)


def save_document(item: Scenario | Document, path, **workbook_options) -> Path:
    """Save as JSON or as a workbook, by the file's suffix; atomic, with a backup."""
    path = Path(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from .workbook_writer import write_workbook  # noqa: PLC0415

        return write_workbook(item, path, **workbook_options)
    return write_scenario_json(item, path)


save_scenario = save_document
