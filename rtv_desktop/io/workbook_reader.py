"""Read an RtV workbook back into a ``Scenario``, reporting every problem with its cell.

Inputs are found by defined name (area, settings, scenario text) and by table header
(services, baseline use, interventions), never by fixed position, and only inputs are
read: cached formula results are never trusted. The user's file is only read, never saved.
"""

from __future__ import annotations

import json
import warnings
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..core import GROUPS, Intervention, Scenario, ScenarioFormatError, Uncertain, errors, validate
from .errors import InputFileError, Problem
from .limits import check_zip_limits
from .text_cells import read_text
from .workbook_cells import CellReader, where_text
from .workbook_changes import Change, changes_between, flatten
from .workbook_fields import read_area, read_scenario_text, read_settings
from .workbook_overrides import formula_overrides
from .workbook_layout import (
    BASELINE, BASELINE_TABLE, HIDDEN, INTERVENTIONS, INTERVENTIONS_TABLE, SERVICES, SERVICES_TABLE,
    intervention_columns,
)
from .workbook_tables import TableRows, read_table

UNCERTAIN_FIELDS = ("reach", "completion", "cost_per_starter", "drop_off", "deadweight", "wellbeing_gain")
NUMBER_FIELDS = ("fixed_cost", "setup_cost", "attribution", "volunteer_hours")
INTEGER_FIELDS = ("effect_years", "evidence_grade")
PATH_SHEETS = {"area": "Area", "settings": "Settings", "services": SERVICES, "baseline_use": BASELINE,
               "interventions": INTERVENTIONS, "name": "Cover", "author": "Cover", "notes": "Cover"}


@dataclass(frozen=True)
class WorkbookImport:
    """What :func:`read_workbook` found.

    ``exported_from`` is the scenario as RtV Desktop exported it (from the hidden sheet),
    ``changes`` what differs from it now, ``warnings`` doubtful but usable values (and the
    ``overrides``), ``overrides`` the app's formulas replaced by typed values in Excel,
    which the import ignores (see :mod:`rtv_desktop.io.workbook_overrides`).
    """

    scenario: Scenario
    exported_from: Scenario | None = None
    changes: list[Change] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    overrides: list[Problem] = field(default_factory=list)


def read_workbook(path) -> WorkbookImport:
    """Read the scenario in an RtV workbook.

    Raises
    ------
    InputFileError
        With every problem at once, each naming its sheet and cell and what to do.
    """
    path = Path(path)
    wb = open_workbook(path)
    exported, notes = read_hidden(wb)
    cells = CellReader(flatten(exported) if exported is not None else {})
    text = read_scenario_text(wb, cells)
    area, settings = read_area(wb, cells), read_settings(wb, cells)
    services = read_services(wb, cells)
    interventions = read_interventions(wb, cells, tuple(svc.id for svc in services))
    if exported is not None:
        interventions = tuple(_effects_in_exported_order(iv, exported.interventions[k])
                              if k < len(exported.interventions) else iv for k, iv in enumerate(interventions))
    scenario = Scenario(area=area, settings=settings, services=services, interventions=interventions, **text)
    issues = validate(scenario)
    # Values that could not be read stand in as placeholders: skip range checks near them.
    unread = {_group(p.field) for p in cells.problems}
    problems = cells.problems + [locate(issue, cells.locations) for issue in errors(issues)
                                 if _group(issue.field) not in unread]
    if problems:
        raise InputFileError(path, problems, f"'{path.name}' has {len(problems)} problem(s) to fix")
    overrides = formula_overrides(path, exported) if exported is not None else []
    warned = overrides + notes + [locate(issue, cells.locations) for issue in issues if issue.severity != "error"]
    changes = changes_between(exported, scenario) if exported is not None else []
    return WorkbookImport(scenario, exported, changes, warned, overrides)


def _group(path: str) -> str:
    """The record a scenario path belongs to: ``area``, ``settings``, ``interventions[2]``, ..."""
    return path.split(".")[0] if path else ""


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


