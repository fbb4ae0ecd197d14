"""The quarterly table of the Monitoring page: forecast, actual and variance of starters,
completers and spend, one row per quarter of one option's intervention.

A blank actual is "not yet known", never 0, and has no variance. :func:`quarter_cells` is the
text of a row, shared with the copy of the table.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...core.actuals import FIGURE_LABELS
from ...core.monitoring import variance
from ...core.text import format_money

NOT_KNOWN = "not yet known"
FIGURES = tuple(FIGURE_LABELS.items())
PARTS = ("forecast", "actual", "variance")
HEADERS = ("Quarter", *(f"{words}\n{part}" for _key, words in FIGURES for part in PARTS))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
FORECAST_BRUSH = QBrush(QColor("#F0F4F5"))  # grey, as the workbook shows its forecasts
UNKNOWN_BRUSH = QBrush(QColor("#768692"))
UNDER_BRUSH = QBrush(QColor("#A83232"))


def figure_text(key: str, value) -> str:
    """A forecast or actual: people to one decimal where a quarter's share is fractional, spend in £."""
    if value is None:
        return NOT_KNOWN
    if key == "spend":
        return format_money(value)
    rounded = round(float(value), 1)
    return f"{rounded:,.0f}" if rounded.is_integer() else f"{rounded:,.1f}"


def variance_text(key: str, found: dict | None) -> str:
    """"+12 (+24%)", "-£3,000 (-8%)"; blank when the actual is not yet known; no percent of a zero forecast."""
    if found is None:
        return ""
    number = float(found["number"])
    sign = "+" if number > 0 else "-" if number < 0 else ""
    size = format_money(abs(number)) if key == "spend" else figure_text(key, abs(number))
    percent = found.get("percent")
    if percent is None:
        return f"{sign}{size}"
    return f"{sign}{size} ({float(percent):+.0f}%)"  # core gives percent, not a fraction


def quarter_cells(row) -> list[str]:
    """The text of one ActivityRow: quarter, then forecast, actual, variance of each figure."""
    found = variance(row.forecast, row.actual)
    cells = [row.quarter]
    for key, _words in FIGURES:
        cells += [figure_text(key, getattr(row.forecast, key)), figure_text(key, getattr(row.actual, key)),
                  variance_text(key, found.get(key))]
    return cells


class QuarterTableModel(QAbstractTableModel):
    """Rows: the quarters of one option's intervention; columns: :data:`HEADERS`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self._cells: list[list[str]] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._cells = [quarter_cells(row) for row in self.rows]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt's name)
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole):
            return HEADERS[section] if role == Qt.ItemDataRole.DisplayRole else HEADERS[section].replace("\n", " ")
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        text = self._cells[index.row()][index.column()]
        part = PARTS[(index.column() - 1) % 3] if index.column() else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column():
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and part == "forecast":
            return FORECAST_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole:
            if text == NOT_KNOWN:
                return UNKNOWN_BRUSH
            if part == "variance" and text.startswith("-"):
                return UNDER_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and text == NOT_KNOWN:
            return "Blank in the workbook: not yet known (never counted as zero)"
        return None

    def as_rows(self) -> list[list[str]]:
        """Header and rows as text (tab-separated on the clipboard: pastes into Excel as cells)."""
        return [[h.replace("\n", " ") for h in HEADERS]] + [list(cells) for cells in self._cells]
