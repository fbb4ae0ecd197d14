"""Open and save documents by file type: scenario files (``.json``) and RtV workbooks (``.xlsx``)."""

from __future__ import annotations

from pathlib import Path

from .. import messages
from ..core import Document, Scenario
from .errors import InputFileError, Problem
from .limits import MAX_JSON_BYTES, read_capped_bytes
from .scenario_json import decode_scenario_bytes, document_from_data, parse_json_text, write_scenario_json

JSON_SUFFIXES = {".json"}
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
# Spreadsheets of other formats: the answer is to save them as .xlsx, not a generic refusal.
OTHER_SPREADSHEET_SUFFIXES = {".ods", ".xls", ".xlsb", ".fods", ".numbers"}


def load_document(path, check_ranges: bool = True) -> Document:
    """Read a document from a ``.json`` file or an RtV workbook; ``InputFileError`` on problems.

    ``check_ranges=False`` (the window) opens a scenario file whose values are out of range,
    so they can be fixed on screen like any value typed there; it must still be a readable
    document. Workbooks are always checked: their problems are listed with sheet and cell.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        raw = read_capped_bytes(path, MAX_JSON_BYTES)
        return document_from_data(parse_json_text(decode_scenario_bytes(raw, path), path), path, check_ranges)
    if suffix in WORKBOOK_SUFFIXES:
        from .workbook.read.reader import read_workbook  # noqa: PLC0415 (openpyxl is slow to import)

        return read_workbook(path).document
    if suffix in OTHER_SPREADSHEET_SUFFIXES:
        raise InputFileError(path, [Problem("", messages.other_spreadsheet(path))], f"Cannot open '{path.name}'")
    if suffix == ".csv":  # an area table: read on the Area page, not opened as a scenario
        raise InputFileError(path, [], messages.area_table_opened(path))
    raise InputFileError(path, [Problem("", "is not a file RtV Desktop can open: use a scenario file (.json) "
                                            "or an RtV workbook (.xlsx).")])


def load_scenario(path, check_ranges: bool = True) -> Scenario:
    """The first option of a document file, as a scenario."""
    return load_document(path, check_ranges).scenario(0)


def save_document(doc: Document, path, **workbook_options) -> Path:
    """Save as JSON or as a workbook, by the file's suffix; atomic, with a backup."""
    path = Path(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from .workbook.write import write_workbook  # noqa: PLC0415

        return write_workbook(doc, path, **workbook_options)
    return write_scenario_json(doc, path)


def export_document(doc: Document, path, **workbook_options) -> Document:
    """Save as :func:`save_document` does; returns the document to keep: a workbook adds a row to the
    document's log of exports (and the hidden copy carries it), a scenario file is ``doc`` as it was."""
    path = Path(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from .workbook.write import export_workbook  # noqa: PLC0415

        return export_workbook(doc, path, **workbook_options)
    write_scenario_json(doc, path)
    return doc


def save_scenario(s: Scenario, path, **workbook_options) -> Path:
    """Save a scenario as a document of one option (the counterpart of :func:`load_scenario`)."""
    return save_document(Document.from_scenario(s), path, **workbook_options)


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name one file (also when either does not exist yet)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False
