"""Read an RtV workbook back into a ``Document``, reporting every problem with its cell.

Inputs are found by defined name (scenario text, area, settings, comparator) and by table
header (services, baseline use, options, interventions), never by fixed position, and only
inputs are read: cached formula results are never trusted. The cells become the document's
JSON form and the core reads that (:func:`rtv_desktop.core.read_document`), so a workbook and
a scenario file with the same values give the same document; a workbook exported by
version 1 (one intervention mix, no Options sheet) opens as a document of one option, as a
version-1 scenario file does. The user's file is only read, never saved.

Each intervention row is paired with its own exported copy by identity (:mod:`.match`), so a
sorted table or a row moved to another option takes its exact values, citations and change
list from the intervention it is, not from the one exported at its row.
"""

from __future__ import annotations

import json
import warnings
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from .... import messages
from ....core import (
    Area,
    Document,
    Scenario,
    ScenarioFormatError,
    Settings,
    described,
    errors,
    read_document,
    specs,
    validate_document,
)
from ...errors import InputFileError, Problem
from ...limits import check_zip_limits
from ..text_cells import read_text
from .cells import CellReader, where_text
from .changes import Change, changes_between, flatten
from .fields import read_area, read_comparator, read_cover, read_settings
from ..layout import AREA, BASELINE, COVER, HIDDEN, INTERVENTIONS, OPTIONS, SERVICES, SETTINGS, defined_name
from .cached import spreadsheet_problems
from .overrides import formula_overrides
from .match import match_interventions, moved
from .restore import restore
from .rows import read_interventions, read_options, read_services

PATH_SHEETS = {"area": AREA, "settings": SETTINGS, "services": SERVICES, "baseline_use": BASELINE,
               "options": OPTIONS, "comparator": OPTIONS, "interventions": INTERVENTIONS, "name": COVER,
               "author": COVER, "notes": COVER, "decision": COVER}


@dataclass(frozen=True)
class WorkbookImport:
    """What :func:`read_workbook` found.

    ``exported_from`` is the document as RtV Desktop exported it (from the hidden sheet),
    ``changes`` what differs from it now (worded for people, option by option), ``warnings``
    doubtful but usable values (and the ``overrides``), ``overrides`` the app's formulas
    replaced by typed values in Excel, which the import ignores (see
    :mod:`rtv_desktop.io.workbook.read.overrides`), ``spreadsheet`` the workbook's own failing
    checks and formula errors as the spreadsheet last worked them out (also in ``warnings``; see
    :mod:`rtv_desktop.io.workbook.read.cached`). ``typed_price_year`` is ``(exported, typed)`` when the
    price year was typed over and the caller asked to be offered a rebase: the document keeps the
    exported year, the one its values are in.
    """

    document: Document
    exported_from: Document | None = None
    changes: list[Change] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    overrides: list[Problem] = field(default_factory=list)
    spreadsheet: list[Problem] = field(default_factory=list)
    typed_price_year: tuple[str, str] | None = None

    @property
    def scenario(self) -> Scenario:
        """The first option as a scenario (what a one-option window shows)."""
        return self.document.scenario(0)


