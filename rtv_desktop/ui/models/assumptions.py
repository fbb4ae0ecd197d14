"""Item models of the assumptions: services (unit costs, organisation) and baseline use per group.

Both call ``on_edit(path, value)`` with a document path (``services[1].unit_cost.low``,
``services[0].baseline[2]``) when a cell is edited; the page turns that into a new
document. Cells with a validation issue are tinted, with the message in the tooltip.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ... import messages
from ...core import GROUP_LABELS, GROUPS, Issue, Service, Spec, Uncertain, source_for, specs
from ..widgets.declared_form import has_special_shape
from ..widgets.fields import KINDS, NumberKind, format_number, fraction_note, number_kind, parse_number
from .interventions import SHORT_GROUP_LABELS, _issue_brush
from ...core.edits import value_at
from .service_rows import ServiceRows
from ...core.typed_entries import TypedEntries

ASSUMPTION_BRUSH = QBrush(QColor("#eef4fb"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _TableBase(QAbstractTableModel):
    """Shared plumbing: rows of services, issues by (row, column), edits by path.

    Text typed into a cell that is not a number stays in the cell (``entries``), tinted,
    and is reported through ``on_problem(field, message or None)``.
    """

    HEADERS: tuple[str, ...] = ()
    # "GP appointment, cashable share read as 25%: ..." after a bare fraction typed into a
    # percent cell is read as Excel reads it; "" after any other edit.
    noted = Signal(str)

    def __init__(self, on_edit, parent=None, on_problem=None):
        super().__init__(parent)
        self._on_edit = on_edit
        self._services: tuple = ()
        self._issues: dict[tuple[int, int], list[Issue]] = {}
        self.entries = TypedEntries(on_problem or (lambda field, message: None))

    def set_services(self, services) -> None:
        if tuple(s.id for s in services) != tuple(s.id for s in self._services):
            self.beginResetModel()
            self._services = tuple(services)
            self.endResetModel()
        else:
            self._services = tuple(services)
            self._all_changed()

    def refresh_entries(self, document, live_fields) -> None:
        """Let go of typed text the session no longer reports, or whose value changed underneath."""
        self.entries.refresh(lambda field: value_at(document, field), set(live_fields))

    def set_issues(self, issues: list[Issue]) -> None:
        self._issues = {}
        for issue in issues:
            cell = self.cell_for_field(issue.field)
            if cell is not None:
                self._issues.setdefault(cell, []).append(issue)
        self._all_changed()

    def cell_for_field(self, field: str) -> tuple[int, int] | None:
        raise NotImplementedError

    def field_for(self, row: int, column: int) -> str:
        """The field a cell edits, as validation names it."""
        raise NotImplementedError

    def kind_for(self, column: int) -> NumberKind:
        raise NotImplementedError

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._services):
            return None
        typed = self._typed_data(index, role)
        if typed is not None:
            return typed
        marked = self._issue_data(index, role)
        return marked if marked is not None else self._cell_data(index.row(), index.column(), role)

    def _typed_data(self, index, role):
        """A cell holding text that is not a number shows that text, as typed."""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole) or not self._is_number_cell(index):
            return None
        return self.entries.text(self.field_for(index.row(), index.column()))

    def _is_number_cell(self, index) -> bool:
        return True

    def _issue_data(self, index, role):
        found = self._issues.get((index.row(), index.column()), [])
        if role == Qt.ItemDataRole.BackgroundRole:
            return _issue_brush(found)
        if role == Qt.ItemDataRole.ToolTipRole and found:
            return "\n".join(i.message for i in found)
        return None

    def _edit(self, index, value, path: str) -> bool:
        """Read ``value`` (text as typed, or a number in the units shown) into the scenario at ``path``."""
        field, kind = self.field_for(index.row(), index.column()), self.kind_for(index.column())
        number = read_cell(value, kind)
        if number is None:
            text = str(value)
            underneath = self._cell_value(index.row(), index.column())
            self.entries.typed(field, text, underneath, messages.not_a_number(text, kind.example))
            self.dataChanged.emit(index, index)
            return True
        self.entries.accepted(field)
        note = fraction_note(value, kind, self.cell_name(index.row(), index.column())) \
            if isinstance(value, str) else None
        self.noted.emit(note or "")
        self._on_edit(path, number)
        return True

    def cell_name(self, row: int, column: int) -> str:
        """A cell in words, for the note under the table."""
        return f"{self._services[row].name}, {self.headerData(column, Qt.Orientation.Horizontal)}"

    def _cell_value(self, row: int, column: int):
        raise NotImplementedError


def read_cell(value, kind: NumberKind):
    """A cell's new scenario value: text is parsed as typed, a number is in the units shown; None if neither."""
    if isinstance(value, str):
        return parse_number(value, kind)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return value / kind.scale


def service_columns() -> tuple[tuple[str, str | None, Spec], ...]:
    """``(field, end, spec)`` for each column after the name: every declared service input that
    is a number or a choice (central, low and high for an uncertain one); text and per-group
    values (baseline use, a table of its own) are not columns."""
    columns = []
    for name, spec in specs(Service):
        if spec.kind == "text" or has_special_shape(Service, name):
            continue
        ends = (None, "low", "high") if spec.uncertain else (None,)
        columns += [(name, end, spec) for end in ends]
    return tuple(columns)


