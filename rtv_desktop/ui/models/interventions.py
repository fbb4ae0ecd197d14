"""Item models of the intervention mix: the list of interventions and one row's effects."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ... import messages
from ...core import APPROACH_LABELS, GROUP_LABELS, Issue, Uncertain, describe_field
from ..widgets.fields import KINDS, format_number, fraction_note, parse_number
from .service_rows import ServiceRows
from ...core.typed_entries import TypedEntries

SHORT_GROUP_LABELS = {"all_adults": "All adults", "adults_ltc": "Adults with LTC",
                      "adults_multimorbid": "Adults 2+ LTCs", "older_people": "Aged 65+", "custom": "Custom group"}

ERROR_BRUSH = QBrush(QColor("#fde8e6"))
WARNING_BRUSH = QBrush(QColor("#fff4d6"))
_ROW = re.compile(r"^options\[(\d+)\]\.interventions\[(\d+)\]")


def _money(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "n/a"
    sign = "-" if value < 0 else ""
    return f"{sign}£{abs(value):,.0f}"


def _issue_brush(found: list[Issue]):
    if not found:
        return None
    return ERROR_BRUSH if any(i.severity == "error" for i in found) else WARNING_BRUSH


class InterventionTableModel(QAbstractTableModel):
    """One row per intervention: what it is, its scale, and its headline result."""

    # Two-line headers keep the figures narrow, so the names have room beside the options list.
    HEADERS = ("Intervention", "Target group", "Starters\n/ yr", "Cost /\nstarter", "Grade",
               "Net fiscal\nvalue", "Social £\nper £1")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: tuple = ()
        self._option = 0
        self._results = None
        self._issues: dict[int, list[Issue]] = {}

    def set_rows(self, interventions, option: int) -> None:
        """Show ``interventions``, option ``option``'s (its issues are the ones marked)."""
        rows, self._option = tuple(interventions), option
        if self._results is not None and self._results.scenario.interventions != rows:
            self._results = None  # per-row figures of other rows; new ones follow shortly
        if len(rows) != len(self._rows):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        else:
            self._rows = rows
            self._all_changed()

    def set_results(self, results) -> None:
        """Per-intervention figures (ignored unless they match the rows shown)."""
        if results is not None and results.scenario.interventions != self._rows:
            results = None
        self._results = results
        self._all_changed()

    def set_issues(self, issues: list[Issue]) -> None:
        self._issues = {}
        for issue in issues:
            match = _ROW.match(issue.field)
            if match and int(match.group(1)) == self._option:
                self._issues.setdefault(int(match.group(2)), []).append(issue)
        self._all_changed()

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
                return self.HEADERS[section]
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _issue_brush(self._issues.get(row, []))
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self._issues.get(row, [])
            if found:
                return "\n".join(f"{i.subject or describe_field(i.field)} {i.message}" for i in found)
            iv = self._rows[row]
            return f"{iv.name}: {APPROACH_LABELS.get(iv.approach, iv.approach)}, {GROUP_LABELS.get(iv.target_group, '')}"
        return None

    def _text(self, row: int, column: int) -> str:
        iv = self._rows[row]
        if column == 0:
            return iv.name
        if column == 1:
            return SHORT_GROUP_LABELS.get(iv.target_group, iv.target_group)
        if column == 3:
            return _money(iv.cost_per_starter.central)
        if column == 4:
            return str(iv.evidence_grade)
        return self._result_text(row, column)

    def _result_text(self, row: int, column: int) -> str:
        r = self._results
        if r is None:
            return ""
        if column == 2:
            return f"{r.starters[row]:,.0f}"
        if column == 5:
            return _money(float(r.by_intervention["npv_fiscal"][row]))
        ratio = float(r.by_intervention["bcr_social"][row])
        return f"£{ratio:,.2f}" if math.isfinite(ratio) else "n/a"


class EffectsModel(ServiceRows, QAbstractTableModel):
    """The selected intervention's effect on each service: central, low, high (as %).

    Editing a cell calls ``on_edit(service_id, Uncertain)``; the page turns that into a
    new document. Text that is not a number stays in its cell (``entries``) and goes to
    ``on_problem(field, message or None)``. Cells with a validation issue are tinted, with
    the message as tooltip.
    """

    HEADERS = ("Service", "Central", "Low", "High")
    _ENDS = ("central", "low", "high")
    KIND = KINDS["signed_fraction"]
    noted = Signal(str)  # a bare fraction read as Excel reads it ("..., low read as -5%: ..."), or ""

    def __init__(self, on_edit, parent=None, on_problem=None):
        super().__init__(parent)
        self._on_edit = on_edit
        self._services: tuple = ()
        self._effects: dict[str, Uncertain] = {}
        self._issues: dict[tuple[str, str], list[Issue]] = {}
        self.intervention_path: str | None = None  # options[k].interventions[i]
        self.entries = TypedEntries(on_problem or (lambda field, message: None))

    def set_rows(self, services, intervention, path: str | None = None) -> None:
        """The effects of ``intervention``, found at document path ``path``, on ``services``."""
        self.intervention_path = path
        effects = dict(intervention.effect) if intervention is not None else {}
        if tuple(s.id for s in services) != tuple(s.id for s in self._services):
            self.beginResetModel()
            self._services, self._effects = tuple(services), effects
            self.endResetModel()
            return
        self._services, self._effects = tuple(services), effects
        if self._services:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._services) - 1, 3))

    def set_issues(self, issues_by_key: dict[tuple[str, str], list[Issue]]) -> None:
        """``{(service_id, end): issues}`` with end in central / low / high."""
        self._issues = issues_by_key
        if self._services:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._services) - 1, 3))

    def field_for(self, row: int, column: int) -> str:
        """``options[k].interventions[i].effect.<service>`` with ``.low`` / ``.high``, as validation names it."""
        end = self._ENDS[column - 1]
        tail = "" if end == "central" else f".{end}"
        return f"{self.intervention_path}.effect.{self._services[row].id}{tail}"

    def _value(self, row: int) -> Uncertain:
        return self._effects.get(self._services[row].id, Uncertain.fixed(0.0))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._services):
            return None
        row, column = index.row(), index.column()
        service = self._services[row]
        if column == 0:
            return service.name if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) else None
        end = self._ENDS[column - 1]
        value = getattr(self._value(row), end)
        found = self._issues.get((service.id, end), [])
        typed = self.entries.text(self.field_for(row, column))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return typed if typed is not None else format_number(value, self.KIND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return ERROR_BRUSH if typed is not None else _issue_brush(found)
        if role == Qt.ItemDataRole.ToolTipRole:
            what = "Relative reduction in use per completer (5% = 5% fewer contacts; negative = more use)"
            return "\n".join([i.message for i in found] + [what])
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        field = self.field_for(index.row(), index.column())
        number = value / 100.0 if isinstance(value, (int, float)) and not isinstance(value, bool) \
            else parse_number(str(value), self.KIND)
        service = self._services[index.row()]
        current = self._value(index.row())
        end = self._ENDS[index.column() - 1]
        if number is None or not math.isfinite(number):
            text = str(value)
            self.entries.typed(field, text, getattr(current, end), messages.not_a_number(text, self.KIND.example))
            self.dataChanged.emit(index, index)
            return True
        self.entries.accepted(field)
        note = fraction_note(value, self.KIND, f"{service.name}, {end}") if isinstance(value, str) else None
        self.noted.emit(note or "")
        edited = replace(current, **{end: number})
        self._effects[service.id] = edited
        self.dataChanged.emit(index, index)
        self._on_edit(service.id, edited)
        return True