def read_workbook(path, offer_rebase: bool = False) -> WorkbookImport:
    """Read the document in an RtV workbook.

    A price year typed over since export is refused (the values are still in the exported year's
    prices), unless ``offer_rebase``: then the document keeps the exported price year and
    ``typed_price_year`` says what was typed, so the window can offer to rebase to it.

    Raises
    ------
    InputFileError
        With every problem at once, each naming its sheet and cell and what to do.
    """
    path = Path(path)
    wb = open_workbook(path)
    if not written_by_rtv(wb):  # one line, not a problem for every input it lacks
        raise InputFileError(path, [], messages.not_an_rtv_workbook(path))
    exported, notes = read_hidden(wb)
    legacy = is_version_1(wb)
    cells = CellReader(flatten(exported) if exported is not None else {})
    data = read_cells(wb, cells, legacy)
    doc, format_issues = read_document(data)
    if exported is not None:
        pairs = match_interventions(exported, doc)
        if moved(pairs):  # sorted or moved rows take their exact values from their own exported copy
            cells = CellReader(flatten(exported, pairs))
            data = read_cells(wb, cells, legacy)
            doc, format_issues = read_document(data)
    if legacy:  # a version-1 file lists its interventions at the top level: option 1's
        format_issues = [_as_option_1(issue) for issue in format_issues]
    doc = restore(doc, exported, path.name)
    issues = validate_document(doc)
    read = {p.field for p in cells.problems if p.field}
    located = [locate(issue, cells.locations) for issue in described(format_issues, doc) + errors(issues)
               if not _near(issue.field, read)]
    typed = _typed_price_year(doc, exported) if offer_rebase else None
    if typed is not None:
        doc = replace(doc, settings=replace(doc.settings, price_year=typed[0]))
    problems = cells.problems + _unique(located) + retyped_price_year(doc, exported, cells.locations)
    if problems:
        raise InputFileError(path, problems, f"'{path.name}' has {len(problems)} problem(s) to fix")
    overrides = formula_overrides(path, exported) if exported is not None and not legacy else []
    spreadsheet = spreadsheet_problems(wb)
    warned = (spreadsheet + overrides + notes
              + [locate(issue, cells.locations) for issue in issues if issue.severity != "error"])
    changes = changes_between(exported, doc) if exported is not None else []
    return WorkbookImport(doc, exported, changes, warned, overrides, spreadsheet, typed)


PRICE_YEAR = "settings.price_year"


def _typed_price_year(doc: Document, exported: Document | None) -> tuple[str, str] | None:
    if exported is None or doc.settings.price_year == exported.settings.price_year:
        return None
    return exported.settings.price_year, doc.settings.price_year


def retyped_price_year(doc: Document, exported: Document | None, locations: dict) -> list[Problem]:
    """The price year typed over since export (MODEL.md 13): every figure would be relabelled while
    its value stayed in the old year's prices, so the file is refused with what to do instead."""
    if exported is None or doc.settings.price_year == exported.settings.price_year:
        return []
    was, now = exported.settings.price_year, doc.settings.price_year
    where = where_text(*locations[PRICE_YEAR]) if PRICE_YEAR in locations else where_text(SETTINGS)
    return [Problem(where, f"the price year was changed from {was} to {now}, but typing it only relabels the "
                           f"figures: every value is still in {was} prices. Put back {was}, open the workbook in "
                           f"RtV Desktop and use Change price year, which rebases every money input with the GDP "
                           "deflator.", PRICE_YEAR)]


def read_cells(wb, cells: CellReader, legacy: bool) -> dict:
    """The workbook's inputs as the document's JSON form (version 1's shape for a version-1 workbook)."""
    data: dict = {"format": "rtv-desktop-scenario", "version": 1 if legacy else 2, **read_cover(wb, cells),
                  "area": read_area(wb, cells, legacy), "settings": read_settings(wb, cells, legacy)}
    data["services"], data["baseline_use"] = read_services(wb, cells)
    if legacy:
        data["interventions"] = read_interventions(wb, cells, data["services"], None, [])
        return data
    options, numbers = read_options(wb, cells)
    read_interventions(wb, cells, data["services"], options, numbers)
    data["options"] = options
    data["comparator"] = read_comparator(wb, cells, numbers)
    return data


def written_by_rtv(wb) -> bool:
    """The workbook holds RtV Desktop's hidden record or names one of the area or settings inputs
    the way the app names them (``area_population``): an ordinary workbook has neither."""
    if HIDDEN in wb.sheetnames:
        return True
    ours = {defined_name(f"{prefix}.{name}") for prefix, cls in (("area", Area), ("settings", Settings))
            for name, _spec in specs(cls)}
    return any(name in ours for name in wb.defined_names)


def is_version_1(wb) -> bool:
    """Exported by version 1: one intervention mix, no Options sheet."""
    return OPTIONS not in wb.sheetnames and _hidden_version(wb) < 2