def read_hidden(wb) -> tuple[Scenario | None, list[Problem]]:
    """The exported scenario from the hidden sheet, or None (with a note why)."""
    if HIDDEN not in wb.sheetnames:
        return None, [Problem("", "This workbook has no record of the scenario RtV Desktop exported, so changes "
                                  "since export cannot be listed.")]
    ws = wb[HIDDEN]
    keys = {str(ws.cell(r, 1).value): ws.cell(r, 2).value for r in range(1, 8)}
    try:
        count = int(keys.get("json_chunks") or 0)
        start = 8
        text = "".join(read_text(ws.cell(start + k, 1).value) for k in range(count))
        return Scenario.from_dict(json.loads(text)), []
    except (ValueError, TypeError, ScenarioFormatError, RecursionError, OverflowError):
        # The hidden copy only serves the list of changes: a damaged one never blocks the import.
        return None, [Problem(where_text(HIDDEN), "The record of the exported scenario is damaged, so changes "
                                                  "since export cannot be listed.")]


def _uncertain(cells: CellReader, table: TableRows, row: int, key: str, path: str,
               required: bool = True) -> Uncertain | None:
    """Low / central / high cells; blank low or high means "same as central"."""
    sheet = table.ws.title
    central = cells.number(table.cell(row, key), path, sheet, required) if table.has(key) else None
    ends = {}
    for end in ("low", "high"):
        column = f"{key}_{end}"
        ends[end] = cells.number(table.cell(row, column), f"{path}.{end}", sheet, False) \
            if table.has(column) else None
    if central is None:
        if not required and any(v is not None for v in ends.values()):
            cells.fail(sheet, table.cell(row, key).coordinate, "is blank but its low or high is not: enter the "
                                                               "central value too", path)
        return None
    low = central if ends["low"] is None else ends["low"]
    high = central if ends["high"] is None else ends["high"]
    return Uncertain(central, low, high)


def read_services(wb, cells: CellReader) -> tuple:
    from ..core import Service  # noqa: PLC0415

    table = read_table(wb, cells, SERVICES, SERVICES_TABLE, ("id", "name", "unit_cost", "cashable_share"))
    if table is None:
        return ()
    rows = []
    for j, row in enumerate(table.rows):
        p = f"services[{j}]"
        sheet = table.ws.title
        rows.append(dict(
            id=cells.text(table.cell(row, "id"), f"{p}.id", sheet).strip(),
            name=cells.text(table.cell(row, "name"), f"{p}.name", sheet),
            unit_cost=_uncertain(cells, table, row, "unit_cost", f"{p}.unit_cost") or Uncertain.fixed(0.0),
            cashable_share=cells.number(table.cell(row, "cashable_share"), f"{p}.cashable_share", sheet) or 0.0,
            source=cells.text(table.cell(row, "source"), f"{p}.source", sheet, "") if table.has("source") else "",
        ))
    baseline = read_baseline(wb, cells, tuple(r["id"] for r in rows))
    return tuple(Service(baseline=baseline.get(r["id"], (0.0,) * len(GROUPS)), **r) for r in rows)


def read_baseline(wb, cells: CellReader, service_ids: tuple[str, ...]) -> dict[str, tuple[float, ...]]:
    """Baseline use by service id, in the order of ``GROUPS``."""
    table = read_table(wb, cells, BASELINE, BASELINE_TABLE, ("group",))
    if table is None:
        return {}
    sheet = table.ws.title
    by_group = {str(table.cell(row, "group").value or "").strip(): row for row in table.rows}
    for group in GROUPS:
        if group not in by_group:
            cells.fail(sheet, None, f"has no row for target group '{group}' in its 'group' column: add it back")
    missing = [sid for sid in service_ids if sid and sid.lower() not in table.columns]
    for sid in missing:
        cells.fail(sheet, None, f"has no column for service '{sid}': add a column headed '{sid}' to the table")
    out = {}
    for sid in service_ids:
        if sid in missing or not sid:
            continue
        out[sid] = tuple(cells.number(table.cell(by_group[g], sid.lower()), f"baseline_use.{g}.{sid}", sheet) or 0.0
                         if g in by_group else 0.0 for g in GROUPS)
    return out