def short_label(label: str) -> str:
    """A choice's label without its explanation in brackets: "NHS" for "NHS (ICB and NHS providers)"."""
    return label.split(" (")[0]


class ServicesModel(ServiceRows, _TableBase):
    """One row per service, a column per declared input (unit cost central / low / high [£],
    cashable share [%], the organisation that bears its cost, ...)."""

    COLUMNS = service_columns()
    HEADERS = ("Service",) + tuple(spec.label if end is None else end.capitalize() for _n, end, spec in COLUMNS)

    def choice_columns(self) -> list[tuple[int, Spec]]:
        """``(column, spec)`` of the columns edited with a drop-down list."""
        return [(k + 1, spec) for k, (_n, _e, spec) in enumerate(self.COLUMNS) if spec.kind == "choice"]

    def _column(self, column: int) -> tuple[str, str | None, Spec]:
        return self.COLUMNS[column - 1]

    def field_for(self, row: int, column: int) -> str:
        name, end, _spec = self._column(column)
        return f"services[{row}].{name}" + (f".{end}" if end else "")

    def cell_name(self, row: int, column: int) -> str:
        _name, end, spec = self._column(column)
        return f"{self._services[row].name}, {spec.label.lower()}" + (f" ({end})" if end else "")

    def kind_for(self, column: int) -> NumberKind:
        return number_kind(self._column(column)[2].kind)

    def _is_choice(self, column: int) -> bool:
        return column > 0 and self._column(column)[2].kind == "choice"

    def _is_number_cell(self, index) -> bool:
        return index.column() > 0 and not self._is_choice(index.column())

    def _cell_value(self, row: int, column: int):
        name, end, _spec = self._column(column)
        value = getattr(self._services[row], name)
        return getattr(value, end or "central") if isinstance(value, Uncertain) else value

    def cell_for_field(self, field: str):
        for row in range(len(self._services)):
            if field.startswith(f"services[{row}]."):
                columns = [c for c in range(1, len(self.HEADERS)) if self.field_for(row, c) == field]
                return row, columns[0] if columns else 0
        return None

    def _cell_data(self, row: int, column: int, role):
        service = self._services[row]
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return service.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{service.name} ({service.id})\nSource: {service.source}" if service.source else service.id
            return None
        name, _end, spec = self._column(column)
        value = self._cell_value(row, column)
        if self._is_choice(column):
            label = (spec.choices or {}).get(value, value)
            if role == Qt.ItemDataRole.DisplayRole:
                return short_label(label)
            if role == Qt.ItemDataRole.EditRole:
                return value
            return f"{label}. {spec.help}" if role == Qt.ItemDataRole.ToolTipRole else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_number(value, self.kind_for(column))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            source = source_for(f"services.{service.id}.{name}")
            return f"Default {source.value}. Source: {source.source}" if source else spec.help or None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        if self._is_choice(index.column()):
            if value not in (self._column(index.column())[2].choices or {}):
                return False
            self._on_edit(self.field_for(index.row(), index.column()), value)
            return True
        return self._edit(index, value, self.field_for(index.row(), index.column()))


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

    def field_for(self, row: int, column: int) -> str:
        return f"baseline_use.{GROUPS[column]}.{self._services[row].id}"

    def kind_for(self, column: int) -> NumberKind:
        return KINDS["contacts"]

    def _cell_value(self, row: int, column: int):
        return self._services[row].baseline[column].central

    def _source(self, row: int, column: int):
        return source_for(f"baseline_use.{GROUPS[column]}.{self._services[row].id}")

    def _cell_data(self, row: int, column: int, role):
        use = self._services[row].baseline[column]
        value = use.central
        source = self._source(row, column)
        # No shipped figure, or a shipped 0 that only stands in (social care: local records have it).
        to_fill = value == 0 and (source is None or (source.assumption and _is_zero(source.value)))
        assumed = to_fill or (source is not None and source.assumption)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:,.2f} (to fill in)" if to_fill else f"{value:,.2f}"
        if role == Qt.ItemDataRole.EditRole:
            return format_number(value, self.kind_for(column))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            return ASSUMPTION_BRUSH if assumed else None
        if role == Qt.ItemDataRole.FontRole and assumed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if to_fill:
                shipped = f"\nSource: {source.source}" if source is not None else ""
                return ("To fill in: there is no shipped figure for this service, so 0 stands in. Type the "
                        f"local contacts per person per year for this group.{shipped}")
            spread = "" if use.is_fixed else f"Range {use.low:,.2f} to {use.high:,.2f} (drawn in a simulation). "
            if source is None:
                return f"{spread}Contacts per person per year (no shipped default: your own figure)"
            tag = "Assumption, editable. " if assumed else ""
            return f"{spread}{tag}Default {source.value}. Source: {source.source}"
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self._edit(index, value, f"services[{index.row()}].baseline[{index.column()}]")


def _is_zero(text: str) -> bool:
    try:
        return float(text) == 0
    except ValueError:
        return False