def _hidden_version(wb) -> int:
    if HIDDEN not in wb.sheetnames:
        return 0
    ws = wb[HIDDEN]
    keys = {str(ws.cell(r, 1).value): ws.cell(r, 2).value for r in range(1, 8)}
    value = keys.get("format_version")
    return value if isinstance(value, int) else 0


def _as_option_1(issue):
    return replace(issue, field="options[0]." + issue.field) if issue.field.startswith("interventions[") else issue


def _near(path: str, read: set[str]) -> bool:
    """A problem already reported at this cell (or at a part of it, or the whole of it)."""
    return any(path == p or path.startswith(p + ".") or p.startswith(path + ".") for p in read)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for problem in problems:
        if (problem.where, problem.message) not in seen:
            seen.add((problem.where, problem.message))
            out.append(problem)
    return out


def _check_zip(path: Path) -> None:
    check_zip_limits(path)
    if not zipfile.is_zipfile(path):
        raise InputFileError(path, [Problem("", "is not an Excel workbook (.xlsx). If it is an older .xls or a "
                                                "CSV file, open it in Excel and save it as an Excel Workbook "
                                                "(.xlsx), then try again.")], f"Cannot open '{path.name}'")


def open_workbook(path: Path):
    """The workbook's values (``data_only``); ``InputFileError`` when it is not one."""
    if not path.is_file():
        raise InputFileError(path, [Problem("", "does not exist. Check the name and folder.")],
                             f"Cannot open '{path}'")
    _check_zip(path)
    from openpyxl import load_workbook  # noqa: PLC0415 (slow to import)

    try:
        # An open handle (not the path) so the file is closed even when openpyxl fails mid-parse.
        with open(path, "rb") as handle, warnings.catch_warnings():
            # Excel features openpyxl does not read (slicers, extensions) are not inputs.
            warnings.simplefilter("ignore")
            return load_workbook(handle, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any parser failure means "not a readable workbook"
        raise InputFileError(path, [Problem("", f"could not be read as an Excel workbook ({type(exc).__name__}): "
                                                "it may be damaged, cut short or password-protected. Open it in "
                                                "Excel, save it as an Excel Workbook (.xlsx) and try again.")],
                             f"Cannot open '{path.name}'") from None


def read_hidden(wb) -> tuple[Document | None, list[Problem]]:
    """The exported document from the hidden sheet, or None (with a note why)."""
    if HIDDEN not in wb.sheetnames:
        return None, [Problem("", "This workbook has no record of the document RtV Desktop exported, so changes "
                                  "since export cannot be listed.")]
    ws = wb[HIDDEN]
    keys = {str(ws.cell(r, 1).value): ws.cell(r, 2).value for r in range(1, 8)}
    try:
        count = int(keys.get("json_chunks") or 0)
        start = 8
        text = "".join(read_text(ws.cell(start + k, 1).value) for k in range(count))
        return Document.from_dict(json.loads(text)), []
    except (ValueError, TypeError, ScenarioFormatError, RecursionError, OverflowError):
        # The hidden copy only serves the list of changes: a damaged one never blocks the import.
        return None, [Problem(where_text(HIDDEN), "The record of the exported document is damaged, so changes "
                                                  "since export cannot be listed.")]


def locate(issue, locations: dict[str, tuple[str, str]]) -> Problem:
    """A core ``Issue`` as a ``Problem`` at the issue's cell (or its sheet), worded with its label.

    An issue about a whole value (an intervention's funding shares) is placed at its first cell.
    """
    path = issue.field
    probe = path
    while probe:
        found = locations.get(probe) or next((at for key, at in locations.items() if key.startswith(probe + ".")),
                                             None)
        if found is not None and probe != path.split(".")[0]:
            return Problem(where_text(*found), issue.text, path)
        probe = probe.rsplit(".", 1)[0] if "." in probe else ""
    sheet = PATH_SHEETS.get(path.split(".")[0].split("[")[0], "")
    return Problem(where_text(sheet) if sheet else "", issue.text, path)