def read_interventions(wb, cells: CellReader, service_ids: tuple[str, ...]) -> tuple[Intervention, ...]:
    required = ("name", "target_group", "reach", "completion", "cost_per_starter")
    table = read_table(wb, cells, INTERVENTIONS, INTERVENTIONS_TABLE, required)
    if table is None:
        return ()
    known = {sid.lower() for sid in service_ids}
    fixed = {column.key for column in intervention_columns(())}  # effect_years is not an effect
    for key in table.columns:
        sid = key.removeprefix("effect_").removesuffix("_low").removesuffix("_high")
        if key.startswith("effect_") and key not in fixed and sid not in known:
            cells.fail(table.ws.title, table.ws.cell(table.header_row, table.columns[key]).coordinate,
                       f"heads effects on service '{sid}', which is not on the Services sheet: rename the column "
                       "to match a service id there (effect_<id>), or add the service")
    return tuple(_intervention(cells, table, row, f"interventions[{k}]", service_ids)
                 for k, row in enumerate(table.rows))


def _intervention(cells: CellReader, table: TableRows, row: int, p: str, service_ids) -> Intervention:
    base, sheet = Intervention(name=""), table.ws.title
    values: dict = {"name": cells.text(table.cell(row, "name"), f"{p}.name", sheet),
                    "target_group": cells.text(table.cell(row, "target_group"), f"{p}.target_group", sheet).strip()}
    for key, default in (("approach", "custom"), ("notes", "")):
        if table.has(key):
            values[key] = cells.text(table.cell(row, key), f"{p}.{key}", sheet, default)
    values["approach"] = values.get("approach", "custom").strip()
    if table.has("custom_size"):
        values["custom_size"] = cells.number(table.cell(row, "custom_size"), f"{p}.custom_size", sheet, False) or 0.0
    for key in UNCERTAIN_FIELDS:
        value = _uncertain(cells, table, row, key, f"{p}.{key}") if table.has(key) else getattr(base, key)
        values[key] = value or Uncertain.fixed(0.0)
    for key in NUMBER_FIELDS + INTEGER_FIELDS:
        if table.has(key):
            number = cells.number(table.cell(row, key), f"{p}.{key}", sheet, integer=key in INTEGER_FIELDS)
            values[key] = number if number is not None else getattr(base, key)
    effects = []
    for sid in service_ids:
        effect = _uncertain(cells, table, row, f"effect_{sid.lower()}", f"{p}.effect.{sid}", required=False)
        if effect is not None:
            effects.append((sid, effect))
    values["effect"] = tuple(effects)
    return Intervention(**values)


def _effects_in_exported_order(iv: Intervention, before: Intervention) -> Intervention:
    """Effects are read in service order; keep the exported order when the same services are affected."""
    order = [sid for sid, _ in before.effect]
    if sorted(order) != sorted(sid for sid, _ in iv.effect):
        return iv
    effects = dict(iv.effect)
    return replace(iv, effect=tuple((sid, effects[sid]) for sid in order))


def locate(issue, locations: dict[str, tuple[str, str]]) -> Problem:
    """A core ``Issue`` as a ``Problem`` at the issue's cell (or its sheet)."""
    path = issue.field
    probe = path
    while probe:
        if probe in locations:
            sheet, coordinate = locations[probe]
            return Problem(where_text(sheet, coordinate), _with_hint(issue.message), path)
        probe = probe.rsplit(".", 1)[0] if "." in probe else probe.split("[")[0] if "[" in probe else ""
    sheet = PATH_SHEETS.get(path.split(".")[0].split("[")[0], "")
    return Problem(where_text(sheet) if sheet else f"field {path}", _with_hint(issue.message), path)


def _with_hint(message: str) -> str:
    """The core's message, worded for a spreadsheet, with what to do."""
    text = message.replace(" (between ", " between ").replace("); it is", "; it is")
    if "a fraction" in text:
        text += ". Enter the share as a decimal, e.g. 0.05 for 5%"
    elif "a relative change" in text:
        text += ". Enter the change as a decimal, e.g. 0.05 for 5% fewer contacts"
    return text
