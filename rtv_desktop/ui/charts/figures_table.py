"""A chart's figures as a table, for keyboard and screen-reader users ("Show as table").

The rows are the chart's own :meth:`~rtv_desktop.ui.charts.base.ChartPanel.table`, numbers
written as the CSV export holds them but rounded for reading; the dialog's object name is
``chart.<name>.table_dialog`` and its view ``chart.<name>.table``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, \
    QVBoxLayout, QWidget

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def cell_text(value) -> str:
    """A figure as a reader wants it: thousands separated, a few decimals, no trailing zeros."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    if not math.isfinite(value):
        return "not available"
    if float(value).is_integer():
        return f"{value:,.0f}"
    decimals = 0 if abs(value) >= 1_000 else 2 if abs(value) >= 1 else 4
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if decimals else text  # 0.378, not 0.3780


class FiguresModel(QAbstractTableModel):
    """Headers and rows, read only; numbers right-aligned."""

    def __init__(self, headers, rows, parent=None):
        super().__init__(parent)
        self.headers, self.rows = list(headers), [list(row) for row in rows]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell_text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float)):
            return RIGHT
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt's name)
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class FiguresDialog(QDialog):
    """The chart's title, its figures in a table the keyboard can walk, and Close."""

    def __init__(self, chart, parent: QWidget | None = None):
        super().__init__(parent or chart)
        title = chart.title_label.text()
        self.setObjectName(f"chart.{chart.name}.table_dialog")
        self.setWindowTitle(f"Figures: {title}")
        headers, rows = chart.table()
        self.model = FiguresModel(headers, rows, self)
        self.view = QTableView()
        self.view.setObjectName(f"chart.{chart.name}.table")
        self.view.setModel(self.model)
        self.view.setAccessibleName(f"Figures of the chart: {title}")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)  # Tab reaches Close
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        heading = QLabel(title)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: 600;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(860, 440)
        self.view.setFocus()
