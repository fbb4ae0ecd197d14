"""Item models of the assumptions: services (unit costs) and baseline use per group.

Both call ``on_edit(path, value)`` with a scenario path (``services[1].unit_cost.low``,
``services[0].baseline[2]``) when a cell is edited; the page turns that into a new
scenario. Cells with a validation issue are tinted, with the message in the tooltip.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..core import GROUP_LABELS, GROUPS, Issue, source_for
from .intervention_models import SHORT_GROUP_LABELS, _issue_brush
from .service_rows import ServiceRows

ASSUMPTION_BRUSH = QBrush(QColor("#eef4fb"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _TableBase(QAbstractTableModel):
    """Shared plumbing: rows of services, issues by (row, column), edits by path."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, on_edit, parent=None):
        super().__init__(parent)
        self._on_edit = on_edit
        self._services: tuple = ()
        self._issues: dict[tuple[int, int], list[Issue]] = {}

    def set_services(self, services) -> None:
        if tuple(s.id for s in services) != tuple(s.id for s in self._services):
            self.beginResetModel()
            self._services = tuple(services)
            self.endResetModel()
        else:
            self._services = tuple(services)
            self._all_changed()

    def set_issues(self, issues: list[Issue]) -> None:
        self._issues = {}
        for issue in issues:
            cell = self.cell_for_field(issue.field)
            if cell is not None:
                self._issues.setdefault(cell, []).append(issue)
        self._all_changed()

    def cell_for_field(self, field: str) -> tuple[int, int] | None:
        raise NotImplementedError

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._services):
            return None
        marked = self._issue_data(index, role)
        return marked if marked is not None else self._cell_data(index.row(), index.column(), role)

    def _cell_data(self, row: int, column: int, role):
        """What a valid cell without issues shows for ``role``."""
        raise NotImplementedError

    def _issue_data(self, index, role):
        found = self._issues.get((index.row(), index.column()), [])
        if role == Qt.ItemDataRole.BackgroundRole:
            return _issue_brush(found)
        if role == Qt.ItemDataRole.ToolTipRole and found:
            return "\n".join(i.message for i in found)
        return None

    def _edit(self, path: str, value) -> bool:
        try:
            number = float(value)
        except (TypeError, ValueError):
            return False
        if not math.isfinite(number):
            return False
        self._on_edit(path, number)
        return True


class ServicesModel(ServiceRows, _TableBase):
    """One row per service: unit cost central / low / high [£] and cashable share [%]."""

    HEADERS = ("Service", "Unit cost", "Low", "High", "Cashable share")
    _PATHS = (None, "unit_cost.central", "unit_cost.low", "unit_cost.high", "cashable_share")

    def cell_for_field(self, field: str):
        for row in range(len(self._services)):
            prefix = f"services[{row}]."
            if field.startswith(prefix):
                rest = field[len(prefix):]
                column = {"unit_cost": 1, "unit_cost.low": 2, "unit_cost.high": 3, "cashable_share": 4}.get(rest, 0)
                return row, column
        return None

    def _number(self, row: int, column: int) -> float:
        service = self._services[row]
        if column == 4:
            return service.cashable_share * 100.0
        return getattr(service.unit_cost, ("central", "low", "high")[column - 1])

    def _cell_data(self, row: int, column: int, role):
        service = self._services[row]
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return service.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{service.name} ({service.id})\nSource: {service.source}" if service.source else service.id
            return None
        value = self._number(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:.0f}%" if column == 4 else f"£{value:,.2f}"
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            key = "cashable_share" if column == 4 else "unit_cost"
            source = source_for(f"services.{service.id}.{key}")
            return f"Default {source.value}. Source: {source.source}" if source else None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        column = index.column()
        number = float(value) / 100.0 if column == 4 else value
        return self._edit(f"services[{index.row()}].{self._PATHS[column]}", number)


class BaselineModel(_TableBase):
    """Contacts per person per year: a row per service, a column per target group."""

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._services)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(GROUPS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(GROUPS):
            if role == Qt.ItemDataRole.DisplayRole:
                return SHORT_GROUP_LABELS[GROUPS[section]]
            if role == Qt.ItemDataRole.ToolTipRole:
                return GROUP_LABELS[GROUPS[section]]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._services):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._services[section].name
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def cell_for_field(self, field: str):
        parts = field.split(".")
        if len(parts) != 3 or parts[0] != "baseline_use" or parts[1] not in GROUPS:
            return None
        ids = [s.id for s in self._services]
        return (ids.index(parts[2]), GROUPS.index(parts[1])) if parts[2] in ids else None

    def _source(self, row: int, column: int):
        return source_for(f"baseline_use.{GROUPS[column]}.{self._services[row].id}")

    def _cell_data(self, row: int, column: int, role):
        value = self._services[row].baseline[column]
        source = self._source(row, column)
        assumed = source is not None and source.assumption
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:,.2f}"
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            return ASSUMPTION_BRUSH if assumed else None
        if role == Qt.ItemDataRole.FontRole and assumed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if source is None:
                return "Contacts per person per year (no shipped default: your own figure)"
            tag = "Assumption, editable. " if assumed else ""
            return f"{tag}Default {source.value}. Source: {source.source}"
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self._edit(f"services[{index.row()}].baseline[{index.column()}]", value)
